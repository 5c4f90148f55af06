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
// A date without a year takes the year that puts it nearest the publication
// date, after a modifier (الماضي، المقبل) the last or next one, and in a
// clause that speaks of the future (سيعقد، من المقرر) the next one; a bare
// weekday is the latest one up to the publication day unless the clause
// speaks of the future. من ذلك العام and الشهر نفسه take the year or month
// the text named last. Without a publication date such expressions are
// found but stay unresolved.
//
// Durations (ست سنوات، 4-6 أسابيع), clock times and bare numbers without a
// year cue (2000 مقاتل) are not dates and are not reported. Find is safe
// for concurrent use.
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
	cur := cursor{s: s}
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
		bs := cur.seek(os)
		out = append(out, p.expr(m.v, s[bs:cur.seek(oe)], os, oe))
		if m.v.g == gYear {
			p.yearEnd = m.end
		}
		if m.v.ok && m.v.named {
			p.lastYear = m.v.a.Year()
		}
		if m.v.ok && m.v.g != gYear {
			p.lastMonth = m.v.a
		}
		i = m.end
	}
	return out
}

// cursor maps increasing code-point offsets of s to byte offsets in one pass.
type cursor struct {
	s          string
	runes, pos int // code points before byte pos
}

func (c *cursor) seek(runes int) int {
	for c.runes < runes && c.pos < len(c.s) {
		_, w := decode(c.s, c.pos)
		c.pos += w
		c.runes++
	}
	return c.pos
}

// expr turns a parsed value into an Expr.
func (p *parser) expr(v val, txt string, start, end int) Expr {
	e := Expr{Text: txt, Start: start, End: end, Relative: v.rel,
		Future: v.dir == dirFuture, Past: v.dir == dirPast}
	if !v.ok {
		return e
	}
	// one string holds the value; First and Last are slices of it
	var buf [32]byte
	b := appendDate(buf[:0], v.a, v.g)
	first := len(b)
	if !v.b.IsZero() {
		b = appendDate(append(b, '/'), v.b, v.g)
	}
	e.Value = string(b)
	e.First = e.Value[:first]
	if first < len(e.Value) {
		e.Last = e.Value[first+1:]
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

// appendDate appends t as an ISO day, month or year, as t.Format with
// "2006-01-02", "2006-01" or "2006" would.
func appendDate(b []byte, t time.Time, g gran) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		switch g {
		case gMonth:
			return t.AppendFormat(b, "2006-01")
		case gYear:
			return t.AppendFormat(b, "2006")
		}
		return t.AppendFormat(b, "2006-01-02")
	}
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	if g == gYear {
		return b
	}
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10))
	if g == gMonth {
		return b
	}
	return append(b, '-', byte('0'+d/10), byte('0'+d%10))
}
