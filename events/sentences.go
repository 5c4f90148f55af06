package events

import (
	"slices"

	"github.com/masar-project/masar/text"
)

type span struct{ start, end int }

// spans are the code-point spans of sentences.
func spans(ss []text.Sentence) []span {
	out := make([]span, len(ss))
	for i, s := range ss {
		out[i] = span{s.Start, s.End}
	}
	return out
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == 0xa0 }

// boundary marks punctuation that ends a clause. Brackets do not: they hold
// lists of actors ("(روسيا وتركيا وإيران)").
func boundary(t tok) bool {
	if !t.punct {
		return false
	}
	switch t.norm {
	case "،", ",", "؛", ";", ":", "–", "—", ".":
		return true
	}
	return false
}

// clause returns the token range [from, to) of the clause holding token i.
func clause(toks []tok, i int) (int, int) {
	from := i
	for from > 0 && !boundary(toks[from-1]) {
		from--
	}
	to := i + 1
	for to < len(toks) && !boundary(toks[to]) {
		to++
	}
	return from, to
}

// tokAt returns the index of the first token ending after code point pos
// (the token holding pos, or the next one); -1 if none.
func tokAt(toks []tok, pos int) int {
	i, _ := slices.BinarySearchFunc(toks, pos, func(t tok, pos int) int {
		if t.end > pos {
			return 1
		}
		return -1
	})
	if i == len(toks) {
		return -1
	}
	return i
}

// tokFrom returns the index of the first token starting at or after pos;
// -1 if none.
func tokFrom(toks []tok, pos int) int {
	i, _ := slices.BinarySearchFunc(toks, pos, func(t tok, pos int) int {
		if t.start >= pos {
			return 1
		}
		return -1
	})
	if i == len(toks) {
		return -1
	}
	return i
}
