package process

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/lexicon"
	"github.com/masar-project/masar/store"
	"github.com/masar-project/masar/text"
)

// Round statuses.
const (
	StatusHeld      = "held"           // its meetings took place
	StatusAnnounced = "announced"      // a date was set
	StatusPreparing = "being prepared" // announced without a date
)

// Outcome kinds.
const (
	OutcomeDocument  = "document"
	OutcomeZones     = "zones"
	OutcomeCeasefire = "ceasefire"
	OutcomeRelease   = "release"
	OutcomeMechanism = "mechanism"
	OutcomeNextRound = "next_round"
)

// ProcessView is a process with what the store knows of it.
type ProcessView struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	NameAr   string           `json:"name_ar"`
	About    string           `json:"about"`
	Venue    article.Location `json:"venue"`
	Events   int              `json:"events"`   // events assigned to the process
	Articles int              `json:"articles"` // articles they come from
	Other    int              `json:"other"`    // events of the process outside any known round
	First    string           `json:"first,omitempty"`
	Last     string           `json:"last,omitempty"`
	// Roles are the process's actors by role from the data, with how many
	// of the process's events each takes part in.
	Roles  []Participant `json:"roles"`
	Rounds []Round       `json:"rounds"`
}

// Round is one round of a process.
type Round struct {
	Number       int               `json:"number"`
	Label        string            `json:"label"` // "أستانا 6"
	Status       string            `json:"status"`
	Date         string            `json:"date,omitempty"` // first day of its meetings, or the announced date
	DateEnd      string            `json:"date_end,omitempty"`
	Venue        *article.Location `json:"venue,omitempty"`
	Participants []Participant     `json:"participants"`
	Outcomes     []Outcome         `json:"outcomes"`
	Events       int               `json:"events"`
	Articles     int               `json:"articles"`
	EventIDs     []int64           `json:"event_ids"`
}

// Participant is an actor with its role in a process ("other" when the
// process data gives it none).
type Participant struct {
	Code   string `json:"code"`
	Name   string `json:"name,omitempty"`
	Role   string `json:"role"`
	Events int    `json:"events"`
}

// Outcome is a result of a round: a document signed, zones agreed, the next
// round announced...
type Outcome struct {
	Kind    string `json:"kind"`
	Text    string `json:"text"`             // English label ("memorandum of understanding")
	Arabic  string `json:"arabic,omitempty"` // as the evidence words it
	Date    string `json:"date,omitempty"`
	EventID int64  `json:"event_id,omitempty"`
}

// roleOther is the role of a participant the process data does not list.
const roleOther = "other"

// View builds the view of one process (by ID or name) from the events
// assigned to it in st.
func View(ctx context.Context, st *store.Store, name string) (ProcessView, error) {
	return Default().View(ctx, st, name)
}

// View builds the view of one process (by ID or name) from the events
// assigned to it in st.
func (c *Catalog) View(ctx context.Context, st *store.Store, name string) (ProcessView, error) {
	p, ok := c.Lookup(name)
	if !ok {
		ids := make([]string, len(c.list))
		for i, q := range c.list {
			ids[i] = q.ID
		}
		return ProcessView{}, fmt.Errorf("unknown process %q (known: %s)", name, strings.Join(ids, ", "))
	}
	assigned, err := st.Processes(ctx, p.ID)
	if err != nil {
		return ProcessView{}, err
	}
	roundOf := make(map[int64]int, len(assigned))
	for _, a := range assigned {
		roundOf[a.EventID] = a.Round
	}
	byRound := map[int][]store.EventRow{}
	var all []store.EventRow
	err = st.EachEvent(ctx, store.EventFilter{Process: p.ID}, func(r store.EventRow) error {
		byRound[roundOf[r.ID]] = append(byRound[roundOf[r.ID]], r)
		all = append(all, r)
		return nil
	})
	if err != nil {
		return ProcessView{}, err
	}
	v := ProcessView{ID: p.ID, Name: p.Name, NameAr: p.NameAr, About: p.About, Venue: p.Venue,
		Events: len(all), Articles: countArticles(all), Other: len(byRound[0]), Rounds: []Round{}}
	v.First, v.Last = dateSpan(all)
	v.Roles = c.roles(p, all)
	var numbers []int
	for n := range byRound {
		if n > 0 {
			numbers = append(numbers, n)
		}
	}
	sort.Ints(numbers)
	for _, n := range numbers {
		v.Rounds = append(v.Rounds, c.round(p, n, byRound[n]))
	}
	for i := range v.Rounds {
		if i+1 < len(v.Rounds) && v.Rounds[i+1].Number == v.Rounds[i].Number+1 && v.Rounds[i+1].Status != StatusHeld {
			next := v.Rounds[i+1]
			text := fmt.Sprintf("round %d %s", next.Number, next.Status)
			if next.Date != "" {
				text += " for " + next.Date
			}
			v.Rounds[i].Outcomes = append(v.Rounds[i].Outcomes, Outcome{Kind: OutcomeNextRound, Text: text, Date: next.Date})
		}
	}
	return v, nil
}

