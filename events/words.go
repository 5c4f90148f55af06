package events

import (
	"strings"
	"unicode"
)

// tok is one word or punctuation mark of the article, with code-point offsets
// into the article text.
type tok struct {
	norm       string // normalised letters; punctuation as written
	start, end int
	punct      bool
	taMarbuta  bool      // written with a final ة, which is no suffix
	vars       []variant // clitic readings, filled lazily by variants()
}

// variant is one reading of a word with some proclitics and enclitics removed.
type variant struct {
	stem   string
	future bool // the س prefix was removed
	prep   bool // a ب/ل/ك prefix was removed
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

// tokenize splits runes into words and punctuation marks. Offsets are code
// points, as OUTPUT.md requires.
func tokenize(rs []rune, from, to int) []tok {
	var out []tok
	i := from
	for i < to {
		r := rs[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r):
			j := i
			var nb strings.Builder
			last := rune(0)
			for j < to && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || isMark(rs[j])) {
				if !isMark(rs[j]) {
					nb.WriteRune(fold(rs[j]))
					last = rs[j]
				}
				j++
			}
			out = append(out, tok{norm: nb.String(), start: i, end: j, taMarbuta: last == 'ة'})
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

// variants lists the readings of a word with clitics removed: the word
// itself, without و/ف, without س (future) or ب/ل/ك, without ال/لل, without
// the accusative alif, and without a possessive suffix (a ت left by the suffix is read back as ة).
func (t *tok) variants() []variant {
	if t.vars != nil || t.punct {
		return t.vars
	}
	w := t.norm
	vs := []variant{{stem: w}}
	add := func(v variant) {
		if len([]rune(v.stem)) < 2 {
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
			v := variant{stem: "ال" + s, prep: true}
			add(v)
			add(variant{stem: s, prep: true})
			continue
		}
		for _, p := range []string{"ب", "ل", "ك"} {
			if s, ok := strings.CutPrefix(b.stem, p); ok {
				v := variant{stem: s, prep: true}
				add(v)
				second = append(second, v)
			}
		}
	}
	for _, b := range second {
		if s, ok := strings.CutPrefix(b.stem, "ال"); ok {
			add(variant{stem: s, future: b.future, prep: b.prep})
		}
	}
	n := len(vs)
	for _, v := range vs[:n] {
		// the accusative ending of indefinite nouns: اجتماعاً، هجوماً
		if s, ok := strings.CutSuffix(v.stem, "ا"); ok && len([]rune(s)) >= 3 {
			add(variant{stem: s, future: v.future, prep: v.prep})
		}
		for _, e := range enclitics {
			if e == "ه" && t.taMarbuta {
				break
			}
			if s, ok := strings.CutSuffix(v.stem, e); ok && len([]rune(s)) >= 2 {
				add(variant{stem: s, future: v.future, prep: v.prep})
				if t, ok := strings.CutSuffix(s, "ت"); ok {
					add(variant{stem: t + "ه", future: v.future, prep: v.prep})
				}
				break
			}
		}
	}
	t.vars = vs
	return vs
}

// stripArticle removes ال from a normalised phrase word so that "التصعيد"
// in a phrase also matches "تصعيد" in the text (construct state).
func stripArticle(w string) string {
	if s, ok := strings.CutPrefix(w, "ال"); ok && len([]rune(s)) >= 3 {
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
