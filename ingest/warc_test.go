package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// warcRecordBytes frames one WARC/1.1 record.
func warcRecordBytes(typ, uri, ct string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08x-0000-0000-0000-000000000000>\r\n", typ, len(block))
	fmt.Fprintf(&b, "WARC-Date: 2024-05-01T10:00:00Z\r\n")
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ct, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// htmlRecord is a response record holding an HTTP 200 with an HTML body.
func htmlRecord(uri, ct string, body []byte) []byte {
	return responseRecord(uri, fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", ct, len(body)), body)
}

func responseRecord(uri, httpHead string, body []byte) []byte {
	return warcRecordBytes("response", uri, "application/http; msgtype=response", append([]byte(httpHead), body...))
}

// buildWARC joins records into a file, each record its own gzip member
// when gz is set, as crawlers write them.
func buildWARC(gz bool, records ...[]byte) []byte {
	var out bytes.Buffer
	for _, r := range records {
		if !gz {
			out.Write(r)
			continue
		}
		zw := gzip.NewWriter(&out)
		zw.Write(r)
		zw.Close()
	}
	return out.Bytes()
}

// testPage is a small news page whose text names which one it is.
func testPage(which string) []byte {
	return []byte(`<html><head><title>خبر ` + which + `</title></head><body><nav><a href="/">الرئيسية</a></nav>
<article><h1>خبر ` + which + `</h1><p>هذا هو الخبر ` + which + ` في الأرشيف، وقد كتب لاختبار قراءة السجلات.</p>
<p>ويتألف من فقرتين حتى يكون النص أطول من القوائم المحيطة به.</p></article></body></html>`)
}

func chunked(b []byte) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		n := min(len(b), 100)
		fmt.Fprintf(&out, "%x\r\n", n)
		out.Write(b[:n])
		out.WriteString("\r\n")
		b = b[n:]
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

func gzipped(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// warcFixture is an archive with every kind of record a crawl holds.
func warcFixture() [][]byte {
	win, _ := charmap.Windows1256.NewEncoder().Bytes(testPage("الثاني"))
	return [][]byte{
		warcRecordBytes("warcinfo", "", "application/warc-fields", []byte("software: test\r\nformat: WARC File Format 1.1\r\n")),
		warcRecordBytes("request", "https://w.example/2024/05/01/one", "application/http; msgtype=request",
			[]byte("GET /2024/05/01/one HTTP/1.1\r\nHost: w.example\r\n\r\n")),
		htmlRecord("https://w.example/2024/05/01/one", "text/html; charset=utf-8", testPage("الأول")),
		htmlRecord("https://w.example/two", "text/html; charset=windows-1256", win),
		responseRecord("https://w.example/gone", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n", testPage("المفقود")),
		responseRecord("https://w.example/logo.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n", []byte("\x89PNG\r\n\x1a\n")),
		responseRecord("https://w.example/three", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n",
			chunked(gzipped(testPage("الثالث")))),
		warcRecordBytes("metadata", "https://w.example/three", "application/warc-fields", []byte("outlinks: none\r\n")),
		warcRecordBytes("revisit", "https://w.example/2024/05/01/one", "application/http; msgtype=response", []byte("HTTP/1.1 200 OK\r\n\r\n")),
		warcRecordBytes("resource", "file:///saved/four.html", "text/html", testPage("الرابع")),
		htmlRecord("https://w.example/tags", "text/html", []byte(`<html><body><nav><a href="/1">وسم</a></nav></body></html>`)),
	}
}

func TestWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		name := "plain.warc"
		if gz {
			name = "gzipped.warc.gz"
		}
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(p, buildWARC(gz, warcFixture()...), 0o644); err != nil {
				t.Fatal(err)
			}
			docs, errs := walkAll(t, Options{}, p)
			if len(errs) != 0 {
				t.Errorf("errors: %q", errs)
			}
			want := []struct {
				record, which, url, charset, published string
			}{
				{"#3", "الأول", "https://w.example/2024/05/01/one", "utf-8", "2024-05-01"},
				{"#4", "الثاني", "https://w.example/two", "windows-1256", ""},
				{"#7", "الثالث", "https://w.example/three", "utf-8", ""},
				{"#10", "الرابع", "file:///saved/four.html", "utf-8", ""},
			}
			if len(docs) != len(want) {
				t.Fatalf("%d documents, want %d", len(docs), len(want))
			}
			for i, w := range want {
				d := docs[i]
				if d.Source != p+w.record || d.URL != w.url || d.Charset != w.charset || d.Format != "warc" || d.Published != w.published {
					t.Errorf("doc %d: source %q url %q charset %q format %q published %q; want %s%s %s %s warc %q",
						i, d.Source, d.URL, d.Charset, d.Format, d.Published, p, w.record, w.url, w.charset, w.published)
				}
				if d.Title != "خبر "+w.which || !strings.HasPrefix(d.Text, "هذا هو الخبر "+w.which) || strings.Contains(d.Text, "الرئيسية") {
					t.Errorf("doc %d: title %q text %q", i, d.Title, d.Text)
				}
				if d.Fetched.Format("2006-01-02T15:04:05Z") != "2024-05-01T10:00:00Z" {
					t.Errorf("doc %d: fetched %v", i, d.Fetched)
				}
			}
		})
	}
}

