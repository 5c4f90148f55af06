package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/masar-project/masar/article"
)

// maxTitleRunes is the longest first line of a .txt file taken as its title.
const maxTitleRunes = 150

// txtDoc reads a plain-text article: the first line is the title when it is
// short and more text follows, the rest is the text; a file name that starts
// with a date (2017-07-05-...) gives the publication date.
func txtDoc(raw []byte, name string) (Doc, error) {
	s, cs, err := decodeText(raw, "")
	if err != nil {
		return Doc{}, err
	}
	title, text := splitTitle(normalizeNewlines(s))
	if text == "" && title == "" {
		return Doc{}, errors.New("empty text")
	}
	return Doc{
		Article: article.Article{Text: text, Title: title, Published: dateFromFilename(name)},
		Source:  name, Format: formatTxt, Charset: cs,
	}, nil
}

func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// splitTitle separates a headline line from the body. A first line is a
// headline when it is short, does not end like a sentence, and text follows.
func splitTitle(s string) (title, text string) {
	s = strings.TrimSpace(s)
	first, rest, ok := strings.Cut(s, "\n")
	first, rest = strings.TrimSpace(first), strings.TrimSpace(rest)
	if !ok || rest == "" || utf8.RuneCountInString(first) > maxTitleRunes {
		return "", s
	}
	if strings.HasSuffix(first, ".") || strings.HasSuffix(first, ":") || strings.HasSuffix(first, "،") {
		return "", s
	}
	return first, rest
}

// jsonlFields are the input fields of `masar extract`, with the other names
// news dumps commonly use for them.
var jsonlFields = map[string][]string{
	"id":        {"id", "_id", "doc_id", "guid"},
	"text":      {"text", "body", "content", "article"},
	"published": {"published", "date", "pubDate", "published_at", "publish_date", "datePublished"},
	"url":       {"url", "link", "uri"},
	"title":     {"title", "headline"},
	"byline":    {"byline", "author", "authors"},
	"canonical": {"canonical", "canonical_url"},
	"lang":      {"lang", "language"},
}

// errNotArticles is reported for a JSON Lines file whose first record is an
// object without text: other data (results, annotations), not articles.
var errNotArticles = errors.New(`the first record has no "text": not a file of articles`)

// jsonl reads JSON Lines, one article per line. A bad line is reported with
// its line number and skipped. A file that is not text at all is one error,
// and so is one whose first record is not an article; inside a folder, such
// a file (annotations kept beside the articles) is passed over in silence.
func (w *walker) jsonl(name string, r io.Reader, named bool) error {
	br := bufio.NewReaderSize(r, 1<<20)
	first := true
	for line := 1; ; line++ {
		raw, err := readLine(br, w.opt.MaxBytes)
		if len(bytes.TrimSpace(raw)) > 0 {
			src := recordSource(name, line)
			d, perr := jsonlDoc(bytes.TrimPrefix(raw, bomUTF8))
			if first {
				first = false
				switch {
				case looksBinary(string(raw[:min(len(raw), 512)])):
					return errBinary
				case errors.Is(perr, errNoTextField) && !named:
					return nil
				case errors.Is(perr, errNoTextField):
					return errNotArticles
				}
			}
			if perr != nil {
				w.onErr(src, perr)
			} else {
				d.Source = src
				if err := w.emit(d); err != nil {
					return err
				}
			}
		}
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.Is(err, ErrTooLarge):
			w.onErr(recordSource(name, line), err)
		case err != nil:
			return err
		}
	}
}

// readLine reads one line of at most max bytes; a longer line is consumed
// and reported as ErrTooLarge.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	for {
		part, err := br.ReadSlice('\n')
		if int64(len(buf)+len(part)) > max {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, fmt.Errorf("line %w of %d bytes", ErrTooLarge, max)
		}
		buf = append(buf, part...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return buf, err
		}
	}
}

var errNoTextField = errors.New(`no "text" field`)

// jsonlDoc reads one JSON Lines record. Fields other than the article's own
// are kept in Meta: strings as they are, other values as JSON.
func jsonlDoc(raw []byte) (Doc, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return Doc{}, fmt.Errorf("not a JSON object: %w", err)
	}
	take := func(field string) (string, bool) {
		for _, k := range jsonlFields[field] {
			v, ok := obj[k]
			if !ok {
				continue
			}
			s, ok := jsonString(v)
			var list []string
			if !ok && field == "byline" && json.Unmarshal(v, &list) == nil {
				s, ok = strings.Join(list, " و"), true
			}
			if ok {
				delete(obj, k)
				return s, true
			}
		}
		return "", false
	}
	text, ok := take("text")
	switch {
	case !ok:
		return Doc{}, errNoTextField
	case strings.TrimSpace(text) == "":
		return Doc{}, errors.New("empty text")
	}
	var d Doc
	d.Text = normalizeNewlines(text)
	d.ID, _ = take("id")
	d.Title, _ = take("title")
	d.URL, _ = take("url")
	d.Byline, _ = take("byline")
	d.Canonical, _ = take("canonical")
	lang, _ := take("lang")
	d.Lang = primaryLang(lang)
	d.Format = formatJSONL
	if p, ok := take("published"); ok {
		d.Published = parseDate(p)
		if d.Published == "" && strings.TrimSpace(p) != "" {
			obj["published"], _ = json.Marshal(p) // unreadable: keep it as written
		}
	}
	if len(obj) > 0 {
		d.Meta = make(map[string]string, len(obj))
		for k, v := range obj {
			if s, ok := jsonString(v); ok {
				d.Meta[k] = s
			} else {
				var b bytes.Buffer
				if json.Compact(&b, v) == nil {
					v = b.Bytes()
				}
				d.Meta[k] = string(v)
			}
		}
	}
	return d, nil
}

// jsonString reads a JSON string or a number (ids are often numbers).
func jsonString(v json.RawMessage) (string, bool) {
	if bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
		return "", false
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s, true
	}
	var n json.Number
	if json.Unmarshal(v, &n) == nil {
		return n.String(), true
	}
	return "", false
}
