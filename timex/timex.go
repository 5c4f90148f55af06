// Package timex finds date expressions in Arabic news text and resolves them
// against the article's publication date into the values OUTPUT.md fixes: an
// ISO day, a month (YYYY-MM), a year (YYYY) or an interval "a/b".
//
// It reads month names in the Levantine, Western, Maghreb and Hijri systems
// (paired as in أيار/مايو), day and year numbers in any digits, ordinal days,
// day and year ranges, weekdays, relative days (اليوم، أمس، غداً), calendar
// units with a modifier (الأسبوع المقبل، العام الجاري) and parts of them
// (أواخر، مطلع، منتصف). Weeks are Monday to Sunday and resolve to the
// interval of their seven days. Hijri dates use the tabular Islamic calendar,
// which can differ from Umm al-Qura or sighting by a day or two.
//
// Durations (ست سنوات، 4-6 أسابيع), clock times and bare numbers without a
// year cue (2000 مقاتل) are not dates and are not reported.
package timex

import (
	"time"

	"github.com/masar-project/masar/text"
)

// Expr is one date expression found in a text.
type Expr struct {
	Text       string // as in the input
	Start, End int    // code-point offsets into the input, End exclusive
	// Value is the OUTPUT.md value: "2017-07-05", "2017-07", "2017" or a
	// range "2017-07-04/2017-07-05"; "" when unresolved.
	Value string
	// First and Last are the range's ends (First == Value and Last == "" for
	// a single value); "" when unresolved.
	First, Last string
	Relative    bool // the expression depended on the publication date
	// Future and Past: the expression points after / before the publication
	// date, from its words (المقبل، غداً / الماضي، أمس) or, once resolved,
	// from its value.
	Future, Past bool
}

// Find returns the date expressions in s, in order, non-overlapping. anchor is
// the publication date; the zero time means unknown, and then relative forms
// stay unresolved (Value == "").
func Find(s string, anchor time.Time) []Expr {
	n := text.Normalize(s)
	p := newParser(tokenize(n.Text), anchor)
	var out []Expr
	var orig []rune
	for i := 0; i < len(p.t); {
		m, ok := p.at(i)
		if !ok || m.skip {
			i = max(i+1, m.end)
			continue
		}
		start := p.t[i].start
		if m.conj {
			start++ // a conjunction و/ف glued to the first word is not part of the date
		}
		os, oe := n.OrigSpan(start, p.t[m.end-1].end)
		if orig == nil {
			orig = []rune(s)
		}
		out = append(out, p.expr(m.v, string(orig[os:oe]), os, oe))
		i = m.end
	}
	return out
}

// expr turns a parsed value into an Expr.
func (p *parser) expr(v val, txt string, start, end int) Expr {
	e := Expr{Text: txt, Start: start, End: end, Relative: v.rel,
		Future: v.dir == dirFuture, Past: v.dir == dirPast}
	if !v.ok {
		return e
	}
	e.First = format(v.a, v.g)
	e.Value = e.First
	if !v.b.IsZero() {
		e.Last = format(v.b, v.g)
		e.Value += "/" + e.Last
	}
	if p.has {
		from, to := v.a, v.b
		if to.IsZero() {
			to = from
		}
		switch v.g {
		case gMonth:
			to = to.AddDate(0, 1, -1)
		case gYear:
			to = to.AddDate(1, 0, -1)
		}
		if to.Before(p.anchor) {
			e.Past = true
		}
		if from.After(p.anchor) {
			e.Future = true
		}
	}
	return e
}

// gran is the granularity of a value.
type gran uint8

const (
	gDay gran = iota
	gMonth
	gYear
)

func format(t time.Time, g gran) string {
	switch g {
	case gMonth:
		return t.Format("2006-01")
	case gYear:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}
