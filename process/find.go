package process

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/masar-project/masar/lexicon"
	"github.com/masar-project/masar/text"
	"github.com/masar-project/masar/timex"
)

// Reading an article: which sentences name which process, and which rounds.

// maxRound bounds a number read as a round ("أستانا 6"), so that years and
// counts are not taken for rounds.
const maxRound = 60

// anaphoraReach is how many sentences back "this round" may look.
const anaphoraReach = 3

// cueWindow is how many tokens around a venue name a talks word may be.
const cueWindow = 6

// mention is a process named in a sentence.
type mention struct {
	p      *Process
	strong bool // a name of the process, or a venue with a round number
	venue  bool // named by its venue (أستانا), not by a name of the process
	pos    int  // code point where it starts
	tok    int  // token index in the sentence
}

// roundMention is a round named in a sentence ("الجولة السادسة", "أستانا 6").
type roundMention struct {
	p           *Process // the process it is a round of; nil until resolved
	n           int      // round number; 0 for "the next round" before resolution
	next        bool     // "الجولة المقبلة": the round after the last held one
	future      bool     // announced or being prepared, not held
	pos         int      // code point of the round noun
	after       int      // index of the sentence token after the round's number
	first, last string   // the round's dates from a date in its sentence
}

// sentence is what one sentence of the article says about processes.
type sentence struct {
	start, end int
	procs      []mention
	rounds     []roundMention
	anaphora   bool // refers back to the talks of the previous sentence
}

// reading is an article analysed for processes.
type reading struct {
	sents    []sentence
	dominant *Process
	// rounds of the article by process and number, with dates and status.
	rounds map[*Process]map[int]*roundMention
}

// readings returns the forms a token may be looked up under: its normalised
// form, its light stem, and the form with leading conjunctions, prepositions
// and the article removed one at a time (للقاء → لقاء, which the stemmer
// reads as ل+ال+قاء). The forms are appended to buf[:0].
func readings(buf []string, t text.Token) []string {
	out := append(buf[:0], t.Norm)
	if t.Stem != t.Norm {
		out = append(out, t.Stem)
	}
	for i := 0; i < len(out) && len(out) < 8; i++ {
		w := out[i]
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		switch {
		case strings.HasPrefix(w, "لل"):
			out = appendNew(out, w[size:], "ال"+w[2*size:])
		case strings.HasPrefix(w, "ال"):
			out = appendNew(out, w[len("ال"):])
		case strings.ContainsRune("وفبلكس", r):
			out = appendNew(out, w[size:])
		}
	}
	return out
}

func appendNew(list []string, ws ...string) []string {
	for _, w := range ws {
		if !slices.Contains(list, w) {
			list = append(list, w)
		}
	}
	return list
}

// wordKind is a bit set of the cue word lists of data/words.tsv.
type wordKind uint8

const (
	kTalk wordKind = 1 << iota
	kNotTalk
	kUnit
	kRound
	kFuture
	kNext
	kGap
	kCounted
)

// wordKinds names the kinds in data/words.tsv.
var wordKinds = map[string]wordKind{
	"talk": kTalk, "not-talk": kNotTalk, "unit": kUnit, "round": kRound,
	"future": kFuture, "next": kNext, "gap": kGap, "counted": kCounted,
}

// class is what the word lists say of one token under any of its readings.
type class struct {
	kinds wordKind
	ord   ordinal // of the first reading that is an ordinal
	isOrd bool
}

// words are tokens with their classes, so that each token's readings are
// looked up once per article rather than at every question asked of it.
type words struct {
	toks []text.Token
	cls  []class
}

func (c *Catalog) classify(toks []text.Token) words {
	w := words{toks: toks, cls: make([]class, len(toks))}
	var buf [8]string
	for i, t := range toks {
		cl := &w.cls[i]
		for _, r := range readings(buf[:0], t) {
			x, ok := c.cues[r]
			if !ok {
				continue
			}
			cl.kinds |= x.kinds
			if !cl.isOrd && x.isOrd {
				cl.ord, cl.isOrd = x.ord, true
			}
		}
	}
	return w
}

// slice returns the words of tokens [i, j).
func (w words) slice(i, j int) words { return words{toks: w.toks[i:j], cls: w.cls[i:j]} }

func (w words) is(i int, k wordKind) bool { return w.cls[i].kinds&k != 0 }

