package timex

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

// token is a word, a run of ASCII digits or one punctuation rune of the
// normalised text. Letters and digits split apart, so glued forms such as
// يوم5 or 2012م give two tokens.
type token struct {
	s          string
	kind       tokKind
	start, end int // rune offsets in the normalised text, end exclusive
}

func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/6)
	pos := 0 // rune offset of s[i:]
	for i := 0; i < len(s); {
		r, w := decode(s, i)
		switch {
		case r == ' ':
			i += w
			pos++
		case isDigit(r) || isLetter(r):
			digit := isDigit(r)
			j, n := i, 0
			for j < len(s) {
				r2, w2 := decode(s, j)
				if isDigit(r2) != digit || !(isDigit(r2) || isLetter(r2)) {
					break
				}
				j += w2
				n++
			}
			k := tWord
			if digit {
				k = tNum
			}
			toks = append(toks, token{s: s[i:j], kind: k, start: pos, end: pos + n})
			i, pos = j, pos+n
		default:
			toks = append(toks, token{s: s[i : i+w], kind: tPunct, start: pos, end: pos + 1})
			i += w
			pos++
		}
	}
	return toks
}

// decode is utf8.DecodeRuneInString(s[i:]) with the one- and two-byte
// forms, all of ASCII and Arabic, decoded inline.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x0621 && r <= 0x064A: // the Arabic letters, the common case
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}