// round summarises the events of one round.
func (c *Catalog) round(p *Process, n int, evs []store.EventRow) Round {
	rd := Round{Number: n, Label: label(p, n), Events: len(evs), Articles: countArticles(evs),
		Participants: []Participant{}, Outcomes: []Outcome{}}
	var held, agreed []store.EventRow
	for _, e := range evs {
		rd.EventIDs = append(rd.EventIDs, e.ID)
		switch {
		case e.Type == "CONSULT" && e.Modality == "asserted":
			held = append(held, e)
		case e.Type == "AGREE":
			agreed = append(agreed, e)
		}
	}
	sort.Slice(rd.EventIDs, func(i, j int) bool { return rd.EventIDs[i] < rd.EventIDs[j] })
	switch {
	case len(held) > 0:
		rd.Status = StatusHeld
		rd.Date, rd.DateEnd = dateSpan(held)
	case len(agreed) > 0:
		rd.Status = StatusPreparing
		if d, e := dateSpan(agreed); d != "" {
			rd.Status, rd.Date, rd.DateEnd = StatusAnnounced, d, e
		}
	default:
		rd.Status = StatusHeld
		rd.Date, rd.DateEnd = dateSpan(evs)
	}
	if rd.DateEnd == rd.Date {
		rd.DateEnd = ""
	}
	rd.Venue = venue(p, held, evs)
	rd.Participants = c.participants(p, evs)
	rd.Outcomes = c.outcomesOf(evs)
	return rd
}

// label names a round as the news does: "أستانا 6".
func label(p *Process, n int) string {
	name := p.Venue.Text
	if len(p.Places) > 0 {
		name = p.Places[0]
	}
	if name == "" {
		name = p.Name
	}
	return name + " " + strconv.Itoa(n)
}

// venue is the place most of the round's meetings were at, else where its
// events were, else the process's usual venue.
func venue(p *Process, held, all []store.EventRow) *article.Location {
	for _, evs := range [][]store.EventRow{held, all} {
		count := map[string]int{}
		var best *article.Location
		for _, e := range evs {
			if e.Location == nil || e.Location.Name == "" {
				continue
			}
			count[e.Location.Name]++
			if best == nil || count[e.Location.Name] > count[best.Name] {
				best = e.Location
			}
		}
		if best != nil {
			return best
		}
	}
	if p.Venue.Name == "" {
		return nil
	}
	v := p.Venue
	return &v
}

// participants lists the actor codes of the events with their roles, in
// role order, then by the number of events, then by code.
func (c *Catalog) participants(p *Process, evs []store.EventRow) []Participant {
	seen := map[string]*Participant{}
	for _, e := range evs {
		in := map[string]bool{}
		for _, as := range [][]article.Actor{e.Actors, e.Recipients} {
			for _, a := range as {
				if a.Code == "" || in[a.Code] {
					continue
				}
				in[a.Code] = true
				pt := seen[a.Code]
				if pt == nil {
					role := p.Role(a.Code)
					if role == "" {
						role = roleOther
					}
					name := c.ActorName(a.Code)
					if name == "" {
						name = a.Name
					}
					pt = &Participant{Code: a.Code, Name: name, Role: role}
					seen[a.Code] = pt
				}
				pt.Events++
			}
		}
	}
	out := make([]Participant, 0, len(seen))
	for _, pt := range seen {
		out = append(out, *pt)
	}
	sortParticipants(out)
	return out
}

