package ingest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// newsServer serves a feed whose second item has no text (so its page must
// be fetched), that page in windows-1256 declared only in the HTTP header,
// a plain page, an oversized page and a 404, on 127.0.0.1.
func newsServer(t *testing.T) (*httptest.Server, *sync.Map) {
	t.Helper()
	agents := &sync.Map{}
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>موجز</title><link>%[1]s/</link>
<item><title>خبر له نص</title><link>%[1]s/with-text</link><pubDate>Mon, 06 Mar 2023 08:00:00 +0000</pubDate>
<description>أعلنت البلدية افتتاح جسر جديد فوق النهر بعد أشهر من الأعمال.</description></item>
<item><title>خبر بلا نص</title><link>%[1]s/2023/03/07/story</link></item>
<item><title>رابط معطل</title><link>%[1]s/missing</link></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/2023/03/07/story", func(w http.ResponseWriter, r *http.Request) {
		agents.Store(r.URL.Path, r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "text/html; charset=windows-1256")
		b, _ := charmap.Windows1256.NewEncoder().Bytes([]byte(`<html><head><meta name="author" content="نور"></head><body>
<article><p>قررت الحكومة تمديد ساعات عمل المعابر الحدودية خلال فترة الأعياد.</p></article></body></html>`))
		w.Write(b)
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		agents.Store(r.URL.Path, r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html lang="ar"><head><title>صفحة مباشرة</title><link rel="canonical" href="/canonical/page"></head>
<body><div id="story"><p>افتتح المعرض الدولي للكتاب أبوابه أمام الزوار صباح اليوم بمشاركة واسعة.</p></div></body></html>`)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>"+strings.Repeat("نص طويل ", 2000)+"</p></body></html>")
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv = httptest.NewServer(mux) // listens on 127.0.0.1
	t.Cleanup(srv.Close)
	return srv, agents
}

func TestURLs(t *testing.T) {
	srv, agents := newsServer(t)
	opt := Options{MaxBytes: 8000, UserAgent: "masar-test/1", HTTPClient: &http.Client{Timeout: 500 * time.Millisecond}}
	docs, errs := walkAll(t, opt, srv.URL+"/feed", srv.URL+"/page", srv.URL+"/big", srv.URL+"/nothing-here", srv.URL+"/slow")
	if len(docs) != 3 {
		t.Fatalf("%d documents, want 3", len(docs))
	}
	item1, item2, pg := docs[0], docs[1], docs[2]
	if item1.Source != srv.URL+"/feed#1" || item1.Format != "rss" || item1.Published != "2023-03-06" ||
		!strings.HasPrefix(item1.Text, "أعلنت البلدية") || item1.Fetched.IsZero() {
		t.Errorf("feed item 1: %+v", item1)
	}
	if item2.Source != srv.URL+"/feed#2" || item2.Title != "خبر بلا نص" || item2.Published != "2023-03-07" ||
		item2.Text != "قررت الحكومة تمديد ساعات عمل المعابر الحدودية خلال فترة الأعياد." ||
		item2.Charset != "windows-1256" || item2.Byline != "نور" {
		t.Errorf("feed item 2 (text from its page): %+v", item2)
	}
	if pg.Source != srv.URL+"/page" || pg.Format != "html" || pg.Title != "صفحة مباشرة" || pg.Lang != "ar" ||
		pg.Canonical != srv.URL+"/canonical/page" || pg.URL != srv.URL+"/page" || !strings.HasPrefix(pg.Text, "افتتح المعرض") {
		t.Errorf("page: %+v", pg)
	}
	want := []string{"/feed#3: HTTP 404", "/big: over the size limit", "/nothing-here: HTTP 404", "/slow: "}
	if len(errs) != len(want) {
		t.Fatalf("errors %q, want %d", errs, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i], srv.URL+w) {
			t.Errorf("error %d = %q, want %q", i, errs[i], w)
		}
	}
	for _, p := range []string{"/2023/03/07/story", "/page"} {
		if ua, _ := agents.Load(p); ua != "masar-test/1" {
			t.Errorf("%s fetched with User-Agent %q", p, ua)
		}
	}
}

func TestURLSchemes(t *testing.T) {
	w := &walker{ctx: t.Context(), opt: Options{}.withDefaults()}
	if _, _, _, err := w.get("ftp://127.0.0.1/x"); err == nil || !strings.Contains(err.Error(), "scheme") {
		t.Errorf("ftp URL: %v", err)
	}
}
