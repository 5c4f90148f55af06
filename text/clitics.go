package text

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// notClitic lists normalised words that look cliticised but are not (وزير،
// بيان، فرنسا...). A line ending in '*' protects every word starting with it.
//
//go:embed data/not_clitic.txt
var notCliticData string

var notClitic, notCliticPrefix, maxPrefix = loadNotClitic(notCliticData)

// listedStart has a bit for the first two letters of every listed word, so
// that most words are cleared without a map lookup.
var listedStart = buildListedStart()

func buildListedStart() (b [1 << 14 / 64]uint64) {
	for _, m := range []map[string]bool{notClitic, notCliticPrefix} {
		for w := range m {
			if k, ok := startKey(w); ok {
				b[k/64] |= 1 << (k % 64)
			}
		}
	}
	return b
}

// startKey packs the first two letters of an Arabic word (U+0600–U+067F,
// two UTF-8 bytes each, 7 bits of information) into 14 bits.
func startKey(w string) (int, bool) {
	if len(w) < 4 || w[0]&0xFE != 0xD8 || w[2]&0xFE != 0xD8 {
		return 0, false
	}
	l1 := int(w[0]&1)<<6 | int(w[1]&0x3F)
	l2 := int(w[2]&1)<<6 | int(w[3]&0x3F)
	return l1<<7 | l2, true
}

func loadNotClitic(data string) (exact, prefix map[string]bool, longest int) {
	exact, prefix = map[string]bool{}, map[string]bool{}
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if p, ok := strings.CutSuffix(line, "*"); ok {
			p = NormalizeString(p)
			prefix[p] = true
			longest = max(longest, len(p))
		} else {
			exact[NormalizeString(line)] = true
		}
	}
	return exact, prefix, longest
}

// protected reports whether w is a word that must not lose letters to
// clitic stripping.
func protected(w string) bool {
	if k, ok := startKey(w); ok && listedStart[k/64]&(1<<(k%64)) == 0 {
		return false
	}
	if notClitic[w] {
		return true
	}
	// Arabic letters take two bytes: prefixes of 2+ letters end at even offsets
	for i := 4; i <= len(w) && i <= maxPrefix; i += 2 {
		if notCliticPrefix[w[:i]] {
			return true
		}
	}
	return false
}

// shared clitic strings, so that tokens do not allocate their own.
const (
	cLi, cSa, cAl = "ل", "س", "ال"
)

// enclitics in the order they are tried: longest first.
var enclitics = []string{"هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه"}

// proCombos and encSlices hold every clitic list a token can get, shared by
// all tokens so that clitic analysis does not allocate; callers must not
// modify them.
var proCombos, encSlices = buildCombos()

func buildCombos() (map[[3]string][]string, map[string][]string) {
	pro := map[[3]string][]string{}
	for _, c := range []string{"", "و", "ف"} {
		for _, m := range []string{"", "ب", "ل", "ك", "س"} {
			for _, a := range []string{"", cAl} {
				var l []string
				for _, x := range []string{c, m, a} {
					if x != "" {
						l = append(l, x)
					}
				}
				var k [3]string
				copy(k[:], l)
				pro[k] = l
			}
		}
	}
	enc := map[string][]string{}
	for _, e := range enclitics {
		enc[e] = []string{e}
	}
	return pro, enc
}

// SplitClitics splits a normalised Arabic word into proclitics, light stem
// and enclitics, conservatively:
//   - proclitics: a conjunction و or ف, then a preposition ب ل ك or the
//     future marker س (before ي ت ن ا), then the article ال (لل counts as
//     ل + ال);
//   - enclitics ها هم هما هن كم كما نا ه, only on words without the article;
//     a bare ه is left alone here because after normalisation it cannot be
//     told from ta marbuta (Tokenize, which sees the surface, does split it);
//     ي and ك are never split: in news they are far more often a nisba or a
//     root letter (روسي، ذلك) than a pronoun;
//   - the stem keeps at least 2 letters, and 3 when only a one-letter clitic
//     without the article is stripped; words listed in data/not_clitic.txt
//     (بيان، فرنسا، وزير...) are never split;
//   - a stem ending in ت before a pronoun gets its ta marbuta back
//     (حكومتها → حكومه), except after ا و ي (اتصالاتها، بيروت، تصويت).
func SplitClitics(norm string) (pro []string, stem string, enc []string) {
	return splitClitics(norm, false)
}