func sortParticipants(ps []Participant) {
	rank := func(r string) int {
		for i, k := range roleOrder {
			if k == r {
				return i
			}
		}
		return len(roleOrder)
	}
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if rank(a.Role) != rank(b.Role) {
			return rank(a.Role) < rank(b.Role)
		}
		if a.Events != b.Events {
			return a.Events > b.Events
		}
		return a.Code < b.Code
	})
}

// roles lists the process's actors from the data with their event counts.
func (c *Catalog) roles(p *Process, evs []store.EventRow) []Participant {
	count := map[string]int{}
	for _, pt := range c.participants(p, evs) {
		count[pt.Code] = pt.Events
	}
	out := make([]Participant, 0, len(p.Roles))
	for code, role := range p.Roles {
		out = append(out, Participant{Code: code, Name: c.ActorName(code), Role: role, Events: count[code]})
	}
	sortParticipants(out)
	return out
}

// outcomesOf finds what the round's events produced: documents signed or
// adopted (SUPPORT events with a signature trigger), zones, ceasefires,
// releases and joint mechanisms agreed.
func (c *Catalog) outcomesOf(evs []store.EventRow) []Outcome {
	out := []Outcome{}
	seen := map[string]bool{}
	add := func(o Outcome) {
		key := o.Kind + "\x00" + o.Text
		if !seen[key] {
			seen[key] = true
			out = append(out, o)
		}
	}
	sorted := append([]store.EventRow(nil), evs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, e := range sorted {
		date := ""
		if e.Date != nil {
			date = *e.Date
		}
		ms := c.outcomes.Find(text.Tokenize(e.Evidence.Text))
		signed := e.Type == "SUPPORT" && c.signs(e.Trigger)
		for _, m := range ms {
			o := m.Values[0]
			o.Arabic, o.Date, o.EventID = runes(e.Evidence.Text, m.Start, m.End), date, e.ID
			switch {
			case o.Kind == OutcomeDocument && signed:
				add(o)
			case o.Kind != OutcomeDocument && agreeing[e.Type]:
				add(o)
			}
		}
		if signed && !hasKind(ms, OutcomeDocument) {
			add(Outcome{Kind: OutcomeDocument, Text: "document signed", Arabic: e.Trigger, Date: date, EventID: e.ID})
		}
	}
	return out
}

// agreeing are the event types whose zones, ceasefires and mechanisms are
// outcomes rather than background.
var agreeing = map[string]bool{"AGREE": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true, "RETREAT": true}

func hasKind(ms []lexicon.Match[Outcome], kind string) bool {
	for _, m := range ms {
		if m.Values[0].Kind == kind {
			return true
		}
	}
	return false
}

// signs reports whether a trigger signs or adopts a text (وقع، صادق، اعتمد).
func (c *Catalog) signs(trigger string) bool {
	var buf [8]string
	for _, t := range text.Tokenize(trigger) {
		for _, r := range readings(buf[:0], t) {
			if c.signature[r] {
				return true
			}
		}
	}
	return false
}

func runes(s string, start, end int) string {
	rs := []rune(s)
	if start < 0 || end > len(rs) || start > end {
		return ""
	}
	return string(rs[start:end])
}

func countArticles(evs []store.EventRow) int {
	set := map[int64]bool{}
	for _, e := range evs {
		set[e.ArticleID] = true
	}
	return len(set)
}

// dateSpan is the first and last day of the events' dates; dates coarser
// than a day (2017, 2017-07) count only when no event has a day.
func dateSpan(evs []store.EventRow) (string, string) {
	var first, last string
	for _, precise := range []bool{true, false} {
		for _, e := range evs {
			if e.Date == nil || *e.Date == "" || (len(*e.Date) == len("2006-01-02")) != precise {
				continue
			}
			end := *e.Date
			if e.DateEnd != nil && *e.DateEnd != "" {
				end = *e.DateEnd
			}
			if first == "" || *e.Date < first {
				first = *e.Date
			}
			if end > last {
				last = end
			}
		}
		if first != "" {
			return first, last
		}
	}
	return "", ""
}

// Summary is one line of the list of processes.
type Summary struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameAr string `json:"name_ar,omitempty"`
	Rounds int    `json:"rounds"` // distinct rounds with events
	Events int    `json:"events"`
	First  string `json:"first,omitempty"`
	Last   string `json:"last,omitempty"`
}

