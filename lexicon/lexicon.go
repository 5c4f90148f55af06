// Package lexicon is a longest-match phrase matcher over tokens, shared by the
// actor dictionary and the gazetteer. Tokens match by their normalised form or
// with Arabic proclitics stripped, so "وروسيا" and "بموسكو" find "روسيا" and
// "موسكو", and "للأمم المتحدة" finds "الأمم المتحدة".
package lexicon

import (
	"strings"
	"unicode/utf8"

	"github.com/masar-project/masar/text"
)

// Matcher maps token phrases to values of type T. Build it with Add, then
// call Find from any number of goroutines.
type Matcher[T any] struct {
	root node[T]
	// starts has a bit for the first two letters of every first key, so
	// that most tokens are ruled out without hashing (see startKey).
	starts [1 << 14 / 64]uint64
}

type node[T any] struct {
	next   map[string]*node[T]
	values []T
}

// Match is one phrase found by Find.
type Match[T any] struct {
	First, Last int // token index range, Last exclusive
	Start, End  int // code points; Start skips a stripped proclitic, except in لل
	Values      []T // all values registered for the phrase
}

// New returns an empty matcher.
func New[T any]() *Matcher[T] {
	return &Matcher[T]{}
}

// Add registers v for phrase. The phrase is tokenised and normalised as text is
// by Find, so spelling variants that normalisation unifies need one entry.
func (m *Matcher[T]) Add(phrase string, v T) {
	keys := Keys(phrase)
	if len(keys) == 0 {
		return
	}
	if k, ok := readingKey(variant{key: keys[0]}); ok {
		m.starts[k/64] |= 1 << (k % 64)
	}
	n := &m.root
	for _, k := range keys {
		if n.next == nil {
			n.next = make(map[string]*node[T])
		}
		c := n.next[k]
		if c == nil {
			c = &node[T]{}
			n.next[k] = c
		}
		n = c
	}
	n.values = append(n.values, v)
}

