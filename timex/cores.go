package timex

import (
	"strings"
	"time"
	"unicode/utf8"
)

// numericDate parses 5/7/2017, 5-7-2017, 30 - 8 - 2006, 5.7.2017 and
// 2017-07-05: day, month and a four-digit year that make a valid date.
func (p *parser) numericDate(i int) (match, bool) {
	if i+4 >= len(p.t) || !p.punct(i+1, "/-.") || p.t[i+3].s != p.t[i+1].s {
		return match{}, false
	}
	a, ok1 := p.num(i, 4)
	b, ok2 := p.num(i+2, 2)
	c, ok3 := p.num(i+4, 4)
	if !ok1 || !ok2 || !ok3 {
		return match{}, false
	}
	y, m, d := c, b, a
	switch {
	case len(p.t[i].s) == 4 && len(p.t[i+4].s) <= 2:
		y, d = a, c
	case len(p.t[i+4].s) != 4 || len(p.t[i].s) > 2:
		return match{}, false
	}
	t, ok := mkDate(y, m, d)
	if !ok || y < 1900 {
		return match{}, false
	}
	return match{end: i + 5, v: val{ok: true, g: gDay, a: t, named: true}}, true
}

// monthRef is the month of a day date: a name, or the current, last or next
// month (من هذا الشهر، من الشهر المقبل).
type monthRef struct {
	name monthName
	rel  bool // the anchor's month moved by off
	off  int
	same bool // الشهر نفسه: the month the text named last
}

// isName reports whether the month is given by its name.
func (m monthRef) isName() bool { return !m.rel && !m.same }

func (p *parser) monthRef(i int) (monthRef, int, bool) {
	if m, j, ok := p.monthName(i); ok {
		return monthRef{name: m}, j, true
	}
	if _, j, ok := p.look(i, kMonthCue); ok {
		if m, k, ok := p.monthName(j); ok {
			return monthRef{name: m}, k, true
		}
	}
	if u, off, j, ok := p.relUnit(i); ok && u == unitMonth {
		return monthRef{rel: true, off: off}, j, true
	}
	return monthRef{}, 0, false
}

// monthAfterDay parses the month after a day: (من) month.
func (p *parser) monthAfterDay(i int) (monthRef, int, bool) {
	of := p.word(i) == "من"
	if of {
		i++
	}
	if e, j, ok := p.look(i, kMod); ok && e.n == dirCurrent && p.exact(i, kMod) {
		return monthRef{rel: true}, j, true // 20 الجاري: this month
	}
	if m, j, ok := p.monthRef(i); ok {
		return m, j, true
	}
	if _, j, ok := p.look(i, kSameMonth); ok {
		return monthRef{same: true}, j, true
	}
	if e, j, ok := p.look(i, kPeriod); ok && of && e.n == unitMonth {
		return monthRef{rel: true}, j, true // العاشر من الشهر: this month
	}
	return monthRef{}, 0, false
}

// dayMonth parses a day date and day ranges: 14 أيار/مايو، الخامس من أيار،
// 4-5 تموز 2017، 14 و15 أيلول، 30 حزيران و1 تموز، 3 إلى 5 آذار الماضي.
func (p *parser) dayMonth(i int) (match, bool) {
	d1, j, ok := p.day(i)
	if !ok {
		return match{}, false
	}
	d2 := 0
	if k, ok := p.sep(j); ok {
		if dd, k2, ok := p.day(k); ok && dd > d1 {
			if _, _, ok := p.monthAfterDay(k2); ok {
				d2, j = dd, k2
			}
		}
	}
	mr, j, ok := p.monthAfterDay(j)
	if !ok {
		return match{}, false
	}
	yr, k, hasYear := p.yearAfter(j)
	if hasYear {
		j = k
	}
	// a second day and month: 30 حزيران و1 تموز، 28 كانون الأول 2016 إلى 2 كانون الثاني 2017
	var mr2 monthRef
	var yr2 yearRef
	d3, has2 := 0, false
	if k, ok := p.sep(j); ok && d2 == 0 && mr.isName() {
		if dd, k2, ok := p.day(k); ok {
			if m2, k3, ok := p.monthAfterDay(k2); ok && m2.isName() && m2.name.hijri == mr.name.hijri && m2.name.n != mr.name.n {
				gap := calGap(mr.name.n, d1, m2.name.n, dd)
				if p.word(j) != "و" || gap <= 7 {
					mr2, d3, j = m2, dd, k3
					if yr2, k, has2 = p.yearAfter(j); has2 {
						j = k
					}
				}
			}
		}
	}
	dir := 0
	if !hasYear && !has2 {
		if e, k, ok := p.look(j, kMod); ok && mr.isName() {
			dir, j = e.n, k
		} else if p.futureContext(i) {
			dir = dirAhead
		}
	}
	var v val
	if has2 && !hasYear {
		// the year is written once, after the second date
		if !validDay(mr.name, d1) {
			return match{}, false
		}
		v = p.dayVal(mr2, d3, yr2, true, dir)
		if v.ok {
			v.b = v.a
			v.a = p.preceding(v.b, mr.name, d1)
		}
	} else {
		v = p.dayVal(mr, d1, yr, hasYear, dir)
		if v.ok {
			switch {
			case d2 > 0:
				v.b = v.a.AddDate(0, 0, d2-d1)
				if v.b.Month() != v.a.Month() && !mr.name.hijri {
					return match{}, false
				}
			case d3 > 0 && has2:
				if w := p.dayVal(mr2, d3, yr2, true, 0); w.ok && w.a.After(v.a) {
					v.b = w.a
				} else {
					v.ok = false
				}
			case d3 > 0:
				v.b = p.following(v.a, mr2.name, d3)
			}
		}
	}
	if !v.valid {
		return match{}, false
	}
	v.named = hasYear || has2
	return match{end: j, v: v}, true
}

