package quote

import (
	"sort"

	"github.com/masar-project/masar/text"
)

// reported finds reported speech: a speech verb and its subject, or a
// participle that continues one (مضيفاً أن), and إن/أن, with
// no quotation marks in the rest of the sentence (those are direct quotes).
func (d *doc) reported(pairs []pair) []item {
	var out []item
	for _, s := range d.chunks() {
		ts := d.tokens(s.Start, s.End)
		for i := 0; i < len(ts); i++ {
			c := cueOf(ts[i])
			if c&(verb|adverbial) == 0 || insidePair(pairs, ts[i].Start) {
				continue
			}
			j := thatAfter(ts, i)
			if j < 0 {
				continue
			}
			end := s.End
			next := len(ts)
			for k := j + 1; k < len(ts); k++ {
				if cueOf(ts[k])&(verb|adverbial) != 0 {
					end, next = ts[k].Start, k
					break
				}
			}
			if opensBetween(pairs, ts[j].End, end) {
				i = next - 1
				continue
			}
			start := ts[j].End
			if ts[j].Norm != "ان" && ts[j].Norm != "بان" && !hasConj(ts[j]) {
				start = ts[j].Start // إنه ...: keep the pronoun
			}
			txt := d.span(start, end)
			for txt.Text != "" && endsClause(d.rs[txt.End-1]) {
				txt = d.span(txt.Start, txt.End-1)
			}
			if countWords(within(ts, txt.Start, txt.End)) < 3 {
				continue
			}
			sp := d.earlierOrMain(ts, i) // مضيفاً أن: the participle goes on with the subject
			if c&verb != 0 {
				sp = d.subjectOrEarlier(ts, i)
			}
			out = append(out, item{q: Quote{Text: txt, Speaker: sp, Verb: ts[i].Text}})
			i = next - 1
		}
	}
	return out
}

// maxChunk caps the text reported speech is looked for in at once: a
// sentence longer than this (copy without punctuation) is read in pieces.
const maxChunk = 2000

// chunks returns the logical sentences, long ones cut into maxChunk pieces.
func (d *doc) chunks() []text.Sentence {
	var out []text.Sentence
	for _, s := range d.sents {
		for a := s.Start; a < s.End; a += maxChunk {
			b := min(a+maxChunk, s.End)
			out = append(out, text.Sentence{Start: a, End: b})
		}
	}
	return out
}

func hasConj(t text.Token) bool {
	return len(t.Proclitics) > 0 && (t.Proclitics[0] == "و" || t.Proclitics[0] == "ف")
}

// thatAfter finds إن/أن within a short window after the verb at ts[i],
// before a colon or another verb.
func thatAfter(ts []text.Token, i int) int {
	for k := i + 1; k < len(ts) && k-i <= 14; k++ {
		t := ts[k]
		if t.Kind == text.Punct && t.Norm == ":" {
			return -1 // قال: followed by the words themselves
		}
		if cueOf(t)&(verb|adverbial) != 0 {
			return -1
		}
		w := t.Norm
		if c, ok := cutConj(w); ok && (c == "ان" || c == "انه" || c == "انها") {
			w = c
		}
		if w == "ان" || w == "بان" || w == "انه" || w == "انها" || w == "انهم" || w == "بانه" || w == "بانها" {
			return k
		}
	}
	return -1
}

func endsClause(r rune) bool {
	switch r {
	case '.', '،', ',', '؛', ';', ':', '!', '?', '؟', '…', '-':
		return true
	}
	return false
}

func insidePair(pairs []pair, p int) bool {
	k := sort.Search(len(pairs), func(i int) bool { return pairs[i].close > p })
	return k < len(pairs) && pairs[k].open <= p
}

func opensBetween(pairs []pair, a, b int) bool {
	k := sort.Search(len(pairs), func(i int) bool { return pairs[i].open >= a })
	return k < len(pairs) && pairs[k].open < b
}

