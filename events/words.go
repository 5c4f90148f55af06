package events

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// tok is one word or punctuation mark of the article, with code-point offsets
// into the article text.
type tok struct {
	norm       string // normalised letters; punctuation as written
	start, end int
	punct      bool
	taMarbuta  bool      // written with a final ة, which is no suffix
	vars       []variant // clitic readings of a word
}

// variant is one reading of a word with some proclitics and enclitics removed.
type variant struct {
	stem   string
	future bool // the س prefix was removed
}

// fold maps the letters Arabic writes in several ways to one form, so that
// triggers and text agree whatever spelling the agency uses.
func fold(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ؤ':
		return 'و'
	case 'ئ':
		return 'ي'
	}
	return r
}

// isMark reports Arabic diacritics and the tatweel, which carry no lexical
// information for matching.
func isMark(r rune) bool {
	return (r >= 0x610 && r <= 0x61a) || (r >= 0x64b && r <= 0x65f) || r == 0x670 ||
		(r >= 0x6d6 && r <= 0x6ed) || r == 0x640
}

// normWord normalises one word for dictionary look-up.
func normWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isMark(r) {
			continue
		}
		b.WriteRune(fold(r))
	}
	return b.String()
}

// readingCache shares the clitic readings of word forms across the articles
// a Coder reads: news vocabulary repeats a lot and reading a word is the
// tokeniser's main cost. It is safe for concurrent use; a nil cache reads
// every word afresh. Cached slices are never modified.
type readingCache struct {
	mu sync.RWMutex
	m  map[readingKey][]variant
}

// maxCachedReadings bounds the cache; past it the cache starts over, which
// keeps memory flat on an endless stream of new words.
const maxCachedReadings = 1 << 16

func (c *readingCache) get(k readingKey) ([]variant, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.RLock()
	vs, ok := c.m[k]
	c.mu.RUnlock()
	return vs, ok
}

func (c *readingCache) put(k readingKey, vs []variant) {
	if c == nil {
		return
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedReadings {
		c.m = make(map[readingKey][]variant, 1024)
	}
	c.m[k] = vs
	c.mu.Unlock()
}

type readingKey struct {
	norm      string
	taMarbuta bool
}

// tokenize splits runes into words and punctuation marks and reads the
// clitics of each word. Offsets are code points, as OUTPUT.md requires.
func tokenize(rs []rune, from, to int, cache *readingCache) []tok {
	out := make([]tok, 0, (to-from)/5+1)
	var buf []byte
	i := from
	for i < to {
		r := rs[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r):
			j := i
			buf = buf[:0]
			last := rune(0)
			for j < to && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || isMark(rs[j])) {
				if !isMark(rs[j]) {
					buf = utf8.AppendRune(buf, fold(rs[j]))
					last = rs[j]
				}
				j++
			}
			t := tok{norm: string(buf), start: i, end: j, taMarbuta: last == 'ة'}
			key := readingKey{t.norm, t.taMarbuta}
			if vs, ok := cache.get(key); ok {
				t.vars = vs
			} else {
				t.vars = t.readings()
				cache.put(key, t.vars)
			}
			out = append(out, t)
			i = j
		case unicode.IsSpace(r):
			i++
		default:
			out = append(out, tok{norm: string(r), start: i, end: i + 1, punct: true})
			i++
		}
	}
	return out
}

var enclitics = []string{"هما", "هم", "ها", "كم", "نا", "ه"}

// variants returns the readings of a word; none for punctuation.
func (t *tok) variants() []variant { return t.vars }

// readings lists the readings of a word with clitics removed: the word
// itself, without و/ف, without س (future) or ب/ل/ك, without ال/لل (or
// the ل before a word in ل), without the accusative alif, and without a
// possessive suffix (a ت left by the suffix is read back as ة).
func (t *tok) readings() []variant {
	w := t.norm
	vs := []variant{{stem: w}}
	add := func(v variant) {
		if utf8.RuneCountInString(v.stem) < 2 {
			return
		}
		for _, x := range vs {
			if x.stem == v.stem {
				return
			}
		}
		vs = append(vs, v)
	}
	base := []variant{{stem: w}}
	if s, ok := strings.CutPrefix(w, "و"); ok {
		base = append(base, variant{stem: s})
	} else if s, ok := strings.CutPrefix(w, "ف"); ok {
		base = append(base, variant{stem: s})
	}
	var second []variant
	for _, b := range base {
		add(b)
		second = append(second, b)
		if s, ok := strings.CutPrefix(b.stem, "س"); ok {
			v := variant{stem: s, future: true}
			add(v)
			second = append(second, v)
		}
		if s, ok := strings.CutPrefix(b.stem, "لل"); ok {
			v := variant{stem: "ال" + s}
			add(v)
			add(variant{stem: s})
			add(variant{stem: "ل" + s}) // ل before a word in ل: للقاء
			continue
		}
		for _, p := range []string{"ب", "ل", "ك"} {
			if s, ok := strings.CutPrefix(b.stem, p); ok {
				v := variant{stem: s}
				add(v)
				second = append(second, v)
			}
		}
	}
	for _, b := range second {
		if s, ok := strings.CutPrefix(b.stem, "ال"); ok {
			add(variant{stem: s, future: b.future})
		}
	}
	n := len(vs)
	for _, v := range vs[:n] {
		// the accusative ending of indefinite nouns: اجتماعاً، هجوماً
		if s, ok := strings.CutSuffix(v.stem, "ا"); ok && utf8.RuneCountInString(s) >= 3 {
			add(variant{stem: s, future: v.future})
		}
		for _, e := range enclitics {
			if e == "ه" && t.taMarbuta {
				break
			}
			if s, ok := strings.CutSuffix(v.stem, e); ok && utf8.RuneCountInString(s) >= 2 {
				add(variant{stem: s, future: v.future})
				if t, ok := strings.CutSuffix(s, "ت"); ok {
					add(variant{stem: t + "ه", future: v.future})
				}
				break
			}
		}
	}
	return vs
}

// stripArticle removes ال from a normalised phrase word so that "التصعيد"
// in a phrase also matches "تصعيد" in the text (construct state).
func stripArticle(w string) string {
	if s, ok := strings.CutPrefix(w, "ال"); ok && utf8.RuneCountInString(s) >= 3 {
		return s
	}
	return w
}

// has reports whether some reading of the word is one of stems.
func (t *tok) has(stems ...string) bool {
	for _, v := range t.variants() {
		for _, s := range stems {
			if v.stem == s {
				return true
			}
		}
	}
	return false
}