// dayVal resolves day d of a month reference with an optional year; dir is
// a modifier's direction (الماضي، المقبل). The result is not valid when the
// day does not exist in the month.
func (p *parser) dayVal(mr monthRef, d int, yr yearRef, hasYear bool, dir int) val {
	v := val{g: gDay, dir: dir, valid: true}
	if dir == dirCurrent || dir == dirAhead {
		v.dir = 0
	}
	switch {
	case mr.same:
		v.valid = d <= 31
		if !p.lastMonth.IsZero() {
			v.a, v.ok = mkDate(p.lastMonth.Year(), int(p.lastMonth.Month()), d)
			v.valid = v.ok
		}
	case mr.rel:
		v.rel = true
		if p.has {
			t := p.anchor.AddDate(0, mr.off, 1-p.anchor.Day())
			v.a, v.ok = mkDate(t.Year(), int(t.Month()), d)
			v.valid = v.ok
		}
	case hasYear:
		v.rel = yr.rel
		if y := p.yearOf(mr.name, yr); y != 0 {
			v.a, v.ok = p.dayIn(mr.name, y, d)
			v.valid = v.ok
		}
	default:
		v.rel = true
		v.valid = validDay(mr.name, d)
		mk := func(y int) (time.Time, time.Time, bool) {
			t, ok := p.dayIn(mr.name, y, d)
			return t, t, ok
		}
		v.a, _, v.ok = p.infer(mk, mr.name.hijri, dir)
	}
	return v
}

// preceding is the last date before b that falls on day d of month m.
func (p *parser) preceding(b time.Time, m monthName, d int) time.Time {
	for y := p.calYear(b, m.hijri); y >= p.calYear(b, m.hijri)-1; y-- {
		if t, ok := p.dayIn(m, y, d); ok && t.Before(b) {
			return t
		}
	}
	return time.Time{}
}

// following is the first date after a that falls on day d of month m.
func (p *parser) following(a time.Time, m monthName, d int) time.Time {
	for y := p.calYear(a, m.hijri); y <= p.calYear(a, m.hijri)+1; y++ {
		if t, ok := p.dayIn(m, y, d); ok && t.After(a) {
			return t
		}
	}
	return time.Time{}
}

// calYear is the year of t in the Gregorian or Hijri calendar.
func (p *parser) calYear(t time.Time, hijri bool) int {
	if hijri {
		y, _, _ := jdnToHijri(toJDN(t))
		return y
	}
	return t.Year()
}

// calGap is the number of days from day d1 of month m1 to day d2 of month
// m2 (the next such date), in a common year.
func calGap(m1, d1, m2, d2 int) int {
	a := time.Date(2001, time.Month(m1), d1, 0, 0, 0, 0, time.UTC)
	b := time.Date(2001, time.Month(m2), d2, 0, 0, 0, 0, time.UTC)
	if !b.After(a) {
		b = b.AddDate(1, 0, 0)
	}
	return int(b.Sub(a).Hours() / 24)
}

// validDay reports whether day d exists in month m in some year.
func validDay(m monthName, d int) bool {
	if m.hijri {
		return d <= 30
	}
	return d <= daysIn(2000, m.n)
}

