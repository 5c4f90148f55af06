package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalized is text normalised for matching with a map back to the original.
type Normalized struct {
	Text string // the normalised text
	// Orig[i] is the code-point offset in the original of the i-th rune of
	// Text; len(Orig) == runeCount(Text)+1, the last entry is the original's
	// length in code points.
	Orig []int
}

// Normalize maps s to its matching form:
//   - alef forms أ إ آ ٱ → ا, alef maqsura ى → ي, ta marbuta ة → ه;
//   - hamza seats ؤ → و and ئ → ي, so that spelling variants such as
//     مسؤول/مسئول/مسوول meet (a bare ء is kept);
//   - harakat, tanwin, shadda, sukun, superscript alef, Quranic marks and
//     tatweel are removed, as are invisible marks (ZWSP, ZWNJ, ZWJ, LRM,
//     RLM, bidi embeddings and isolates, BOM, ALM);
//   - Arabic presentation forms become base letters (a ligature such as ﻻ
//     gives two runes that map to the same original offset);
//   - Arabic-Indic and Persian digits → ASCII, ٫ → '.', ٬ → ',';
//   - ، ؛ ؟ → , ; ?, and « » “ ” „ ‟ ″ → ";
//   - Latin is lower-cased;
//   - every run of whitespace becomes one ASCII space (runs are not trimmed,
//     so offsets of surrounding text stay exact).
func Normalize(s string) Normalized {
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, utf8.RuneCountInString(s)+8)
	pos := 0      // code-point offset of the current rune in s
	spaceAt := -1 // original offset of a pending whitespace run, or -1
	for i := 0; i < len(s); {
		r, w := decodeRune(s, i)
		i += w
		if isSpace(r) {
			if spaceAt < 0 {
				spaceAt = pos
			}
			pos++
			continue
		}
		m, ok := mapRune(r)
		if !ok {
			pos++
			continue
		}
		if spaceAt >= 0 {
			b.WriteByte(' ')
			orig = append(orig, spaceAt)
			spaceAt = -1
		}
		if m >= 0 {
			putRune(&b, m)
			orig = append(orig, pos)
		} else {
			for _, x := range presentation[r-presBase] {
				b.WriteRune(x)
				orig = append(orig, pos)
			}
		}
		pos++
	}
	if spaceAt >= 0 {
		b.WriteByte(' ')
		orig = append(orig, spaceAt)
	}
	orig = append(orig, pos)
	return Normalized{Text: b.String(), Orig: orig}
}

// NormalizeString is Normalize(s).Text without building the offset map; it is
// the form dictionary keys are stored in. Already normalised input is
// returned without allocation.
func NormalizeString(s string) string {
	if isNormal(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	writeNormal(&b, s)
	return b.String()
}

// writeNormal writes the normalised form of s to b.
func writeNormal(b *strings.Builder, s string) {
	space := false
	for i := 0; i < len(s); {
		r, w := decodeRune(s, i)
		i += w
		if isSpace(r) {
			space = true
			continue
		}
		m, ok := mapRune(r)
		if !ok {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if m >= 0 {
			putRune(b, m)
		} else {
			for _, x := range presentation[r-presBase] {
				b.WriteRune(x)
			}
		}
	}
	if space {
		b.WriteByte(' ')
	}
}

// putRune is b.WriteRune with the one- and two-byte forms, all of ASCII
// and Arabic, written inline.
func putRune(b *strings.Builder, r rune) {
	switch {
	case r < utf8.RuneSelf:
		b.WriteByte(byte(r))
	case r < 0x800:
		b.WriteByte(byte(0xC0 | r>>6))
		b.WriteByte(byte(0x80 | r&0x3F))
	default:
		b.WriteRune(r)
	}
}

// normalRune reports whether r, not a space, is its own normalised form.
func normalRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r < 'A' || r > 'Z'
	case r >= 0x0600 && r < 0x0700:
		return arabicBlock[r-0x0600] == r
	case r == utf8.RuneError:
		return false
	}
	m, ok := mapRune(r)
	return ok && m == r
}

// normalizeRune is NormalizeString of the one rune r, not a space, with the
// common results shared rather than allocated.
func normalizeRune(r rune) string {
	m, ok := mapRune(r)
	switch {
	case !ok:
		return ""
	case m < 0:
		return string(presentation[r-presBase])
	case m < utf8.RuneSelf:
		return asciiStrings[m]
	case m >= 0x0600 && m < 0x0700:
		return arabicStrings[m-0x0600]
	}
	return string(m)
}

// asciiStrings and arabicStrings hold each rune of ASCII and of the Arabic
// block as a string.
var asciiStrings, arabicStrings = runeStrings(0, utf8.RuneSelf), runeStrings(0x0600, 0x0700)

func runeStrings(lo, hi rune) []string {
	t := make([]string, hi-lo)
	for r := lo; r < hi; r++ {
		t[r-lo] = string(r)
	}
	return t
}

// isNormal reports whether NormalizeString(s) == s, so the common case of a
// clean key costs one scan and no allocation.
func isNormal(s string) bool {
	prevSpace := false
	for i := 0; i < len(s); {
		r, w := decodeRune(s, i)
		i += w
		if r == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
		if isSpace(r) || r == utf8.RuneError {
			return false
		}
		if m, ok := mapRune(r); !ok || m != r {
			return false
		}
	}
	return true
}

