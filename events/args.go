package events

import (
	"slices"
	"strings"
)

// participants returns the actor mentions in tokens [from, to), without
// mentions that are only places (في موسكو) or topics (حول سوريا).
// Mentions after the trigger introduced by مع/إلى/ضد/على/لـ/بـ, and those
// coordinated with them, are recipients.
func (c *Coder) participants(in input, toks []tok, from, to, after int) []participant {
	if from >= to {
		return nil
	}
	lo, hi := toks[from].start, toks[to-1].end
	var out []participant
	first, _ := slices.BinarySearchFunc(in.actors, lo, func(m participant, lo int) int { return m.start - lo })
	for _, m := range in.actors[first:] {
		if m.start >= hi {
			break
		}
		if m.end > hi {
			continue
		}
		if placeLike(in, toks, m) || inDateline(in, m) || (m.nisba && !attached(toks, m, after)) {
			continue
		}
		if m.start >= after {
			switch intro(in, toks, m) {
			case "recip":
				m.recip = true
			case "and":
				m.recip = len(out) > 0 && out[len(out)-1].recip
			}
		}
		if slices.ContainsFunc(out, func(p participant) bool { return p.code == m.code }) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// attached reports a nisba adjective right after the trigger, naming its
// parties (اتفاق روسي تركي); elsewhere it describes some other noun
// (محادثات السلام السورية).
func attached(toks []tok, m participant, after int) bool {
	if i := tokFrom(toks, m.start); i > 0 &&
		toks[i-1].has(cues["counterpart"]...) {
		return true // نظيره التركي: his Turkish counterpart
	}
	n := 0
	for _, t := range toks {
		if t.start >= after && t.start < m.start {
			n++
		}
	}
	return m.start >= after && n <= 1
}

// intro classifies the word introducing a mention: a recipient preposition,
// a coordinating و, or anything else.
func intro(in input, toks []tok, m participant) string {
	i := tokAt(toks, m.start)
	if i < 0 {
		return ""
	}
	pre := ""
	if toks[i].start < m.start {
		pre = string(in.runes[toks[i].start:m.start])
	} else if w := normWord(m.text); strings.HasPrefix(w, "لل") || strings.HasPrefix(w, "بال") {
		return "recip" // the mention kept its preposition: للنظام السوري
	}
	switch {
	case pre == "و" || pre == "،و":
		return "and"
	case pre == "ل" || pre == "ب" || pre == "لل" || pre == "وب" || pre == "ول":
		return "recip"
	}
	if i > 0 {
		w := toks[i-1].norm
		if isCue("recipient-prep", strings.TrimPrefix(w, "و")) {
			return "recip"
		}
		if w == "و" || w == "," || w == "،" {
			return "and"
		}
	}
	return ""
}

// placeLike reports an actor mention used as a place: after a locative
// preposition, or a gazetteer place written with ب/في before it.
func placeLike(in input, toks []tok, m participant) bool {
	i := tokAt(toks, m.start)
	if i < 0 {
		return false
	}
	isPlace := m.placeName || slices.ContainsFunc(in.places, func(p place) bool { return p.start < m.end && m.start < p.end })
	if i > 0 && isCue("locative", toks[i-1].norm) && (isPlace || toks[i-1].norm != "لدي") {
		return true
	}
	if isPlace && toks[i].start < m.start {
		pre := string(in.runes[toks[i].start:m.start])
		pre = strings.TrimPrefix(strings.TrimPrefix(pre, "و"), "ف")
		return pre == "ب" || pre == "في"
	}
	if isPlace && toks[i].start == m.start && i+1 < len(toks) {
		// the token itself may carry ب: بموسكو
		if strings.HasPrefix(toks[i].norm, "ب") && !strings.HasPrefix(normWord(m.text), "ب") {
			return true
		}
	}
	return false
}

// dropped reports a verb whose subject is not written (pro-drop): no
// participant before it in its clause, and a participle (متهمةً الفصائل)
// or a verb followed by a preposition (واشترطت لاستمرار الهدنة).
func dropped(in input, toks []tok, h hit, parts []participant) bool {
	if h.t.flags["noun"] || slices.ContainsFunc(parts, func(p participant) bool { return p.start < toks[h.first].start }) {
		return false
	}
	if strings.HasPrefix(strings.TrimPrefix(toks[h.first].norm, "و"), "م") {
		return true
	}
	if h.first+1 >= len(toks) {
		return true
	}
	next := toks[h.first+1]
	if next.punct {
		return true
	}
	w := next.norm
	return isCue("dropped-prep", w) ||
		(strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ب")) &&
			!slices.ContainsFunc(in.actors, func(m participant) bool { return m.start < next.end && next.start < m.end })
}

// material marks the material types, whose reporters are not their actors.
var material = map[string]bool{"COOPERATE": true, "AID": true, "RETREAT": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true}

// withoutSources drops the reporters of an action from its participants
// ("أفاد المرصد بشن طائرات غارات": the planes act, the monitor reports).
func withoutSources(in input, toks []tok, parts []participant) []participant {
	var out []participant
	for _, p := range parts {
		i := tokAt(toks, p.start)
		if i > 0 && toks[i].start == p.start && toks[i-1].has(cues["source"]...) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// speaker returns the subject of a speech verb in the sentence (وقال X:),
// who is the actor of events told in his words.
func speaker(in input, toks []tok) []participant {
	for i, t := range toks {
		w := strings.TrimPrefix(strings.TrimPrefix(t.norm, "و"), "ف")
		if !isCue("speech", w) {
			continue
		}
		lo := t.end
		hi := lo
		for j := i + 1; j < len(toks) && j <= i+6 && !boundary(toks[j]); j++ {
			hi = toks[j].end
		}
		for _, m := range in.actors {
			if m.start >= lo && m.start < hi {
				return []participant{m}
			}
		}
	}
	return nil
}

// quoteSpeaker returns the speaker of a quotation still open after the
// sentence: the sentence's own speaker when it opens a quote it does not
// close, open when it neither opens nor closes one, nil once one closes.
// open is the speaker of the quotation open before the sentence.
func quoteSpeaker(in input, toks []tok, open []participant) []participant {
	depth := 0
	if open != nil {
		depth = 1
	}
	for _, t := range toks {
		switch t.norm {
		case "«", "“":
			depth++
		case "»", "”":
			depth--
		case "\"":
			if depth > 0 {
				depth--
			} else {
				depth++
			}
		}
	}
	switch {
	case depth <= 0:
		return nil
	case open != nil:
		return open
	}
	return speaker(in, toks)
}