// dayIn is day d of month m in year y of the month's calendar.
func (p *parser) dayIn(m monthName, y, d int) (time.Time, bool) {
	if m.hijri {
		if y < 1 || d > hijriMonthLen(y, m.n) {
			return time.Time{}, false
		}
		return hijriDate(y, m.n, d), true
	}
	return mkDate(y, m.n, d)
}

// yearOf resolves a year reference for a month of the given calendar; 0 when
// it needs an anchor that is missing.
func (p *parser) yearOf(m monthName, yr yearRef) int {
	switch {
	case yr.rel && !p.has:
		return 0
	case yr.rel && m.hijri:
		return p.hy + yr.y
	case yr.rel:
		return p.anchor.Year() + yr.y
	case m.hijri && !yr.hijri && yr.y >= 1700:
		// رمضان 2017: the Hijri month that begins in that Gregorian year
		for h := (yr.y-622)*33/32 - 1; h <= (yr.y-622)*33/32+2; h++ {
			if hijriDate(h, m.n, 1).Year() == yr.y {
				return h
			}
		}
		return 0
	case !m.hijri && yr.hijri:
		return 0
	}
	return yr.y
}

// infer picks the year (Gregorian or Hijri) that puts the thing mk builds
// nearest the anchor, or the last one before it (dir past), the first one
// after it (dir future), the anchor's own (dir current). mk returns the
// thing's first and last day for a year.
func (p *parser) infer(mk func(y int) (from, to time.Time, ok bool), hijri bool, dir int) (time.Time, time.Time, bool) {
	if !p.has {
		return time.Time{}, time.Time{}, false
	}
	base := p.anchor.Year()
	if hijri {
		base = p.hy
	}
	if dir == dirCurrent {
		return mk(base)
	}
	var bestA, bestB time.Time
	bestD, found := 0, false
	for _, y := range []int{base, base - 1, base + 1, base - 2, base + 2} {
		a, b, ok := mk(y)
		if !ok {
			continue
		}
		var dist int
		switch {
		case dir == dirPast && !b.Before(p.anchor), dir == dirFuture && !a.After(p.anchor),
			dir == dirAhead && b.Before(p.anchor):
			continue
		case b.Before(p.anchor):
			dist = days(b, p.anchor)
		case a.After(p.anchor):
			dist = days(p.anchor, a)
		}
		if !found || dist < bestD {
			bestA, bestB, bestD, found = a, b, dist, true
		}
	}
	return bestA, bestB, found
}

