package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/extract"
)

func init() {
	register(Command{Name: "extract", Summary: "annotate JSON Lines articles (OUTPUT.md contract)", Run: runExtract})
}

func runExtract(env *Env) error {
	fs := newFlags(env, "extract", "[--in FILE|-] [--out FILE|-]")
	in := fs.String("in", "-", "articles as JSON Lines (- for standard input)")
	out := fs.String("out", "-", "results as JSON Lines (- for standard output)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles processed in parallel")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	if *workers < 1 {
		*workers = 1
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	return streamFile(env, *in, *out, func(r io.Reader, w *bufio.Writer) error {
		return extractStream(x, r, w, *workers)
	})
}

// extractStream reads JSON Lines from r and writes one result per line to w in
// input order, extracting up to workers articles at once.
func extractStream(x *extract.Extractor, r io.Reader, w io.Writer, workers int) error {
	type job struct {
		line int
		raw  []byte
		out  chan []byte
	}
	jobs := make(chan job, workers*2)
	order := make(chan chan []byte, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- extractLine(x, j.line, j.raw)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		br := bufio.NewReaderSize(r, 1<<20)
		for line := 1; ; line++ {
			raw, err := br.ReadBytes('\n')
			if len(raw) > 0 {
				out := make(chan []byte, 1)
				order <- out
				jobs <- job{line: line, raw: raw, out: out}
			}
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr <- err
				}
				return
			}
		}
	}()
	var writeErr error
	for out := range order {
		b := <-out
		if writeErr == nil {
			_, writeErr = w.Write(b)
		}
	}
	wg.Wait()
	select {
	case err := <-readErr:
		return fmt.Errorf("reading input: %w", err)
	default:
	}
	return writeErr
}

// extractLine turns one input line into one output line (with its newline).
func extractLine(x *extract.Extractor, line int, raw []byte) []byte {
	raw = bytes.TrimRight(raw, "\r\n")
	var res article.Result
	var a struct {
		ID   json.RawMessage `json:"id"`
		Text *string         `json:"text"`
		article.Article
	}
	switch {
	case len(bytes.TrimSpace(raw)) == 0:
		res = errorResult("", line, "empty line")
	case json.Unmarshal(raw, &a) != nil:
		res = errorResult("", line, "not a JSON object: "+jsonError(raw))
	default:
		id := idString(a.ID)
		if a.Text == nil {
			res = errorResult(id, line, `no "text" field`)
			break
		}
		a.Article.ID, a.Article.Text = id, *a.Text
		res = x.Extract(a.Article)
		if res.Error != "" {
			res.Line = line
		}
	}
	b, err := json.Marshal(res)
	if err != nil { // cannot happen for these types; keep the line anyway
		b, _ = json.Marshal(errorResult(res.ID, line, err.Error()))
	}
	return append(b, '\n')
}

// idString accepts a string or a number as id, as people write both.
func idString(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func jsonError(raw []byte) string {
	var v map[string]json.RawMessage
	err := json.Unmarshal(raw, &v)
	if err == nil {
		return "not an object"
	}
	return err.Error()
}

func errorResult(id string, line int, msg string) article.Result {
	return article.Result{ID: id, Line: line, Error: msg, Events: []article.Event{},
		Quotes: []article.Quote{}, Entities: []article.Entity{}, Timexes: []article.Timex{}}
}