// Keys returns the normalised token keys of phrase, the form Add stores.
func Keys(phrase string) []string {
	toks := text.Tokenize(phrase)
	keys := make([]string, 0, len(toks))
	for _, t := range toks {
		if k := norm(t); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

func norm(t text.Token) string {
	if t.Norm != "" {
		return t.Norm
	}
	return text.NormalizeString(t.Text)
}

// variant is one way to read a token: a key and how many leading letters of
// the token were proclitics.
type variant struct {
	key   string
	alef  bool // the key is "ا"+key: لل read as ل before the article
	strip int
}

// maxVariants bounds the readings of one token (see variants).
const maxVariants = 4

// child is n's child under the reading v. The alef reading is built in a
// stack buffer so that looking it up does not allocate.
func child[T any](n *node[T], v variant) *node[T] {
	if !v.alef {
		return n.next[v.key]
	}
	var buf [64]byte
	if len(v.key)+len("ا") > len(buf) {
		return n.next["ا"+v.key]
	}
	b := append(append(buf[:0], "ا"...), v.key...)
	return n.next[string(b)]
}

// mayStart reports whether a phrase may start with the reading v: false
// when its first two letters start no phrase.
func (m *Matcher[T]) mayStart(v variant) bool {
	k, ok := readingKey(v)
	return !ok || m.starts[k/64]&(1<<(k%64)) != 0
}

// readingKey is the startKey of a reading's first two letters, ok false
// when they are not both in U+0600–U+067F.
func readingKey(v variant) (int, bool) {
	k := v.key
	switch {
	case v.alef && len(k) >= 2:
		return startKey([4]byte{"ا"[0], "ا"[1], k[0], k[1]})
	case !v.alef && len(k) >= 4:
		return startKey([4]byte{k[0], k[1], k[2], k[3]})
	}
	return 0, false
}

// startKey packs two letters of U+0600–U+067F (two UTF-8 bytes each, 7 bits
// of information) into 14 bits.
func startKey(c [4]byte) (int, bool) {
	if c[0]&0xFE != 0xD8 || c[2]&0xFE != 0xD8 {
		return 0, false
	}
	l1 := int(c[0]&1)<<6 | int(c[1]&0x3F)
	l2 := int(c[2]&1)<<6 | int(c[3]&0x3F)
	return l1<<7 | l2, true
}

// Find returns the non-overlapping, leftmost-longest phrase matches in toks.
// Readings are made on the fly from the tokens, so a text without matches
// costs no allocation.
func (m *Matcher[T]) Find(toks []text.Token) []Match[T] {
	if len(m.root.next) == 0 || len(toks) == 0 {
		return nil
	}
	var out []Match[T]
	for i := 0; i < len(toks); {
		best, strip, vals := m.longest(toks, i)
		if best == 0 {
			i++
			continue
		}
		out = append(out, Match[T]{
			First:  i,
			Last:   i + best,
			Start:  toks[i].Start + origOffset(toks[i].Text, strip),
			End:    toks[i+best-1].End,
			Values: vals,
		})
		i += best
	}
	return out
}

// longest walks the trie from token i through every reading of each token and
// returns the longest phrase length, the proclitic letters stripped from its
// first token and its values. Earlier readings (the unstripped one first) win
// ties.
func (m *Matcher[T]) longest(toks []text.Token, i int) (int, int, []T) {
	bestLen, bestStrip := 0, 0
	var bestVals []T
	var buf [maxVariants]variant
	for _, v := range variants(buf[:0], norm(toks[i])) {
		if !m.mayStart(v) {
			continue
		}
		n := child(&m.root, v)
		if n == nil {
			continue
		}
		if l, vals := walk(n, toks, i+1, 1); l > bestLen {
			bestLen, bestStrip, bestVals = l, v.strip, vals
		}
	}
	return bestLen, bestStrip, bestVals
}

// walk returns the longest phrase length reachable from n (already depth
// tokens deep) and its values.
func walk[T any](n *node[T], toks []text.Token, j, depth int) (int, []T) {
	bestLen := 0
	var bestVals []T
	if len(n.values) > 0 {
		bestLen, bestVals = depth, n.values
	}
	if n.next == nil || j >= len(toks) {
		return bestLen, bestVals
	}
	var buf [maxVariants]variant
	for _, v := range variants(buf[:0], norm(toks[j])) {
		c := child(n, v)
		if c == nil {
			continue
		}
		if l, vals := walk(c, toks, j+1, depth+1); l > bestLen {
			bestLen, bestVals = l, vals
		}
	}
	return bestLen, bestVals
}

// minRest is the shortest stem, in letters, left after stripping proclitics;
// it keeps one- and two-letter words from matching by accident.
const minRest = 2

// variants appends the readings of a normalised token to out: itself, then without a
// conjunction (و ف), then without a preposition (ب ل ك) as well. "لل" is ل
// before an article that lost its alef, so "للأمم" also reads "الامم".
func variants(out []variant, w string) []variant {
	out = append(out, variant{key: w})
	rest, n := w, 0
	if r, size := utf8.DecodeRuneInString(rest); r == 'و' || r == 'ف' {
		rest, n = rest[size:], 1
		out = appendRest(out, rest, n)
	}
	if r, size := utf8.DecodeRuneInString(rest); r == 'ب' || r == 'ل' || r == 'ك' {
		rest, n = rest[size:], n+1
		if r == 'ل' && strings.HasPrefix(rest, "ل") {
			// The article's alef is gone, so no letter boundary separates
			// the preposition: the match keeps the whole token.
			out = append(out, variant{key: rest, alef: true})
		}
		out = appendRest(out, rest, n)
	}
	return out
}

func appendRest(out []variant, rest string, n int) []variant {
	if !hasRunes(rest, minRest) {
		return out
	}
	return append(out, variant{key: rest, strip: n})
}

// hasRunes reports whether s has at least n code points, reading no more
// of it than that.
func hasRunes(s string, n int) bool {
	for i := 0; i < n; i++ {
		if s == "" {
			return false
		}
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return true
}

// origOffset returns the code-point offset in the original token text after
// its first n letters, skipping diacritics and tatweel that normalisation drops.
func origOffset(orig string, n int) int {
	if n == 0 {
		return 0
	}
	off, seen := 0, 0
	for _, r := range orig {
		if seen == n && !isMark(r) {
			return off
		}
		off++
		if !isMark(r) {
			seen++
		}
	}
	return off
}

func isMark(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640
}
