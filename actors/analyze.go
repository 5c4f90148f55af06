package actors

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masar-project/masar/geo"
	"github.com/masar-project/masar/lexicon"
	"github.com/masar-project/masar/text"
)

// Doc is the actor analysis of one text.
type Doc struct {
	d        *Dictionary
	on       time.Time
	focus    string
	mentions []Mention
	named    []named
	first    map[*person]int // where each person was first named
	places   []geo.Mention   // the gazetteer's places, found once for all users
	confs    []confAt        // the conferences the text names, in text order
}

// confAt is a conference named at a code-point offset.
type confAt struct {
	start int
	it    *item
}

// corefWindow is how many of the last persons named a title may refer to.
const corefWindow = 64

// named is a person the text named, for coreference.
type named struct {
	p     *person
	start int
}

// analyzer holds the state of one pass over a text.
type analyzer struct {
	d      *Dictionary
	s      string
	runes  []rune
	toks   []text.Token
	ms     []lexicon.Match[*item]
	places map[int]geo.Place // by index of the place's first token
	found  []geo.Mention     // the gazetteer's mentions, in text order
	on     time.Time
	focus  string
	out    []Mention
	confs  []confAt
	prior  []Mention // mentions before the analysed phrase (Resolve)
	named  []named
	seen   map[*person]bool // persons in named, for constant-time look-up
	// Resolve: the article's first naming of each person, and the phrase's
	// offset, so only names before the phrase count.
	first map[*person]int
	at    int
}

// Analyze finds every actor mention of s, in order, longest match first, with
// article-level coreference: a later title (المندوب الروسي، الوزير) or a short
// name (لافروف after سيرغي لافروف) resolves to the person already named, and a
// title alone resolves to its holder on date on (zero: the latest holder). A
// group phrase (الدول الضامنة) yields one Mention per member, all with the
// phrase's span. Bare sector words (الحكومة، المعارضة، النظام) take the
// article's focus country: the one it names most, but Syria whenever named at
// least a third as often; "النظام" only when that is Syria.
func (d *Dictionary) Analyze(s string, on time.Time) *Doc {
	return d.AnalyzeTokens(s, text.Tokenize(s), on)
}

// AnalyzeTokens is Analyze for a caller that already has text.Tokenize(s), so
// that the pipeline tokenises an article once.
func (d *Dictionary) AnalyzeTokens(s string, toks []text.Token, on time.Time) *Doc {
	a := d.newAnalyzer(s, toks, on)
	a.focus = a.computeFocus()
	a.run()
	first := make(map[*person]int, len(a.named))
	for _, n := range a.named {
		if _, ok := first[n.p]; !ok {
			first[n.p] = n.start
		}
	}
	places := a.found
	if len(a.ms) == 0 {
		places = d.geo.FindTokens(s, toks)
	}
	return &Doc{d: d, on: on, focus: a.focus, mentions: a.out, named: a.named, first: first, places: places, confs: a.confs}
}

func (d *Dictionary) newAnalyzer(s string, toks []text.Token, on time.Time) *analyzer {
	a := &analyzer{d: d, s: s, toks: toks, ms: d.m.Find(toks), on: on}
	if len(a.ms) == 0 {
		return a
	}
	a.found = d.geo.FindTokens(s, toks)
	for _, pm := range a.found {
		if a.places == nil {
			a.places = map[int]geo.Place{}
		}
		// The token holding the mention's start (after any proclitic).
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > pm.Start })
		a.places[i] = pm.Place
	}
	return a
}

// Places returns the gazetteer's place mentions of the text in text order,
// as the dictionary's gazetteer finds them (geo.Gazetteer.Find), so that
// callers need not search the text again.
func (doc *Doc) Places() []geo.Mention { return doc.places }

// Mentions returns every mention in text order.
func (doc *Doc) Mentions() []Mention { return doc.mentions }

// In returns the mentions inside [start, end).
func (doc *Doc) In(start, end int) []Mention {
	var out []Mention
	i := sort.Search(len(doc.mentions), func(i int) bool { return doc.mentions[i].Start >= start })
	for _, m := range doc.mentions[i:] {
		if m.Start >= end {
			break
		}
		if m.End <= end {
			out = append(out, m)
		}
	}
	return out
}

