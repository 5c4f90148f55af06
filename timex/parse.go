package timex

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// val is a parsed expression: its resolved value when ok, and what the
// words said about time direction.
type val struct {
	ok    bool
	valid bool // only dayVal sets it: false when the day cannot exist
	g     gran
	a, b  time.Time // b is zero for a single value
	rel   bool      // needed the anchor
	named bool      // states its year (a number or العام الماضي), see lastYear
	dir   int       // dirPast, dirFuture or 0, from the words
}

// match is an expression ending before token end.
type match struct {
	end  int
	conj bool // the first token starts with a conjunction to leave out
	skip bool // a name that looks like a date: consume it, report nothing
	v    val
}

type parser struct {
	t         []token
	hits      [][]*entry // lexicon entries each token may start, see look
	anchor    time.Time  // publication day, UTC midnight
	has       bool       // anchor known
	hy        int        // anchor's Hijri year
	yearEnd   int        // token after the last year found, for lists (عام 2011 و2012)
	lastYear  int        // the year of the last expression that named one
	lastMonth time.Time  // the month of the last day or month found, for الشهر نفسه
}

func newParser(t []token, anchor time.Time) *parser {
	p := &parser{t: t, hits: make([][]*entry, len(t))}
	for i, tk := range t {
		if tk.kind == tWord {
			p.hits[i] = entriesFor(tk.s)
		}
	}
	if !anchor.IsZero() {
		p.anchor = time.Date(anchor.Year(), anchor.Month(), anchor.Day(), 0, 0, 0, 0, time.UTC)
		p.has = true
		p.hy, _, _ = jdnToHijri(toJDN(p.anchor))
	}
	return p
}

// prefix flags: what the words before the core allow.
const (
	preTOD = 1 << iota
	preDay
	preMonth
	prePart
)

// at parses the longest date expression that starts at token i.
func (p *parser) at(i int) (match, bool) {
	if !p.canStart(i) {
		return match{}, false
	}
	if p.t[i].kind == tNum && p.after(i-1, kNamePrev) {
		if m, ok := p.dayMonth(i); ok && m.v.rel {
			return match{end: m.end, skip: true}, true // قوى 14 آذار is a name
		}
	}
	type pos struct{ at, flags int }
	var chainBuf [4]pos
	chain := append(chainBuf[:0], pos{i, 0})
	for j, flags := i, 0; len(chain) < 4; {
		var f int
		var end int
		if _, e, ok := p.look(j, kTOD); ok {
			f, end = preTOD, e
		} else if _, e, ok := p.look(j, kDayCue); ok {
			f, end = preDay, e
		} else if _, e, ok := p.look(j, kPart); ok {
			f, end = prePart, e
		} else if _, e, ok := p.look(j, kMonthCue); ok {
			f, end = preMonth, e
		} else {
			break
		}
		flags |= f
		j = end
		if j >= len(p.t) {
			break
		}
		chain = append(chain, pos{j, flags})
	}
	best := match{}
	for _, c := range chain {
		if m, ok := p.core(c.at, c.flags); ok && m.end > best.end {
			best = m
		}
	}
	if best.end == 0 {
		return match{}, false
	}
	best.conj = p.conjAt(i)
	return best, true
}

// canStart reports whether an expression may start at token i: every one
// starts with a number, a lexicon word or الـ before a number, and most
// tokens of a text are none of these.
func (p *parser) canStart(i int) bool {
	t := p.t[i]
	return t.kind == tNum || len(p.hits[i]) > 0 || t.kind == tWord && t.s == "ال" && i+1 < len(p.t) && p.t[i+1].kind == tNum
}

// core parses one expression at i that the prefix flags allow.
func (p *parser) core(i, flags int) (match, bool) {
	dayOnly := flags&(preTOD|preDay) != 0
	if dayOnly && flags&(preMonth|prePart) != 0 {
		return match{}, false
	}
	var best match
	try := func(m match, ok bool) {
		if ok && m.end > best.end {
			best = m
		}
	}
	try(p.numericDate(i))
	try(p.dayMonth(i))
	try(p.weekday(i))
	try(p.relDay(i))
	if !dayOnly {
		try(p.monthExpr(i, flags&(preMonth|prePart) != 0))
		try(p.monthRange(i))
		if flags&preMonth == 0 {
			try(p.yearExpr(i, flags&prePart != 0))
			try(p.relPeriod(i, flags&prePart != 0))
			try(p.sameYear(i))
		}
	}
	return best, best.end > 0
}

// --- token helpers ---

func (p *parser) punct(i int, set string) bool {
	return i < len(p.t) && p.t[i].kind == tPunct && strings.Contains(set, p.t[i].s)
}

func (p *parser) word(i int) string {
	if i >= 0 && i < len(p.t) && p.t[i].kind == tWord {
		return p.t[i].s
	}
	return ""
}

