package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/extract"
	"github.com/masar-project/masar/ingest"
	"github.com/masar-project/masar/store"
)

func init() {
	register(Command{Name: "ingest", Summary: "read files, folders, feeds and URLs into the store", Run: runIngest})
}

func runIngest(env *Env) error {
	fs := newFlags(env, "ingest", "[flags] PATH|URL...")
	db := dbFlag(fs)
	noExtract := fs.Bool("no-extract", false, "store the articles without running extraction")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles extracted in parallel")
	timeout := fs.Duration("timeout", ingest.DefaultTimeout, "time limit of one HTTP request")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest file, page or record read")
	printOnly := fs.Bool("print", false, "write the articles read as JSON Lines (masar extract's input, plus provenance) instead of storing them")
	inputs, err := parseInterspersed(fs, env.Args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usageError("no PATH or URL to ingest")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opt := ingest.Options{HTTPClient: &http.Client{Timeout: *timeout}, MaxBytes: *maxBytes}
	if *printOnly {
		return printDocs(ctx, env, inputs, opt)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	var x *extract.Extractor
	if !*noExtract {
		if x, err = extract.New(); err != nil {
			return err
		}
	}
	in := ingester{
		st: st, x: x, workers: max(*workers, 1),
		opt:  opt,
		prog: newProgress(env.Stderr),
	}
	err = in.run(ctx, inputs)
	in.prog.summary(in.counts)
	switch {
	case err != nil:
		return err
	case in.counts.errors > 0:
		return fmt.Errorf("%d files, records or URLs could not be read (listed above); everything else was stored", in.counts.errors)
	}
	return nil
}

// printDocs writes the articles the inputs hold as JSON Lines, so that any
// source can feed `masar extract` or other tools.
func printDocs(ctx context.Context, env *Env, inputs []string, opt ingest.Options) error {
	bw := bufio.NewWriterSize(env.Stdout, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	failed := 0
	err := ingest.Walk(ctx, inputs, opt, func(d ingest.Doc) error { return enc.Encode(d) },
		func(src string, err error) {
			failed++
			fmt.Fprintf(env.Stderr, "masar ingest: %s: %v\n", src, err)
		})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	switch {
	case err != nil:
		return err
	case failed > 0:
		return fmt.Errorf("%d files, records or URLs could not be read (listed above)", failed)
	}
	return nil
}

// ingester runs one `masar ingest`: a walk that reads the inputs in order,
// workers that extract in parallel, and one writer that stores the articles
// in input order, each in its own transaction. A re-run skips what is
// already stored (by content hash) without extracting it again.
type ingester struct {
	st      *store.Store
	x       *extract.Extractor // nil with --no-extract
	workers int
	opt     ingest.Options
	prog    *progress
	counts  ingestCounts
}

type ingestCounts struct {
	read, stored, duplicates, nearDuplicates int
	errors                                   int // files, records or URLs that could not be read
	extractFailed                            int // stored, with the extraction error recorded
}

// ingestJob is one article on its way from the walk to the store.
type ingestJob struct {
	doc   ingest.Doc
	hash  string
	sim   uint64
	known bool // already stored: nothing to extract or write
	res   chan article.Result
}

func (in *ingester) run(ctx context.Context, inputs []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *ingestJob, in.workers*2)
	order := make(chan *ingestJob, in.workers*4)
	var wg sync.WaitGroup
	for range in.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res <- in.extract(j)
			}
		}()
	}
	walkErr := make(chan error, 1)
	opt := in.opt
	opt.OnSource = in.prog.source
	go func() {
		defer close(order)
		defer close(jobs)
		walkErr <- ingest.Walk(ctx, inputs, opt, func(d ingest.Doc) error {
			j := &ingestJob{doc: d, hash: store.ContentHash(d.Text), sim: store.SimHash(d.Text), res: make(chan article.Result, 1)}
			known, err := in.st.HasContent(ctx, j.hash)
			if err != nil {
				return err
			}
			j.known = known
			// Queued for a worker before the writer waits on it, so that
			// a cancelled walk never leaves the writer waiting.
			select {
			case jobs <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		}, in.prog.failed)
	}()
	var putErr error
	for j := range order {
		res := <-j.res
		if putErr != nil || ctx.Err() != nil {
			continue // drain, so that the walk and the workers can finish
		}
		// An interrupt lets the article being written commit.
		if err := in.put(context.WithoutCancel(ctx), j, res); err != nil {
			putErr = err
			cancel()
		}
	}
	wg.Wait()
	in.counts.errors = in.prog.errorCount()
	if putErr != nil {
		return putErr
	}
	if err := <-walkErr; err != nil {
		if errors.Is(err, context.Canceled) {
			return errors.New("interrupted; what was stored is kept, and a re-run completes the rest")
		}
		return err
	}
	return nil
}