// Focus returns the ISO3 code of the country bare sector words refer to (see
// Analyze), or "".
func (doc *Doc) Focus() string { return doc.focus }

// Resolve codes a phrase found in the text at offset at, such as a quote's
// speaker, using what the text named before at: a title or short name
// resolves to the person named earlier. It returns the phrase's most specific
// mention (a person if any), with offsets shifted by at.
func (doc *Doc) Resolve(phrase string, at int) (Mention, bool) {
	a := doc.d.newAnalyzer(phrase, text.Tokenize(phrase), doc.on)
	a.focus = doc.focus
	// Both lists are in text order: the prefixes before at are what the
	// reader has seen. The capacity limit makes appends copy, not overwrite.
	k := sort.Search(len(doc.named), func(i int) bool { return doc.named[i].start >= at })
	a.named = doc.named[:k:k]
	k = sort.Search(len(doc.mentions), func(i int) bool { return doc.mentions[i].Start >= at })
	a.prior = doc.mentions[:k:k]
	a.first, a.at = doc.first, at
	a.run()
	if len(a.out) == 0 {
		return doc.conference(a, at)
	}
	best := a.out[0]
	for _, m := range a.out {
		if m.Kind == Person {
			best = m
			break
		}
	}
	best.Start += at
	best.End += at
	return best, true
}

// conference resolves a phrase that names no actor but speaks for a
// conference: its participants (المشاركون، مشاركو المؤتمر) or its final
// statement (البيان الختامي). The conference is the one the phrase names,
// else the nearest the article named before at, else the first after it.
func (doc *Doc) conference(a *analyzer, at int) (Mention, bool) {
	var c *confAt
	switch {
	case len(a.confs) > 0:
		c = &a.confs[0]
	case speaksForConference(a.toks) && len(doc.confs) > 0:
		k := sort.Search(len(doc.confs), func(i int) bool { return doc.confs[i].start >= at })
		c = &doc.confs[max(k-1, 0)]
	default:
		return Mention{}, false
	}
	code := c.it.code
	if sec, ok := strings.CutPrefix(code, "@"); ok {
		if doc.focus == "" {
			return Mention{}, false
		}
		code = doc.focus + sec
	}
	if code == "-" {
		return Mention{}, false
	}
	return Mention{Text: a.s, Start: at, End: at + utf8.RuneCountInString(a.s), Code: code, Name: c.it.name, Kind: Conference}, true
}

// speaksForConference reports whether a phrase names a conference's
// participants or its final statement.
func speaksForConference(toks []text.Token) bool {
	for _, t := range toks {
		switch t.Stem {
		case "مشارك", "مشاركون", "مشاركين", "مشاركو", "مشاركي", "موتمرون", "موتمرين", "موتمر", "ختامي", "ختاميه":
			return true
		}
	}
	return false
}

func (a *analyzer) run() {
	for k := 0; k < len(a.ms); {
		k = a.step(k)
	}
}

// step handles the match at k and returns the index of the next unhandled one.
func (a *analyzer) step(k int) int {
	m := a.ms[k]
	it := a.best(m)
	if it == nil {
		return k + 1
	}
	switch it.kind {
	case Title:
		return a.title(k, it)
	case Sector:
		return a.sector(k, it)
	case Person:
		a.emitPerson(m.Start, m.End, it.person)
	case Group:
		if it.group.last > 0 && k+1 < len(a.ms) && a.ms[k+1].First == m.Last {
			if x := a.best(a.ms[k+1]); x != nil && (x.kind == Nisba || x.kind == Country) {
				// الجانبين الروسي والتركي: the members are named next.
				break
			}
		}
		a.group(m, it.group)
	case Conference:
		// a venue, not an actor: Resolve codes its participants
		a.confs = append(a.confs, confAt{start: m.Start, it: it})
	case Org:
		a.emit(m.Start, m.End, it.code, it.name, Org)
		if strings.HasSuffix(it.code, "MIL") && !strings.HasPrefix(it.code, "IGO") {
			// قوات النظام وروسيا: the conjoined country's forces.
			return a.shareSector(k+1, "MIL")
		}
	case Country, Capital:
		if !a.locative(m) {
			a.emit(m.Start, m.End, it.code+"GOV", it.name, it.kind)
		}
	case Nisba:
		if a.counted(m) || a.people(m) {
			// عشرة فلسطينيين، آلاف السوريين، شابين فلسطينيين: people, not their state.
			a.emit(m.Start, m.End, it.code+"CVL", it.name, Nisba)
			break
		}
		a.emit(m.Start, m.End, it.code+"GOV", it.name, Nisba)
	}
	return k + 1
}