// OrigSpan maps the normalised rune span [start,end) to the original
// code-point span. Characters dropped by normalisation right after the span
// (diacritics on its last letter, invisible marks) fall inside it.
func (n Normalized) OrigSpan(start, end int) (int, int) {
	last := len(n.Orig) - 1
	start = min(max(start, 0), last)
	end = min(max(end, start), last)
	os, oe := n.Orig[start], n.Orig[end]
	if end > start && oe <= n.Orig[end-1] {
		// end falls inside the expansion of one original rune (a ligature).
		oe = n.Orig[end-1] + 1
	}
	return os, oe
}

// DigitsToASCII replaces Arabic-Indic (٠-٩) and Persian (۰-۹) digits by 0-9
// and leaves everything else as it is.
func DigitsToASCII(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return digitValue(r) >= 0 && r > '9' })
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if d := digitValue(r); d >= 0 {
			b.WriteByte(byte('0' + d))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// StripDiacritics removes harakat, tanwin, shadda, sukun, superscript alef,
// Quranic marks and tatweel, and nothing else.
func StripDiacritics(s string) string {
	i := strings.IndexFunc(s, isDiacritic)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !isDiacritic(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// digitValue is the value of an ASCII, Arabic-Indic or Persian digit, else -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 0x0660 && r <= 0x0669:
		return int(r - 0x0660)
	case r >= 0x06F0 && r <= 0x06F9:
		return int(r - 0x06F0)
	}
	return -1
}

func isDiacritic(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640 ||
		(r >= 0x0610 && r <= 0x061A) || (r >= 0x06D6 && r <= 0x06DC) ||
		(r >= 0x06DF && r <= 0x06E8) || (r >= 0x06EA && r <= 0x06ED)
}

// isInvisible reports format characters that carry no letters: zero-width
// space and joiners, direction marks, bidi embeddings and isolates, BOM, ALM.
func isInvisible(r rune) bool {
	return (r >= 0x200B && r <= 0x200F) || (r >= 0x202A && r <= 0x202E) ||
		(r >= 0x2066 && r <= 0x2069) || r == 0xFEFF || r == 0x061C || r == 0x00AD || r == 0x2060
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || (r >= '\t' && r <= '\r')
	}
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// mapRune gives the normalised form of one non-space rune: ok is false when
// the rune is dropped, and m is -1 when it expands through the presentation
// table.
func mapRune(r rune) (m rune, ok bool) {
	if r >= 0x0600 && r < 0x0700 {
		m := arabicBlock[r-0x0600]
		return m, m != 0
	}
	return mapSlow(r)
}

// arabicBlock caches mapRune for U+0600–U+06FF, where nearly all of an
// Arabic text lies; 0 means dropped.
var arabicBlock = buildArabicBlock()

func buildArabicBlock() (t [256]rune) {
	for i := range t {
		if m, ok := mapSlow(rune(0x0600 + i)); ok {
			t[i] = m
		}
	}
	return t
}

// mapSlow is mapRune without the Arabic block cache.
func mapSlow(r rune) (m rune, ok bool) {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + 32, true
		}
		return r, true
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 0x0672, 0x0673:
		return 'ا', true
	case 'ى':
		return 'ي', true
	case 'ة':
		return 'ه', true
	case 'ؤ':
		return 'و', true
	case 'ئ':
		return 'ي', true
	case '،':
		return ',', true
	case '؛':
		return ';', true
	case '؟':
		return '?', true
	case '٫':
		return '.', true
	case '٬':
		return ',', true
	case '«', '»', '“', '”', '„', '‟', '″':
		return '"', true
	}
	if r >= presBase && r <= presEnd {
		switch x := presentation[r-presBase]; len(x) {
		case 0:
			return 0, false
		case 1:
			return x[0], true
		}
		return -1, true
	}
	return mapBase(r)
}

// mapBase is mapRune for runes above ASCII outside the presentation forms.
func mapBase(r rune) (rune, bool) {
	if isDiacritic(r) || isInvisible(r) {
		return 0, false
	}
	if d := digitValue(r); d >= 0 {
		return rune('0' + d), true
	}
	if r < 0x0250 || (r >= 0x0370 && r < 0x0530) {
		return unicode.ToLower(r), true
	}
	return r, true
}

const (
	presBase = 0xFB50
	presEnd  = 0xFEFF
)

// presentation maps each Arabic presentation form (U+FB50–U+FEFF) to its
// normalised base letters, derived once from the Unicode compatibility
// decompositions so that no hand-written table can drift from the standard.
var presentation = buildPresentation()

func buildPresentation() [][]rune {
	t := make([][]rune, presEnd-presBase+1)
	for r := rune(presBase); r <= presEnd; r++ {
		if r >= 0xFE00 && r < 0xFE70 {
			// variation selectors, vertical and small forms: not Arabic letters
			t[r-presBase] = []rune{r}
			continue
		}
		if r == 0xFEFF {
			t[r-presBase] = nil
			continue
		}
		var out []rune
		for _, x := range norm.NFKD.String(string(r)) {
			if isSpace(x) {
				// isolated harakat decompose to space+mark: keep only inner spaces
				if len(out) > 0 && out[len(out)-1] != ' ' {
					out = append(out, ' ')
				}
				continue
			}
			if x < 0x80 {
				out = append(out, x)
			} else if m, ok := mapBase(x); ok {
				out = append(out, m)
			}
		}
		for len(out) > 0 && out[len(out)-1] == ' ' {
			out = out[:len(out)-1]
		}
		t[r-presBase] = out
	}
	return t
}
