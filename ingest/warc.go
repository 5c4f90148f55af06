package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// maxWARCHeader bounds the header block of one WARC record or HTTP response.
const maxWARCHeader = 256 << 10

// warcRecord is one WARC record: its named fields and its content block.
// Block is nil when the record is over the size limit (TooLarge).
type warcRecord struct {
	Version  string // "WARC/1.0", "WARC/1.1"
	Header   textproto.MIMEHeader
	Block    []byte
	TooLarge bool
}

// warcReader reads WARC/1.0 and WARC/1.1 records, framed by Content-Length,
// from a plain or gzipped file (one gzip member per record, or one for all).
type warcReader struct {
	br  *bufio.Reader
	max int64
}

// newWARCReader starts reading a WARC file; max bounds one record's block.
func newWARCReader(r io.Reader, max int64) (*warcReader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	return &warcReader{br: br, max: max}, nil
}

// Next returns the next record, or io.EOF after the last one. Any other
// error means the rest of the file cannot be framed.
func (r *warcReader) Next() (*warcRecord, error) {
	line, err := r.skipBlankLines()
	if err != nil {
		return nil, err // io.EOF here is the clean end of the file
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("bad WARC record: expected a version line, got %q", truncate(line, 40))
	}
	rec := &warcRecord{Version: line}
	rec.Header, err = readHeader(r.br)
	if err != nil {
		return nil, fmt.Errorf("bad WARC header: %w", noEOF(err))
	}
	cl := strings.TrimSpace(rec.Header.Get("Content-Length"))
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bad WARC header: Content-Length %q", cl)
	}
	if n > r.max {
		rec.TooLarge = true
		if _, err := io.CopyN(io.Discard, r.br, n); err != nil {
			return nil, fmt.Errorf("truncated WARC record: %w", noEOF(err))
		}
		return rec, nil
	}
	rec.Block = make([]byte, n)
	if _, err := io.ReadFull(r.br, rec.Block); err != nil {
		return nil, fmt.Errorf("truncated WARC record: %w", noEOF(err))
	}
	return rec, nil
}

// skipBlankLines passes the CRLF CRLF that ends the previous record (and
// any stray blank lines) and returns the first non-blank line.
func (r *warcReader) skipBlankLines() (string, error) {
	for {
		line, err := readLineLimited(r.br, maxWARCHeader)
		if err != nil && (!errors.Is(err, io.EOF) || strings.TrimSpace(line) == "") {
			return "", err
		}
		if line = strings.TrimRight(line, "\r\n"); strings.TrimSpace(line) != "" {
			return line, nil
		}
	}
}

// readLineLimited reads one line up to '\n' of at most max bytes.
func readLineLimited(br *bufio.Reader, max int) (string, error) {
	var b []byte
	for {
		part, err := br.ReadSlice('\n')
		b = append(b, part...)
		if len(b) > max {
			return "", errors.New("line too long")
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return string(b), err
		}
	}
}