// kindRank orders the readings of an ambiguous phrase: the most specific wins.
var kindRank = [...]int{Person: 0, Title: 1, Org: 2, Conference: 2, Group: 3, Sector: 4, Country: 5, Nisba: 6, Capital: 7}

// best picks the reading of a match; a short name counts only once its person
// was named.
func (a *analyzer) best(m lexicon.Match[*item]) *item {
	var best *item
	for _, it := range m.Values {
		if it.short && !a.wasNamed(it.person) {
			continue
		}
		if best == nil || kindRank[it.kind] < kindRank[best.kind] {
			best = it
		}
	}
	return best
}

func (a *analyzer) wasNamed(p *person) bool {
	if a.seen[p] {
		return true
	}
	start, ok := a.first[p]
	return ok && start < a.at
}

func (a *analyzer) text(start, end int) string {
	if a.runes == nil {
		a.runes = []rune(a.s)
	}
	return string(a.runes[start:end])
}

func (a *analyzer) emit(start, end int, code, name string, k Kind) {
	a.out = append(a.out, Mention{Text: a.text(start, end), Start: start, End: end, Code: code, Name: name, Kind: k})
}

func (a *analyzer) emitPerson(start, end int, p *person) {
	a.emit(start, end, p.codeAt(a.on), p.name, Person)
	a.named = append(a.named, named{p: p, start: start})
	if a.seen == nil {
		a.seen = map[*person]bool{}
	}
	a.seen[p] = true
}

// word returns the normalised form of token i.
func (a *analyzer) word(i int) string {
	t := a.toks[i]
	if t.Norm != "" {
		return t.Norm
	}
	return text.NormalizeString(t.Text)
}

// gap returns the normalised words of tokens [from, to), or ok=false when
// there are more than max of them.
func (a *analyzer) gap(from, to, max int) ([]string, bool) {
	if to-from > max {
		return nil, false
	}
	var ws []string
	for i := from; i < to; i++ {
		ws = append(ws, a.word(i))
	}
	return ws, true
}

var (
	// titleFill may stand between a title's parts: مندوب روسيا الدائم لدى الأمم المتحدة.
	titleFill = keySet("الدائم", "الدائمة", "الخاص", "الخاصة", "لدى", "في", "إلى", "الجديد", "السابق", "الحالي", "لشؤون", "بشأن", "حول")
	// placeSectors are the sectors a place names the country of (المدنيين في
	// إدلب); a delegation "in Geneva" is not Swiss.
	placeSectors = map[string]bool{"CVL": true, "REF": true, "REB": true, "MIL": true, "COP": true}
	// quantities before a plural nisba count people.
	quantities = keySet("عشرات", "مئات", "آلاف", "ملايين", "عشرة", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "بضعة", "عدد", "عددا", "ألف", "مليون")
	// persons: nouns for private people, whose nisba is their nationality.
	persons = keySet("شاب", "شابا", "شابين", "شبان", "طفل", "طفلا", "أطفال", "طفلين", "امرأة", "نساء", "رجل", "رجلا", "رجال", "مواطن", "مواطنا", "مواطنين", "مواطنون", "فتى", "فتاة", "ناشط", "ناشطا", "ناشطين", "أسير", "أسرى", "معتقل", "معتقلين", "صياد", "صيادين", "مزارع", "مزارعين", "عامل", "طالب", "طالبا", "طلاب", "سائح", "سياح", "مدني", "مدنيا", "صحفي", "صحفيا", "صحفيين", "شخص", "شخصا", "أشخاص")
	// locatives before a country or capital make it a place (or part of a
	// place's name: مطار دمشق), not an actor.
	locatives = keySet("في", "داخل", "أنحاء", "جنوب", "شمال", "شرق", "غرب", "وسط", "عاصمة", "العاصمة", "قرب", "محيط", "أطراف", "مشارف", "ضواحي", "شوارع", "مطار", "ميناء", "جامعة", "ريف", "نحو")
)

