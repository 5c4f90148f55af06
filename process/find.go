package process

import (
	"slices"
	"strconv"
	"strings"
	"time"
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
// reads as ل+ال+قاء).
func readings(t text.Token) []string {
	out := []string{t.Norm}
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

func (c *Catalog) is(kind string, t text.Token) bool {
	set := c.words[kind]
	for _, r := range readings(t) {
		if set[r] {
			return true
		}
	}
	return false
}

func (c *Catalog) ordinalAt(t text.Token) (ordinal, bool) {
	for _, r := range readings(t) {
		if o, ok := c.ordinals[r]; ok {
			return o, true
		}
	}
	return ordinal{}, false
}

// parseOrdinal reads an ordinal number at token i (السادسة، الحادية عشرة،
// الثانية والعشرون، العشرون) and returns its value and the token after it.
func (c *Catalog) parseOrdinal(toks []text.Token, i int) (int, int, bool) {
	o, ok := c.ordinalAt(toks[i])
	if !ok {
		return 0, i, false
	}
	switch o.kind {
	case "tens":
		return o.value, i + 1, true
	case "teen":
		return 0, i, false
	}
	if i+1 < len(toks) {
		if n, ok := c.ordinalAt(toks[i+1]); ok {
			switch {
			case n.kind == "teen" && o.value < 10:
				return o.value + 10, i + 2, true
			case n.kind == "tens" && hasProclitic(toks[i+1], "و"):
				return o.value + n.value, i + 2, true
			}
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

// read analyses an article.
func (c *Catalog) read(s string, anchor time.Time) *reading {
	toks := text.Tokenize(s)
	dates := timex.Find(s, anchor)
	inDate := func(t text.Token) bool {
		for _, d := range dates {
			if t.Start >= d.Start && t.End <= d.End {
				return true
			}
		}
		return false
	}
	about := c.subjects(toks)
	r := &reading{rounds: map[*Process]map[int]*roundMention{}}
	ti, di := 0, 0
	for _, sn := range text.Sentences(s) {
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
		r.sents = append(r.sents, c.readSentence(toks[ti:tj], sn, sdates, about, inDate))
		ti = tj
	}
	r.resolve()
	return r
}

// subjects returns the processes whose subject the article is about.
func (c *Catalog) subjects(toks []text.Token) map[*Process]bool {
	out := map[*Process]bool{}
	for _, p := range c.list {
		if len(p.Subject) == 0 {
			out[p] = true
		}
	}
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		for _, p := range c.list {
			if out[p] {
				continue
			}
			for _, sub := range p.Subject {
				if strings.HasPrefix(t.Stem, sub) || strings.HasPrefix(t.Norm, sub) {
					out[p] = true
					break
				}
			}
		}
	}
	return out
}

func (c *Catalog) readSentence(toks []text.Token, sn text.Sentence, dates []timex.Expr, about map[*Process]bool, inDate func(text.Token) bool) sentence {
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
				(k+1 == len(toks) || !c.is("unit", toks[k+1])) {
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
			if c.talkNear(toks, m.First, m.Last, v.p) || c.roundIn(toks) {
				out.procs = append(out.procs, mention{p: v.p, venue: true, pos: m.Start, tok: m.First})
			}
		}
	}
	futures := c.futurePhrases.Find(toks)
	for i := 0; i < len(toks); i++ {
		rm, ok := c.roundAt(toks, i, inDate)
		if !ok {
			continue
		}
		rm.future = rm.future || c.futureNear(toks, futures, i)
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
func (c *Catalog) talkNear(toks []text.Token, first, last int, p *Process) bool {
	for i := max(0, first-cueWindow); i < min(len(toks), last+cueWindow); i++ {
		if i >= first && i < last || !c.isCue(toks[i], p) {
			continue
		}
		// A press conference in Geneva is not the Geneva talks.
		if i+1 < len(toks) && c.is("not-talk", toks[i+1]) {
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
	for _, r := range readings(t) {
		if p.placeEnds[r] {
			return true
		}
	}
	return false
}

// isCue reports whether a token is a talks word for p's venue.
func (c *Catalog) isCue(t text.Token, p *Process) bool {
	if len(p.Cues) == 0 {
		return c.is("talk", t)
	}
	for _, r := range readings(t) {
		if slices.Contains(p.Cues, r) {
			return true
		}
	}
	return false
}

// futureNear reports whether a word that marks a coming round stands just
// before the round noun at token i or just after its number.
func (c *Catalog) futureNear(toks []text.Token, phrases []lexicon.Match[bool], i int) bool {
	lo, hi := max(0, i-8), min(len(toks), i+5)
	for j := lo; j < hi; j++ {
		if j != i && c.is("future", toks[j]) {
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
func (c *Catalog) roundAt(toks []text.Token, i int, inDate func(text.Token) bool) (roundMention, bool) {
	rm := roundMention{pos: toks[i].Start}
	if c.is("round", toks[i]) {
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			t := toks[j]
			if n, ok := roundNumber(t); ok && !inDate(t) {
				if j+1 < len(toks) && c.is("unit", toks[j+1]) {
					break // استمر الاجتماع 3 ساعات
				}
				rm.n, rm.after = n, j+1
				return rm, true
			}
			if n, after, ok := c.parseOrdinal(toks, j); ok {
				rm.n, rm.after = n, after
				return rm, true
			}
			if j == i+1 && c.is("next", t) {
				rm.next, rm.future, rm.after = true, true, j+1
				return rm, true
			}
			if !c.is("gap", t) {
				break
			}
		}
		return rm, false
	}
	if i+1 < len(toks) && !strings.HasPrefix(toks[i].Norm, "ال") && c.is("counted", toks[i+1]) {
		if o, ok := c.ordinalAt(toks[i]); ok && o.kind == "unit" {
			rm.n, rm.pos, rm.after = o.value, toks[i+1].Start, i+2
			return rm, true
		}
	}
	return rm, false
}

// roundIn reports whether a sentence names a round, which makes a venue in
// it the round's venue (أستانا ... الجولة الثالثة عشرة).
func (c *Catalog) roundIn(toks []text.Token) bool {
	for i := range toks {
		if _, ok := c.roundAt(toks, i, func(text.Token) bool { return false }); ok {
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