func (in *ingester) extract(j *ingestJob) article.Result {
	if j.known || in.x == nil {
		return article.Result{ID: j.doc.ID}
	}
	return in.x.Extract(j.doc.Article)
}

func (in *ingester) put(ctx context.Context, j *ingestJob, res article.Result) error {
	in.counts.read++
	defer in.prog.done(&in.counts)
	if j.known {
		in.counts.duplicates++
		return nil
	}
	d := j.doc
	r, err := in.st.Put(ctx, store.ArticleRecord{
		Article: d.Article, Source: d.Source, Format: d.Format, Byline: d.Byline,
		Canonical: d.Canonical, Lang: d.Lang, Charset: d.Charset, Fetched: d.Fetched,
		ContentHash: j.hash, SimHash: j.sim,
	}, res)
	if err != nil {
		return fmt.Errorf("storing %s: %w", d.Source, err)
	}
	if res.Error != "" && !r.Duplicate {
		in.counts.extractFailed++
	}
	switch {
	case r.Duplicate:
		in.counts.duplicates++
	case r.NearDuplicateOf != 0:
		in.counts.stored++
		in.counts.nearDuplicates++
	default:
		in.counts.stored++
	}
	return nil
}

// progress reports an ingest on standard error: a line redrawn in place on
// a terminal, a log line every few seconds otherwise, and every unreadable
// input as it is met.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	tty      bool
	start    time.Time
	last     time.Time
	src      string
	srcI     int
	srcN     int
	nErrors  int
	lineOpen bool
}

func newProgress(w io.Writer) *progress {
	now := time.Now()
	p := &progress{w: w, start: now, last: now}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) source(name string, i, n int) {
	p.mu.Lock()
	p.src, p.srcI, p.srcN = name, i+1, n
	p.mu.Unlock()
}

func (p *progress) failed(source string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.nErrors++
	p.clearLine()
	fmt.Fprintf(p.w, "masar ingest: %s: %v\n", source, err)
}

func (p *progress) errorCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.nErrors
}

// done redraws the progress after an article, at most ten times a second on
// a terminal and every five seconds in a log.
func (p *progress) done(c *ingestCounts) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	every := 5 * time.Second
	if p.tty {
		every = 100 * time.Millisecond
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	rate := float64(c.read) / now.Sub(p.start).Seconds()
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s sources  %d articles  %.1f/s  %s", bar(p.srcI, p.srcN, 20), c.read, rate, shorten(p.src, 50))
		p.lineOpen = true
		return
	}
	fmt.Fprintf(p.w, "masar ingest: %d articles (%.1f/s), source %d/%d %s\n", c.read, rate, p.srcI, p.srcN, p.src)
}

func (p *progress) clearLine() {
	if p.lineOpen {
		fmt.Fprint(p.w, "\r\033[K")
		p.lineOpen = false
	}
}

func (p *progress) summary(c ingestCounts) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLine()
	el := time.Since(p.start)
	var failed string
	if c.extractFailed > 0 {
		failed = fmt.Sprintf(" (extraction failed on %d)", c.extractFailed)
	}
	fmt.Fprintf(p.w, "masar ingest: read %d, new %d%s, duplicates %d, near-duplicates %d, errors %d, %s, %.1f articles/s\n",
		c.read, c.stored, failed, c.duplicates, c.nearDuplicates, p.nErrors, el.Round(time.Millisecond), float64(c.read)/el.Seconds())
}

// bar draws the share of sources read as [=====     ] i/n.
func bar(i, n, width int) string {
	if n <= 0 {
		return ""
	}
	full := i * width / n
	b := make([]byte, width)
	for k := range b {
		if k < full {
			b[k] = '='
		} else {
			b[k] = ' '
		}
	}
	return fmt.Sprintf("[%s] %d/%d", b, i, n)
}

// shorten keeps the end of a long path or URL, the part that tells it apart.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}
