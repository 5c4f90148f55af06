package events

import "slices"

type span struct{ start, end int }

// sentences splits the text at sentence-final punctuation followed by a
// space, and at line breaks. Spans exclude surrounding white space.
func sentences(rs []rune) []span {
	var out []span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpace(rs[s]) {
			s++
		}
		for e > s && isSpace(rs[e-1]) {
			e--
		}
		if e > s {
			out = append(out, span{s, e})
		}
		start = end
	}
	for i, r := range rs {
		switch r {
		case '\n':
			if paragraphEnd(rs, start, i) {
				emit(i + 1)
			}
		case '.', '!', '?', '؟':
			if i+1 == len(rs) || isSpace(rs[i+1]) {
				emit(i + 1)
			}
		}
	}
	emit(len(rs))
	return out
}

// paragraphEnd reports whether the line break at i ends a sentence: a
// blank line follows, or the line ends with punctuation. Other breaks come
// from hard-wrapped text.
func paragraphEnd(rs []rune, start, i int) bool {
	j := i + 1
	for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t' || rs[j] == '\r' || rs[j] == 0xa0) {
		j++
	}
	if j >= len(rs) || rs[j] == '\n' {
		return true
	}
	k := i - 1
	for k >= start && isSpace(rs[k]) {
		k--
	}
	if k < start {
		return true
	}
	switch rs[k] {
	case '.', '!', '?', '؟', '…', '"', '»', '”', ':':
		return true
	}
	return false
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
