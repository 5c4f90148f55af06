package text

import (
	"slices"
	"unicode/utf8"
)

// Sentence is one sentence of a text. Start and End are code-point offsets
// into the input, End exclusive; Text is exactly that slice of the input,
// without surrounding whitespace.
type Sentence struct {
	Text       string
	Start, End int
}

// Sentences splits s at . ! ? ؟ … and line breaks. The clause separators ،
// and ؛ never end a sentence, nor does a line break after them. In a
// hard-wrapped text (see hardWrapped) a line break ends a sentence only after
// a sentence end or before a blank line or a bullet. Closing quotation marks and brackets that follow
// a sentence end stay with their sentence, and a quote closed by a mark that
// is followed by a comma («...انتهى.»، قال) does not end it. A full stop does
// not end a sentence inside a number (2.5), after a single-letter
// abbreviation (U.S., د. or أ.ف.ب) or as a list number at the start of a
// line ("1."); bullets at the start of a line (• - * and numbers) are not part
// of the sentence that follows them.
func Sentences(s string) []Sentence {
	// one pass for the code points and their byte offsets
	n := utf8.RuneCountInString(s)
	rs := make([]rune, n)
	bo := make([]int32, n+1)
	k := 0
	for i := 0; i < len(s); {
		r, w := decodeRune(s, i)
		rs[k], bo[k] = r, int32(i)
		k++
		i += w
	}
	bo[n] = int32(len(s))
	var out []Sentence
	emit := func(a, b int) {
		for a < b && isSpace(rs[a]) {
			a++
		}
		for b > a && isSpace(rs[b-1]) {
			b--
		}
		if a < b {
			out = append(out, Sentence{Text: s[bo[a]:bo[b]], Start: a, End: b})
		}
	}
	wrapped := hardWrapped(rs)
	start := skipBullet(rs, 0)
	inDQ := false // inside a "..." quote
	for i := 0; i < n; i++ {
		r := rs[i]
		switch {
		case isLineBreak(r):
			if softBreak(rs, i, start, wrapped) {
				continue // the sentence goes on on the next line
			}
			emit(start, i)
			inDQ = false
			start = skipBullet(rs, i+1)
			continue
		case r == '"':
			if i+1 < n && rs[i+1] == '"' {
				i++ // doubled "" as in copy pasted from some feeds is one mark
			}
			inDQ = !inDQ
			continue
		case r == '•' || r == '▪' || r == '●':
			emit(start, i)
			start = i + 1
			continue
		case !isTerminator(r):
			continue
		}
		if r == '.' && !fullStopEnds(rs, i, start) {
			continue
		}
		// absorb the rest of the terminator cluster and closing marks
		j := i + 1
		for j < n && (isTerminator(rs[j]) || isClosing(rs[j]) || (rs[j] == '"' && inDQ) || reversedClose(rs, j)) {
			if rs[j] == '"' {
				inDQ = false
				if j+1 < n && rs[j+1] == '"' {
					j++
				}
			}
			j++
		}
		if j < n && !isSpace(rs[j]) && !isOpening(rs[j]) && rs[j] != '"' && !isArabicLetter(rs[j]) {
			// "2.5", "example.com", "?!)"-like runs glued to what follows
			i = j - 1
			continue
		}
		if k := skipSpaces(rs, j); k < n && (rs[k] == '،' || rs[k] == ',' || rs[k] == '؛' || rs[k] == ';') {
			// «...انتهى.»، قال: the sentence goes on after the quote
			i = j - 1
			continue
		}
		emit(start, j)
		start = j
		i = j - 1
	}
	emit(start, n)
	return out
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029
}

// softBreak reports whether the line break at rs[i] continues the sentence
// that started at start: after a clause separator, or in a wrapped text
// after anything but a sentence end; never before a blank line or a bullet.
func softBreak(rs []rune, i, start int, wrapped bool) bool {
	last := lastMark(rs, start, i)
	if last < 0 {
		return false // nothing before it yet
	}
	if next, blank := lineAfter(rs, i); blank || skipBullet(rs, next) != next {
		return false
	}
	switch r := rs[last]; {
	case r == '،' || r == ',' || r == '؛' || r == ';':
		return true
	case isTerminator(r):
		return false
	}
	return wrapped
}

// lineAfter returns the offset after the line break at rs[i] (CR LF counts
// as one) and whether the line there is blank or missing.
func lineAfter(rs []rune, i int) (next int, blank bool) {
	next = i + 1
	if rs[i] == '\r' && next < len(rs) && rs[next] == '\n' {
		next++
	}
	k := skipSpaces(rs, next)
	return next, k == len(rs) || isLineBreak(rs[k])
}

// lastMark returns the offset of the last rune of rs[start:end] that is not
// a space, a closing mark or a quote, or -1.
func lastMark(rs []rune, start, end int) int {
	for k := end - 1; k >= start; k-- {
		if r := rs[k]; !isSpace(r) && !isClosing(r) && r != '"' && r != '«' && r != '“' {
			return k
		}
	}
	return -1
}