func days(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func mkDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// monthSpan is a month's first and last day; a Hijri month resolves to the
// interval of its Gregorian days.
func (p *parser) monthSpan(m monthName, y int) (time.Time, time.Time, bool) {
	if m.hijri {
		if y < 1 {
			return time.Time{}, time.Time{}, false
		}
		a := hijriDate(y, m.n, 1)
		return a, a.AddDate(0, 0, hijriMonthLen(y, m.n)-1), true
	}
	a := time.Date(y, time.Month(m.n), 1, 0, 0, 0, 0, time.UTC)
	return a, a.AddDate(0, 1, -1), true
}

// monthExpr parses a month with an optional year or modifier: أيار 2015،
// آب/أغسطس الماضي، كانون الثاني المقبل، رمضان 1438 هـ. A month name that is
// also a common word needs cued (شهر or a part word before it), a pair, a
// year or a modifier.
func (p *parser) monthExpr(i int, cued bool) (match, bool) {
	m, j, ok := p.monthName(i)
	if !ok {
		return match{}, false
	}
	yr, k, hasYear := p.yearAfter(j)
	dir := 0
	if hasYear {
		j = k
	} else if e, k, ok := p.look(j, kMod); ok {
		dir, j = e.n, k
	} else if m.amb && !cued && !p.after(i-1, kPrep) {
		return match{}, false
	} else if p.futureContext(i) {
		dir = dirAhead
	}
	v := val{g: gMonth, dir: dir, named: hasYear}
	if dir == dirCurrent || dir == dirAhead {
		v.dir = 0
	}
	mk := func(y int) (time.Time, time.Time, bool) { return p.monthSpan(m, y) }
	var a, b time.Time
	if hasYear {
		v.rel = yr.rel
		if y := p.yearOf(m, yr); y != 0 {
			a, b, v.ok = mk(y)
		}
	} else {
		v.rel = true
		a, b, v.ok = p.infer(mk, m.hijri, dir)
	}
	if v.ok {
		v.a = a
		if m.hijri {
			v.g, v.b = gDay, b
		}
	}
	return match{end: j, v: v}, true
}

// monthRange parses a range of Gregorian months: من نيسان إلى حزيران
// الماضي، بين أيار وتموز 2016، من أيار 2015 حتى آذار 2016. A bare و joins a
// range only after بين.
func (p *parser) monthRange(i int) (match, bool) {
	m1, j, ok := p.monthName(i)
	if !ok || m1.hijri {
		return match{}, false
	}
	yr1, k, has1 := p.yearAfter(j)
	if has1 {
		j = k
	}
	k, ok = p.sep(j)
	and := p.word(j) == "و"
	if !ok && strings.HasPrefix(p.word(j), "و") {
		k, ok, and = j, true, true // ويونيو: the conjunction is glued
	}
	if !ok || (and && !strings.HasSuffix(p.word(i-1), "بين")) {
		return match{}, false
	}
	m2, j, ok := p.monthName(k)
	if !ok || m2.hijri || (!has1 && m2.n == m1.n) {
		return match{}, false
	}
	yr2, k, has2 := p.yearAfter(j)
	dir := 0
	if has2 {
		j = k
	} else if e, k, ok := p.look(j, kMod); ok && !has1 {
		dir, j = e.n, k
	}
	v := val{g: gMonth, dir: dir, rel: !has1 && !has2 || yr1.rel || yr2.rel, named: has1 || has2}
	if dir == dirCurrent {
		v.dir = 0
	}
	start := func(y, m int) time.Time { return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC) }
	switch {
	case has1 && has2:
		y1, y2 := p.yearOf(m1, yr1), p.yearOf(m2, yr2)
		v.a, v.b, v.ok = start(y1, m1.n), start(y2, m2.n), y1 != 0 && y2 != 0
	case has1:
		y1 := p.yearOf(m1, yr1)
		v.a, v.b, v.ok = start(y1, m1.n), p.following(start(y1, m1.n), m2, 1), y1 != 0
	default:
		mk := func(y int) (time.Time, time.Time, bool) {
			y1 := y
			if m1.n > m2.n {
				y1--
			}
			return start(y1, m1.n), start(y, m2.n).AddDate(0, 1, -1), true
		}
		if has2 {
			if y := p.yearOf(m2, yr2); y != 0 {
				v.a, _, v.ok = mk(y)
				v.b = start(y, m2.n)
			}
			break
		}
		var b time.Time
		v.a, b, v.ok = p.infer(mk, false, dir)
		v.b = start(b.Year(), int(b.Month()))
	}
	if v.ok && !v.b.After(v.a) {
		return match{}, false
	}
	return match{end: j, v: v}, true
}

// yearExpr parses years: عام 2012، لعام 2012، 2012م، 1438 هـ، بين عامي 2011
// و2014، منذ 2012، في 2017 (a preposition makes a bare number a year only
// when punctuation or a follow word comes next), and after a part word
// (مطلع 2017) any four-digit year.
func (p *parser) yearExpr(i int, cued bool) (match, bool) {
	var y1, end int
	var hijri, ok bool
	dual := false
	if e, j, isCue := p.look(i, kYearCue); isCue {
		dual = e.dual
		q, k, qual := p.look(j, kYearQual) // العام الدراسي 2017
		if qual {
			j = k
		}
		if y1, hijri, end, ok = p.yearNum(j); !ok {
			return match{}, false
		}
		hijri = hijri || qual && q.hijri
	} else {
		if y1, hijri, end, ok = p.yearNum(i); !ok {
			return match{}, false
		}
		listed := p.word(i-1) == "و" && p.yearEnd == i-1 // عام 2011 و2012
		if end == i+1 && !cued && !listed && !p.yearByPrep(i) && !p.yearRange(i) {
			return match{}, false
		}
		if p.exact(i-1, kCentury) || y1 < 1000 && p.word(i+1) == "م" {
			return match{}, false // القرن 19م، 100 م (metres)
		}
	}
	// a second year: بين عامي 2011 و2014، من عام 2011 إلى عام 2014، 2011-2014،
	// 2017/2018
	k, ok := p.sep(end)
	if !ok && p.punct(end, "/") && end+1 < len(p.t) && p.t[end+1].start == p.t[end].end {
		k, ok = end+1, true
	}
	if ok && (dual || p.word(end) != "و" || p.word(i-1) == "بين") {
		if _, k2, ok := p.look(k, kYearCue); ok {
			k = k2
		}
		if y2, h2, end2, ok := p.yearNum(k); ok && h2 == hijri && y2 > y1 && y2-y1 < 100 {
			return match{end: end2, v: yearVal(y1, y2, hijri)}, true
		}
	}
	return match{end: end, v: yearVal(y1, 0, hijri)}, true
}