// parseOrdinal reads an ordinal number at token i (السادسة، الحادية عشرة،
// الثانية والعشرون، العشرون) and returns its value and the token after it.
func parseOrdinal(w words, i int) (int, int, bool) {
	if !w.cls[i].isOrd {
		return 0, i, false
	}
	o := w.cls[i].ord
	switch o.kind {
	case "tens":
		return o.value, i + 1, true
	case "teen":
		return 0, i, false
	}
	if i+1 < len(w.toks) && w.cls[i+1].isOrd {
		switch n := w.cls[i+1].ord; {
		case n.kind == "teen" && o.value < 10:
			return o.value + 10, i + 2, true
		case n.kind == "tens" && hasProclitic(w.toks[i+1], "و"):
			return o.value + n.value, i + 2, true
		}
	}
	return o.value, i + 1, true
}

func hasProclitic(t text.Token, p string) bool {
	for _, x := range t.Proclitics {
		if x == p {
			return true
		}
	}
	return strings.HasPrefix(t.Norm, p)
}

// roundNumber reads a number token as a round number.
func roundNumber(t text.Token) (int, bool) {
	if t.Kind != text.Number {
		return 0, false
	}
	n, err := strconv.Atoi(t.Norm)
	if err != nil || n < 1 || n > maxRound {
		return 0, false
	}
	return n, true
}

// read analyses an article from its tokens, sentences and dates.
func (c *Catalog) read(toks []text.Token, sents []text.Sentence, dates []timex.Expr) *reading {
	inDate := func(t text.Token) bool {
		for _, d := range dates {
			if t.Start >= d.Start && t.End <= d.End {
				return true
			}
		}
		return false
	}
	about := c.subjects(toks)
	all := c.classify(toks)
	r := &reading{sents: make([]sentence, 0, len(sents)), rounds: map[*Process]map[int]*roundMention{}}
	ti, di := 0, 0
	for _, sn := range sents {
		for ti < len(toks) && toks[ti].Start < sn.Start {
			ti++
		}
		tj := ti
		for tj < len(toks) && toks[tj].Start < sn.End {
			tj++
		}
		for di < len(dates) && dates[di].End <= sn.Start {
			di++
		}
		var sdates []timex.Expr
		for dj := di; dj < len(dates) && dates[dj].Start < sn.End; dj++ {
			if dates[dj].First != "" {
				sdates = append(sdates, dates[dj])
			}
		}
		r.sents = append(r.sents, c.readSentence(all.slice(ti, tj), sn, sdates, about, inDate))
		ti = tj
	}
	r.resolve()
	return r
}

// subjects returns the processes whose subject the article is about. Many
// processes share a subject, so each distinct stem is looked for once.
func (c *Catalog) subjects(toks []text.Token) map[*Process]bool {
	found := make([]bool, len(c.subjectStems))
	left := len(found)
	for _, t := range toks {
		if left == 0 {
			break
		}
		if t.Kind != text.Word {
			continue
		}
		for k, sub := range c.subjectStems {
			if !found[k] && (strings.HasPrefix(t.Stem, sub) || strings.HasPrefix(t.Norm, sub)) {
				found[k] = true
				left--
			}
		}
	}
	out := map[*Process]bool{}
	for _, p := range c.list {
		if len(p.Subject) == 0 {
			out[p] = true
		}
		for _, sub := range p.Subject {
			if found[slices.Index(c.subjectStems, sub)] {
				out[p] = true
				break
			}
		}
	}
	return out
}

func (c *Catalog) readSentence(w words, sn text.Sentence, dates []timex.Expr, about map[*Process]bool, inDate func(text.Token) bool) sentence {
	toks := w.toks
	out := sentence{start: sn.Start, end: sn.End}
	for _, m := range c.phrases.Find(toks) {
		for _, v := range m.Values {
			if !about[v.p] {
				continue
			}
			// A name or venue followed by a number is a round: أستانا 6،
			// جنيف-3، مؤتمر الرياض 2.
			k := m.Last
			if k < len(toks) && toks[k].Text == "-" {
				k++
			}
			if k < len(toks) && !inDate(toks[k]) && (!v.strong || c.endsInPlace(toks[m.Last-1], v.p)) &&
				(k+1 == len(toks) || !w.is(k+1, kUnit)) {
				if n, ok := roundNumber(toks[k]); ok {
					out.procs = append(out.procs, mention{p: v.p, strong: true, venue: !v.strong, pos: m.Start, tok: m.First})
					out.rounds = append(out.rounds, roundMention{p: v.p, n: n, pos: m.Start, after: k + 1})
					continue
				}
			}
			if v.strong {
				out.procs = append(out.procs, mention{p: v.p, strong: true, pos: m.Start, tok: m.First})
				continue
			}
			if talkNear(w, m.First, m.Last, v.p) || roundIn(w) {
				out.procs = append(out.procs, mention{p: v.p, venue: true, pos: m.Start, tok: m.First})
			}
		}
	}
	futures := c.futurePhrases.Find(toks)
	for i := 0; i < len(toks); i++ {
		rm, ok := roundAt(w, i, inDate)
		if !ok {
			continue
		}
		rm.future = rm.future || futureNear(w, futures, i)
		if d, ok := nearestDate(dates, rm.pos); ok {
			rm.first, rm.last = d.First, d.Last
		}
		out.rounds = append(out.rounds, rm)
	}
	out.anaphora = len(c.anaphora.Find(toks)) > 0
	return out
}

