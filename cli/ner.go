package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/masar-project/masar/ner"
)

func init() {
	register(Command{Name: "ner", Summary: "tag named entities (--conll: OUTPUT.md §2; else plain text to JSON Lines)", Run: runNER})
}

// Limits that keep one bad input from taking the run's memory: a line longer
// than maxNERLine is tagged O and streamed through, and a sentence is tagged
// in pieces of at most maxNERSentence lines.
const (
	maxNERLine     = 64 << 10
	maxNERSentence = 10000
	maxNERText     = 64 << 20
)

func runNER(env *Env) error {
	fs := newFlags(env, "ner", "[--conll] [--in FILE|-] [--out FILE|-]")
	conll := fs.Bool("conll", false, "read CoNLL (token in the first column, blank line between sentences) and append a BIO tag to each token line")
	in := fs.String("in", "-", "input file (- for standard input)")
	out := fs.String("out", "-", "output file (- for standard output)")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	m, err := ner.Default()
	if err != nil {
		return err
	}
	return streamFile(env, *in, *out, func(r io.Reader, w *bufio.Writer) error {
		if *conll {
			return tagCoNLL(m, r, w)
		}
		return textEntities(m, r, w)
	})
}

// conllItem is one buffered piece of output: a sentence's token lines, or a
// separator line copied as it is.
type conllItem struct {
	lines []conllLine
	toks  []string
	sep   []byte
}

// conllLine is one token line: its bytes without the line ending.
type conllLine struct {
	text, eol string
}

// conllTagger buffers a document's worth of CoNLL input (ner.DocumentSentences
// sentences, or less at a huge line or the end) and writes it tagged.
type conllTagger struct {
	m     *ner.Model
	w     *bufio.Writer
	items []conllItem
	cur   conllItem // the sentence being read
	sents int
	bytes int
}

// maxNERBuffer bounds the bytes of input held before tagging.
const maxNERBuffer = 16 << 20

func (t *conllTagger) addLine(body []byte, eol, tok string) {
	t.cur.lines = append(t.cur.lines, conllLine{string(body), eol})
	t.cur.toks = append(t.cur.toks, tok)
	t.bytes += len(body)
	if len(t.cur.lines) >= maxNERSentence || t.bytes > maxNERBuffer {
		t.endSentence()
		t.flush()
	}
}

func (t *conllTagger) addSeparator(line []byte) {
	t.endSentence()
	t.items = append(t.items, conllItem{sep: append([]byte(nil), line...)})
	if t.sents >= ner.DocumentSentences {
		t.flush()
	}
}

func (t *conllTagger) endSentence() {
	if len(t.cur.lines) > 0 {
		t.items = append(t.items, t.cur)
		t.sents++
		t.cur = conllItem{}
	}
}

// flush tags and writes everything buffered.
func (t *conllTagger) flush() {
	t.endSentence()
	var doc [][]string
	for _, it := range t.items {
		if it.sep == nil {
			doc = append(doc, it.toks)
		}
	}
	tags := t.m.TagDocument(doc)
	k := 0
	for _, it := range t.items {
		if it.sep != nil {
			t.w.Write(it.sep)
			continue
		}
		for i, tag := range tags[k] {
			t.w.WriteString(it.lines[i].text)
			t.w.WriteByte(' ')
			t.w.WriteString(tag)
			t.w.WriteString(it.lines[i].eol)
		}
		k++
	}
	t.items, t.sents, t.bytes = t.items[:0], 0, 0
}

// tagCoNLL copies r to w, appending " TAG" to every token line. Lines that
// hold only whitespace separate sentences and are copied unchanged.
func tagCoNLL(m *ner.Model, r io.Reader, w *bufio.Writer) error {
	br := bufio.NewReaderSize(r, maxNERLine)
	t := &conllTagger{m: m, w: w}
	for {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			t.flush()
			if err := streamHugeLine(br, line, w); err != nil {
				return err
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if len(line) > 0 {
			body, eol := splitEOL(line)
			if tok := firstField(body); tok == "" {
				t.addSeparator(line)
			} else {
				t.addLine(body, eol, tok)
			}
		}
		if err != nil { // io.EOF
			t.flush()
			return nil
		}
	}
}

// splitEOL separates a line from its ending; a last line without one gets
// "\n" so that the output stays line-shaped.
func splitEOL(line []byte) ([]byte, string) {
	switch {
	case bytes.HasSuffix(line, []byte("\r\n")):
		return line[:len(line)-2], "\r\n"
	case bytes.HasSuffix(line, []byte("\n")):
		return line[:len(line)-1], "\n"
	}
	return line, "\n"
}

// firstField is the first space- or tab-separated column of a line.
func firstField(b []byte) string {
	b = bytes.TrimLeft(b, " \t\r\v\f")
	if i := bytes.IndexAny(b, " \t\r\v\f"); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// streamHugeLine copies a line longer than the reader's buffer to w in
// pieces, starting with head, and tags it O without holding it in memory
// (a line of only whitespace stays a sentence boundary, untagged).
func streamHugeLine(br *bufio.Reader, head []byte, w *bufio.Writer) error {
	chunk := head
	cr := false   // a '\r' held back from the end of the previous piece
	blank := true // only whitespace so far
	tag := func() string {
		if blank {
			return ""
		}
		return " O"
	}
	for {
		blank = blank && len(bytes.TrimLeft(chunk, " \t\r\n\v\f")) == 0
		if n := len(chunk); n > 0 && chunk[n-1] == '\n' {
			body, eol := splitEOL(chunk)
			if cr && len(body) == 0 && eol == "\n" {
				eol = "\r\n" // the line ending straddled two pieces
			} else if cr {
				w.WriteByte('\r')
			}
			w.Write(body)
			w.WriteString(tag())
			w.WriteString(eol)
			return nil
		}
		if cr {
			w.WriteByte('\r')
			cr = false
		}
		if n := len(chunk); n > 0 && chunk[n-1] == '\r' {
			chunk, cr = chunk[:n-1], true
		}
		w.Write(chunk)
		next, err := br.ReadSlice('\n')
		switch {
		case err == nil || errors.Is(err, bufio.ErrBufferFull):
			chunk = next
		case errors.Is(err, io.EOF):
			if cr {
				w.WriteByte('\r')
			}
			blank = blank && len(bytes.TrimLeft(next, " \t\r\v\f")) == 0
			w.Write(next)
			w.WriteString(tag() + "\n")
			return nil
		default:
			return err
		}
	}
}

// textEntities reads plain text and writes its entities as JSON Lines.
func textEntities(m *ner.Model, r io.Reader, w io.Writer) error {
	b, err := io.ReadAll(io.LimitReader(r, maxNERText+1))
	if err != nil {
		return err
	}
	if len(b) > maxNERText {
		return fmt.Errorf("input is over the %d-byte limit", maxNERText)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range m.Entities(string(bytes.ToValidUTF8(b, []byte("\uFFFD")))) {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return nil
}