func splitClitics(w string, finalHa bool) (pro []string, stem string, enc []string) {
	if len(w) < 6 || !maybeClitic(w) { // fewer than 3 Arabic letters
		return nil, w, nil
	}
	var buf [6]string
	p := buf[:0]
	rest := w
	article := false
	if !protected(rest) {
		if r, ok := cutPrefix(rest, "و", "ف"); ok && letters(r) >= 3 {
			p = append(p, rest[:2])
			rest = r
		}
	}
	if !protected(rest) {
		switch {
		case strings.HasPrefix(rest, "لل") && letters(rest) >= 4:
			p = append(p, cLi, cAl)
			rest = rest[4:]
			article = true
		case hasArticle(rest):
			p = append(p, cAl)
			rest = rest[4:]
			article = true
		default:
			if r, ok := cutPrefix(rest, "ب", "ل", "ك"); ok {
				if hasArticle(r) {
					p = append(p, rest[:2], cAl)
					rest = r[4:]
					article = true
				} else if letters(r) >= 3 {
					p = append(p, rest[:2])
					rest = r
				}
			} else if r, ok := cutPrefix(rest, "س"); ok && letters(r) >= 4 && strings.ContainsRune("يتنا", firstRune(r)) {
				p = append(p, cSa)
				rest = r
			}
		}
	}
	if !article && !notClitic[rest] {
		rest, enc = splitEnclitic(rest, finalHa)
	}
	if len(p) > 0 {
		pro = proCombos[[3]string(append(p, "", "", "")[:3])]
	}
	return pro, rest, enc
}

// splitEnclitic strips one pronoun suffix from a word without the article.
func splitEnclitic(w string, finalHa bool) (string, []string) {
	for _, c := range enclitics {
		if c == "ه" && !finalHa {
			continue
		}
		s, ok := strings.CutSuffix(w, c)
		if !ok {
			continue
		}
		plain := c == "ها" || c == "هم" || c == "هن" || c == "هما"
		min := 3 // ambiguous endings need a longer stem
		if plain {
			min = 2 // منها، عنهم
		}
		last := lastRune(s)
		if letters(s) < min || notClitic[s] || !plain && last == 'ا' {
			return w, nil
		}
		if last == 'ت' && letters(s) >= 4 {
			if pre := lastRune(s[:len(s)-2]); pre != 'ا' && pre != 'و' && pre != 'ي' {
				s = s[:len(s)-2] + "ه" // ta marbuta before a pronoun
			}
		}
		return s, encSlices[c]
	}
	return w, nil
}

// maybeClitic is a cheap test that w starts with a proclitic letter or ends
// with a pronoun letter, so that most words skip the analysis.
func maybeClitic(w string) bool {
	switch w[:2] {
	case "و", "ف", "ب", "ل", "ك", "س", "ا":
		return true
	}
	switch w[len(w)-2:] {
	case "ه", "ا", "م", "ن":
		return true
	}
	return false
}

// hasArticle reports ال followed by at least two letters.
func hasArticle(w string) bool {
	return strings.HasPrefix(w, "ال") && letters(w) >= 4
}

func cutPrefix(w string, cs ...string) (string, bool) {
	for _, c := range cs {
		if r, ok := strings.CutPrefix(w, c); ok {
			return r, true
		}
	}
	return w, false
}

// letters counts the runes of a normalised word.
func letters(w string) int {
	return utf8.RuneCountInString(w)
}

func firstRune(w string) rune {
	for _, r := range w {
		return r
	}
	return 0
}

func lastRune(w string) rune {
	r := rune(0)
	for _, x := range w {
		r = x
	}
	return r
}
