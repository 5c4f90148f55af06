package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one tagged sentence: Tags[i] is the BIO tag of Tokens[i].
type Sentence struct {
	Tokens, Tags []string
}

// maxCoNLLLine bounds one line of training data; longer lines are an error.
const maxCoNLLLine = 1 << 20

// ReadCoNLL reads "token tag" lines (space or tab separated, tag in the last
// column) with blank lines between sentences. A line with a single column is
// a token with tag O. Unknown tags are an error.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxCoNLLLine)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		switch len(f) {
		case 0:
			flush()
			continue
		case 1:
			f = append(f, "O")
		}
		tag := f[len(f)-1]
		if tag != "O" && tagID(tag) == tagO {
			return nil, fmt.Errorf("line %d: unknown tag %q", line, tag)
		}
		cur.Tokens = append(cur.Tokens, f[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}