// TestWARCReaderFraming checks version lines, LF-only headers, folded
// header lines, oversized records and truncation.
func TestWARCReaderFraming(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		max     int64
		records []string // block of each record read, "!" for TooLarge
		err     string   // error after those records; "" means clean EOF
	}{
		{"empty", "", 100, nil, ""},
		{"warc 1.0 with LF only", "WARC/1.0\nWARC-Type: resource\nContent-Length: 3\n\nabc\n\n", 100, []string{"abc"}, ""},
		{"folded header", "WARC/1.1\r\nWARC-Type: resource\r\nX-Note: one\r\n two\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n", 100, []string{"hi"}, ""},
		{"two records, no trailing blank line", "WARC/1.1\r\nContent-Length: 1\r\n\r\naWARC/1.1\r\nContent-Length: 1\r\n\r\nb", 100, []string{"a", "b"}, ""},
		{"too large is skipped", "WARC/1.1\r\nContent-Length: 5\r\n\r\n12345\r\n\r\nWARC/1.1\r\nContent-Length: 1\r\n\r\nz\r\n\r\n", 4, []string{"!", "z"}, ""},
		{"no content length", "WARC/1.1\r\nWARC-Type: resource\r\n\r\nabc", 100, nil, "Content-Length"},
		{"negative content length", "WARC/1.1\r\nContent-Length: -4\r\n\r\nabc", 100, nil, "Content-Length"},
		{"truncated block", "WARC/1.1\r\nContent-Length: 10\r\n\r\nabc", 100, nil, "truncated"},
		{"truncated header", "WARC/1.1\r\nContent-Len", 100, nil, "unexpected EOF"},
		{"not a header line", "WARC/1.1\r\nno colon here\r\n\r\n", 100, nil, "not a header line"},
		{"garbage", "<html></html>", 100, nil, "version line"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := newWARCReader(strings.NewReader(tc.in), tc.max)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for {
				rec, err := r.Next()
				if errors.Is(err, io.EOF) {
					if tc.err != "" {
						t.Errorf("clean end, want error %q", tc.err)
					}
					break
				}
				if err != nil {
					if tc.err == "" || !strings.Contains(err.Error(), tc.err) {
						t.Errorf("error %v, want %q", err, tc.err)
					}
					break
				}
				if rec.TooLarge {
					got = append(got, "!")
				} else {
					got = append(got, string(rec.Block))
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.records, "|") {
				t.Errorf("records %q, want %q", got, tc.records)
			}
		})
	}
}

func TestHTTPPayload(t *testing.T) {
	tests := []struct {
		name, in, body string
		status         int
		err            bool
	}{
		{"plain", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>", "<p>x</p>", 200, false},
		{"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + string(chunked([]byte("abcdef"))), "abcdef", 200, false},
		{"chunked header over a decoded body", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nalready decoded", "already decoded", 200, false},
		{"gzip", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + string(gzipped([]byte("نص"))), "نص", 200, false},
		{"HTTP/1.0 redirect", "HTTP/1.0 301 Moved\r\nLocation: /x\r\n\r\n", "", 301, false},
		{"not http", "SMTP hello\r\n\r\n", "", 0, true},
		{"bad status", "HTTP/1.1 abc OK\r\n\r\n", "", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body, err := httpPayload([]byte(tc.in), 1<<20)
			if (err != nil) != tc.err {
				t.Fatalf("err = %v, want error: %v", err, tc.err)
			}
			if status != tc.status || string(body) != tc.body {
				t.Errorf("status %d body %q, want %d %q", status, body, tc.status, tc.body)
			}
		})
	}
}

// FuzzWARC feeds arbitrary bytes to the WARC reader and the HTTP payload
// parser: they must not panic, loop, or return blocks over the limit.
func FuzzWARC(f *testing.F) {
	for _, r := range warcFixture() {
		f.Add(r)
	}
	f.Add(buildWARC(true, warcFixture()[2:4]...))
	f.Add([]byte("WARC/1.0\nContent-Length: 3\n\nabc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const max = 1 << 16
		r, err := newWARCReader(bytes.NewReader(data), max)
		if err != nil {
			return
		}
		for range 1000 {
			rec, err := r.Next()
			if err != nil {
				return
			}
			if len(rec.Block) > max {
				t.Fatalf("block of %d bytes over the %d limit", len(rec.Block), max)
			}
			httpPayload(rec.Block, max)
		}
	})
}

// BenchmarkWalkWARC measures reading a gzipped crawl of 200 pages, in
// documents per second.
func BenchmarkWalkWARC(b *testing.B) {
	var recs [][]byte
	for i := range 200 {
		recs = append(recs, htmlRecord(fmt.Sprintf("https://w.example/%d", i), "text/html; charset=utf-8", testPage(fmt.Sprint(i))))
	}
	p := filepath.Join(b.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(p, buildWARC(true, recs...), 0o644); err != nil {
		b.Fatal(err)
	}
	docs := 0
	for b.Loop() {
		err := Walk(b.Context(), []string{p}, Options{}, func(Doc) error { docs++; return nil }, func(s string, err error) { b.Fatal(s, err) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
