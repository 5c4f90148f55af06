package events

import (
	"slices"
	"strings"
)

// participant is an actor mention as the coder sees it.
type participant struct {
	start, end       int
	text, code, name string
	placeName        bool // a country or capital name, which can also be a place
	recip            bool // the recipient, not the actor, of this event
}

// place is a gazetteer mention as the coder sees it.
type place struct {
	start, end int
	text, name string
	country    string
	kind       string // country, capital, city...
	lat, lon   float64
}

// when is a date expression as the coder sees it; first is empty when the
// expression did not resolve.
type when struct {
	start, end  int
	first, last string
	future      bool
}

// input is one article reduced to what the coder reads.
type input struct {
	runes  []rune
	actors []participant // sorted by start
	places []place       // sorted by start
	dates  []when        // sorted by start
}

// draft is an event under construction.
type draft struct {
	typ, mode, modality string
	context             []string
	parts               []participant
	date                *when
	loc                 *place
	sent                span
	trigger             string
	cameo               string
	score               float64
	ordinal             string // الثالثة... names one round of talks among several
	weak                bool
	also                bool // the sentence adds another action (كما، وفي سياق متصل)
	definite            bool // a definite noun (الضربة، هذه المحادثات) retelling an action
	first               int  // offset of the trigger
	clause              int  // offset of the trigger's clause
	row                 *trigger
}

type span struct{ start, end int }

// sentences splits the text at sentence-final punctuation followed by a
// space, and at line breaks. Spans exclude surrounding white space.
func sentences(rs []rune) []span {
	var out []span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpace(rs[s]) {
			s++
		}
		for e > s && isSpace(rs[e-1]) {
			e--
		}
		if e > s {
			out = append(out, span{s, e})
		}
		start = end
	}
	for i, r := range rs {
		switch r {
		case '\n':
			if paragraphEnd(rs, start, i) {
				emit(i + 1)
			}
		case '.', '!', '?', '؟':
			if i+1 == len(rs) || isSpace(rs[i+1]) {
				emit(i + 1)
			}
		}
	}
	emit(len(rs))
	return out
}

// paragraphEnd reports whether the line break at i ends a sentence: a
// blank line follows, or the line ends with punctuation. Other breaks come
// from hard-wrapped text.
func paragraphEnd(rs []rune, start, i int) bool {
	j := i + 1
	for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t' || rs[j] == '\r' || rs[j] == 0xa0) {
		j++
	}
	if j >= len(rs) || rs[j] == '\n' {
		return true
	}
	k := i - 1
	for k >= start && isSpace(rs[k]) {
		k--
	}
	if k < start {
		return true
	}
	switch rs[k] {
	case '.', '!', '?', '؟', '…', '"', '»', '”', ':':
		return true
	}
	return false
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == 0xa0 }

// boundary marks punctuation that ends a clause. Brackets do not: they hold
// lists of actors ("(روسيا وتركيا وإيران)").
func boundary(t tok) bool {
	if !t.punct {
		return false
	}
	switch t.norm {
	case "،", ",", "؛", ";", ":", "–", "—", ".":
		return true
	}
	return false
}

// clause returns the token range [from, to) of the clause holding token i.
func clause(toks []tok, i int) (int, int) {
	from := i
	for from > 0 && !boundary(toks[from-1]) {
		from--
	}
	to := i + 1
	for to < len(toks) && !boundary(toks[to]) {
		to++
	}
	return from, to
}