// yearByPrep reports whether the bare number at i is a year because of the
// preposition before it and what follows it.
func (p *parser) yearByPrep(i int) bool {
	e, _, ok := p.look(i-1, kPrep)
	if !ok {
		return false
	}
	if e.strong {
		return true
	}
	n := i + 1
	switch {
	case n >= len(p.t):
		return true
	case p.t[n].kind == tPunct:
		// 2017, and 2017. close a phrase; 2,000 and 2.5 are numbers
		return !strings.Contains("/-%:", p.t[n].s) && (n+1 >= len(p.t) || p.t[n+1].kind != tNum || p.t[n+1].start > p.t[n].end)
	case p.t[n].kind == tWord:
		// a count is mostly round (2000 مقاتل); a year is mostly not
		y, _ := p.num(i, 4)
		_, _, follow := p.look(n, kFollow)
		return follow || y >= 1950 && y <= 2099 && y%50 != 0
	}
	return false
}

// yearRange reports whether the bare number at i opens a year range after
// من or بين (من 2011 إلى 2014، بين 2011 و2014).
func (p *parser) yearRange(i int) bool {
	w := p.word(i - 1)
	if w != "من" && w != "بين" {
		return false
	}
	k, ok := p.sep(i + 1)
	if !ok {
		return false
	}
	y2, _, _, ok := p.yearNum(k)
	y1, _ := p.num(i, 4)
	return ok && y2 > y1 && y2-y1 < 100
}

