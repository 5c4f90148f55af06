// Package ingest reads news from files, folders and URLs (plain text, JSON
// Lines, HTML, RSS/Atom feeds and WARC archives) and turns each article into a
// Doc: its text and metadata in UTF-8, with provenance.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/masar-project/masar/article"
)

// Doc is one article read from a source, with where and how it was read.
type Doc struct {
	// ID is the source's id when it has one, else a stable id derived from
	// the URL or the path (plus the record number inside the file).
	article.Article
	Source    string            `json:"source"` // path or URL, plus "#N" for the Nth record inside a file
	Format    string            `json:"format"` // txt, jsonl, html, rss, atom or warc
	Byline    string            `json:"byline,omitempty"`
	Canonical string            `json:"canonical,omitempty"`
	Lang      string            `json:"lang,omitempty"`    // "ar", "en"...: declared, else guessed for Arabic
	Charset   string            `json:"charset,omitempty"` // the encoding the bytes were decoded from
	Fetched   time.Time         `json:"fetched,omitzero"`  // when a URL or WARC record was fetched; zero for local files
	Meta      map[string]string `json:"meta,omitempty"`    // extra fields of a JSON Lines record, kept as written
}

// Defaults for the zero Options.
const (
	DefaultMaxBytes  = 64 << 20
	DefaultTimeout   = 30 * time.Second
	DefaultUserAgent = "masar-ingest/1.0 (+https://github.com/masar-project/masar)"
)

// Options tune a Walk. The zero value is ready to use.
type Options struct {
	// HTTPClient fetches URLs; nil means a client with DefaultTimeout.
	HTTPClient *http.Client
	// MaxBytes bounds one file, page or WARC record; larger ones are refused.
	MaxBytes int64
	// UserAgent is sent with every request.
	UserAgent string
	// OnSource, when set, is called before each file or URL is read, with its
	// position among all the sources the inputs expand to.
	OnSource func(source string, i, n int)
}

func (o Options) withDefaults() Options {
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: DefaultTimeout}
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	return o
}

// ErrTooLarge is reported for a file, page or record over Options.MaxBytes.
var ErrTooLarge = errors.New("over the size limit")

// Walk reads every path or URL and calls fn for each article, in a
// deterministic order: inputs as given, folders recursively in lexical order,
// records in file order. A corrupt or unreadable source is reported through
// onErr (which may be nil) and skipped; the walk continues. Walk stops with
// the error when fn fails or ctx is done.
func Walk(ctx context.Context, inputs []string, opt Options, fn func(Doc) error, onErr func(source string, err error)) error {
	opt = opt.withDefaults()
	if onErr == nil {
		onErr = func(string, error) {}
	}
	srcs := expand(inputs, onErr)
	w := &walker{ctx: ctx, opt: opt, fn: fn, onErr: onErr}
	for i, s := range srcs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if opt.OnSource != nil {
			opt.OnSource(s.name, i, len(srcs))
		}
		var err error
		if s.url {
			err = w.url(s.name)
		} else {
			err = w.file(s.name, s.named)
		}
		var stop stopError
		if errors.As(err, &stop) {
			return stop.err
		}
		if ctx.Err() != nil {
			return ctx.Err() // the source failed because the walk was cancelled
		}
		if err != nil {
			onErr(s.name, err)
		}
	}
	return ctx.Err()
}

// stopError carries an error from fn or ctx that ends the whole walk, as
// opposed to a problem with one source.
type stopError struct{ err error }

func (e stopError) Error() string { return e.err.Error() }

// source is one file or URL that Walk reads.
type source struct {
	name  string
	url   bool
	named bool // given explicitly rather than found in a folder
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// expand turns the inputs into the list of sources, folders walked in
// lexical order (WalkDir's). Hidden files and folders inside a folder are skipped.
func expand(inputs []string, onErr func(string, error)) []source {
	var out []source
	for _, in := range inputs {
		if isURL(in) {
			out = append(out, source{name: in, url: true, named: true})
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			onErr(in, err)
			continue
		}
		if !st.IsDir() {
			out = append(out, source{name: in, named: true})
			continue
		}
		var found []string
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				onErr(p, err)
				if d != nil && d.IsDir() && p != in {
					return fs.SkipDir
				}
				return nil
			}
			if p != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(p); err == nil && st.IsDir() {
					return nil // linked folders are not followed: they can make cycles
				}
			}
			if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			onErr(in, err)
		}
		for _, p := range found {
			out = append(out, source{name: p})
		}
	}
	return out
}

// walker holds the state of one Walk.
type walker struct {
	ctx   context.Context
	opt   Options
	fn    func(Doc) error
	onErr func(string, error)
}

// emit finishes a Doc (ID, dates) and hands it to fn.
func (w *walker) emit(d Doc) error {
	if err := w.ctx.Err(); err != nil {
		return stopError{err}
	}
	d.Text = strings.TrimSpace(d.Text)
	d.Title = strings.TrimSpace(d.Title)
	if d.Published == "" {
		d.Published = dateFromURL(firstNonEmpty(d.URL, d.Canonical))
	}
	if d.Lang == "" {
		d.Lang = guessLang(d.Text)
	}
	if d.ID == "" {
		d.ID = stableID(d)
	}
	if err := w.fn(d); err != nil {
		return stopError{err}
	}
	return nil
}

// recordSource names the nth record (1-based) of a file or URL.
func recordSource(name string, n int) string {
	return fmt.Sprintf("%s#%d", name, n)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
