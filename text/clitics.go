package text

import (
	_ "embed"
	"slices"
	"strings"
	"unicode/utf8"
)

// notClitic lists normalised words that look cliticised but are not (وزير،
// بيان، فرنسا...). A line ending in '*' protects every word starting with it.
//
//go:embed data/not_clitic.txt
var notCliticData string

var notClitic, notCliticPrefix, maxPrefix = loadNotClitic(notCliticData)

// exactStart and prefixStart have a bit for the first two letters of every
// listed word and prefix, and exactEnd and prefixEnd one for the last letter
// and length, so that most words are cleared without a map lookup.
var (
	exactStart, prefixStart = keyBits(notClitic, startKey), keyBits(notCliticPrefix, startKey)
	exactEnd, prefixEnd     = keyBits(notClitic, endKey), keyBits(notCliticPrefix, endKey)
)

func keyBits(m map[string]bool, key func(string) (int, bool)) (b [1 << 14 / 64]uint64) {
	for w := range m {
		if k, ok := key(w); ok {
			b[k/64] |= 1 << (k % 64)
		}
	}
	return b
}

// ruledOut reports whether w's key is representable and its bit is clear,
// which proves w is not in the set the bits were built from.
func ruledOut(b *[1 << 14 / 64]uint64, w string, key func(string) (int, bool)) bool {
	k, ok := key(w)
	return ok && b[k/64]&(1<<(k%64)) == 0
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

// endKey packs the last letter of an Arabic word (U+0600–U+067F) and its
// length in bytes (up to 127) into 14 bits.
func endKey(w string) (int, bool) {
	n := len(w)
	if n < 2 || n > 127 || w[n-2]&0xFE != 0xD8 {
		return 0, false
	}
	return (int(w[n-2]&1)<<6|int(w[n-1]&0x3F))<<7 | n, true
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

// listed reports whether w is itself in the list of words that are not
// cliticised.
func listed(w string) bool {
	if ruledOut(&exactStart, w, startKey) || ruledOut(&exactEnd, w, endKey) {
		return false
	}
	return notClitic[w]
}

// protected reports whether w is a word that must not lose letters to
// clitic stripping: listed itself or starting with a listed prefix.
func protected(w string) bool {
	if listed(w) {
		return true
	}
	if ruledOut(&prefixStart, w, startKey) {
		return false
	}
	// Arabic letters take two bytes: prefixes of 2+ letters end at even offsets
	for i := 4; i <= len(w) && i <= maxPrefix; i += 2 {
		if !ruledOut(&prefixEnd, w[:i], endKey) && notCliticPrefix[w[:i]] {
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
// modify them. proCombos is indexed by proIndex.
var proCombos, encSlices = buildCombos()

var (
	conjs = [...]string{"", "و", "ف"}
	mids  = [...]string{"", "ب", "ل", "ك", "س"}
)

// proIndex numbers a conjunction, a preposition or future marker and the
// article, each possibly empty.
func proIndex(conj, mid string, article bool) int {
	i := 0
	for k, c := range conjs {
		if c == conj {
			i = k
		}
	}
	j := 0
	for k, m := range mids {
		if m == mid {
			j = k
		}
	}
	a := 0
	if article {
		a = 1
	}
	return (i*len(mids)+j)*2 + a
}

func buildCombos() ([len(conjs) * len(mids) * 2][]string, map[string][]string) {
	var pro [len(conjs) * len(mids) * 2][]string
	for _, c := range conjs {
		for _, m := range mids {
			for _, a := range []bool{false, true} {
				var l []string
				for _, x := range []string{c, m} {
					if x != "" {
						l = append(l, x)
					}
				}
				if a {
					l = append(l, cAl)
				}
				pro[proIndex(c, m, a)] = l
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
	conj, mid := "", ""
	rest := w
	article := false
	if s, e, ok := hostPronoun(rest); ok { // فيها، كلها، بينهم
		return nil, s, e
	}
	isProtected := protected(rest)
	if !isProtected {
		if r, ok := cutPrefix(rest, "و", "ف"); ok && letters(r) >= 3 {
			conj = rest[:2]
			rest = r
			if s, e, ok := hostPronoun(rest); ok { // وعليها، وبينهم
				return proCombos[proIndex(conj, "", false)], s, e
			}
			isProtected = protected(rest)
		}
	}
	if !isProtected {
		switch {
		case strings.HasPrefix(rest, "لل") && letters(rest) >= 4:
			mid, rest, article = cLi, rest[4:], true
		case hasArticle(rest):
			rest, article = rest[4:], true
		default:
			if r, ok := cutPrefix(rest, "ب", "ل", "ك"); ok {
				if hasArticle(r) {
					mid, rest, article = rest[:2], r[4:], true
				} else if letters(r) >= 3 && (rest[:2] != "ك" || letters(r) >= 4) {
					mid, rest = rest[:2], r // كـ is rare without the article: كدولة
				}
			} else if r, ok := cutPrefix(rest, "س"); ok && letters(r) >= 4 && strings.ContainsRune("يتنا", firstRune(r)) {
				mid, rest = cSa, r
			}
		}
	}
	if !article && !listed(rest) {
		rest, enc = splitEnclitic(rest, finalHa)
	}
	if conj != "" || mid != "" || article {
		pro = proCombos[proIndex(conj, mid, article)]
	}
	return pro, rest, enc
}

// pronounHosts are short words that take pronoun suffixes (فيها، عليهم،
// كلها، لكنه) and would otherwise lose a first letter to a proclitic.
var pronounHosts = map[string]bool{
	"في": true, "من": true, "عن": true, "علي": true, "الي": true, "لدي": true,
	"مع": true, "بين": true, "عند": true, "كل": true, "بعض": true, "لكن": true,
	"ان": true, "غير": true, "نفس": true, "حول": true, "ضد": true, "دون": true,
}

// hostLens are the byte lengths of pronounHosts, shortest first.
var hostLens = func() []int {
	var ls []int
	for h := range pronounHosts {
		if !slices.Contains(ls, len(h)) {
			ls = append(ls, len(h))
		}
	}
	slices.Sort(ls)
	return ls
}()

// hostPronoun splits a pronoun off one of pronounHosts. The shortest host
// leaves the longest pronoun, which is the one preferred.
func hostPronoun(w string) (string, []string, bool) {
	if !endsLikePronoun(w) {
		return "", nil, false
	}
	for _, n := range hostLens {
		if n >= len(w) {
			break
		}
		if pronounHosts[w[:n]] {
			if e, ok := encSlices[w[n:]]; ok {
				return w[:n], e, true
			}
		}
	}
	return "", nil, false
}

// splitEnclitic strips one pronoun suffix from a word without the article.
func splitEnclitic(w string, finalHa bool) (string, []string) {
	if strings.HasSuffix(w, "الله") {
		return w, nil // عبدالله، بالله
	}
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
		if letters(s) < min || listed(s) || !plain && last == 'ا' {
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
	return endsLikePronoun(w)
}

// endsLikePronoun reports whether w ends in the last letter of a pronoun
// suffix (see enclitics).
func endsLikePronoun(w string) bool {
	if len(w) < 2 {
		return false
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
