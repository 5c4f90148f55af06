package text

import "unicode/utf8"

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
		switch {
		case isArabicLetter(r):
			kind = Word
			i, pos = scan(s, i+w, pos+1, inArabicWord)
		case digitValue(r) >= 0:
			kind = Number
			i, pos = scanNumber(s, i+w, pos+1)
		case isLetter(r):
			kind = Latin
			i, pos = scan(s, i+w, pos+1, inLatinWord)
		default:
			if isPunct(r) {
				kind = Punct
			}
			i += w
			pos++
		}
		t := Token{Text: s[start:i], Start: startPos, End: pos, Kind: kind}
		t.Norm = NormalizeString(t.Text)
		t.Stem = t.Norm
		if kind == Word {
			t.Proclitics, t.Stem, t.Enclitics = splitClitics(t.Norm, lastLetter(t.Text) != 'ة')
		}
		toks = append(toks, t)
	}
	return toks
}

// lastLetter is the last rune of w that is not a diacritic or a joiner.
func lastLetter(w string) rune {
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

// scan advances over runes accepted by ok, keeping invisible marks only when
// the run continues after them.
func scan(s string, i, pos int, ok func(rune) bool) (int, int) {
	for i < len(s) {
		r, w := decodeRune(s, i)
		if ok(r) {
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
		i, pos = j, p
	}
	return i, pos
}

// scanNumber advances over digits and over . , ٫ ٬ between digits.
func scanNumber(s string, i, pos int) (int, int) {
	for i < len(s) {
		r, w := decodeRune(s, i)
		if digitValue(r) >= 0 {
			i += w
			pos++
			continue
		}
		if r == '.' || r == ',' || r == '٫' || r == '٬' {
			if i+w < len(s) {
				if r2, w2 := decodeRune(s, i+w); digitValue(r2) >= 0 {
					i += w + w2
					pos += 2
					continue
				}
			}
		}
		break
	}
	return i, pos
}

func isPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '{', '}', '-', '/', '\\',
		'،', '؛', '؟', '«', '»', '“', '”', '„', '‟', '‘', '’', '…', '–', '—', '٪', '٫', '٬', '″', '·', '•', '_', '*', '&', '#', '@', '%':
		return true
	}
	return false
}