// conjAt reports whether token i, the first of an expression, carries a
// conjunction و/ف glued before the date word (وأمس، فيوم), which the span
// leaves out. A word that is itself in the lexicon (فجر، فبراير) carries none.
func (p *parser) conjAt(i int) bool {
	w := p.word(i)
	return (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) && len(lex.byFirst[w]) == 0
}

// look finds the longest entry of kind k at token i, allowing proclitics on
// the first word: و/ف, then ب/ل/ك (لل before ال).
func (p *parser) look(i int, k kind) (*entry, int, bool) {
	if i < 0 || i >= len(p.hits) {
		return nil, 0, false
	}
	var best *entry
	bestEnd := 0
	for _, e := range p.hits[i] {
		if e.kind != k {
			continue
		}
		if end, ok := p.rest(i+1, e.words[1:]); ok && end > bestEnd {
			best, bestEnd = e, end
		}
	}
	return best, bestEnd, best != nil
}

// entriesFor lists the entries whose first word is w or w without its
// proclitics: و/ف, then ب/ل/ك (لل before ال). Most words have none, and
// most others have entries under one form only, whose list is returned
// as it is (capacity clipped, so that appending copies).
func entriesFor(w string) []*entry {
	var out []*entry
	add := func(es []*entry) {
		switch {
		case len(es) == 0:
		case out == nil:
			out = es[:len(es):len(es)]
		default:
			out = append(out, es...)
		}
	}
	add(lex.byFirst[w])
	bases := [2]string{w}
	n := 1
	if (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) && utf8.RuneCountInString(w) >= 3 {
		bases[1] = w[len("و"):]
		add(lex.byFirst[bases[1]])
		n = 2
	}
	for _, b := range bases[:n] {
		switch {
		case strings.HasPrefix(b, "لل") && utf8.RuneCountInString(b) >= 4:
			add(withAlef(b[len("ل"):])) // "ال" + b[len("لل"):]
		case (strings.HasPrefix(b, "ب") || strings.HasPrefix(b, "ل") || strings.HasPrefix(b, "ك")) &&
			utf8.RuneCountInString(b) >= 3:
			add(lex.byFirst[b[len("ب"):]])
		}
	}
	return out
}

// withAlef returns the entries of "ا"+rest, building the key on the stack.
func withAlef(rest string) []*entry {
	var buf [64]byte
	if len(rest)+len("ا") > len(buf) {
		return lex.byFirst["ا"+rest]
	}
	return lex.byFirst[string(append(append(buf[:0], "ا"...), rest...))]
}

// rest matches further words of a multi-word entry exactly.
func (p *parser) rest(i int, words []string) (int, bool) {
	for _, w := range words {
		if p.word(i) != w {
			return 0, false
		}
		i++
	}
	return i, true
}

// num returns the value of a digit token of at most maxLen digits.
func (p *parser) num(i, maxLen int) (int, bool) {
	if i >= len(p.t) || p.t[i].kind != tNum || len(p.t[i].s) > maxLen {
		return 0, false
	}
	n, err := strconv.Atoi(p.t[i].s)
	return n, err == nil
}

// --- components ---

// monthName is a month name, possibly paired with its other-system name
// (أيار/مايو، أيار (مايو)).
type monthName struct {
	n     int
	hijri bool
	amb   bool // needs context, see months.tsv
}

func (p *parser) monthName(i int) (monthName, int, bool) {
	e, j, ok := p.look(i, kMonth)
	if !ok {
		return monthName{}, 0, false
	}
	if w := p.word(i); e.amb && w != e.words[0] && strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف") != e.words[0] {
		return monthName{}, 0, false // باب is "door", not ب + آب
	}
	m := monthName{n: e.n, hijri: e.hijri, amb: e.amb}
	if p.punct(j, "/\\-(") {
		open := p.t[j].s == "("
		// صفر - صفر is a score: a pair joins two different names
		if e2, k, ok := p.look(j+1, kMonth); ok && e2.hijri == e.hijri && p.word(j+1) != p.word(i) {
			if !open || p.punct(k, ")") {
				if open {
					k++
				}
				m.amb = false // a pair is unambiguous
				if e2.n != m.n && !e2.levant {
					m.n = e2.n // writers confuse the Levantine names more often
				}
				j = k
			}
		}
	}
	return m, j, true
}

// day is a day-of-month number or ordinal word.
func (p *parser) day(i int) (int, int, bool) {
	if p.word(i) == "ال" && i+1 < len(p.t) && p.t[i+1].kind == tNum {
		i++ // الـ15 من الشهر
	}
	if d, ok := p.num(i, 2); ok && d >= 1 && d <= 31 {
		return d, i + 1, true
	}
	e, j, ok := p.look(i, kOrdinal)
	if !ok {
		return 0, 0, false
	}
	// الأسبوع الأول، النصف الثاني: a definite ordinal after a definite noun
	// other than a weekday qualifies that noun.
	prev := p.word(i - 1)
	if strings.HasPrefix(e.words[0], "ال") && (strings.HasPrefix(prev, "ال") || strings.HasPrefix(prev, "لل")) &&
		!p.exact(i-1, kWeekday) {
		return 0, 0, false
	}
	return e.n, j, true
}

