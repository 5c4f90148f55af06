// Package extract is masar's extraction pipeline: one article in, its dates,
// quotes, entities and coded events out, in the shape of package article.
package extract

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masar-project/masar/actors"
	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/events"
	"github.com/masar-project/masar/geo"
	"github.com/masar-project/masar/ner"
	"github.com/masar-project/masar/process"
	"github.com/masar-project/masar/quote"
	"github.com/masar-project/masar/text"
	"github.com/masar-project/masar/timex"
)

// MaxTextBytes bounds one article's text. News articles are well under 100 KB;
// a longer text is a book or a mis-split dump and is refused with a clear error
// rather than holding up the run.
const MaxTextBytes = 2 << 20

// Extractor runs the pipeline. It is safe for concurrent use.
type Extractor struct {
	actors *actors.Dictionary
	coder  *events.Coder
	tagger *ner.Model
}

// New returns an Extractor with the embedded models and dictionaries loaded.
func New() (*Extractor, error) {
	tagger, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the entity model: %w", err)
	}
	dict := actors.Default()
	return &Extractor{actors: dict, coder: events.New(dict, geo.Default()), tagger: tagger}, nil
}

// ParsePublished reads an article's publication date: an ISO date, or an
// RFC 3339 timestamp whose date part is used. ok is false when s is empty or
// not a date.
func ParsePublished(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}

func emptyResult(id string) article.Result {
	return article.Result{ID: id, Events: []article.Event{}, Quotes: []article.Quote{},
		Entities: []article.Entity{}, Timexes: []article.Timex{}}
}

// Extract annotates one article. Problems with the article itself are
// reported in Result.Error; Extract never panics on any input text.
func (x *Extractor) Extract(a article.Article) (res article.Result) {
	res = emptyResult(a.ID)
	if len(a.Text) > MaxTextBytes {
		res.Error = fmt.Sprintf("text is %d bytes, over the %d-byte limit", len(a.Text), MaxTextBytes)
		return res
	}
	if !utf8.ValidString(a.Text) {
		// JSON input cannot carry invalid UTF-8, but library callers can.
		a.Text = strings.ToValidUTF8(a.Text, "\uFFFD")
	}
	if strings.TrimSpace(a.Text) == "" {
		return res
	}
	defer func() {
		// A bug on one article must not end a run over thousands.
		if r := recover(); r != nil {
			res = emptyResult(a.ID)
			res.Error = fmt.Sprintf("internal error: %v", r)
		}
	}()
	anchor, _ := ParsePublished(a.Published)
	// Stages that can take the article's analysis share one copy of it.
	sents, toks := text.Sentences(a.Text), text.Tokenize(a.Text)
	dates := timex.Find(a.Text, anchor)
	doc := x.actors.AnalyzeTokens(a.Text, toks, anchor)

	for _, d := range dates {
		t := article.Timex{Text: d.Text, Start: d.Start, End: d.End}
		if d.Value != "" {
			v := d.Value
			t.Value = &v
		}
		res.Timexes = append(res.Timexes, t)
	}
	for _, q := range quote.FindIn(a.Text, sents, toks) {
		out := article.Quote{Text: q.Text.Text, Direct: q.Direct, Start: q.Text.Start, End: q.Text.End,
			Speaker: article.Actor{Text: q.Speaker.Text}}
		if q.Speaker.Text != "" {
			if m, ok := doc.Resolve(q.Speaker.Text, q.Speaker.Start); ok {
				out.Speaker.Code, out.Speaker.Name = m.Code, m.Name
			}
		}
		res.Quotes = append(res.Quotes, out)
	}
	res.Entities = x.entities(a.Text, sents, toks, doc)
	res.Events = x.coder.Code(a.Text, sents, doc, dates)
	if len(res.Events) > 0 {
		process.AnnotateParsed(toks, sents, dates, res.Events)
	}
	return res
}

// entities tags names and links each to the actor mention it overlaps, so a
// reader sees "ستيفان دي مستورا" as Staffan de Mistura, IGOUNO. Both lists are
// in text order, so one sweep links them.
func (x *Extractor) entities(s string, sents []text.Sentence, toks []text.Token, doc *actors.Doc) []article.Entity {
	found := x.tagger.EntitiesIn(s, sents, toks)
	mentions := doc.Mentions()
	out := make([]article.Entity, 0, len(found))
	j := 0
	for _, e := range found {
		ent := article.Entity{Text: e.Text, Type: e.Type, Start: e.Start, End: e.End}
		for j < len(mentions) && mentions[j].End <= e.Start {
			j++
		}
		for k := j; k < len(mentions) && mentions[k].Start < e.End; k++ {
			if m := mentions[k]; m.Code != "" && m.End > e.Start {
				ent.Canonical, ent.Code = m.Name, m.Code
				break
			}
		}
		out = append(out, ent)
	}
	return out
}