// readHeader reads "Name: value" lines up to a blank line, with folded
// continuation lines, accepting LF as well as CRLF line ends.
func readHeader(br *bufio.Reader) (textproto.MIMEHeader, error) {
	h := textproto.MIMEHeader{}
	var last string
	size := 0
	for {
		line, err := readLineLimited(br, maxWARCHeader)
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		size += len(line)
		if size > maxWARCHeader {
			return nil, errors.New("header too long")
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return h, nil
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			vs := h[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, fmt.Errorf("not a header line: %q", truncate(line, 40))
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		h.Add(last, strings.TrimSpace(v))
	}
}

// httpPayload splits an HTTP response held in a WARC block into its status,
// headers and body, undoing chunked transfer and gzip or deflate content
// encodings. Archives often keep the original headers over a body that was
// already decoded, so a body that does not decode is taken as it is.
func httpPayload(block []byte, max int64) (status int, h textproto.MIMEHeader, body []byte, err error) {
	br := bufio.NewReader(bytes.NewReader(block))
	line, err := readLineLimited(br, maxWARCHeader)
	if err != nil && !errors.Is(err, io.EOF) {
		return 0, nil, nil, err
	}
	proto, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	if !strings.HasPrefix(proto, "HTTP/") {
		return 0, nil, nil, fmt.Errorf("not an HTTP response: %q", truncate(line, 40))
	}
	code, _, _ := strings.Cut(rest, " ")
	status, err = strconv.Atoi(code)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("bad HTTP status line %q", truncate(line, 40))
	}
	h, err = readHeader(br)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("bad HTTP header: %w", err)
	}
	body, _ = io.ReadAll(br)
	if strings.Contains(strings.ToLower(h.Get("Transfer-Encoding")), "chunked") {
		if b, err := readLimited(httputil.NewChunkedReader(bytes.NewReader(body)), max); err == nil {
			body = b
		}
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		if zr, err := gzip.NewReader(bytes.NewReader(body)); err == nil {
			if b, err := readLimited(zr, max); err == nil {
				body = b
			}
		}
	case "deflate":
		if b, err := readLimited(flate.NewReader(bytes.NewReader(body)), max); err == nil {
			body = b
		}
	}
	return status, h, body, nil
}

// warc reads the articles of a WARC file: the HTML pages (and feeds) of its
// response and resource records. Other records (requests, metadata,
// revisits, images...) are passed over. A record that cannot be read is
// reported and skipped; a framing error ends the file.
func (w *walker) warc(name string, r io.Reader) error {
	wr, err := newWARCReader(r, w.opt.MaxBytes)
	if err != nil {
		return err
	}
	for n := 1; ; n++ {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("record %d: %w", n, err)
		}
		src := recordSource(name, n)
		if rec.TooLarge {
			w.onErr(src, fmt.Errorf("%w of %d bytes", ErrTooLarge, w.opt.MaxBytes))
			continue
		}
		if err := w.warcRecord(src, rec); err != nil {
			var stop stopError
			if errors.As(err, &stop) {
				return err
			}
			w.onErr(src, err)
		}
	}
}

// warcRecord reads the article, if any, out of one record.
func (w *walker) warcRecord(src string, rec *warcRecord) error {
	var (
		ct   string
		body []byte
	)
	switch strings.ToLower(rec.Header.Get("Warc-Type")) {
	case "response":
		mt, _, _ := mime.ParseMediaType(rec.Header.Get("Content-Type"))
		if mt != "" && mt != "application/http" {
			return nil // a response that is not HTTP (DNS, FTP...) holds no page
		}
		status, h, b, err := httpPayload(rec.Block, w.opt.MaxBytes)
		if err != nil {
			return err
		}
		if status < 200 || status > 299 {
			return nil // redirects and errors are not articles
		}
		ct, body = h.Get("Content-Type"), b
	case "resource":
		ct, body = rec.Header.Get("Content-Type"), rec.Block
	default:
		return nil
	}
	target := strings.Trim(strings.TrimSpace(rec.Header.Get("Warc-Target-Uri")), "<>")
	var fetched time.Time
	if t, err := time.Parse(time.RFC3339Nano, rec.Header.Get("Warc-Date")); err == nil {
		fetched = t.UTC()
	}
	switch formatByType(ct) {
	case formatHTML:
	case formatFeed:
		if sniff(body) == formatFeed {
			return w.feed(feedSource{name: src, url: target, ct: ct, fetched: fetched, container: formatWARC}, body)
		}
		if sniff(body) != formatHTML {
			return nil
		}
	default:
		return nil // images, scripts, styles...
	}
	d, err := htmlDoc(body, ct, target)
	if errors.Is(err, errNoText) {
		return nil // index and tag pages are part of any crawl
	}
	if err != nil {
		return err
	}
	d.Source, d.Format, d.Fetched = src, formatWARC, fetched
	return w.emit(d)
}

func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