// hardWrapped reports whether the text's lines break inside sentences, as
// in copy wrapped at a column or pasted from a narrow layout: at least three
// lines, and half of the lines that have text, end without a sentence end and
// run on into the next line; those lines are short (median under
// wrappedLineMax runes), unlike paragraphs that merely lack their final full
// stop; and some sentence ends inside a line, unlike a list of headlines.
func hardWrapped(rs []rune) bool {
	var open []int // lengths of the lines that run on
	lines, midEnd := 0, false
	for a := 0; a < len(rs); {
		b := a
		for b < len(rs) && !isLineBreak(rs[b]) {
			b++
		}
		if k := skipSpaces(rs, a); k < b {
			lines++
			for j := k; j+2 < b; j++ {
				if isTerminator(rs[j]) && rs[j+1] == ' ' && isLetter(rs[j+2]) {
					midEnd = true
				}
			}
			if last := lastMark(rs, k, b); last >= 0 && !isTerminator(rs[last]) && b < len(rs) {
				if _, blank := lineAfter(rs, b); !blank {
					open = append(open, b-k)
				}
			}
		}
		a = b + 1
	}
	if !midEnd || len(open) < 3 || 2*len(open) < lines {
		return false
	}
	slices.Sort(open)
	return open[len(open)/2] < wrappedLineMax
}

// wrappedLineMax bounds the median length of the lines of a hard-wrapped
// text; wrapped copy breaks at 60 to 100 characters or so.
const wrappedLineMax = 120

func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '؟' || r == '…'
}

func isClosing(r rune) bool {
	return r == '»' || r == '”' || r == ')' || r == ']' || r == '’' || r == '›'
}

// reversedClose reports an opening-style mark used as a closing one, as some
// copy does (»...« or “...“): glued to a sentence end and followed by a
// space or the end of the text.
func reversedClose(rs []rune, j int) bool {
	return (rs[j] == '«' || rs[j] == '“') && (j+1 == len(rs) || isSpace(rs[j+1]))
}

func isOpening(r rune) bool {
	return r == '«' || r == '“' || r == '(' || r == '[' || r == '„' || r == '‘' || r == '‹'
}

func skipSpaces(rs []rune, i int) int {
	for i < len(rs) && isSpace(rs[i]) && rs[i] != '\n' {
		i++
	}
	return i
}

// fullStopEnds decides whether the '.' at rs[i] can end a sentence that
// started at start.
func fullStopEnds(rs []rune, i, start int) bool {
	prev, next := rune(0), rune(0)
	if i > 0 {
		prev = rs[i-1]
	}
	if i+1 < len(rs) {
		next = rs[i+1]
	}
	if digitValue(prev) >= 0 && digitValue(next) >= 0 {
		return false // decimal
	}
	if prev == '.' || next == '.' {
		return true // an ellipsis written as dots
	}
	// a single letter before the dot: U.S., د. محمد, أ.ف.ب, 2017 م.
	if isLetter(prev) && (i < 2 || !isLetter(rs[i-2]) && !isDiacritic(rs[i-2])) {
		return false
	}
	if prev == 0x0640 && i >= 2 && rs[i-2] == 'ه' && (i < 3 || !isLetter(rs[i-3])) {
		return false // هـ. for Hijri years
	}
	// a list number at the start of a line: "1. "
	k := i - 1
	for k >= start && digitValue(rs[k]) >= 0 {
		k--
	}
	if k < i-1 && k < start && i-1-k <= 2 {
		return false
	}
	return true
}

// skipBullet returns the offset after a list bullet at the start of a line
// (after leading blanks), or i when there is none.
func skipBullet(rs []rune, i int) int {
	j := skipSpaces(rs, i)
	if j >= len(rs) {
		return i
	}
	switch rs[j] {
	case '•', '-', '*', '–', '—', '▪', '●', '·':
		if j+1 < len(rs) && isSpace(rs[j+1]) {
			return j + 1
		}
		return i
	}
	k := j
	for k < len(rs) && k-j < 3 && digitValue(rs[k]) >= 0 {
		k++
	}
	if k > j && k+1 < len(rs) && (rs[k] == '.' || rs[k] == ')' || rs[k] == '-') && isSpace(rs[k+1]) {
		return k + 1
	}
	return i
}

func isLetter(r rune) bool {
	if r < 0x80 {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return isArabicLetter(r) || (r < 0x0530 && r >= 0xC0 && r != 0xD7 && r != 0xF7)
}

// isArabicLetter covers the Arabic letters proper and the presentation forms.
func isArabicLetter(r rune) bool {
	return (r >= 0x0621 && r <= 0x063A) || (r >= 0x0641 && r <= 0x064A) ||
		(r >= 0x066E && r <= 0x066F) || (r >= 0x0671 && r <= 0x06D3) || r == 0x06D5 ||
		(r >= 0x06EE && r <= 0x06EF) || (r >= 0x06FA && r <= 0x06FF) ||
		(r >= 0x0750 && r <= 0x077F) || (r >= 0x08A0 && r <= 0x08C9) ||
		(r >= 0xFB50 && r <= 0xFDFB) || (r >= 0xFE70 && r <= 0xFEFC)
}

// RuneOffsets returns the byte offset of each code point of s, plus len(s)
// at the end, so that code-point offsets convert to byte offsets in O(1).
func RuneOffsets(s string) []int {
	off := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		off = append(off, i)
	}
	return append(off, len(s))
}
