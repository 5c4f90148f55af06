package events

import (
	"slices"
	"strings"
	"unicode"
)

// participant is an actor mention as the coder sees it.
type participant struct {
	start, end       int
	text, code, name string
	placeName        bool // a country or capital name, which can also be a place
	nisba            bool // a bare nisba adjective (السورية), an attribute of a noun
	people           bool // a nisba naming people (شاب فلسطيني), who may act
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
	sents  []span        // text.Sentences of the text
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
	also                bool   // the sentence adds another action (كما، وفي سياق متصل)
	definite            bool   // a definite noun (الضربة، هذه المحادثات) retelling an action
	next                bool   // named as the next one (الجولة المقبلة)
	first               int    // offset of the trigger
	clause              int    // offset of the trigger's clause
	row                 *trigger
	lead                bool // the first event of its sentence
}

// code runs the coder over one article.
func (c *Coder) code(in input) []draft {
	var all []draft
	dateline := c.dateline(in)
	st := &sentence{}
	for _, s := range in.sents {
		toks := tokenize(in.runes, s.start, s.end, &c.readings)
		hits := c.lex.find(toks)
		if st.prev != nil {
			st.last = st.prev
		}
		st.span, st.toks, st.hits, st.prev = s, toks, hits, nil
		st.absorbed, st.lends = absorb(in, toks, hits)
		for k := range hits {
			st.absorbed[k] = st.absorbed[k] || subordinate(in, toks, hits, k)
			if j := prepared(toks, hits[k]); j >= 0 && k > 0 && hits[k-1].first <= j && j <= hits[k-1].last {
				// الاستعداد للقاء: the meeting, not the readiness, is the event
				st.absorbed[k-1], st.absorbed[k] = true, false
			}
		}
		for k, h := range hits {
			if st.absorbed[k] {
				continue
			}
			d := c.build(in, st, k)
			if d == nil {
				continue
			}
			d.lead = st.prev == nil
			if h.t.flags["adopt"] && slices.ContainsFunc(hits[k+1:], func(x hit) bool { return x.t.typ == "REQUEST" }) {
				st.prev = d // the body that adopts is the one that demands
				continue
			}
			// One action per type in a sentence: several triggers of the same
			// type (شنت ... هجوما ... الضربة) tell the same event, unless كما
			// adds another.
			if i := sameSentence(all, d, toks); i >= 0 {
				all[i] = mergeInto(all[i], *d)
				continue
			}
			all = append(all, *d)
			st.prev = d
		}
		st.quoted = quoteSpeaker(in, toks, st.quoted)
	}
	all = merge(all)
	focus := focusPlace(in)
	for i := range all {
		if all[i].loc == nil && dateline != nil && (fromCountry(all[i].parts, dateline.country) || all[i].typ == "CONSULT" && all[i].mode != "phone") {
			// a meeting told under a dateline met there (أستانا - وعقد
			// رئيس الوفد الروسي لقاء مع...)
			all[i].loc = dateline
		}
		if all[i].loc == nil && focus != nil && fromCountry(all[i].parts, focus.country) {
			all[i].loc = focus
		}
	}
	return all
}

// sameSentence returns the index of the earlier event of d's sentence that
// d retells, or -1.
func sameSentence(all []draft, d *draft, toks []tok) int {
	for i := len(all) - 1; i >= 0 && all[i].sent == d.sent; i-- {
		x := &all[i]
		if x.typ == d.typ && x.ordinal == d.ordinal && !alsoBetween(toks, x.first, d.first) {
			return i
		}
	}
	return -1
}