// talkNear reports whether a talks word stands within cueWindow tokens of
// the venue name at tokens [first, last).
func talkNear(w words, first, last int, p *Process) bool {
	for i := max(0, first-cueWindow); i < min(len(w.toks), last+cueWindow); i++ {
		if i >= first && i < last || !isCue(w, i, p) {
			continue
		}
		// A press conference in Geneva is not the Geneva talks.
		if i+1 < len(w.toks) && w.is(i+1, kNotTalk) {
			continue
		}
		return true
	}
	return false
}

// endsInPlace reports whether a token is (the end of) a venue name of p, so
// that a number after "مؤتمر الرياض" is a round but not one after "اللجنة
// الدستورية" (تضم اللجنة الدستورية 45 عضوا).
func (c *Catalog) endsInPlace(t text.Token, p *Process) bool {
	var buf [8]string
	for _, r := range readings(buf[:0], t) {
		if p.placeEnds[r] {
			return true
		}
	}
	return false
}

// isCue reports whether token i is a talks word for p's venue.
func isCue(w words, i int, p *Process) bool {
	if len(p.Cues) == 0 {
		return w.is(i, kTalk)
	}
	var buf [8]string
	for _, r := range readings(buf[:0], w.toks[i]) {
		if slices.Contains(p.Cues, r) {
			return true
		}
	}
	return false
}

// futureNear reports whether a word that marks a coming round stands just
// before the round noun at token i or just after its number.
func futureNear(w words, phrases []lexicon.Match[bool], i int) bool {
	lo, hi := max(0, i-8), min(len(w.toks), i+5)
	for j := lo; j < hi; j++ {
		if j != i && w.is(j, kFuture) {
			return true
		}
	}
	for _, m := range phrases {
		if m.First >= lo && m.First < hi {
			return true
		}
	}
	return false
}

// roundAt reads a round at token i: a round noun followed (after gap words)
// by an ordinal, a number or "next", or an ordinal before a round noun
// (سادس جولة).
func roundAt(w words, i int, inDate func(text.Token) bool) (roundMention, bool) {
	toks := w.toks
	rm := roundMention{pos: toks[i].Start}
	if w.is(i, kRound) {
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			t := toks[j]
			if n, ok := roundNumber(t); ok && (inDate == nil || !inDate(t)) {
				if j+1 < len(toks) && w.is(j+1, kUnit) {
					break // استمر الاجتماع 3 ساعات
				}
				rm.n, rm.after = n, j+1
				return rm, true
			}
			if n, after, ok := parseOrdinal(w, j); ok {
				rm.n, rm.after = n, after
				return rm, true
			}
			if j == i+1 && w.is(j, kNext) {
				rm.next, rm.future, rm.after = true, true, j+1
				return rm, true
			}
			if !w.is(j, kGap) {
				break
			}
		}
		return rm, false
	}
	if i+1 < len(toks) && !strings.HasPrefix(toks[i].Norm, "ال") && w.is(i+1, kCounted) {
		if cl := w.cls[i]; cl.isOrd && cl.ord.kind == "unit" {
			rm.n, rm.pos, rm.after = cl.ord.value, toks[i+1].Start, i+2
			return rm, true
		}
	}
	return rm, false
}

// roundIn reports whether a sentence names a round, which makes a venue in
// it the round's venue (أستانا ... الجولة الثالثة عشرة).
func roundIn(w words) bool {
	for i := range w.toks {
		if _, ok := roundAt(w, i, nil); ok {
			return true
		}
	}
	return false
}

// roundOwner picks the process a round of a sentence belongs to: the one
// named right after it (الجولة السادسة من محادثات أستانا), else the one whose
// venue the sentence names, else the nearest; nil when none is named.
func roundOwner(ms []mention, rm roundMention) *Process {
	for _, m := range ms {
		if m.tok >= rm.after && m.tok <= rm.after+3 {
			return m.p
		}
	}
	var venues []mention
	for _, m := range ms {
		if m.venue {
			venues = append(venues, m)
		}
	}
	if p := nearest(venues, rm.pos); p != nil {
		return p
	}
	return nearest(ms, rm.pos)
}