// bodies indexes, once per article, where statements are issued (أصدرت
// وزارة الخارجية بياناً) and where bodies are named in full (وزارة الخارجية
// الروسية), for resolveStatement and fullName.
type bodies struct {
	issuers    []Span            // the issuing body of each أصدر ... بياناً, in text order
	named      map[string][]Span // head noun (normalised) -> full names, in text order
	conference bool              // the article mentions a conference (مؤتمر)
}

func (d *doc) bodies() *bodies {
	if d.idx != nil {
		return d.idx
	}
	b := &bodies{named: map[string][]Span{}}
	for _, c := range d.chunks() {
		ts := d.tokens(c.Start, c.End)
		for i, t := range ts {
			if t.Stem == "موتمر" {
				b.conference = true
			}
			if w, _ := cutConj(t.Norm); issuing(w) {
				k := i + 1
				for k < len(ts) && k-i <= maxSpeaker && !statement(ts[k]) && ts[k].Kind == text.Word {
					k++
				}
				if k < len(ts) && k > i+1 && statement(ts[k]) {
					b.issuers = append(b.issuers, d.span(ts[i+1].Start, ts[k-1].End))
				}
			}
			if cues[t.Norm]&head != 0 && i+1 < len(ts) && ts[i+1].Kind == text.Word {
				if full := d.phrase(ts, i); full.End > t.End {
					b.named[t.Norm] = append(b.named[t.Norm], full)
				}
			}
		}
	}
	d.idx = b
	return b
}

func isFinal(stem string) bool {
	return stem == "ختامي" || stem == "ختاميه"
}

func issuing(w string) bool {
	switch w {
	case "اصدر", "اصدرت", "نشر", "نشرت", "وزع", "وزعت":
		return true
	}
	return false
}

func statement(t text.Token) bool {
	return t.Stem == "بيان" || t.Stem == "بيانا"
}

// resolveStatement turns a bare "البيان" (وجاء في البيان، وقال البيان
// الختامي) into the body that issued the statement: the subject of the
// nearest earlier أصدر ... بياناً, else the previous speaker. A final
// statement (البيان الختامي) in an article about a conference stays as it
// is: the actor resolver gives it the conference's participants.
func (d *doc) resolveStatement(sp, last Span) Span {
	if sp.Text == "" {
		return sp
	}
	ts := d.tokens(sp.Start, sp.End)
	if len(ts) == 0 || len(ts) > 2 || ts[0].Stem != "بيان" || len(ts[0].Proclitics) == 0 {
		return sp
	}
	if len(ts) == 2 && isFinal(ts[1].Stem) && d.bodies().conference {
		return sp // a conference's final statement speaks for its participants
	}
	is := d.bodies().issuers
	if k := sort.Search(len(is), func(i int) bool { return is[i].Start >= sp.Start }); k > 0 {
		return is[k-1]
	}
	if last.Text != "" {
		return last
	}
	return sp
}

// fullName replaces a bare definite head (الوزارة، المجلس) by the body's full
// name as written elsewhere in the article (وزارة الخارجية الروسية): the
// nearest mention before the speaker, else the first one after it.
func (d *doc) fullName(sp Span) Span {
	ts := d.tokens(sp.Start, sp.End)
	if len(ts) != 1 || cues[ts[0].Stem]&head == 0 || len(ts[0].Proclitics) == 0 || ts[0].Proclitics[len(ts[0].Proclitics)-1] != "ال" {
		return sp
	}
	named := d.bodies().named[ts[0].Stem]
	if len(named) == 0 {
		return sp
	}
	k := sort.Search(len(named), func(i int) bool { return named[i].Start >= sp.Start })
	if k > 0 {
		return named[k-1]
	}
	return named[0]
}

// within returns the tokens of ts, in text order, that lie in [a, b).
func within(ts []text.Token, a, b int) []text.Token {
	i := sort.Search(len(ts), func(i int) bool { return ts[i].Start >= a })
	j := i
	for j < len(ts) && ts[j].End <= b {
		j++
	}
	return ts[i:j]
}
