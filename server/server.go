// Package server is `masar serve`: the JSON API under /api/ over a store and
// the embedded right-to-left web UI, in one http.Handler.
package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
	"github.com/masar-project/masar/web"
)

// Limits on what one request may ask for.
const (
	MaxPageSize  = 500     // items per page of any list
	MaxBodyBytes = 1 << 20 // request bodies (POST /api/extract)
	MaxQueryLen  = 4096    // bytes of query string
)

// Options configures a Server. Store is required; the rest are optional.
type Options struct {
	Store     *store.Store
	Extractor Extractor    // enables POST /api/extract
	Logger    *slog.Logger // request errors; nil discards them
}

// ExportFormat is a download format: its name, content type and file extension.
type ExportFormat struct {
	Name, ContentType, Ext string
}

// Extractor annotates an article (extract.Extractor does).
type Extractor interface {
	Extract(article.Article) article.Result
}

// Server serves the API and the UI. It is safe for concurrent use.
type Server struct {
	st    *store.Store
	x     Extractor
	log   *slog.Logger
	mux   *http.ServeMux
	cache aggregateCache
}

// route is one API endpoint; the list is what the OpenAPI test checks.
type route struct {
	method, path string // path in ServeMux pattern syntax, e.g. /api/events/{id}
	h            func(w http.ResponseWriter, r *http.Request) error
}

// New returns a Server over opts.Store.
func New(opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, errors.New("server: no store")
	}
	s := &Server{st: opts.Store, x: opts.Extractor, log: opts.Logger, mux: http.NewServeMux()}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	byPath := map[string][]route{}
	var order []string
	for _, rt := range s.routes() {
		if byPath[rt.path] == nil {
			order = append(order, rt.path)
		}
		byPath[rt.path] = append(byPath[rt.path], rt)
	}
	for _, p := range order {
		s.mux.Handle(p, s.endpoint(byPath[p]))
	}
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
	})
	s.mux.Handle("/", staticHandler(web.Assets()))
	return s, nil
}

func (s *Server) routes() []route {
	rs := []route{
		{"GET", "/api/openapi.json", s.openapi},
		{"GET", "/api/stats", s.stats},
		{"GET", "/api/articles", s.articles},
		{"GET", "/api/articles/{id}", s.article},
		{"GET", "/api/events", s.events},
		{"GET", "/api/events/{id}", s.event},
		{"GET", "/api/merged-events", s.mergedEvents},
		{"GET", "/api/actors", s.actors},
		{"GET", "/api/processes", s.processes},
		{"GET", "/api/processes/{id}", s.process},
		{"GET", "/api/search", s.search},
		{"GET", "/api/stats/timeline", s.timeline},
		{"GET", "/api/stats/network", s.network},
		{"GET", "/api/stats/places", s.places},
		{"GET", "/api/export", s.download},
	}
	if s.x != nil {
		rs = append(rs, route{"POST", "/api/extract", s.extract})
	}
	return rs
}

// ServeHTTP applies the request limits, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.RawQuery) > MaxQueryLen {
		writeError(w, http.StatusRequestURITooLong, fmt.Sprintf("query string is over %d bytes", MaxQueryLen))
		return
	}
	if r.ContentLength > MaxBodyBytes {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is over %d bytes", MaxBodyBytes))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	s.mux.ServeHTTP(w, r.WithContext(ctx))
}

// endpoint dispatches on the method and turns handler errors into JSON.
func (s *Server) endpoint(rs []route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var allowed []string
		for _, rt := range rs {
			if rt.method == r.Method || (rt.method == "GET" && r.Method == "HEAD") {
				s.finish(w, r, rt.h(w, r))
				return
			}
			allowed = append(allowed, rt.method)
		}
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; use "+strings.Join(allowed, ", "))
	})
}

// apiError is an error with the HTTP status it should be reported with.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &apiError{http.StatusNotFound, fmt.Sprintf(format, args...)}
}

func (s *Server) finish(w http.ResponseWriter, r *http.Request, err error) {
	if err == nil {
		return
	}
	var ae *apiError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		writeError(w, ae.status, ae.msg)
	case errors.As(err, &mbe):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is over %d bytes", mbe.Limit))
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case errors.Is(err, context.Canceled):
		// the client went away; nobody is listening
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "the query took too long")
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := marshal(v)
	if err != nil { // the API's types always marshal
		panic(err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b) // a write error means the client left
}

// writeRaw writes an encoded JSON answer with status 200.
func writeRaw(w http.ResponseWriter, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
}

// marshal encodes v as the API writes JSON: with a final newline, and
// without escaping <, > and & (Arabic text and snippets stay readable).
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return buf.Bytes(), err
}

// staticHandler serves the UI; unknown paths get index.html so that deep
// links work, and hashed assets are cached for good.
func staticHandler(assets fs.FS) http.Handler {
	files := http.FileServerFS(assets)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; use GET")
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || name == "index.html" {
			serveIndex(w, r, assets)
			return
		}
		if _, err := fs.Stat(assets, name); err != nil {
			serveIndex(w, r, assets)
			return
		}
		if strings.HasPrefix(name, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		files.ServeHTTP(w, r)
	})
}

func serveIndex(w http.ResponseWriter, r *http.Request, assets fs.FS) {
	b, err := fs.ReadFile(assets, "index.html")
	if err != nil {
		writeError(w, http.StatusInternalServerError, "the web UI is not built")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'")
	http.ServeContent(w, r, "index.html", time.Time{}, strings.NewReader(string(b)))
}

// requestTimeout bounds the queries of one request.
const requestTimeout = 30 * time.Second

// HTTPServer wraps h in an http.Server with timeouts on every phase.
func HTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      2 * time.Minute, // exports stream large files
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Serve serves h on ln until ctx is done, then shuts down gracefully, giving
// requests in flight up to grace to finish.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) error {
	srv := HTTPServer(h)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
