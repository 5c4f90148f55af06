package text

import (
	"strings"
	"unicode/utf8"
)

// Kind is the class of a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // Arabic word (letters, with any diacritics or tatweel)
	Number             // digits in any script, with inner . , ٫ ٬ (2.5, 1,000)
	Latin              // a run of non-Arabic letters and digits starting with a letter
	Punct              // one punctuation mark
	Symbol             // any other single character
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "Word"
	case Number:
		return "Number"
	case Latin:
		return "Latin"
	case Punct:
		return "Punct"
	}
	return "Symbol"
}

// Token is one token of a text. Its Proclitics and Enclitics slices are
// shared between tokens and must not be modified.
type Token struct {
	Text       string // surface as in the input
	Start, End int    // code-point offsets into the input, End exclusive
	Kind       Kind
	Norm       string   // normalised surface (see Normalize)
	Stem       string   // normalised, clitics stripped (the light stem)
	Proclitics []string // normalised, in order, e.g. ["و","ب","ال"]; للـ gives ["ل","ال"]
	Enclitics  []string // e.g. ["ها"]
}

// Tokenize splits s into words, numbers, Latin words and single punctuation
// marks or symbols, skipping whitespace and invisible marks between tokens.
// Arabic words get their clitic analysis (see SplitClitics); a final ه that
// is written ه (not ة) in the surface may also be split as a pronoun.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/8+1)
	// Normalised forms that differ from their surface are written to one
	// buffer and sliced out of it at the end, rather than allocated one by
	// one: pending lists those tokens with their offsets in the buffer.
	var arena strings.Builder
	type normAt struct{ tok, off int }
	var pending []normAt
	pos := 0 // code-point offset of byte i
	for i := 0; i < len(s); {
		r, w := decodeRune(s, i)
		if isSpace(r) || isInvisible(r) {
			i += w
			pos++
			continue
		}
		start, startPos := i, pos
		kind := Symbol
		normal := normalRune(r)
		switch {
		case isArabicLetter(r):
			kind = Word
			i, pos, normal = scanWord(s, i+w, pos+1, normal)
		case digitValue(r) >= 0:
			kind = Number
			i, pos, normal = scanNumber(s, i+w, pos+1, normal)
		case isLetter(r):
			kind = Latin
			i, pos, normal = scan(s, i+w, pos+1, inLatinWord, normal)
		default:
			if isPunct(r) {
				kind = Punct
			}
			i += w
			pos++
		}
		t := Token{Text: s[start:i], Start: startPos, End: pos, Kind: kind}
		switch {
		case normal:
			t.Norm = t.Text
		case i-start == w:
			t.Norm = normalizeRune(r)
		default:
			if pending == nil {
				// forms are seldom longer than their surface
				arena.Grow(len(s) - start)
			}
			pending = append(pending, normAt{len(toks), arena.Len()})
			writeNormal(&arena, t.Text)
		}
		toks = append(toks, t)
	}
	all := arena.String()
	for k, p := range pending {
		end := len(all)
		if k+1 < len(pending) {
			end = pending[k+1].off
		}
		toks[p.tok].Norm = all[p.off:end]
	}
	for k := range toks {
		t := &toks[k]
		t.Stem = t.Norm
		if t.Kind == Word {
			t.Proclitics, t.Stem, t.Enclitics = splitClitics(t.Norm, lastLetter(t.Text) != 'ة')
		}
	}
	return toks
}

// lastLetter is the last rune of w that is not a diacritic or a joiner.
func lastLetter(w string) rune {
	if n := len(w); n >= 2 && w[n-2]&0xE0 == 0xC0 && w[n-1]&0xC0 == 0x80 {
		// a two-byte rune, as Arabic letters are
		if r := rune(w[n-2]&0x1F)<<6 | rune(w[n-1]&0x3F); r >= 0x80 && !isDiacritic(r) && !isInvisible(r) {
			return r
		}
	}
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		if !isDiacritic(r) && !isInvisible(r) {
			return r
		}
		w = w[:len(w)-n]
	}
	return 0
}

// decodeRune is utf8.DecodeRuneInString with fast paths for ASCII and for
// two-byte sequences (all of Arabic); invalid bytes count as one code point
// each, as in a range loop.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

func inArabicWord(r rune) bool {
	return isArabicLetter(r) || isDiacritic(r) || r == 0x200C || r == 0x200D
}

func inLatinWord(r rune) bool {
	return (isLetter(r) && !isArabicLetter(r)) || (r >= '0' && r <= '9') || (r >= 0x0300 && r <= 0x036F)
}

// scanWord is scan(s, i, pos, inArabicWord, normal) with the common case,
// letters of the Arabic block, decoded and tested inline.
func scanWord(s string, i, pos int, normal bool) (int, int, bool) {
	for i+1 < len(s) {
		c0, c1 := s[i], s[i+1]
		if c0 < 0xD8 || c0 > 0xDB || c1&0xC0 != 0x80 { // not U+0600–U+06FF
			break
		}
		r := rune(c0&0x1F)<<6 | rune(c1&0x3F)
		if !inArabicWord(r) {
			break
		}
		normal = normal && arabicBlock[r-0x0600] == r
		i += 2
		pos++
	}
	if i < len(s) {
		return scan(s, i, pos, inArabicWord, normal)
	}
	return i, pos, normal
}

// scan advances over runes accepted by ok, keeping invisible marks only when
// the run continues after them. normal stays true while every rune taken is
// its own normalised form (see Normalize).
func scan(s string, i, pos int, ok func(rune) bool, normal bool) (int, int, bool) {
	for i < len(s) {
		r, w := decodeRune(s, i)
		if ok(r) {
			normal = normal && normalRune(r)
			i += w
			pos++
			continue
		}
		if !isInvisible(r) {
			break
		}
		j, p := i, pos
		for j < len(s) {
			r2, w2 := decodeRune(s, j)
			if !isInvisible(r2) {
				break
			}
			j += w2
			p++
		}
		if j >= len(s) {
			break
		}
		if r2, _ := decodeRune(s, j); !ok(r2) {
			break
		}
		i, pos, normal = j, p, false
	}
	return i, pos, normal
}

// scanNumber advances over digits and over . , ٫ ٬ between digits.
func scanNumber(s string, i, pos int, normal bool) (int, int, bool) {
	for i < len(s) {
		r, w := decodeRune(s, i)
		if digitValue(r) >= 0 {
			normal = normal && r <= '9'
			i += w
			pos++
			continue
		}
		if r == '.' || r == ',' || r == '٫' || r == '٬' {
			if i+w < len(s) {
				if r2, w2 := decodeRune(s, i+w); digitValue(r2) >= 0 {
					normal = normal && r2 <= '9' && r < utf8.RuneSelf
					i += w + w2
					pos += 2
					continue
				}
			}
		}
		break
	}
	return i, pos, normal
}

func isPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '{', '}', '-', '/', '\\',
		'،', '؛', '؟', '«', '»', '“', '”', '„', '‟', '‘', '’', '…', '–', '—', '٪', '٫', '٬', '″', '·', '•', '_', '*', '&', '#', '@', '%':
		return true
	}
	return false
}
