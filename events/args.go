package events

import (
	"slices"
	"strings"
	"unicode"
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
		if placeLike(in, toks, m) || inDateline(in, m) || border(toks, m) ||
			(m.nisba && !attached(toks, m, after) && !conjoinedNisba(in, toks, out, m)) {
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
		if j := slices.IndexFunc(out, func(p participant) bool { return p.code == m.code }); j >= 0 {
			if isSource(toks, out[j]) {
				// أعلنت الوزارة أن طائراتها قصفت: keep the mention that
				// may act, the reporter may yet be dropped as a source
				out[j] = m
			}
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

// conjoinedNisba reports a nisba joined by و to the attached nisba just
// before it: الرئيسان المصري والفرنسي.
func conjoinedNisba(in input, toks []tok, out []participant, m participant) bool {
	if len(out) == 0 || !out[len(out)-1].nisba || intro(in, toks, m) != "and" {
		return false
	}
	i, j := tokAt(toks, out[len(out)-1].start), tokAt(toks, m.start)
	return j == i+1 || (j == i+2 && toks[i+1].norm == "و")
}

// border reports a country named as the other side of a border (على الحدود
// مع سوريا): a place, not a party.
func border(toks []tok, m participant) bool {
	i := tokAt(toks, m.start)
	return i > 1 && toks[i-1].norm == "مع" && toks[i-2].has(cues["border"]...)
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
	if h.first > 0 && toks[h.first-1].punct && strings.ContainsRune(string(in.runes[toks[h.first].start:toks[h.first].end]), '\u064b') {
		return true // ...، داعياً المحتجين: a participle with tanween after a comma
	}
	if h.first+1 >= len(toks) {
		return true
	}
	next := toks[h.first+1]
	if next.punct {
		return true
	}
	w := next.norm
	if isCue("dropped-prep", w) {
		return true
	}
	if !strings.HasPrefix(w, "ل") && !strings.HasPrefix(w, "ب") ||
		slices.ContainsFunc(in.actors, func(m participant) bool { return m.start < next.end && next.start < m.end }) {
		return false
	}
	// بعثة الأمم المتحدة: a noun in construct with the actor after it is
	// the subject, not a prepositional phrase
	return h.first+2 >= len(toks) || !slices.ContainsFunc(in.actors, func(m participant) bool { return m.start == toks[h.first+2].start })
}

// mainSubject returns the first participant after the verb that opens the
// sentence (after a fronted phrase such as "وفي خطاب متلفز،"), when that
// verb comes before trigger h: the subject that a later verb without its
// own continues. Nil if there is none.
func mainSubject(in input, toks []tok, h hit) *participant {
	v := 0
	for k := 0; k < len(toks) && k <= 4; k++ {
		if boundary(toks[k]) {
			v = k + 1
			break
		}
	}
	if v >= h.first {
		return nil
	}
	_, ct := clause(toks, v)
	lo, hi := toks[v].end, toks[min(ct, h.first)-1].end
	for i := range in.actors {
		m := &in.actors[i]
		if m.start >= hi {
			break
		}
		if m.start >= lo && !m.nisba && !placeLike(in, toks, *m) {
			return m
		}
	}
	return nil
}

// material marks the material types, whose reporters are not their actors.
var material = map[string]bool{"COOPERATE": true, "AID": true, "RETREAT": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true}

// withoutSources drops the reporters of an action from its participants
// ("أفاد المرصد بشن طائرات غارات": the planes act, the monitor reports).
func withoutSources(in input, toks []tok, h hit, parts []participant) []participant {
	for i := h.first - 1; i >= 0 && i >= h.first-3 && !toks[i].punct; i-- {
		if toks[i].has(cues["self-report"]...) {
			return parts // أعلن البرنامج أنه أرسل قافلة: the reporter did it
		}
	}
	var out []participant
	for _, p := range parts {
		if !isSource(toks, p) {
			out = append(out, p)
		}
	}
	return out
}

// isSource reports a mention right after a reporting verb (أفاد المرصد).
func isSource(toks []tok, p participant) bool {
	i := tokAt(toks, p.start)
	return i > 0 && toks[i].start == p.start && toks[i-1].has(cues["source"]...)
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

// transitive marks the types whose verb takes the one acted on as its
// direct object: in VSO "اعتقلت الشرطة المتظاهرين" and SVO "الشرطة اعتقلت
// المتظاهرين" the noun phrase after the subject is the recipient.
var transitive = map[string]bool{"ASSAULT": true, "COERCE": true, "ACCUSE": true, "SANCTION": true,
	"THREATEN": true, "REQUEST": true, "REJECT": true, "SUPPORT": true}

// targeted marks the types whose civilian participants are always the ones
// acted on: civilians are hit or arrested, they do not bomb or arrest.
var targeted = map[string]bool{"ASSAULT": true, "COERCE": true, "SANCTION": true}

// roles tells actors from recipients after a verb: the first noun phrase
// after it is its subject unless one came before it (SVO, or a subject
// carried over), and the next one is its object. A victim right after an
// attack or arrest verb (قتل خمسة جنود، أصيب مدنيون) reads the verb as
// passive: the victim is the recipient and only an agent phrase (برصاص
// الجيش، هجوم شنه مسلحون) names an actor. A noun such as مقتل or اعتقال
// takes the one hit as its genitive.
func roles(in input, toks []tok, h hit, parts []participant) {
	t := h.t
	trig := toks[h.first].start
	after := toks[h.last].end
	if targeted[t.typ] {
		for i := range parts {
			// a named person of some nationality may attack (طعن شاب
			// فلسطيني جندياً); the word order below decides
			if strings.HasSuffix(parts[i].code, "CVL") && !parts[i].people {
				parts[i].recip = true
			}
		}
	}
	if t.typ == "PROTEST" {
		for i := range parts {
			// اعتصموا أمام (مبنى) البرلمان: the body addressed, not a protester
			if k := tokAt(toks, parts[i].start); parts[i].start >= after && k > 0 &&
				(toks[k-1].has(cues["protest-target"]...) || k > 1 && toks[k-2].has(cues["protest-target"]...)) {
				parts[i].recip = true
			}
		}
		return
	}
	if t.flags["mutual"] {
		// اشتباكات بين الجيش والمسلحين: both sides act
		for i := range parts {
			parts[i].recip = false
		}
		return
	}
	if !transitive[t.typ] || t.flags["meet"] {
		return
	}
	for i := range parts {
		if parts[i].start >= after && prepNoun(toks, parts[i]) {
			parts[i].recip = true // فرض عقوبات على شخصيات سورية
		}
	}
	patient := toks[h.first].has(cues["patient-verb"]...) || toks[h.first].has(cues["patient-noun"]...)
	if t.flags["noun"] && !patient {
		return
	}
	// a name before the verb is its subject unless a preposition or أن
	// ends its phrase first (أصيب جنديان في انفجار؛ أعلنت الوزارة أن...)
	cf, _ := clause(toks, h.first)
	subject := slices.ContainsFunc(parts, func(p participant) bool {
		if !p.recip && p.start < toks[cf].start {
			return true // a subject carried over (وطالب، داعياً، محملاً)
		}
		return !p.recip && p.start < trig && !slices.ContainsFunc(toks, func(t tok) bool {
			return t.start >= p.end && t.end <= trig && isCue("dropped-prep", t.norm)
		})
	})
	np, prevEnd := 0, after
	for i := range parts {
		p := &parts[i]
		if p.start < after {
			if patient && p.start > trig && !agentBefore(toks, *p) {
				p.recip = true // لقي أحد عشر شرطياً مصرعهم: the victims fill the gap
			}
			continue
		}
		if np == 0 || !sameNP(in, toks, prevEnd, *p) {
			np++
		}
		prevEnd = p.end
		if agentBefore(toks, *p) {
			p.recip = false // قتل شرطيان على يد مسلحين: the killers act
			continue
		}
		if i := tokAt(toks, p.start); i > 0 && toks[i].start == p.start && toks[i-1].has(cues["target"]...) {
			p.recip = true // الهجوم على مواقع الجيش: the army is hit
			continue
		}
		if p.recip {
			continue
		}
		switch {
		case np == 1 && patient && (t.flags["noun"] || victim(in, toks, *p)):
			p.recip = true
		case np == 1 && !subject:
			// the subject of a VSO clause
		case np == 1 || (np == 2 && !subject && !agentBefore(toks, *p)):
			p.recip = true
		case np >= 2 && subject:
			// طالب الدول الضامنة بالضغط على دمشق: after the subject and
			// the object, the complement names the ones acted on
			p.recip = true
		}
		if np == 1 && p.recip && patient {
			// passive reading: later phrases are agents, not objects
			subject = true
			np = 3
		}
	}
}

// sameNP reports a mention that continues the noun phrase ending at end:
// it overlaps it (the members of a group phrase), or a coordinating و or a
// comma joins them, across only other actor names (الدول الضامنة روسيا
// وتركيا). Two names side by side with nothing between are subject and
// object: اتهمت الحكومة الحوثيين.
func sameNP(in input, toks []tok, end int, m participant) bool {
	if m.start < end || intro(in, toks, m) == "and" {
		return true
	}
	joined := false
	for _, t := range toks {
		if t.start < end || t.start >= m.start {
			continue
		}
		switch {
		case t.norm == "و" || t.norm == "،" || t.norm == "," || t.norm == "(" || t.norm == ")":
			joined = true
		case !slices.ContainsFunc(in.actors, func(a participant) bool { return a.start <= t.start && t.end <= a.end }):
			return false
		}
	}
	return joined
}

// victim reports a mention counted by a number or quantity word (خمسة
// جنود، عشرات المدنيين) or naming civilians: the ones hit by an action.
func victim(in input, toks []tok, m participant) bool {
	if strings.HasSuffix(m.code, "CVL") {
		return true
	}
	i := tokAt(toks, m.start)
	if i < 0 {
		return false
	}
	if i > 1 && toks[i-1].norm == "من" {
		i-- // عشرة من عناصر الشرطة
	}
	if i > 0 && toks[i].start <= m.start {
		p := toks[i-1]
		return p.has(cues["quantity"]...) || (p.norm != "" && unicode.IsDigit([]rune(p.norm)[0]))
	}
	return false
}

// agentBefore reports an agent phrase just before a mention (برصاص الجيش،
// هجوم شنه مسلحون): it names who acted, not who was hit.
func agentBefore(toks []tok, m participant) bool {
	i := tokAt(toks, m.start)
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if toks[j].has(cues["agent"]...) {
			return true
		}
	}
	return false
}

// prepNoun reports a mention that qualifies a noun introduced by a
// recipient preposition (على شخصيات سورية، ضد مواقع روسية).
func prepNoun(toks []tok, m participant) bool {
	i := tokAt(toks, m.start)
	return i > 1 && toks[i].start == m.start && !toks[i-1].punct &&
		isCue("recipient-prep", strings.TrimPrefix(toks[i-2].norm, "و"))
}
