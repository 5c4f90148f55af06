package quote

import "unicode"

// pair is a top-level quotation: the opening mark spans [open, inStart) and
// the closing mark [inEnd, close); inEnd == close when the quote ran to the
// end of its paragraph without a closing mark.
type pair struct {
	open, inStart, inEnd, close int
}

type mark struct {
	p, q int // the mark spans [p, q); doubled marks ("") are one mark
	r    rune
}

func isMark(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„', '‟':
		return true
	}
	return false
}

// findPairs pairs quotation marks. Copy mixes styles freely (“...“, ” ...”,
// “...") so only « „ and » are taken at their word; the others open or
// close by their context: a mark glued to the word after it opens, one glued
// to the word before it closes. A quote still open at the end of a paragraph
// closes there; a hard-wrapped line does not end a paragraph.
func findPairs(rs []rune) []pair {
	var out []pair
	var stack []mark
	closeAll := func(end int) {
		if len(stack) > 0 {
			o := stack[0]
			out = append(out, pair{open: o.p, inStart: o.q, inEnd: end, close: end})
			stack = stack[:0]
		}
	}
	pop := func(m mark) {
		o := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if len(stack) == 0 {
			out = append(out, pair{open: o.p, inStart: o.q, inEnd: m.p, close: m.q})
		}
	}
	n := len(rs)
	// some copy writes guillemets the other way round (»...«); the first
	// guillemet of a paragraph tells which way
	dir := rune(0)
	for i := 0; i < n; i++ {
		r := rs[i]
		if r == '\n' {
			if paragraphEnds(rs, i) {
				closeAll(i)
				dir = 0
			}
			continue
		}
		if r == '«' || r == '»' {
			if dir == 0 {
				dir = r
			}
			if dir == '»' {
				r = '«' + '»' - r
			}
		}
		if len(stack) > 0 && i-stack[0].p > maxQuote {
			closeAll(i)
		}
		if !isMark(r) {
			continue
		}
		m := mark{p: i, q: i + 1, r: r}
		if i+1 < n && rs[i+1] == rs[i] && r != '«' && r != '»' {
			m.q = i + 2 // "" as one mark
		}
		i = m.q - 1
		switch m.r {
		case '«', '„':
			stack = append(stack, m)
			continue
		case '»':
			if len(stack) > 0 {
				pop(m)
			}
			continue
		}
		canOpen, canClose := opens(rs, m), closes(rs, m)
		switch {
		case canOpen && !canClose:
			stack = append(stack, m)
		case canClose && !canOpen:
			if len(stack) > 1 && m.q-m.p == 2 {
				// a doubled mark closes the inner and the outer quote
				pop(mark{p: m.p, q: m.p + 1, r: m.r})
				pop(mark{p: m.p + 1, q: m.q, r: m.r})
			} else if len(stack) > 0 {
				pop(m)
			}
		case len(stack) == 0:
			stack = append(stack, m)
		case !canOpen && !canClose && nestedName(rs, m):
			stack = append(stack, m)
		default:
			pop(m)
		}
	}
	closeAll(n)
	return out
}

// opens: the mark stands after a space, an opening bracket, a colon or a
// one-word clitic (و"، بـ"، إن”) and before a letter or digit.
func opens(rs []rune, m mark) bool {
	if m.q >= len(rs) {
		return false
	}
	next := rs[m.q]
	if !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '(' || next == '[') {
		return false
	}
	if m.p == 0 {
		return true
	}
	prev := rs[m.p-1]
	if isBlank(prev) || prev == '(' || prev == '[' || prev == ':' || prev == '،' || prev == ',' || prev == '-' || prev == '/' {
		return true
	}
	// a short word glued before: و"، بـ"، إن”
	k := m.p - 1
	for k >= 0 && (unicode.IsLetter(rs[k]) || rs[k] == 0x0640) {
		k--
	}
	return m.p-1-k <= 2 && (k < 0 || isBlank(rs[k]))
}

// closes: the mark is glued to the text before it and followed by a space,
// punctuation or the end.
func closes(rs []rune, m mark) bool {
	if m.p == 0 || isBlank(rs[m.p-1]) {
		return false
	}
	if m.q >= len(rs) {
		return true
	}
	next := rs[m.q]
	return isBlank(next) || unicode.IsPunct(next) || next == '،' || next == '؛'
}

// nestedName reports whether an ambiguous mark inside a quote (spaces on both
// sides, as in « " منصة موسكو " ») opens a short nested name: another mark
// follows within four words and before any sentence end.
func nestedName(rs []rune, m mark) bool {
	words, inWord := 0, false
	for i := m.q; i < len(rs) && i < m.q+80; i++ {
		r := rs[i]
		switch {
		case isMark(r):
			return words > 0 && words <= 4
		case r == '.' || r == '!' || r == '?' || r == '؟' || r == '\n':
			return false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				words++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return false
}

// paragraphEnds reports whether the line break at rs[i] ends a paragraph: a
// blank line follows, or the line ends in a sentence terminator.
func paragraphEnds(rs []rune, i int) bool {
	j := i + 1
	for j < len(rs) && isBlank(rs[j]) && rs[j] != '\n' {
		j++
	}
	if j >= len(rs) || rs[j] == '\n' {
		return true
	}
	k := i - 1
	for k >= 0 && isBlank(rs[k]) {
		k--
	}
	if k < 0 {
		return true
	}
	switch rs[k] {
	case '.', '!', '?', '؟', '…':
		return true
	}
	return false
}