func keySet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[text.NormalizeString(w)] = true
	}
	return m
}

func allIn(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if !set[w] {
			return false
		}
	}
	return true
}

func has(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// counted reports whether a number or a quantity word precedes m.
func (a *analyzer) counted(m lexicon.Match[*item]) bool {
	if m.First == 0 {
		return false
	}
	p := a.toks[m.First-1]
	return p.Kind == text.Number || quantities[a.word(m.First-1)]
}

// people reports a nisba that names people, not their state: after a noun
// for persons (شاب فلسطيني), or an indefinite plural (فلسطينيين، مصريون)
// that no sector word governs; the definite الفلسطينيين may stand for a
// side in talks.
func (a *analyzer) people(m lexicon.Match[*item]) bool {
	if m.Last-m.First != 1 {
		return false
	}
	if m.First > 0 && persons[a.word(m.First-1)] {
		return true // شاب فلسطيني، أطفال سوريون
	}
	w := strings.TrimPrefix(a.word(m.First), "و")
	if strings.HasPrefix(w, "ال") {
		return false
	}
	return strings.HasSuffix(w, "يين") || strings.HasSuffix(w, "يون")
}

// clitic returns the proclitic letters stripped from the first token of m
// ("و" for والمعارضة، "ل" for لسوريا), or "".
func (a *analyzer) clitic(m lexicon.Match[*item]) string {
	n := m.Start - a.toks[m.First].Start
	if n <= 0 {
		return ""
	}
	return string([]rune(a.toks[m.First].Text)[:n])
}

// conjoined reports whether m starts a new conjunct (والمعارضة): it does not
// combine with what precedes it.
func (a *analyzer) conjoined(m lexicon.Match[*item]) bool {
	c := a.clitic(m)
	return strings.HasPrefix(c, "و") || strings.HasPrefix(c, "ف")
}

// locative reports whether a country or capital match reads as a place: after
// a locative word, or with a stripped ب (بموسكو).
func (a *analyzer) locative(m lexicon.Match[*item]) bool {
	if strings.ContainsRune(a.clitic(m), 'ب') {
		return true
	}
	if m.First > 0 && locatives[a.word(m.First-1)] {
		return true
	}
	return a.dateline(m)
}

// dateline reports whether m opens a line and punctuation follows it, as in
// "أنقرة، 12 آذار" or "موسكو - ": the place the report was filed from.
func (a *analyzer) dateline(m lexicon.Match[*item]) bool {
	if m.First > 0 && !strings.Contains(a.text(a.toks[m.First-1].End, m.Start), "\n") {
		return false
	}
	if m.Last >= len(a.toks) {
		return false
	}
	switch a.toks[m.Last].Text {
	case "،", ",", "-", "–", "(", ":":
		return true
	}
	return false
}

// title resolves a title phrase with what follows it: an owner (country,
// nisba or organisation), qualifiers (لدى الأمم المتحدة، في جنيف) and a name.
func (a *analyzer) title(k int, it *item) int {
	t := it.title
	m := a.ms[k]
	end, last := m.End, m.Last
	owner, qual := t.owner, ""
	var p *person
	j := k + 1
	for ; j < len(a.ms) && p == nil; j++ {
		n := a.ms[j]
		ws, ok := a.gap(last, n.First, 2)
		if !ok || !allIn(ws, titleFill) {
			break
		}
		nit := a.best(n)
		joint := strings.HasPrefix(owner, "IGO") && nit != nil && nit.kind == Org && strings.HasPrefix(nit.code, "IGO")
		if nit == nil || a.conjoined(n) && !joint {
			break
		}
		if owner == "" && nit.kind == Sector && (len(ws) == 0 || len(ws) == 1 && ws[0] == "في") {
			// رئيس وفد المعارضة، وزير الإعلام في الحكومة اليمنية: a post in
			// the body named next, not a person of that title named earlier
			before := len(a.out)
			next := a.extendNext(j, m.Start)
			if strings.Contains(a.word(m.First), "وزير") {
				// وزير الداخلية التركي: a minister is the government, whatever
				// sector his portfolio names
				for i := before; i < len(a.out); i++ {
					if c := a.out[i].Code; a.out[i].Start == m.Start && len(c) == 6 && !strings.HasPrefix(c, "IGO") {
						a.out[i].Code = c[:3] + "GOV"
					}
				}
			}
			return next
		}
		switch {
		case joint && a.conjoined(n):
			// المبعوث الخاص للأمم المتحدة والجامعة العربية: a joint post.
		case nit.kind == Country && strings.ContainsAny(a.clitic(n), "لب"):
			// المبعوث لسوريا: the mandate, not the owner.
		case nit.kind == Person:
			p = nit.person
		case owner == "" && (nit.kind == Country || nit.kind == Nisba || nit.kind == Capital) && !has(ws, "في") && !has(ws, "الي"):
			owner = nit.code + t.sector
		case owner != "" && (nit.kind == Country || nit.kind == Capital) && (has(ws, "لدي") || has(ws, "في") && t.roles[0] == "pr"):
			// السفير الروسي لدى سوريا، السفير الروسي في دمشق: the post's host.
			qual += "-" + strings.ToLower(nit.code)
		case owner == "" && nit.kind == Org:
			owner = nit.code
		case owner != "" && nit.kind == Org && strings.HasPrefix(nit.code, "IGO") && nit.code != owner:
			// مندوب روسيا لدى الأمم المتحدة: the organisation qualifies the post.
			qual += "-" + strings.ToLower(nit.code[3:])
		case strings.HasPrefix(owner, "IGO") && (nit.kind == Country || nit.kind == Org && nit.code == owner):
			// المبعوث الأممي إلى سوريا، المبعوث الخاص للأمم المتحدة: the mandate.
		default:
			goto done
		}
		end, last = n.End, n.Last
	}
done:
	if qual != "" {
		// في جنيف after the post names its seat.
		if pl, e, l, ok := a.seat(last); ok {
			qual += "-" + strings.ToLower(pl.Name)
			end, last = e, l
		}
	}
	if p != nil {
		a.emitPerson(m.Start, end, p)
		return j
	}
	if p = a.resolveTitle(t, owner, qual); p != nil {
		a.emitPerson(m.Start, end, p)
		return j
	}
	if owner != "" {
		a.emit(m.Start, end, owner, a.d.codeName(owner), Title)
	}
	return j
}

// extendNext handles the match at k and stretches the mentions it emits at
// the match's start back to start; it returns the next unhandled match.
func (a *analyzer) extendNext(k, start int) int {
	n := a.ms[k]
	before := len(a.out)
	next := a.step(k)
	for i := before; i < len(a.out); i++ {
		if a.out[i].Start == n.Start {
			a.out[i].Start = start
			a.out[i].Text = a.text(start, a.out[i].End)
		}
	}
	return next
}

// settlement holds the nouns that name a kind of place before its name.
var settlement = map[string]bool{"مدينه": true, "بلده": true, "قريه": true, "محافظه": true,
	"منطقه": true, "مخيم": true, "حي": true, "ريف": true, "ولايه": true}

// seat finds "في <place>" or "ب<place>" at token i.
func (a *analyzer) seat(i int) (geo.Place, int, int, bool) {
	if i < len(a.toks) && a.word(i) == "في" {
		i++
	}
	if _, ok := a.places[i]; !ok && i+1 < len(a.toks) && settlement[a.word(i)] {
		i++ // سكان مدينة إدلب: the town's name follows its kind
	}
	pl, ok := a.places[i]
	if !ok {
		return geo.Place{}, 0, 0, false
	}
	return pl, a.toks[i].End, i + 1, true
}

// resolveTitle finds the person a title names: a person the text named
// earlier who holds a post of that role for that owner (any owner when the
// title names none), else the holder of the qualified post on the article's
// date.
func (a *analyzer) resolveTitle(t *title, owner, qual string) *person {
	// Look back over the last persons named only: a title refers to someone
	// recent, and a bounded look-back keeps long texts linear.
	for i := len(a.named) - 1; i >= max(0, len(a.named)-corefWindow); i-- {
		p := a.named[i].p
		for _, ps := range p.posts {
			o, role, _ := strings.Cut(ps.key, ":")
			if owner != "" && o != owner {
				continue
			}
			for _, r := range t.roles {
				if r += qual; role == r || strings.HasPrefix(role, r+"-") {
					return p
				}
			}
		}
	}
	if owner == "" {
		return nil
	}
	for _, r := range t.roles {
		for q := qual; ; {
			if p := a.d.holder(owner+":"+r+q, a.on); p != nil {
				return p
			}
			i := strings.LastIndexByte(q, '-')
			if i < 0 {
				break
			}
			q = q[:i]
		}
	}
	return nil
}

// sector combines a sector word with the country that follows it (الجيش
// الروسي، المدنيين في إدلب) or, alone, with the article's focus country.
func (a *analyzer) sector(k int, it *item) int {
	c := it.sector
	m := a.ms[k]
	if k+1 < len(a.ms) {
		n := a.ms[k+1]
		ws, _ := a.gap(m.Last, n.First, 1)
		adjacent := n.First == m.Last
		if c.sector == "*" && (adjacent || len(ws) == 1 && (ws[0] == "عن" || ws[0] == "من")) {
			// وفد الحكومة السورية، ممثلين عن المعارضة، موفدون من الرئيس:
			// the actor that follows.
			return a.extendNext(k+1, m.Start)
		}
		if nit := a.best(n); adjacent && nit != nil && !a.conjoined(n) {
			if c.sector == "-" {
				if nit.kind == Country || nit.kind == Nisba || nit.kind == Capital {
					// الأزمة السورية، اتفاق روسي تركي: no actor here.
					return a.skipCountries(k + 1)
				}
			} else if code, name, ok := a.ownerCode(nit, c.sector); ok {
				a.emit(m.Start, n.End, code, name, Sector)
				return a.shareSector(k+2, c.sector)
			}
		}
	}
	if c.sector == "-" || c.sector == "*" {
		return k + 1
	}
	if c.bareFor == "adj" {
		return k + 1
	}
	if pl, _, _, ok := a.seat(m.Last); ok && placeSectors[c.sector] {
		a.emit(m.Start, m.End, pl.Country+c.sector, a.d.countries[pl.Country], Sector)
		return k + 1
	}
	if c.bareFor == "prev" {
		// بلاده، حكومته: the country of the actor named just before.
		if cc, ok := a.prevCountry(); ok {
			a.emit(m.Start, m.End, cc+c.sector, a.d.countries[cc], Sector)
		}
		return k + 1
	}
	if c.bareFor == "last" {
		// الوزارة: the body of that sector named last.
		if p, ok := a.lastBody(c.sector); ok {
			a.emit(m.Start, m.End, p.Code, p.Name, Sector)
		}
		return k + 1
	}
	if a.focus != "" && (c.bareFor == "any" || c.bareFor == a.focus) {
		a.emit(m.Start, m.End, a.focus+c.sector, a.d.countries[a.focus], Sector)
	}
	return k + 1
}

// ownerCode gives the code a sector word makes with the actor after it: a
// country (الجيش الروسي), a person's country (قوات بشار الأسد، حكومة
// نتنياهو) or a national body's country (قوات النظام السوري).
func (a *analyzer) ownerCode(it *item, sector string) (string, string, bool) {
	var cc string
	switch it.kind {
	case Country, Nisba, Capital:
		cc = it.code
	case Person:
		cc = it.person.codeAt(a.on)[:3]
	case Org:
		cc = it.code[:3]
	}
	name, ok := a.d.countries[cc]
	return cc + sector, name, ok
}

// shareSector codes the nisbas and countries conjoined right after a sector
// phrase with its sector: الطائرات السورية والروسية، طيران النظام وروسيا.
func (a *analyzer) shareSector(k int, sector string) int {
	for ; k < len(a.ms) && a.ms[k].First == a.ms[k-1].Last && a.conjoined(a.ms[k]); k++ {
		x := a.best(a.ms[k])
		if x == nil || x.kind != Nisba && x.kind != Country {
			break
		}
		a.emit(a.ms[k].Start, a.ms[k].End, x.code+sector, x.name, Sector)
	}
	return k
}

// skipCountries passes over the adjacent country words from k on.
func (a *analyzer) skipCountries(k int) int {
	for i := k; i < len(a.ms); i++ {
		if x := a.best(a.ms[i]); x == nil || (x.kind != Country && x.kind != Nisba && x.kind != Capital) || (i > k && a.ms[i].First != a.ms[i-1].Last) {
			return i
		}
	}
	return len(a.ms)
}

// prevCountry returns the country of the last actor named before that has one.
func (a *analyzer) prevCountry() (string, bool) {
	for _, ms := range [][]Mention{a.out, a.prior} {
		for i := len(ms) - 1; i >= 0; i-- {
			if cc := ms[i].Code[:3]; a.d.countries[cc] != "" {
				return cc, true
			}
		}
	}
	return "", false
}

// lastBody returns the last organisation or sector phrase of that sector
// named before.
func (a *analyzer) lastBody(sector string) (Mention, bool) {
	for _, ms := range [][]Mention{a.out, a.prior} {
		for i := len(ms) - 1; i >= 0; i-- {
			if m := ms[i]; (m.Kind == Sector || m.Kind == Org) && strings.HasSuffix(m.Code, sector) {
				return m, true
			}
		}
	}
	return Mention{}, false
}

// group emits one mention per member of a group phrase; a counted group (الدول
// الثلاث) takes the last distinct actors named before it.
func (a *analyzer) group(m lexicon.Match[*item], g *group) {
	codes := g.members
	if g.last > 0 {
		codes = a.lastCodes(g.last)
		if codes == nil {
			return
		}
	}
	for _, c := range codes {
		a.emit(m.Start, m.End, c, a.d.codeName(c), Group)
	}
}

func (a *analyzer) lastCodes(n int) []string {
	var codes []string
	seen := map[string]bool{}
	for _, ms := range [][]Mention{a.out, a.prior} {
		for i := len(ms) - 1; i >= 0 && len(codes) < n; i-- {
			if c := ms[i].Code; !seen[c] {
				seen[c] = true
				codes = append(codes, c)
			}
		}
	}
	if len(codes) < n {
		return nil
	}
	// Text order reads more naturally than recency.
	for i, j := 0, len(codes)-1; i < j; i, j = i+1, j-1 {
		codes[i], codes[j] = codes[j], codes[i]
	}
	return codes
}

// computeFocus returns the country bare sector words point to: the country
// the text names most as an actor or a place (ties: first named), but Syria
// whenever it is named at least a third as often (the dictionary serves news of
// the Syrian conflict, where "الحكومة والمعارضة" are Syria's even in a Russian
// statement).
func (a *analyzer) computeFocus() string {
	// Places and actors count in text order, so that ties go to the first
	// named; a text naming only places (قتل مدنيون في تعز) still has a focus.
	type named struct {
		at int
		cc string
	}
	var all []named
	for i, pl := range a.places {
		if pl.Kind != "country" { // country names count below, as actors
			all = append(all, named{i, pl.Country})
		}
	}
	for _, m := range a.ms {
		for _, it := range m.Values {
			var c string
			switch it.kind {
			case Country, Nisba, Capital:
				c = it.code
			case Org, Person:
				if len(it.code) == 6 && !strings.HasPrefix(it.code, "IGO") && !strings.HasPrefix(it.code, "IMG") {
					c = it.code[:3]
				}
			}
			if c != "" {
				all = append(all, named{m.First, c})
				break
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].at < all[j].at })
	count := map[string]int{}
	best, bestN := "", 0
	for _, n := range all {
		count[n.cc]++
		if count[n.cc] > bestN {
			best, bestN = n.cc, count[n.cc]
		}
	}
	if n := count["SYR"]; n > 0 && 3*n >= bestN {
		return "SYR"
	}
	return best
}

// codeName names a code: its organisation, else its country.
func (d *Dictionary) codeName(code string) string {
	if n, ok := d.orgNames[code]; ok {
		return n
	}
	if len(code) >= 3 {
		if n, ok := d.countries[code[:3]]; ok {
			return n
		}
	}
	return code
}