// code runs the coder over one article.
func (c *Coder) code(in input) []draft {
	var all []draft
	dateline := c.dateline(in)
	for _, s := range sentences(in.runes) {
		toks := tokenize(in.runes, s.start, s.end)
		hits := c.lex.find(toks)
		absorbed := absorb(toks, hits)
		var prev *draft
		for k, h := range hits {
			if absorbed[k] {
				continue
			}
			d := c.build(in, s, toks, hits, k, h, prev)
			if d == nil {
				continue
			}
			if h.t.flags["adopt"] && slices.ContainsFunc(hits[k+1:], func(x hit) bool { return x.t.typ == "REQUEST" }) {
				prev = d // the body that adopts is the one that demands
				continue
			}
			// One action per type in a sentence: several triggers of the same
			// type (شنت ... هجوما ... الضربة) tell the same event, unless كما
			// adds another.
			if i := slices.IndexFunc(all, func(x draft) bool {
				return x.sent == d.sent && x.typ == d.typ && !alsoBetween(toks, x.first, d.first) &&
					x.ordinal == d.ordinal
			}); i >= 0 {
				all[i] = mergeInto(all[i], *d)
				continue
			}
			all = append(all, *d)
			prev = d
		}
	}
	all = merge(all)
	for i := range all {
		if all[i].loc == nil {
			all[i].loc = dateline
		}
	}
	return all
}

// alsoBetween reports a كما (بالإضافة إلى، فضلاً عن) between two code-point offsets of a sentence.
func alsoBetween(toks []tok, from, to int) bool {
	for _, t := range toks {
		if t.start > from && t.start < to && t.has("كما", "بالاضافه", "فضلا") {
			return true
		}
	}
	return false
}

// sortInput orders the mentions by position, which the coder relies on.
func sortInput(in *input) {
	slices.SortStableFunc(in.actors, func(a, b participant) int { return a.start - b.start })
	slices.SortStableFunc(in.places, func(a, b place) int { return a.start - b.start })
	slices.SortStableFunc(in.dates, func(a, b when) int { return a.start - b.start })
}

// absorb marks the triggers that are the complement of a governing trigger
// just before them in the same clause: in "دعا إلى وقف إطلاق النار" only the
// call is an event.
func absorb(toks []tok, hits []hit) []bool {
	out := make([]bool, len(hits))
	for k := 1; k < len(hits); k++ {
		g, h := hits[k-1], hits[k]
		if !g.t.flags["gov"] || g.t.typ == h.t.typ {
			continue
		}
		from, _ := clause(toks, h.first)
		if g.last >= from && h.first-g.last <= 6 {
			out[k] = true
		}
	}
	return out
}

var locPreps = map[string]bool{"في": true, "فى": true, "حول": true, "بشان": true, "لدي": true,
	"داخل": true, "قرب": true, "شمال": true, "جنوب": true, "شرق": true, "غرب": true, "وسط": true,
	"مدينه": true, "منطقه": true, "محافظه": true, "العاصمه": true, "ريف": true, "تجاه": true, "نحو": true}

var speechVerbs = map[string]bool{"قال": true, "اعلن": true, "اكد": true, "اضاف": true, "اشار": true,
	"اوضح": true, "صرح": true, "ذكر": true, "تابع": true, "راي": true, "اعتبر": true, "افاد": true,
	"قالت": true, "اعلنت": true, "اكدت": true, "اضافت": true, "اشارت": true, "اوضحت": true,
	"صرحت": true, "ذكرت": true, "تابعت": true, "رات": true, "اعتبرت": true, "افادت": true}

