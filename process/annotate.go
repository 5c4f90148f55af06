package process

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/text"
	"github.com/masar-project/masar/timex"
)

// inheritable are the event types that take the article's process without
// naming it: diplomatic moves among the process's participants or at its
// venue. Conflict events must name the process in their own sentence.
var inheritable = map[string]bool{"CONSULT": true, "AGREE": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true}

// Annotate sets Process and Round of the events extracted from text with the
// default catalogue; see Catalog.Annotate.
func Annotate(s string, anchor time.Time, evs []article.Event) {
	Default().Annotate(s, anchor, evs)
}

// AnnotateParsed is Annotate for a caller that has already read the text:
// toks are text.Tokenize(s), sents text.Sentences(s) and dates
// timex.Find(s, anchor) of the same text s. It spares the pipeline a second
// tokenisation and date search.
func AnnotateParsed(toks []text.Token, sents []text.Sentence, dates []timex.Expr, evs []article.Event) {
	Default().AnnotateParsed(toks, sents, dates, evs)
}

// Annotate sets Process and Round of each event extracted from s (anchor
// is the publication date, zero when unknown). An event gets a process when
// its evidence sentence names one (محادثات أستانا، جنيف 3، اللجنة الدستورية)
// or a round of the article's process, or refers back to the talks of the
// previous sentence; a diplomatic event whose sentence names none inherits
// the article's dominant process when it happens at the process's venue or
// among its participants. The round comes from the sentence (preferring a
// coming round for an AGREE or future event and a held one otherwise), else
// from a dated round of the article that the event's date falls in. Events
// that already have a process are left alone.
func (c *Catalog) Annotate(s string, anchor time.Time, evs []article.Event) {
	if len(evs) == 0 {
		return
	}
	c.AnnotateParsed(text.Tokenize(s), text.Sentences(s), timex.Find(s, anchor), evs)
}

// AnnotateParsed is Catalog.Annotate over an article already read; see the
// package-level AnnotateParsed.
func (c *Catalog) AnnotateParsed(toks []text.Token, sents []text.Sentence, dates []timex.Expr, evs []article.Event) {
	if len(evs) == 0 {
		return
	}
	r := c.read(toks, sents, dates)
	for i := range evs {
		ev := &evs[i]
		if ev.Process != "" {
			continue
		}
		p, n := r.assign(ev)
		if p != nil {
			ev.Process, ev.Round = p.ID, n
		}
	}
}

// assign finds the process and round of one event.
func (r *reading) assign(ev *article.Event) (*Process, int) {
	s := r.sentenceOf(ev.Evidence)
	pos := triggerPos(ev, s)
	future := ev.Type == "AGREE" || ev.Modality == "future"
	var p *Process
	if s != nil {
		p = atVenue(s.procs, ev)
		if p == nil {
			p = closest(s.procs, pos)
		}
		if p == nil && len(s.rounds) > 0 {
			p = pickRound(s.rounds, nil, pos, future).p
		}
	}
	if p == nil && r.dominant != nil && inheritable[ev.Type] && r.dominant.fits(ev) {
		p = r.dominant
	}
	if p == nil {
		return nil, 0
	}
	if s != nil {
		if rm := pickRound(s.rounds, p, pos, future); rm != nil {
			return p, rm.n
		}
	}
	return p, r.datedRound(p, ev)
}

// atVenue returns the process among a sentence's mentions whose venue is the
// event's place, when the sentence names several processes (talks in Geneva
// delayed over a statement of the Riyadh conference).
func atVenue(ms []mention, ev *article.Event) *Process {
	if ev.Location == nil || len(ms) < 2 {
		return nil
	}
	for _, m := range ms {
		if strings.EqualFold(m.p.Venue.Name, ev.Location.Name) {
			return m.p
		}
	}
	return nil
}

// closest returns the process of the mention nearest pos, preferring names
// to venues at equal distance; nil when there is none.
func closest(ms []mention, pos int) *Process {
	var best *mention
	for i := range ms {
		m := &ms[i]
		d, bd := 0, 0
		if best != nil {
			d, bd = abs(m.pos-pos), abs(best.pos-pos)
		}
		if best == nil || d < bd || (d == bd && m.strong && !best.strong) {
			best = m
		}
	}
	if best == nil {
		return nil
	}
	return best.p
}

// sentenceOf returns the sentence the evidence starts in.
func (r *reading) sentenceOf(ev article.Span) *sentence {
	for i := range r.sents {
		s := &r.sents[i]
		if ev.Start >= s.start && ev.Start < s.end {
			return s
		}
	}
	for i := range r.sents { // evidence offsets that start in whitespace
		s := &r.sents[i]
		if ev.End > s.start && ev.Start < s.end {
			return s
		}
	}
	return nil
}

// triggerPos is where the event's trigger is in the text, else where its
// evidence starts.
func triggerPos(ev *article.Event, s *sentence) int {
	if ev.Trigger != "" {
		if b := strings.Index(ev.Evidence.Text, ev.Trigger); b >= 0 {
			return ev.Evidence.Start + utf8.RuneCountInString(ev.Evidence.Text[:b])
		}
	}
	if s != nil && ev.Evidence.Start < s.start {
		return s.start
	}
	return ev.Evidence.Start
}

// pickRound chooses among a sentence's rounds (of p, unless p is nil) the
// one nearest pos, preferring coming rounds for future events and held
// rounds for others.
func pickRound(rs []roundMention, p *Process, pos int, future bool) *roundMention {
	var best *roundMention
	better := func(a, b *roundMention) bool {
		if b == nil {
			return true
		}
		if (a.future == future) != (b.future == future) {
			return a.future == future
		}
		return abs(a.pos-pos) < abs(b.pos-pos)
	}
	for i := range rs {
		rm := &rs[i]
		if rm.n == 0 || (p != nil && rm.p != p) {
			continue
		}
		if better(rm, best) {
			best = rm
		}
	}
	return best
}

// datedRound returns the article's round of p whose dates the event's date
// falls in, 0 when none does.
func (r *reading) datedRound(p *Process, ev *article.Event) int {
	if ev.Date == nil {
		return 0
	}
	lo, hi := *ev.Date, *ev.Date
	if ev.DateEnd != nil {
		hi = *ev.DateEnd
	}
	for n, rm := range r.rounds[p] {
		if rm.first == "" {
			continue
		}
		last := rm.last
		if last == "" {
			last = rm.first
		}
		if overlaps(lo, hi, rm.first, last) {
			return n
		}
	}
	return 0
}

// overlaps compares ISO dates of any precision (2017, 2017-07, 2017-07-04)
// by their common prefix, so that a month overlaps its days.
func overlaps(lo1, hi1, lo2, hi2 string) bool {
	return cmpPrefix(lo1, hi2) <= 0 && cmpPrefix(lo2, hi1) <= 0
}

func cmpPrefix(a, b string) int {
	n := min(len(a), len(b))
	return strings.Compare(a[:n], b[:n])
}

// fits reports whether an event belongs to the process without naming it:
// it happens at the process's venue, or all of its two or more participants
// have a role in the process.
func (p *Process) fits(ev *article.Event) bool {
	if ev.Location != nil && p.Venue.Name != "" && strings.EqualFold(ev.Location.Name, p.Venue.Name) {
		return true
	}
	codes := map[string]bool{}
	for _, as := range [][]article.Actor{ev.Actors, ev.Recipients} {
		for _, a := range as {
			if a.Code == "" {
				continue
			}
			if p.Roles[a.Code] == "" {
				return false
			}
			codes[a.Code] = true
		}
	}
	return len(codes) >= 2
}