// yearVal is the value of a Gregorian year or year range, or of a Hijri year
// as the interval of its Gregorian days.
func yearVal(y1, y2 int, hijri bool) val {
	if y2 == 0 {
		y2 = y1
	}
	if hijri {
		return val{ok: true, g: gDay, a: hijriDate(y1, 1, 1), b: hijriDate(y2+1, 1, 1).AddDate(0, 0, -1), named: true}
	}
	v := val{ok: true, g: gYear, a: time.Date(y1, 1, 1, 0, 0, 0, 0, time.UTC), named: true}
	if y2 != y1 {
		v.b = time.Date(y2, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return v
}

// relPeriod parses a calendar unit relative to the anchor: الأسبوع المقبل
// (the interval of its days, Monday to Sunday), الشهر الماضي, العام الجاري,
// هذا العام; after a part word the bare unit is the current one (نهاية العام).
func (p *parser) relPeriod(i int, cued bool) (match, bool) {
	u, off, j, ok := p.relUnit(i)
	if !ok {
		e, k, isUnit := p.look(i, kPeriod)
		if !cued || !isUnit {
			return match{}, false
		}
		u, off, j = e.n, 0, k
	}
	v := val{rel: true, dir: offsetDir(off)}
	if p.has {
		v.ok = true
		a := p.anchor
		switch u {
		case unitWeek:
			monday := a.AddDate(0, 0, -((int(a.Weekday())+6)%7)+7*off)
			v.g, v.a, v.b = gDay, monday, monday.AddDate(0, 0, 6)
		case unitMonth:
			v.g, v.a = gMonth, time.Date(a.Year(), a.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		default:
			v.g, v.a, v.named = gYear, time.Date(a.Year()+off, 1, 1, 0, 0, 0, 0, time.UTC), true
		}
	}
	return match{end: j, v: v}, true
}

// sameYear parses ذلك العام، العام نفسه: the year the text named last.
func (p *parser) sameYear(i int) (match, bool) {
	_, j, ok := p.look(i, kSameYear)
	if !ok {
		return match{}, false
	}
	if _, _, _, isYear := p.yearNum(j); isYear {
		return match{}, false // نفس السنة 1645: the number is the year
	}
	if p.lastYear == 0 {
		return match{end: j}, true
	}
	return match{end: j, v: yearVal(p.lastYear, 0, false)}, true
}

// relDay parses اليوم، أمس، غداً، أول أمس... with an optional weekday that
// repeats it: اليوم الخميس، أمس "السبت"، اليوم (الخميس).
func (p *parser) relDay(i int) (match, bool) {
	e, j, ok := p.look(i, kRel)
	if !ok {
		return match{}, false
	}
	if p.exact(j, kOrdinal) || p.exact(j, kAdjStop) {
		return match{}, false // اليوم الأول، اليوم التالي، أمس الحاجة
	}
	if s, end, ok := p.look(i-1, kStop); ok && end == j && len(s.words) > 1 {
		return match{}, false // روسيا اليوم
	}
	if p.after(i-1, kPrevStop) {
		return match{}, false // ذلك اليوم، نفس اليوم
	}
	k, open := j, ""
	if p.punct(k, `("`) {
		open = p.t[k].s
		k++
	}
	if _, k2, ok := p.look(k, kWeekday); ok {
		switch {
		case open == "":
			j = k2
		case open == "(" && p.punct(k2, ")"), open == `"` && p.punct(k2, `"`):
			j = k2 + 1
		}
	}
	v := val{rel: true, dir: offsetDir(e.n)}
	if p.has {
		v.ok, v.a = true, p.anchor.AddDate(0, 0, e.n)
	}
	return match{end: j, v: v}, true
}

// weekday parses a weekday with an optional modifier or date: الخميس،
// الإثنين الماضي، الأحد المقبل، الثلاثاء 28 تشرين الثاني. A bare weekday is
// the latest one up to the anchor, or the next one from it when the sentence
// speaks of the future.
func (p *parser) weekday(i int) (match, bool) {
	e, j, ok := p.look(i, kWeekday)
	if !ok || p.after(i-1, kWdPrevStop) || p.word(j) == "عشر" || p.word(j) == "عشره" {
		return match{}, false // صلاة الجمعة، الأحد عشر (eleven)
	}
	// a second weekday: يومي السبت والأحد الماضيين، من الأحد إلى الثلاثاء،
	// ليلة السبت/الأحد
	gap, k := 0, j
	if s, ok := p.sep(j); ok {
		k = s
	} else if p.punct(j, "/") {
		k = j + 1
	}
	if e2, end, ok := p.look(k, kWeekday); ok && (k > j || strings.HasPrefix(p.word(j), "و")) {
		if g := (e2.n - e.n + 7) % 7; g >= 1 && g <= 3 {
			gap, j = g, end
		}
	}
	dir := 0
	if m, k, ok := p.look(j, kMod); ok {
		dir, j = m.n, k
	}
	if dir != dirPast && dir != dirFuture {
		dir = 0
		k := j
		if p.punct(k, ",") {
			k++
		}
		if m, ok := p.dayMonth(k); ok && gap == 0 {
			return m, true
		}
		if m, ok := p.numericDate(k); ok && gap == 0 {
			return m, true
		}
	}
	v := val{rel: true, dir: dir}
	if !p.has {
		return match{end: j, v: v}, true
	}
	wd := e.n
	if dir == dirPast {
		wd = (e.n + gap) % 7 // the range must end before the anchor
	}
	back := (int(p.anchor.Weekday()) - wd + 7) % 7 // days since the latest one
	var off int
	switch {
	case dir == dirPast:
		off = -back
		if back == 0 {
			off = -7
		}
		off -= gap
	case dir == dirFuture:
		off = (7 - back) % 7
		if off == 0 {
			off = 7
		}
	case back != 0 && p.futureContext(i):
		off = 7 - back
	default:
		off = -back
	}
	v.ok, v.a = true, p.anchor.AddDate(0, 0, off)
	if gap > 0 {
		v.b = v.a.AddDate(0, 0, gap)
	}
	return match{end: j, v: v}, true
}

// futureContext reports whether the clause before token i speaks of the
// future: a future verb (سيعقد، ستبدأ) or a marker such as سوف or من المقرر
// among the few words before it. Words after the date are not read: there a
// future verb mostly belongs to reported speech (أعلن الثلاثاء أنه سيواصل).
func (p *parser) futureContext(i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		if p.punct(k, ".?!;:") {
			break
		}
		if p.isFuture(k) {
			return true
		}
	}
	return false
}

func (p *parser) isFuture(k int) bool {
	if _, _, ok := p.look(k, kFutMark); ok {
		return true
	}
	w := p.word(k)
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		w = w[len("و"):]
	}
	if utf8.RuneCountInString(w) < 5 || !strings.HasPrefix(w, "س") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(w[len("س"):]); r != 'ي' && r != 'ت' && r != 'ن' {
		return false
	}
	for _, pre := range lex.notFut {
		if strings.HasPrefix(w, pre) {
			return false
		}
	}
	return true
}
