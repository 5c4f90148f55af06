package events

import (
	"slices"
	"strings"
)

// fromCountry reports whether no participant is named or one is of country
// c: a dateline is the place of the events of its own country's actors.
func fromCountry(parts []participant, c string) bool {
	if len(parts) == 0 {
		return true
	}
	return slices.ContainsFunc(parts, func(p participant) bool { return strings.HasPrefix(p.code, c) })
}

// focusPlace returns the town or region the article names most often, the
// likeliest place of events whose sentence names none.
func focusPlace(in input) *place {
	var best *place
	n := map[string]int{}
	for i := range in.places {
		p := &in.places[i]
		if p.kind == "country" || slices.ContainsFunc(in.actors, func(m participant) bool { return m.start < p.end && p.start < m.end }) {
			continue
		}
		n[p.name]++
		if best == nil || n[p.name] > n[best.name] {
			best = p
		}
	}
	return best
}

// nearestDate picks the resolved date expression nearest the trigger in
// its clause, else in its sentence.
func nearestDate(in input, toks []tok, cf, ct int, h hit) *when {
	if len(toks) == 0 {
		return nil
	}
	pos := toks[h.first].start
	var best *when
	bestD := 0
	score := func(w *when) int {
		d := w.start - pos
		if d < 0 {
			d = -d
		}
		if w.start < toks[cf].start || w.end > toks[ct-1].end {
			d += 1000 // outside the clause
		}
		return d
	}
	lo, hi := toks[0].start, toks[len(toks)-1].end
	for i := range in.dates {
		w := &in.dates[i]
		if w.first == "" || w.start < lo || w.end > hi {
			continue
		}
		if d := score(w); best == nil || d < bestD {
			best, bestD = w, d
		}
	}
	return best
}

// location picks the place of the event from its sentence: the place the
// sentence opens with (وفي جنيف،), else a place after في/ب or named with
// the talks (محادثات أستانا), nearest the trigger, that is not one of the
// participants nor a meeting's topic.
func (c *Coder) location(in input, toks []tok, cf, ct int, h hit, visit bool) *place {
	best := c.nearestPlace(in, toks, cf, ct, h, visit)
	if f := fronted(in, toks); f != nil && !visit && (best == nil || f.kind != "country" || best.country != f.country) {
		// وفي أنقرة، هدد الوزير...: the sentence's events are there,
		// unless it names a town of the fronted country (وفي ليبيا، تظاهر
		// المئات في طرابلس)
		return f
	}
	return best
}

// nearestPlace is the sentence's place nearest the trigger, preferring its
// clause and towns over countries; places named as the topic of a meeting
// or as an actor are left out.
func (c *Coder) nearestPlace(in input, toks []tok, cf, ct int, h hit, visit bool) *place {
	lo, hi := toks[0].start, toks[len(toks)-1].end
	if h.t.flags["meet"] {
		// بحثا الوضع في إدلب؛ محادثات حول سوريا: the topic is no venue
		for i := h.last + 1; i < len(toks); i++ {
			if toks[i].has(cues["topic"]...) || toks[i].has(cues["topic-before"]...) || toks[i].has(cues["topic-verb"]...) {
				hi = toks[i].start
				break
			}
		}
	}
	pos := toks[h.first].start
	var best *place
	bestD := 0
	for i := range in.places {
		p := &in.places[i]
		if p.start < lo || p.end > hi {
			continue
		}
		if !visit && slices.ContainsFunc(in.actors, func(m participant) bool { return m.start < p.end && p.start < m.end }) &&
			!locative(in, toks, p) {
			continue // موسكو تدعو: the government, not the place
		}
		d := p.start - pos
		if d < 0 {
			d = -d
		}
		if p.start < toks[cf].start || p.end > toks[ct-1].end {
			d += 1000
		}
		if dl := c.dateline(in); p.start <= 3 && dl != nil && dl.start == p.start {
			// "إسلام آباد - ... في بيشاور": the reporter files from the
			// dateline; a town the sentence names is where it happened, but
			// the dateline still says more than its country
			d += 500
		}
		if p.kind == "country" {
			if !locative(in, toks, p) {
				continue // بوحدة سوريا: a topic, not a venue
			}
			d += 2000 // a town or venue says more than its country
		}
		if i := tokAt(toks, p.start); i > 0 &&
			toks[i].start == p.start && isCue("not-venue", toks[i-1].norm) {
			continue
		}
		if best == nil || d < bestD {
			best, bestD = p, d
		}
	}
	return best
}

// locative reports a place written after في or with ب (في موسكو، بجنيف).
func locative(in input, toks []tok, p *place) bool {
	i := tokAt(toks, p.start)
	if i < 0 {
		return false
	}
	if toks[i].start < p.start {
		pre := string(in.runes[toks[i].start:p.start])
		return strings.HasSuffix(pre, "ب") || strings.HasSuffix(pre, "في")
	}
	return i > 0 && (toks[i-1].has(cues["venue"]...) || toks[i-1].norm == "في")
}

// inDateline reports an actor mention that is the article's dateline
// ("بغداد - ..."): the place of writing, not a participant.
func inDateline(in input, m participant) bool {
	if m.start > 3 {
		return false
	}
	for _, r := range in.runes[m.end:min(len(in.runes), m.end+4)] {
		switch r {
		case '-', '–', '—', '(':
			return true
		}
	}
	return false
}

// dateline returns the place an article opens with ("موسكو - ..."), where
// its events happened unless a sentence says otherwise.
func (c *Coder) dateline(in input) *place {
	if len(in.places) == 0 {
		return nil
	}
	p := in.places[0]
	if p.start > 3 {
		return nil
	}
	for _, r := range in.runes[p.end:min(len(in.runes), p.end+40)] {
		switch r {
		case '-', '–', '(', ':', '—':
			return &p
		}
	}
	return nil
}

// fronted returns the place of a sentence that opens with it (وفي جنيف،
// ...), or nil.
func fronted(in input, toks []tok) *place {
	if len(toks) < 3 || toks[0].norm != "في" && toks[0].norm != "وفي" {
		return nil
	}
	for k := 1; k < len(toks) && k <= 4; k++ {
		if toks[k].punct {
			if toks[k].norm != "،" && toks[k].norm != "," {
				return nil
			}
			lo, hi := toks[1].start, toks[k].start
			for i := range in.places {
				if p := &in.places[i]; p.start >= lo && p.end <= hi {
					return p
				}
			}
			return nil
		}
	}
	return nil
}
