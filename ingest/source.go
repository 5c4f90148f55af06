package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"os"
	"path"
	"strings"
	"time"

	"github.com/masar-project/masar/article"
)

// Formats a source can have; formatFeed becomes rss or atom once parsed.
const (
	formatTxt   = "txt"
	formatJSONL = "jsonl"
	formatHTML  = "html"
	formatFeed  = "feed"
	formatWARC  = "warc"
)

// errNoText is reported for a page that holds no article text.
var errNoText = errors.New("no article text in the page")

// errUnknownFormat is reported for a named file whose format cannot be told.
var errUnknownFormat = errors.New("not a format masar reads (txt, jsonl, html, rss, atom, warc)")

// formatByName tells the format from a file name or URL path; gz reports a
// gzip-compressed file of that format.
func formatByName(name string) (format string, gz bool) {
	name = strings.ToLower(name)
	if strings.HasSuffix(name, ".gz") {
		name, gz = strings.TrimSuffix(name, ".gz"), true
	}
	switch path.Ext(name) {
	case ".txt", ".text":
		return formatTxt, gz
	case ".jsonl", ".ndjson":
		return formatJSONL, gz
	case ".html", ".htm", ".xhtml", ".shtml":
		return formatHTML, gz
	case ".xml", ".rss", ".atom", ".rdf":
		return formatFeed, gz
	case ".warc":
		return formatWARC, gz
	}
	return "", gz
}

// formatByType tells the format from a MIME type.
func formatByType(ct string) string {
	mt, _, _ := mime.ParseMediaType(ct)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return formatHTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml":
		return formatFeed
	case "application/x-ndjson", "application/jsonl", "application/json-lines":
		return formatJSONL
	case "application/warc":
		return formatWARC
	case "text/plain":
		return formatTxt
	}
	return ""
}

// sniff tells the format from the first bytes of the content, or "".
func sniff(raw []byte) string {
	head := raw
	if len(head) > 2048 {
		head = head[:2048]
	}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		if zr, err := gzip.NewReader(bytes.NewReader(raw)); err == nil {
			inner := make([]byte, 8)
			n, _ := io.ReadFull(zr, inner)
			if bytes.HasPrefix(inner[:n], []byte("WARC/")) {
				return formatWARC
			}
		}
		return ""
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bomUTF8), " \t\r\n")
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		return formatWARC
	case bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")):
		if bytes.HasPrefix(lower, []byte("<")) {
			return formatFeed
		}
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<body")):
		return formatHTML
	case bytes.HasPrefix(head, []byte("{")):
		return formatJSONL
	}
	return ""
}

// file reads one local file. Files found in a folder whose format cannot be
// told are passed over in silence; named ones are reported.
func (w *walker) file(name string, named bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	format, gz := formatByName(name)
	var r io.Reader = bufio.NewReaderSize(f, 64<<10)
	if gz && format != formatWARC { // the WARC reader unpacks record members itself
		zr, err := gzip.NewReader(r)
		if err != nil {
			return err
		}
		r = zr
	}
	switch format {
	case formatWARC:
		return w.warc(name, r)
	case formatJSONL:
		return w.jsonl(name, r, named)
	}
	raw, err := readLimited(r, w.opt.MaxBytes)
	if err != nil {
		return err
	}
	if format == "" {
		format = sniff(raw)
	}
	switch format {
	case formatWARC:
		return w.warc(name, bytes.NewReader(raw))
	case formatJSONL:
		return w.jsonl(name, bytes.NewReader(raw), named)
	case formatFeed:
		if !named && sniff(raw) != formatFeed {
			return nil // XML that is not a feed (a sitemap, a config...)
		}
		return w.feed(feedSource{name: name}, raw)
	case formatHTML:
		d, err := htmlDoc(raw, "", "")
		if err != nil {
			return err
		}
		d.Source, d.Format = name, formatHTML
		if d.Published == "" {
			d.Published = dateFromFilename(name)
		}
		return w.emit(d)
	case formatTxt:
	case "":
		if !named {
			return nil
		}
	}
	d, err := txtDoc(raw, name)
	if errors.Is(err, errBinary) && format == "" {
		return errUnknownFormat
	}
	if err != nil {
		return err
	}
	return w.emit(d)
}

// url fetches one URL and reads it as a feed, a page or a file.
func (w *walker) url(raw string) error {
	body, ct, final, err := w.get(raw)
	if err != nil {
		return err
	}
	fetched := time.Now().UTC()
	byName, _ := formatByName(final.Path)
	format := firstNonEmpty(sniff(body), formatByType(ct), byName, formatTxt)
	switch format {
	case formatWARC:
		return w.warc(raw, bytes.NewReader(body))
	case formatJSONL:
		return w.jsonl(raw, bytes.NewReader(body), true)
	case formatFeed:
		return w.feed(feedSource{name: raw, url: final.String(), ct: ct, fromURL: true, fetched: fetched}, body)
	case formatHTML:
		d, err := htmlDoc(body, ct, final.String())
		if err != nil {
			return err
		}
		d.Source, d.Format, d.Fetched = raw, formatHTML, fetched
		return w.emit(d)
	}
	d, err := txtDoc(body, path.Base(final.Path))
	if err != nil {
		return err
	}
	d.Source, d.URL, d.Fetched = raw, final.String(), fetched
	return w.emit(d)
}

// htmlDoc reads an article out of an HTML page fetched from pageURL ("" for
// a local file).
func htmlDoc(raw []byte, ct, pageURL string) (Doc, error) {
	s, cs, err := decodeHTML(raw, ct)
	if err != nil {
		return Doc{}, err
	}
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	p := parsePage(s, base)
	if p.Text == "" {
		return Doc{}, errNoText
	}
	if pageURL == "" && isURL(p.Canonical) {
		pageURL = p.Canonical // a saved page still says where it was published
	}
	return Doc{
		Article: article.Article{Text: p.Text, Title: p.Title, Published: p.Published, URL: pageURL},
		Byline:  p.Byline, Canonical: p.Canonical, Lang: p.Lang, Charset: cs,
	}, nil
}

// readLimited reads all of r, refusing more than max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w of %d bytes", ErrTooLarge, max)
	}
	return b, nil
}