// sep is a range separator: - – — or إلى، حتى، و.
func (p *parser) sep(i int) (int, bool) {
	if p.punct(i, "-–—") {
		return i + 1, true
	}
	if p.exact(i, kSep) {
		return i + 1, true
	}
	return 0, false
}

// exact reports whether token i is, without clitics, the first word of an
// entry of kind k.
func (p *parser) exact(i int, k kind) bool {
	return hasKind(p.word(i), k)
}

// after reports whether token i, bare or with proclitics, is a one-word
// entry of kind k; it tests the word before a candidate (وكلا الاثنين،
// لصلاة الجمعة، وقوى 14 آذار).
func (p *parser) after(i int, k kind) bool {
	if i < 0 || i >= len(p.hits) {
		return false
	}
	for _, e := range p.hits[i] {
		if e.kind == k && len(e.words) == 1 {
			return true
		}
	}
	return false
}

func hasKind(w string, k kind) bool {
	for _, e := range lex.byFirst[w] {
		if e.kind == k {
			return true
		}
	}
	return false
}

// yearNum is a year number of four digits, or of one to four with an era
// suffix: م، ميلادية (AD) or هـ، هجرية، للهجرة (AH).
func (p *parser) yearNum(i int) (y int, hijri bool, end int, ok bool) {
	y, ok = p.num(i, 4)
	if !ok {
		return 0, false, 0, false
	}
	end = i + 1
	if e, k, ok := p.look(end, kYearSuffix); ok && p.exact(end, kYearSuffix) {
		end = k
		hijri = e.hijri
	} else if len(p.t[i].s) != 4 {
		return 0, false, 0, false
	}
	if y < 1 || (end == i+1 && y < 1000) || y > 2199 {
		return 0, false, 0, false
	}
	return y, hijri, end, true
}

// yearRef is the year part of a date: a number, or a relative year.
type yearRef struct {
	set   bool
	y     int
	hijri bool // the number counts Hijri years
	rel   bool // العام الماضي...: y is an offset from the anchor's year
}

// yearAfter parses a year after a month: ، 2017 / عام 2017 / من العام الماضي.
func (p *parser) yearAfter(i int) (yearRef, int, bool) {
	j := i
	if p.punct(j, ",") {
		j++
	}
	if p.word(j) == "من" {
		j++
	}
	if e, k, ok := p.look(j, kYearCue); ok && !e.dual {
		if y, h, end, ok := p.yearNum(k); ok {
			return yearRef{set: true, y: y, hijri: h}, end, true
		}
	}
	if y, h, end, ok := p.yearNum(j); ok {
		return yearRef{set: true, y: y, hijri: h}, end, true
	}
	if u, off, end, ok := p.relUnit(j); ok && u == unitYear {
		return yearRef{set: true, y: off, rel: true}, end, true
	}
	if _, end, ok := p.look(j, kSameYear); ok {
		return yearRef{set: true, y: p.lastYear}, end, true // 0, unresolved, when none was named
	}
	return yearRef{}, 0, false
}

// relUnit parses a calendar unit with a modifier: الأسبوع المقبل، العام
// الجاري، هذا الشهر، العام قبل الماضي. off counts units from the anchor's.
func (p *parser) relUnit(i int) (unit, off, end int, ok bool) {
	if _, j, ok := p.look(i, kThis); ok {
		if e, k, ok := p.look(j, kPeriod); ok {
			return e.n, 0, k, true
		}
		return 0, 0, 0, false
	}
	e, j, ok := p.look(i, kPeriod)
	if !ok {
		return 0, 0, 0, false
	}
	if e.n == unitYear && p.after(i-1, kGeneral) && p.word(i) == "العام" {
		return 0, 0, 0, false // الأمين العام الحالي: "general", not "year"
	}
	// العام قبل الماضي، الأسبوع بعد المقبل: two units away
	if w := p.word(j); w == "قبل" || w == "بعد" {
		if m, k, ok := p.look(j+1, kMod); ok && (w == "قبل" && m.n == dirPast || w == "بعد" && m.n == dirFuture) {
			return e.n, 2 * dirOffset(m.n), k, true
		}
	}
	m, k, ok := p.look(j, kMod)
	if !ok {
		return 0, 0, 0, false
	}
	return e.n, dirOffset(m.n), k, true
}

func dirOffset(dir int) int {
	switch dir {
	case dirPast:
		return -1
	case dirFuture:
		return 1
	}
	return 0
}

func offsetDir(off int) int {
	switch {
	case off < 0:
		return dirPast
	case off > 0:
		return dirFuture
	}
	return 0
}