// build codes one trigger; nil when it is not an event.
func (c *Coder) build(in input, s span, toks []tok, hits []hit, k int, h hit, prev *draft) *draft {
	t := h.t
	d := &draft{typ: t.typ, mode: t.mode, context: t.context, cameo: t.cameo, score: t.score,
		sent: s, trigger: string(in.runes[toks[h.first].start:toks[h.last].end]),
		first: toks[h.first].start, row: t, definite: definite(toks, h),
		modality: "asserted"}
	cf, ct := clause(toks, h.first)
	d.clause = toks[cf].start
	// The trigger's region: its clause, cut at the neighbouring triggers.
	rf, rt := cf, ct
	if k > 0 && hits[k-1].last+1 > rf && hits[k-1].last < h.first {
		rf = hits[k-1].last + 1
	}
	if k+1 < len(hits) && hits[k+1].first < rt {
		rt = hits[k+1].first
	}
	// what follows a purpose or topic word is the subject matter, not a
	// party (اجتمعوا لبحث ملف اللاجئين)
	for i := h.last + 1; i < rt; i++ {
		if toks[i].has(topicWords...) {
			rt = i
			break
		}
	}
	d.parts = c.participants(in, toks, rf, rt, toks[h.last].end)
	if material[t.typ] {
		d.parts = withoutSources(in, toks, d.parts)
	}
	if len(d.parts) == 0 && t.flags["noun"] {
		// عقد X وY في موسكو، صباح الأربعاء، محادثات: the holders of the talks
		if j := lightBefore(toks, h); j >= 0 {
			_, jt := clause(toks, j)
			d.parts = c.participants(in, toks, j, jt, toks[h.last].end)
		}
	}
	if len(d.parts) == 0 && prev != nil && !t.flags["noun"] {
		// A verb without its own subject continues the sentence's previous
		// actor ("أعلنت دمشق ... متهمة الفصائل").
		d.parts = append(d.parts, prev.parts...)
	}
	if !slices.ContainsFunc(d.parts, func(p participant) bool { return !p.recip }) && !material[t.typ] {
		// reported speech: "سنعقد اجتماعاً مع المعارضة" is the speaker's act
		if sp := speaker(in, toks); len(sp) > 0 && sp[0].end <= toks[h.first].start &&
			!slices.ContainsFunc(d.parts, func(p participant) bool { return p.code == sp[0].code }) {
			d.parts = append(sp, d.parts...)
		}
	}
	d.modality = modality(toks, cf, ct, h)
	if skipped(toks, h, d.modality) {
		return nil
	}
	d.date = nearestDate(in, toks, cf, ct, h)
	expected := d.modality == "expected"
	future := d.modality == "future" || expected || (d.date != nil && d.date.future)
	if !future {
		// الجولة المقبلة؛ المحادثات التي تبدأ الخميس ستشارك فيها...
		for i := h.last + 1; i < min(len(toks), h.last+10); i++ {
			x := &toks[i]
			if x.has("المقبل", "مقبل", "المقبله", "القادم", "القادمه") || futureLight(x) {
				future = true
			}
		}
	}
	switch {
	case t.flags["meet"] && future && d.modality != "negated",
		t.flags["sign"] && future && d.modality != "negated":
		d.typ, d.modality, d.mode, d.cameo, d.score = "AGREE", "asserted", "", "036", 4.0
	case t.flags["sign"] && !signed(toks, h):
		return nil
	case t.flags["ceasefire"]:
		d.typ, d.cameo = ceasefire(toks, max(0, h.first-12), min(len(toks), h.last+6))
		if d.typ == "" {
			return nil
		}
	}
	switch d.modality {
	case "expected":
		d.modality = "hypothetical"
	case "future":
		if d.typ == "AGREE" || d.typ == "REQUEST" || d.typ == "THREATEN" {
			// promises, plans and demands are themselves asserted acts
			d.modality = "asserted"
		}
	}
	if t.flags["noun"] || t.flags["weak"] {
		d.weak = true
	}
	if t.flags["weak"] && len(d.parts) == 0 {
		return nil
	}
	d.loc = c.location(in, toks, cf, ct, h, t.mode == "visit")
	if t.flags["meet"] {
		d.ordinal = ordinal(toks, cf, ct)
	}
	d.also = slices.ContainsFunc(toks[:min(3, len(toks))], func(t tok) bool { return t.has("كما", "سياق") })
	if t.flags["noun"] && !t.flags["ceasefire"] && !eventive(toks, cf, ct, h, d) {
		return nil
	}
	return d
}

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
		if placeLike(in, toks, m) || inDateline(in, m) {
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

var recipPreps = map[string]bool{"مع": true, "الي": true, "ضد": true, "علي": true, "لدي": true}

// intro classifies the word introducing a mention: a recipient preposition,
// a coordinating و, or anything else.
func intro(in input, toks []tok, m participant) string {
	i := slices.IndexFunc(toks, func(t tok) bool { return t.end > m.start })
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
		if recipPreps[strings.TrimPrefix(w, "و")] {
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
	i := slices.IndexFunc(toks, func(t tok) bool { return t.end > m.start })
	if i < 0 {
		return false
	}
	isPlace := m.placeName || slices.ContainsFunc(in.places, func(p place) bool { return p.start < m.end && m.start < p.end })
	if i > 0 && locPreps[toks[i-1].norm] && (isPlace || toks[i-1].norm == "حول" || toks[i-1].norm == "بشان") {
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

// skipped reports triggers that name no action of their own: a material
// action as the purpose of another (لتمكين المنظمات من تقديم المساعدات), a
// meeting as a topic (بشأن المشاورات المقبلة) or a hope.
func skipped(toks []tok, h hit, modality string) bool {
	t := h.t
	if h.first > 0 && t.flags["meet"] && t.flags["noun"] &&
		toks[h.first-1].has("بشان", "حول", "حيال", "ازاء", "عن", "نتايج") {
		return true
	}
	if t.flags["meet"] && t.flags["noun"] && modality == "hypothetical" {
		return true
	}
	if material[t.typ] {
		for i := max(0, h.first-4); i < h.first; i++ {
			if toks[i].has("تمكين", "لتمكين", "بهدف", "بغرض", "لغرض", "اجل", "سعيا") {
				return true
			}
		}
	}
	return false
}

// topicWords open a purpose or topic phrase.
var topicWords = []string{"لبحث", "لمناقشه", "لتقييم", "بهدف", "بغرض", "لغرض", "اجل", "حول", "بشان", "لتنسيق", "لدراسه"}

// material marks the material types, whose reporters are not their actors.
var material = map[string]bool{"COOPERATE": true, "AID": true, "RETREAT": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true}

// sourceVerbs introduce who reports or witnessed an action (أفاد المرصد،
// شاهد مراسل).
var sourceVerbs = []string{"افاد", "افادت", "ذكر", "ذكرت", "شاهد", "وثق", "وثقت", "قال", "قالت",
	"اكد", "اكدت", "اضاف", "اضافت", "نقل", "نقلت", "اعلن", "اعلنت", "اشار", "اشارت"}

// withoutSources drops the reporters of an action from its participants
// ("أفاد المرصد بشن طائرات غارات": the planes act, the monitor reports).
func withoutSources(in input, toks []tok, parts []participant) []participant {
	var out []participant
	for _, p := range parts {
		i := slices.IndexFunc(toks, func(t tok) bool { return t.end > p.start })
		if i > 0 && toks[i].start == p.start && toks[i-1].has(sourceVerbs...) {
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
		if !speechVerbs[w] {
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

var ordinals = []string{"الاولي", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه",
	"السابعه", "الثامنه", "التاسعه", "العاشره"}

// ordinal returns the round number named in the clause (الجولة الرابعة).
func ordinal(toks []tok, from, to int) string {
	for _, t := range toks[from:to] {
		for _, o := range ordinals {
			if t.has(o) {
				return o
			}
		}
	}
	return ""
}

// ceasefire types a ceasefire mention: violated (ASSAULT), holding
// (RETREAT) or announced (CONCEDE); "" when the clause only refers to it.
func ceasefire(toks []tok, from, to int) (string, string) {
	span := toks[from:to]
	for _, c := range []struct {
		typ, cameo string
		cues       []string
	}{
		{"ASSAULT", "190", []string{"خرق", "خروقات", "انتهاك", "انتهاكات", "خرقا", "خرقت", "انتهكت"}},
		{"RETREAT", "0861", []string{"صامد", "صامده", "سريان", "يومه", "دخل", "دخلت", "حيز", "صمود", "يسري", "تسري"}},
		{"CONCEDE", "0861", []string{"اعلن", "اعلنت", "يعلن", "تعلن", "اعلان", "توصل", "توصلت", "اتفق", "اتفقت"}},
	} {
		for i := range span {
			if span[i].has(c.cues...) {
				return c.typ, c.cameo
			}
		}
	}
	return "", ""
}

// signed reports an agreement after a signature verb: وقّع (على) مذكرة;
// without one, وقع means "happened" or "fell".
func signed(toks []tok, h hit) bool {
	for _, t := range toks[h.last+1 : min(len(toks), h.last+5)] {
		if t.has("مذكره", "اتفاق", "اتفاقيه", "اتفاقا", "معاهده", "بيان", "وثيقه", "اعلان", "عقد", "عقدا", "بروتوكول", "ميثاق") {
			return true
		}
	}
	return false
}

// definite reports a trigger that names an action already told: a noun
// with the article or after a demonstrative (هذه الضربة).
func definite(toks []tok, h hit) bool {
	if !h.t.flags["noun"] && !strings.HasPrefix(toks[h.first].norm, "ال") && !strings.HasPrefix(toks[h.first].norm, "بال") {
		return false
	}
	w := strings.TrimPrefix(strings.TrimPrefix(toks[h.first].norm, "و"), "ف")
	for _, p := range []string{"ال", "بال", "لل", "كال"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return h.first > 0 && toks[h.first-1].has("هذه", "هذا", "تلك", "ذلك")
}

// lightVerbs hold or run a meeting named by a noun (عقد اجتماعا، انطلقت
// المحادثات); with them a meeting noun reports a meeting.
var lightVerbs = []string{"عقد", "عقدت", "يعقد", "تعقد", "نعقد", "نجري", "نبدا", "عقدنا", "عقدتا", "عقدا", "انعقد", "انعقدت", "المنعقده",
	"المنعقد", "اجري", "اجرت", "يجري", "تجري", "جري", "جرت", "بدا", "بدات", "يبدا", "تبدا", "بدء",
	"انطلق", "انطلقت", "تنطلق", "ينطلق", "انطلاق", "اختتم", "اختتمت", "يختتم", "تختتم", "ختام", "استانف",
	"استانفت", "شارك", "شاركت", "يشارك", "تشارك", "تستضيف", "يستضيف", "استضافت", "استضاف",
	"تتم", "تمت", "جمع", "جمعت", "افتتح", "افتتحت", "تستمر", "يستمر", "استمرت"}

// eventive reports whether a verbal noun (محادثات، اجتماع، مظاهرات) reports
// an event rather than naming one in passing: it has participants, or a
// date or round number, or a verb that holds it.
func eventive(toks []tok, cf, ct int, h hit, d *draft) bool {
	if len(d.parts) > 0 || d.date != nil || d.ordinal != "" {
		return true
	}
	for i := max(cf, h.first-3); i < min(ct, h.last+4); i++ {
		if toks[i].has(lightVerbs...) {
			return true
		}
	}
	return lightBefore(toks, h) >= 0
}

// lightBefore returns the index of a light verb up to 16 tokens before a
// meeting noun, across commas; -1 if none.
func lightBefore(toks []tok, h hit) int {
	for i := h.first - 1; i >= 0 && i >= h.first-16; i-- {
		if toks[i].norm == "." || toks[i].norm == ":" {
			break
		}
		if toks[i].has(lightVerbs...) {
			return i
		}
	}
	return -1
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

// location picks the place of the event from its sentence: a place after
// في/ب or named with the talks (محادثات أستانا), nearest the trigger, that
// is not one of the participants.
func (c *Coder) location(in input, toks []tok, cf, ct int, h hit, visit bool) *place {
	lo, hi := toks[0].start, toks[len(toks)-1].end
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
		if p.kind == "country" {
			d += 2000 // a town or venue says more than its country
		}
		if i := slices.IndexFunc(toks, func(t tok) bool { return t.end > p.start }); i > 0 &&
			toks[i].start == p.start && notVenue[toks[i-1].norm] {
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
	i := slices.IndexFunc(toks, func(t tok) bool { return t.end > p.start })
	if i < 0 {
		return false
	}
	if toks[i].start < p.start {
		pre := string(in.runes[toks[i].start:p.start])
		return strings.HasSuffix(pre, "ب") || strings.HasSuffix(pre, "في")
	}
	return i > 0 && (toks[i-1].has("في", "فى", "مدينه", "العاصمه") || toks[i-1].norm == "في")
}

// notVenue marks words after which a place is a topic or a destination,
// not where the event happened (حول سوريا، المبعوث إلى سوريا).
var notVenue = map[string]bool{"حول": true, "بشان": true, "الي": true, "عن": true, "تجاه": true, "ضد": true}

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