// nearest returns the process of the mention closest to pos, preferring
// names to venues; nil when there is none.
func nearest(ms []mention, pos int) *Process {
	var best *mention
	for i := range ms {
		m := &ms[i]
		if best == nil || (m.strong && !best.strong) ||
			(m.strong == best.strong && abs(m.pos-pos) < abs(best.pos-pos)) {
			best = m
		}
	}
	if best == nil {
		return nil
	}
	return best.p
}

func nearestDate(ds []timex.Expr, pos int) (timex.Expr, bool) {
	var best timex.Expr
	found := false
	for _, d := range ds {
		if !found || abs(d.Start-pos) < abs(best.Start-pos) {
			best, found = d, true
		}
	}
	return best, found
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// resolve picks the article's dominant process, gives unattributed rounds
// to it, numbers "the next round" after the last held one, and lifts
// anaphoric sentences' context from the sentence before.
func (r *reading) resolve() {
	r.lendVenues()
	weight := map[*Process]int{}
	var order []*Process
	add := func(p *Process, w int) {
		if _, seen := weight[p]; !seen {
			order = append(order, p)
		}
		weight[p] += w
	}
	for _, s := range r.sents {
		for _, m := range s.procs {
			if m.strong {
				add(m.p, 2)
			} else {
				add(m.p, 1)
			}
		}
		for _, rm := range s.rounds {
			owner := rm.p
			if owner == nil {
				owner = roundOwner(s.procs, rm)
			}
			if owner != nil {
				add(owner, 2) // a numbered round is the article's subject more than a passing name
			}
		}
	}
	for _, p := range order {
		if r.dominant == nil || weight[p] > weight[r.dominant] {
			r.dominant = p
		}
	}
	held := map[*Process]int{}
	for si := range r.sents {
		s := &r.sents[si]
		for i := range s.rounds {
			rm := &s.rounds[i]
			if rm.p == nil {
				rm.p = roundOwner(s.procs, *rm)
			}
			if rm.p == nil {
				rm.p = r.dominant
			}
			if rm.p != nil && !rm.future && rm.n > held[rm.p] {
				held[rm.p] = rm.n
			}
		}
	}
	for si := range r.sents {
		s := &r.sents[si]
		kept := s.rounds[:0]
		for _, rm := range s.rounds {
			if rm.p == nil {
				continue
			}
			if rm.next {
				if held[rm.p] == 0 {
					continue
				}
				rm.n = held[rm.p] + 1
			}
			kept = append(kept, rm)
			r.addRound(rm)
		}
		s.rounds = kept
		if s.anaphora {
			// "these meetings" are the last talks named in the sentences before.
			for back := si - 1; back >= 0 && back >= si-anaphoraReach; back-- {
				prev := r.sents[back]
				if len(s.procs) == 0 {
					s.procs = prev.procs
				}
				if len(s.rounds) == 0 {
					s.rounds = prev.rounds
				}
				if len(s.procs) > 0 && len(s.rounds) > 0 {
					break
				}
			}
		}
	}
}

// lendVenues gives a venue's bare mentions (meetings in Geneva) to the
// process the article names that meets there (the constitutional committee),
// unless the article also names the venue's own process (جنيف 8).
func (r *reading) lendVenues() {
	named := map[*Process]int{}
	for _, s := range r.sents {
		for _, m := range s.procs {
			if m.strong {
				named[m.p]++
			}
		}
	}
	for si := range r.sents {
		for i := range r.sents[si].procs {
			m := &r.sents[si].procs[i]
			if !m.venue || m.strong || named[m.p] > 0 {
				continue
			}
			var best *Process
			for p, n := range named {
				if p.Venue.Name == m.p.Venue.Name && (best == nil || n > named[best] || (n == named[best] && p.ID < best.ID)) {
					best = p
				}
			}
			if best != nil {
				m.p = best
			}
		}
	}
}

// addRound records a round of the article, merging what its mentions say.
func (r *reading) addRound(rm roundMention) {
	byN := r.rounds[rm.p]
	if byN == nil {
		byN = map[int]*roundMention{}
		r.rounds[rm.p] = byN
	}
	have := byN[rm.n]
	if have == nil {
		c := rm
		byN[rm.n] = &c
		return
	}
	have.future = have.future && rm.future
	if have.first == "" {
		have.first, have.last = rm.first, rm.last
	}
}