// List returns every known process, and any other process events are
// assigned to, with its round and event counts from st.
func List(ctx context.Context, st *store.Store) ([]Summary, error) {
	return Default().List(ctx, st)
}

// List returns every known process, and any other process events are
// assigned to, with its round and event counts from st.
func (c *Catalog) List(ctx context.Context, st *store.Store) ([]Summary, error) {
	rounds, err := st.ProcessRounds(ctx, "")
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	out := make([]Summary, 0, len(c.list))
	for _, p := range c.list {
		index[p.ID] = len(out)
		out = append(out, Summary{ID: p.ID, Name: p.Name, NameAr: p.NameAr})
	}
	for _, r := range rounds {
		i, ok := index[r.Process]
		if !ok {
			i = len(out)
			index[r.Process] = i
			out = append(out, Summary{ID: r.Process, Name: r.Process})
		}
		s := &out[i]
		s.Events += r.Events
		if r.Round > 0 {
			s.Rounds++
		}
		if r.From != "" && (s.First == "" || r.From < s.First) {
			s.First = r.From
		}
		if r.To > s.Last {
			s.Last = r.To
		}
	}
	return out, nil
}

// Reassign recomputes every event's process assignment in st by annotating
// each stored article again, and returns how many events were assigned. It
// serves stores filled before their events carried processes, and reruns
// after the process data changed.
func Reassign(ctx context.Context, st *store.Store) (int, error) {
	return Default().Reassign(ctx, st)
}

// Reassign recomputes every event's process assignment in st; see Reassign.
func (c *Catalog) Reassign(ctx context.Context, st *store.Store) (int, error) {
	if err := st.ClearProcesses(ctx); err != nil {
		return 0, err
	}
	const page = 200
	assigned := 0
	for offset := 0; ; offset += page {
		arts, total, err := st.ArticleSummaries(ctx, page, offset)
		if err != nil {
			return assigned, err
		}
		for _, a := range arts {
			n, err := c.reassignArticle(ctx, st, a.ID)
			if err != nil {
				return assigned, err
			}
			assigned += n
		}
		if len(arts) == 0 || offset+page >= total {
			return assigned, nil
		}
	}
}

func (c *Catalog) reassignArticle(ctx context.Context, st *store.Store, id int64) (int, error) {
	rec, res, err := st.Article(ctx, id)
	if err != nil {
		return 0, err
	}
	if len(res.Events) == 0 {
		return 0, nil
	}
	ids, err := st.ArticleEventIDs(ctx, id)
	if err != nil {
		return 0, err
	}
	if len(ids) != len(res.Events) {
		return 0, fmt.Errorf("article %d: %d event IDs for %d events", id, len(ids), len(res.Events))
	}
	var anchor time.Time
	if len(rec.Published) >= 10 {
		anchor, _ = time.Parse("2006-01-02", rec.Published[:10])
	}
	for i := range res.Events {
		res.Events[i].Process, res.Events[i].Round = "", 0
	}
	c.Annotate(rec.Text, anchor, res.Events)
	n := 0
	for i, ev := range res.Events {
		if ev.Process == "" {
			continue
		}
		if err := st.AssignProcess(ctx, ids[i], ev.Process, ev.Round); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