// alsoBetween reports a كما (بالإضافة إلى، فضلاً عن) between two code-point
// offsets of a sentence.
func alsoBetween(toks []tok, from, to int) bool {
	for _, t := range toks {
		if t.start > from && t.start < to && t.has(cues["also"]...) {
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
// before them in the same clause: in "دعا إلى وقف إطلاق النار" only the
// call is an event. lends marks the complements close enough to the
// governor (six words) to lend it their parties.
func absorb(in input, toks []tok, hits []hit) (out, lends []bool) {
	out, lends = make([]bool, len(hits)), make([]bool, len(hits))
	for k := 1; k < len(hits); k++ {
		g, h := hits[k-1], hits[k]
		if from, _ := clause(toks, h.first); g.t.typ == h.t.typ && g.last >= from && strings.HasPrefix(toks[h.first].norm, "ل") && prepared(toks, h) < 0 {
			out[k], lends[k] = true, true // اجتمعوا لبحث...: the purpose of the meeting
			continue
		}
		if from, _ := clause(toks, h.first); g.t.flags["meet"] && h.t.flags["meet"] && g.last >= from &&
			h.first-g.last <= 3 && toks[h.first-1].norm == "من" {
			out[k], lends[k] = true, true // الجولة المقبلة من المحادثات: one meeting
			continue
		}
		if !g.t.flags["gov"] || g.t.typ == h.t.typ {
			continue
		}
		from, _ := clause(toks, h.first)
		if g.last >= from && words(in, toks, g.last+1, h.first) <= 5 {
			out[k], lends[k] = true, true
		} else if g.last >= from && inComplement(toks, g, h) {
			out[k] = true
		}
	}
	// a governed trigger governs in turn what follows it in its clause
	for k := 1; k < len(hits); k++ {
		if out[k-1] && hits[k-1].t.flags["gov"] {
			if from, _ := clause(toks, hits[k].first); hits[k-1].last >= from && inComplement(toks, hits[k-1], hits[k]) {
				out[k] = true
			}
		}
	}
	return out, lends
}

// words counts the tokens in [from, to) after the actor mention that may
// open it: a long title and name, the subject between a verb and its
// object, stand for one word.
func words(in input, toks []tok, from, to int) int {
	i := from
	for i < to && slices.ContainsFunc(in.actors, func(m participant) bool { return m.start <= toks[i].start && toks[i].end <= m.end }) {
		i++
	}
	return to - i + min(1, i-from)
}

// inComplement reports a trigger h inside the prepositional complement of
// the governing trigger g: a ب/ل/إلى complement opens between them or at h
// (اتهم رئيس الوفد قوات النظام بخرق الهدنة؛ دعا الأطراف إلى احترام
// القانون وتسهيل وصول المساعدات؛ رحب بانعقاد الجولة).
func inComplement(toks []tok, g, h hit) bool {
	for i := g.last + 1; i < h.first; i++ {
		if isCue("relative", toks[i].norm) {
			return false // اعتراضه على بيان المعارضة الذي طالبت فيه: a clause of its own
		}
	}
	if cliticPrefix(toks[h.first], h.t, "ب", "ل") {
		return true
	}
	for i := g.last + 1; i < h.first; i++ {
		t := toks[i]
		w := strings.TrimPrefix(t.norm, "و")
		if isCue("complement-prep", w) || (strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل")) && t.has(cues["complement-noun"]...) {
			return true
		}
	}
	return false
}

// cliticPrefix reports a trigger token that carries one of the proclitics
// ps before the trigger's own first word (بالرد، للمطالبة; not لقاء).
func cliticPrefix(t tok, tr *trigger, ps ...string) bool {
	w := strings.TrimPrefix(strings.TrimPrefix(t.norm, "و"), "ف")
	for _, p := range ps {
		if strings.HasPrefix(w, p) && !strings.HasPrefix(tr.words[0], p) {
			return true
		}
	}
	return false
}

// sentence is the context in which the triggers of one sentence are coded.
type sentence struct {
	span
	toks     []tok
	hits     []hit
	absorbed []bool        // complements of governing triggers, purposes
	lends    []bool        // absorbed complements whose parties go to their governor
	prev     *draft        // the sentence's previous event
	last     *draft        // the previous sentence's last event
	quoted   []participant // speaker of a quotation open before the sentence
}

// build codes the k-th trigger of sentence st; nil when it is not an event.
func (c *Coder) build(in input, st *sentence, k int) *draft {
	s, toks, hits, lends, prev, last := st.span, st.toks, st.hits, st.lends, st.prev, st.last
	h := hits[k]
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
	// reported speech: "قال لافروف إن السراج وقع": the reported clause
	// has its own subject; the speaker acts only when none is named there
	for i := h.first - 1; i > rf; i-- {
		if isCue("complementizer", toks[i].norm) {
			if slices.ContainsFunc(in.actors, func(m participant) bool { return m.start >= toks[i].end && m.end <= toks[h.first].start }) {
				rf = i + 1
			}
			break
		}
	}
	// a complement (مستعدة لمواصلة المشاورات بين الحكومة والمعارضة) lends
	// its parties to its governor
	next := k + 1
	// and a purpose of the same kind lends its parties too (يزور صنعاء
	// لإجراء محادثات مع قادة الحوثيين)
	for next < len(hits) && (lends[next] || st.absorbed[next] && hits[next].t.typ == t.typ) {
		next++
	}
	if next < len(hits) && hits[next].first < rt {
		rt = hits[next].first
	}
	// a coordinated prepositional phrase after a comma continues the clause
	// (مباحثات مع ممثلي الحكومة، ومع المعارضة)
	for rt == ct && rt+1 < len(toks) && toks[rt].punct && toks[rt+1].has(cues["coordinated-prep"]...) &&
		strings.HasPrefix(toks[rt+1].norm, "و") {
		_, ct2 := clause(toks, rt+1)
		rt, ct = ct2, ct2
	}
	// what follows a purpose or topic word is the subject matter, not a
	// party (اجتمعوا لبحث ملف اللاجئين)
	for i := h.last + 1; i < rt; i++ {
		if toks[i].has(cues["topic"]...) {
			rt = i
			break
		}
	}
	prep := prepared(toks, h)
	if prep >= 0 {
		// all who work on the preparation, across the commas of their list
		rf = preparers(toks, prep)
	}
	d.parts = c.participants(in, toks, rf, rt, toks[h.last].end)
	if len(d.parts) == 0 && t.flags["noun"] {
		// عقد X وY في موسكو، صباح الأربعاء، محادثات: the holders of the talks
		if j := lightBefore(toks, h); j >= 0 {
			_, jt := clause(toks, j)
			d.parts = c.participants(in, toks, j, jt, toks[h.last].end)
		}
	}
	// a verb coordinated with the sentence's previous one shares its subject
	// (ورحبت الأمم المتحدة بالإعلان، ودعت الأطراف...)
	coordinated := prev != nil && h.first == cf && !t.flags["noun"] && strings.HasPrefix(toks[h.first].norm, "و") &&
		!slices.ContainsFunc(d.parts, func(p participant) bool { return p.start < toks[h.first].start })
	if t.flags["weak"] && len(d.parts) == 0 && !coordinated {
		return nil
	}
	if t.flags["weak"] && t.flags["meet"] && !slices.ContainsFunc(d.parts, func(p participant) bool { return !strings.HasSuffix(p.code, "CVL") }) {
		return nil // يصل المواطنون المفرج عنهم: a journey, not a visit
	}
	if coordinated || dropped(in, toks, h, d.parts) {
		// A verb without its own subject continues the previous actor:
		// "أعلنت دمشق ... متهمة الفصائل"; "واشترطت" after a sentence on دمشق.
		from := prev
		if m := mainSubject(in, toks, h); m != nil && (from == nil || coordinated) {
			// without an earlier event, or for a coordinated verb, the
			// subject of the sentence's first verb ("أقر الوزير بالأخطاء،
			// وتعهد"), not an actor named in a quote or a complement on the
			// way ("انتقد X الصفقة، معتبراً أنها "تشجع طهران على..."، وطالب");
			// a participle goes on with the nearest verb's (إعلان دمشق...، متهمة)
			from = &draft{parts: []participant{*m}}
		}
		if from == nil && speaker(in, toks) == nil && st.quoted == nil {
			from = last
		}
		if from != nil {
			d.parts = append(subjects(from, d.parts), d.parts...)
		}
	}
	if len(d.parts) == 0 && prev != nil && !t.flags["noun"] {
		// "اعتمد مجلس الأمن قراراً يطالب...": the sentence's actor goes on
		d.parts = subjects(prev, nil)
	}
	if !slices.ContainsFunc(d.parts, func(p participant) bool { return !p.recip }) {
		if m := antecedent(in, toks, h); m != nil {
			d.parts = append([]participant{*m}, d.parts...)
		}
	}
	if len(d.parts) == 0 && t.flags["meet"] {
		d.parts = participation(c, in, toks, hits, k)
	}
	roles(in, toks, h, d.parts)
	if verbal[t.typ] && transitive[t.typ] && !slices.ContainsFunc(d.parts, func(p participant) bool { return p.recip }) {
		if m := objectNisba(in, toks, h, rt); m != nil {
			m.recip = true
			d.parts = append(d.parts, *m)
		}
	}
	if t.mode == "visit" {
		// يزور الرئيس الفرنسي بغداد: the visited country is the host
		for i := range d.parts {
			if i > 0 && d.parts[i].placeName && d.parts[i].start > toks[h.last].start {
				d.parts[i].recip = true
			}
		}
	}
	if material[t.typ] && !t.flags["claim"] {
		d.parts = withoutSources(in, toks, h, d.parts)
	}
	if !slices.ContainsFunc(d.parts, func(p participant) bool { return !p.recip }) && !material[t.typ] {
		// reported speech: "سنعقد اجتماعاً مع المعارضة" is the speaker's act
		sp := speaker(in, toks)
		if len(sp) > 0 && sp[0].end > toks[h.first].start {
			sp = nil
		}
		if sp == nil {
			sp = st.quoted // a quote begun in an earlier sentence
		}
		if len(sp) > 0 && !slices.ContainsFunc(d.parts, func(p participant) bool { return p.code == sp[0].code }) {
			d.parts = append(sp[:1:1], d.parts...)
		}
	}
	d.modality = modality(toks, cf, ct, h)
	if skipped(toks, h, d.modality) {
		return nil
	}
	d.date = nearestDate(in, toks, cf, ct, h)
	expected := d.modality == "expected"
	future := d.modality == "future" || expected || (d.date != nil && d.date.future) || prep >= 0
	if !future {
		// الجولة المقبلة؛ المحادثات التي تبدأ الخميس ستشارك فيها...
		for i := h.last + 1; i < min(len(toks), h.last+10); i++ {
			x := &toks[i]
			if x.has(cues["future-after"]...) || futureLight(x) {
				future = true
			}
		}
	}
	switch {
	case t.flags["meet"] && future && d.modality != "negated",
		t.flags["sign"] && future && d.modality != "negated":
		d.typ, d.modality, d.mode, d.cameo, d.score = "AGREE", "asserted", "", "036", 4.0
	case t.flags["sign"] && !signed(toks, h, 14, true),
		t.flags["adopt"] && !signed(toks, h, 16, false):
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
	if d.date != nil && d.date.future && d.typ != "AGREE" && d.modality == "asserted" &&
		(d.date.start < toks[cf].start || d.date.end > toks[ct-1].end) {
		d.date = nil // رحب بالجولة، وقال: «...الشهر المقبل»: another event's date
	}
	d.next = h.last+1 < len(toks) && toks[h.last+1].has(cues["future-after"]...)
	d.loc = c.location(in, toks, cf, ct, h, t.mode == "visit")
	if d.mode == "" {
		d.mode = c.modeFrom(d.typ, toks[cf:ct])
	}
	if t.flags["meet"] {
		d.ordinal = ordinal(toks, cf, ct, h)
	}
	d.also = slices.ContainsFunc(toks[:min(3, len(toks))], func(t tok) bool { return t.has(cues["also-start"]...) })
	if t.flags["noun"] && !t.flags["ceasefire"] && !eventive(toks, cf, ct, h, d) {
		return nil
	}
	return d
}

// participation returns the parties named by بمشاركة/بحضور later in the
// sentence of a meeting (اختتمت الجولة السادسة من المحادثات حول سوريا،
// بمشاركة وفد الحكومة ووفد المعارضة), up to the next trigger of another type.
func participation(c *Coder, in input, toks []tok, hits []hit, k int) []participant {
	h := hits[k]
	end := len(toks)
	for _, x := range hits[k+1:] {
		if x.t.typ != h.t.typ {
			end = x.first
			break
		}
	}
	for i := h.last + 1; i < end; i++ {
		if toks[i].has(cues["participation"]...) {
			_, ct := clause(toks, i)
			// بمشاركة X، إلى جانب Y: the list goes on after the comma
			for ct+2 < min(len(toks), end) && toks[ct].punct && toks[ct+1].norm == "الي" && toks[ct+2].has("جانب") {
				_, ct = clause(toks, ct+1)
			}
			return c.participants(in, toks, i+1, min(ct, end), toks[i].end)
		}
	}
	return nil
}

// subjects returns the actors (not recipients) of event from that are not
// among parts.
func subjects(from *draft, parts []participant) []participant {
	var out []participant
	for _, p := range from.parts {
		if !p.recip && !slices.ContainsFunc(parts, func(q participant) bool { return q.code == p.code }) {
			out = append(out, p)
		}
	}
	return out
}

// skipped reports triggers that name no action of their own: a material
// action as the purpose of another (لتمكين المنظمات من تقديم المساعدات), a
// meeting as a topic (بشأن المشاورات المقبلة) or a hope.
func skipped(toks []tok, h hit, modality string) bool {
	t := h.t
	if h.first > 0 && t.flags["meet"] && t.flags["noun"] &&
		toks[h.first-1].has(cues["topic-before"]...) {
		return true
	}
	if t.flags["meet"] && t.flags["noun"] && modality == "hypothetical" {
		return true
	}
	if material[t.typ] {
		for i := max(0, h.first-8); i < h.first; i++ {
			if toks[i].has(cues["purpose"]...) {
				return true
			}
		}
	}
	if h.first > 0 && toks[h.first-1].has(cues["polarity"]...) && (modality != "negated" || verbal[t.typ]) {
		// بالرد على أي هجوم: any attack, not one that happened; لم يتلق
		// أي طلب: no request was made
		return true
	}
	return false
}

// subordinate reports a trigger that is part of another action of its
// sentence (CODING.md: one reported action) rather than an action of its
// own: the purpose or manner of an earlier event (تظاهروا رفضاً لـ،
// للمطالبة بـ), the object of a light purpose noun (لاستئناف المفاوضات),
// or a verb describing an indefinite thing (لافتات تطالب بـ، اتفاق يسمح).
func subordinate(in input, toks []tok, hits []hit, k int) bool {
	h := hits[k]
	t, w := toks[h.first], h.t
	bare := !strings.HasPrefix(t.norm, "و") && !strings.HasPrefix(t.norm, "ف")
	if prepared(toks, h) >= 0 {
		return false // تمهيداً لقمة: a meeting announced, not a purpose
	}
	if k > 0 && bare && (isCue("purpose-accusative", t.norm) || cliticPrefix(t, w, "ل")) {
		// an accusative verbal noun of purpose (رفضاً، احتجاجاً، تنديداً)
		// or one with ل (للمطالبة، لتبادل الأسرى) after another event
		// gives that event's purpose
		return true
	}
	if w.flags["noun"] && h.first > 0 && strings.HasPrefix(toks[h.first-1].norm, "ل") && toks[h.first-1].has(cues["purpose-noun"]...) {
		return true // تمهيداً لاستئناف المفاوضات: a meeting hoped for
	}
	if h.first == 0 || w.flags["noun"] || !bare || t.norm == "" || !strings.ContainsRune("يت", []rune(t.norm)[0]) {
		return false
	}
	p := toks[h.first-1]
	if p.punct || p.norm == "" || strings.HasPrefix(p.norm, "ال") || isCue("not-antecedent", p.norm) || p.has(cues["texts"]...) || p.has(cues["light"]...) ||
		unicode.IsDigit([]rune(p.norm)[0]) || slices.ContainsFunc(in.actors, func(m participant) bool { return m.start < p.end && p.start < m.end }) {
		return false
	}
	return true
}

// modeFrom returns the mode that a cue word of the clause gives an event of
// type typ (قتل برصاص: firearms), or "".
func (c *Coder) modeFrom(typ string, clause []tok) string {
	for _, m := range c.modes {
		if m.typ != typ {
			continue
		}
		for i := range clause {
			if clause[i].has(m.words...) {
				return m.mode
			}
		}
	}
	return ""
}

// ordinal returns the round number named in the clause of meeting h
// (الجولة الرابعة), or by a masculine ordinal just after it (اللقاء الدولي
// السادس), in its feminine form.
func ordinal(toks []tok, from, to int, h hit) string {
	for _, t := range toks[from:to] {
		for _, o := range cues["ordinal"] {
			if t.has(o) {
				return o
			}
		}
	}
	for i := h.last + 1; i < min(to, h.last+4) && !toks[i].punct; i++ {
		if toks[i-1].has(cues["month-head"]...) {
			continue
		}
		for n, o := range cues["ordinal-masc"] {
			if toks[i].has(o) {
				return cues["ordinal"][n]
			}
		}
	}
	return ""
}

// prepared returns the index of the preparation noun that governs meeting
// h (التحضير للقاء، الاستعدادات لعقد الجولة، تمهيداً لقمة): a meeting being
// prepared is announced, AGREE (CODING.md). -1 if none.
func prepared(toks []tok, h hit) int {
	if !h.t.flags["meet"] || !h.t.flags["noun"] {
		return -1
	}
	i := h.first
	if i > 0 && toks[i-1].has(cues["prepare-hold"]...) {
		i-- // لعقد الجولة
	}
	if i == 0 || !strings.HasPrefix(strings.TrimPrefix(toks[i].norm, "و"), "ل") || !toks[i-1].has(cues["prepare"]...) {
		return -1
	}
	return i - 1
}

// preparers returns the first token of the phrase naming who works on a
// preparation noun at token p: back to the start of the sentence, of its
// reported clause (أعلنت الوزارة أن، قال: "...) or of a clause joined by
// فيما/بينما, so that a subject and all joined to it by مع and و, across
// the commas and brackets of their lists, take part.
func preparers(toks []tok, p int) int {
	for i := p - 1; i >= 0; i-- {
		t := toks[i]
		switch {
		case t.punct && strings.ContainsAny(t.norm, ":\"«»"):
			return i + 1
		case isCue("complementizer", t.norm), isCue("also", strings.TrimPrefix(t.norm, "و")):
			return i + 1
		}
	}
	return 0
}

// ceasefire types a ceasefire mention: violated (ASSAULT), holding
// (RETREAT) or announced (CONCEDE); "" when the clause only refers to it.
func ceasefire(toks []tok, from, to int) (string, string) {
	span := toks[from:to]
	for i := range span {
		if span[i].has(cues["ceasefire-violated"]...) && (strings.HasPrefix(strings.TrimPrefix(span[i].norm, "و"), "ب") || i > 0 && span[i-1].norm == "من") {
			// لن تسمح بانهيار الهدنة، حذر من انهيار: a violation named as the
			// object of another verb, not one reported
			return "", ""
		}
	}
	for _, c := range []struct {
		typ, cameo string
		cues       []string
	}{
		{"ASSAULT", "190", cues["ceasefire-violated"]},
		{"RETREAT", "0861", cues["ceasefire-holding"]},
		{"CONCEDE", "0861", cues["ceasefire-announced"]},
	} {
		for i := range span {
			if span[i].has(c.cues...) {
				return c.typ, c.cameo
			}
		}
	}
	return "", ""
}

// signed reports a text within n words after a signature or adoption verb:
// وقّع (على) مذكرة، اعتمد المجلس قراراً. Without one, وقع means "happened"
// and اعتمد على "relied on". A signature's text is in its clause (inClause),
// after a subject that may be a list: ووقعت روسيا وتركيا وإيران على مذكرة.
func signed(toks []tok, h hit, n int, inClause bool) bool {
	for _, t := range toks[h.last+1 : min(len(toks), h.last+1+n)] {
		if inClause && boundary(t) {
			return false
		}
		if t.has(cues["texts"]...) {
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
	return h.first > 0 && toks[h.first-1].has(cues["demonstrative"]...)
}

// eventive reports whether a verbal noun (محادثات، اجتماع، مظاهرات) reports
// an event rather than naming one in passing: it has participants, a date,
// a round number or a town, or a verb that holds it.
func eventive(toks []tok, cf, ct int, h hit, d *draft) bool {
	if len(d.parts) > 0 || d.date != nil || d.ordinal != "" || (d.loc != nil && d.loc.kind != "country") {
		return true
	}
	for i := max(cf, h.first-3); i < min(ct, h.last+4); i++ {
		if toks[i].has(cues["light"]...) {
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
		if toks[i].has(cues["light"]...) {
			return i
		}
	}
	return -1
}

// antecedent returns the actor a relative pronoun before trigger h takes up
// (بحسب الأمم المتحدة، التي دعت الأطراف): the mention ending just before
// the pronoun, across a comma. Nil if none.
func antecedent(in input, toks []tok, h hit) *participant {
	r := h.first - 1
	if r < 1 || !isCue("relative", toks[r].norm) {
		return nil
	}
	end := toks[r-1]
	if end.punct && r >= 2 {
		end = toks[r-2]
	}
	for i := range in.actors {
		if m := &in.actors[i]; m.end == end.end && !m.nisba {
			return m
		}
	}
	return nil
}

// objectNisba returns the nisba that qualifies the object of a verbal act
// (رفضت الوزارة الانتقادات الأمريكية، أدان الهجوم الإسرائيلي): its
// country is the one acted on. The object is a definite noun without a
// preposition, after the trigger and before token rt. Nil if none.
func objectNisba(in input, toks []tok, h hit, rt int) *participant {
	for i := range in.actors {
		m := in.actors[i]
		if m.start < toks[h.last].end {
			continue
		}
		if rt >= len(toks) || m.start >= toks[rt-1].end {
			break
		}
		if !m.nisba {
			continue
		}
		j := tokAt(toks, m.start)
		if j < 1 || toks[j].start != m.start {
			return nil
		}
		n := toks[j-1]
		if n.punct || !strings.HasPrefix(n.norm, "ال") || n.has(cues["parties"]...) ||
			slices.ContainsFunc(toks[h.last+1:j], func(t tok) bool { return isCue("relative", t.norm) }) ||
			slices.ContainsFunc(in.actors, func(a participant) bool { return a.start <= n.start && n.end <= a.end }) {
			return nil
		}
		return &m
	}
	return nil
}
