package quote

import (
	"sort"

	"github.com/masar-project/masar/text"
)

// reported finds reported speech: a speech verb, its subject and إن/أن, with
// no quotation marks in the rest of the sentence (those are direct quotes).
func (d *doc) reported(pairs []pair) []item {
	var out []item
	for _, s := range d.sents {
		ts := d.tokens(s.Start, s.End)
		for i := 0; i < len(ts); i++ {
			if cueOf(ts[i])&verb == 0 || insidePair(pairs, ts[i].Start) {
				continue
			}
			j := thatAfter(ts, i)
			if j < 0 {
				continue
			}
			end := s.End
			next := len(ts)
			for k := j + 1; k < len(ts); k++ {
				if cueOf(ts[k])&verb != 0 {
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
			if countWords(d.tokens(txt.Start, txt.End)) < 3 {
				continue
			}
			out = append(out, item{q: Quote{Text: txt, Speaker: d.subjectOrEarlier(ts, i), Verb: ts[i].Text}})
			i = next - 1
		}
	}
	return out
}

func hasConj(t text.Token) bool {
	return len(t.Proclitics) > 0 && (t.Proclitics[0] == "و" || t.Proclitics[0] == "ف")
}

// thatAfter finds إن/أن within a short window after the verb at ts[i],
// before any sentence-internal quote mark or other verb.
func thatAfter(ts []text.Token, i int) int {
	for k := i + 1; k < len(ts) && k-i <= 14; k++ {
		t := ts[k]
		if t.Kind == text.Punct && (t.Norm == "\"" || t.Norm == ":") {
			return -1
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

// statementWindow is how far back, in code points, the issuer of a statement
// is looked for.
const statementWindow = 3000

// resolveStatement turns a bare "البيان" (وجاء في البيان، وقال البيان
// الختامي) into the body that issued the statement: the subject of an
// earlier أصدر ... بياناً, else the previous speaker.
func (d *doc) resolveStatement(sp, last Span) Span {
	if sp.Text == "" {
		return sp
	}
	ts := d.tokens(sp.Start, sp.End)
	if len(ts) == 0 || len(ts) > 2 || ts[0].Stem != "بيان" || len(ts[0].Proclitics) == 0 {
		return sp
	}
	all := d.tokens(max(0, sp.Start-statementWindow), sp.Start)
	for i := len(all) - 1; i >= 0; i-- {
		w, _ := cutConj(all[i].Norm)
		switch w {
		case "اصدر", "اصدرت", "نشر", "نشرت", "وزع", "وزعت":
		default:
			continue
		}
		k := i + 1
		for k < len(all) && k-i <= maxSpeaker && all[k].Stem != "بيان" && all[k].Stem != "بيانا" && all[k].Kind == text.Word {
			k++
		}
		if k < len(all) && k > i+1 && (all[k].Stem == "بيان" || all[k].Stem == "بيانا") {
			return d.span(all[i+1].Start, all[k-1].End)
		}
	}
	if last.Text != "" {
		return last
	}
	return sp
}
