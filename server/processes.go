package server

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/masar-project/masar/article"
)

// Process is a peace process as the process page shows it. A process
// catalogue (Options.Processes) supplies names, rounds, venues, participants
// and outcomes; without one, the page shows the processes and rounds that
// the store's events are assigned to.
type Process struct {
	ID     string  `json:"id"` // lower case, as stored with the events
	Name   string  `json:"name"`
	NameAr string  `json:"name_ar,omitempty"`
	Rounds []Round `json:"rounds"`
}

// Round is one round of a process. Number 0 is not a round: it holds the
// process's events outside any round and is not listed.
type Round struct {
	Number       int               `json:"number"`
	Label        string            `json:"label,omitempty"` // e.g. "أستانا 6"
	Date         string            `json:"date,omitempty"`  // ISO, first day
	DateEnd      string            `json:"date_end,omitempty"`
	Venue        *article.Location `json:"venue,omitempty"`
	Participants []Participant     `json:"participants"`
	Outcomes     []Outcome         `json:"outcomes"`
	Events       int               `json:"events"` // events assigned to the round in the store
}

// Participant is an actor in a round with its role: guarantor, observer,
// party, mediator or host.
type Participant struct {
	Code string `json:"code"`
	Name string `json:"name,omitempty"`
	Text string `json:"text,omitempty"`
	Role string `json:"role"`
}

// Outcome is a result of a round: kind is document, zones, next_round,
// ceasefire, release or other.
type Outcome struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

type processSummary struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameAr string `json:"name_ar,omitempty"`
	Rounds int    `json:"rounds"`
	Events int    `json:"events"`
	First  string `json:"first,omitempty"`
	Last   string `json:"last,omitempty"`
}

type processDetail struct {
	Process
	Events int    `json:"events"`
	First  string `json:"first,omitempty"`
	Last   string `json:"last,omitempty"`
}

// loadProcesses joins the catalogue with the store's assignments: every
// process that either knows, with the event counts of the store.
func (s *Server) loadProcesses(ctx context.Context, id string) ([]processDetail, error) {
	var catalog []Process
	if s.catalog != nil {
		var err error
		if catalog, err = s.catalog(ctx); err != nil {
			return nil, err
		}
	}
	assigned, err := s.st.ProcessRounds(ctx, id)
	if err != nil {
		return nil, err
	}
	byID := map[string]*processDetail{}
	var order []string
	get := func(pid string) *processDetail {
		pid = strings.ToLower(pid)
		if p, ok := byID[pid]; ok {
			return p
		}
		p := &processDetail{Process: Process{ID: pid, Name: pid, Rounds: []Round{}}}
		byID[pid] = p
		order = append(order, pid)
		return p
	}
	for _, c := range catalog {
		if id != "" && !strings.EqualFold(c.ID, id) {
			continue
		}
		p := get(c.ID)
		c.ID = p.ID
		c.Rounds = append([]Round(nil), c.Rounds...)
		p.Process = c
		for _, rd := range c.Rounds {
			p.widen(rd.Date, rd.DateEnd)
		}
	}
	for _, a := range assigned {
		p := get(a.Process)
		p.Events += a.Events
		p.widen(a.From, a.To)
		if a.Round == 0 {
			continue
		}
		i := slices.IndexFunc(p.Rounds, func(r Round) bool { return r.Number == a.Round })
		if i < 0 {
			p.Rounds = append(p.Rounds, Round{Number: a.Round, Date: a.From, DateEnd: a.To})
			i = len(p.Rounds) - 1
		}
		p.Rounds[i].Events = a.Events
	}
	out := make([]processDetail, 0, len(order))
	for _, pid := range order {
		p := byID[pid]
		for i := range p.Rounds {
			rd := &p.Rounds[i]
			if rd.Participants == nil {
				rd.Participants = []Participant{}
			}
			if rd.Outcomes == nil {
				rd.Outcomes = []Outcome{}
			}
		}
		slices.SortStableFunc(p.Rounds, func(a, b Round) int { return a.Number - b.Number })
		out = append(out, *p)
	}
	return out, nil
}

// widen stretches the process's date span to cover [from, to].
func (p *processDetail) widen(from, to string) {
	if to == "" {
		to = from
	}
	if from != "" && (p.First == "" || from < p.First) {
		p.First = from
	}
	if to != "" && to > p.Last {
		p.Last = to
	}
}

func (s *Server) processes(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	ps, err := s.loadProcesses(r.Context(), "")
	if err != nil {
		return err
	}
	items := make([]processSummary, 0, len(ps))
	for _, p := range ps {
		items = append(items, processSummary{ID: p.ID, Name: p.Name, NameAr: p.NameAr, Rounds: len(p.Rounds),
			Events: p.Events, First: p.First, Last: p.Last})
	}
	slices.SortStableFunc(items, func(a, b processSummary) int { return b.Events - a.Events })
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
	return nil
}

func (s *Server) process(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	id := strings.ToLower(strings.TrimSpace(r.PathValue("id")))
	ps, err := s.loadProcesses(r.Context(), id)
	if err != nil {
		return err
	}
	if len(ps) == 0 {
		return notFound("no process %q", id)
	}
	writeJSON(w, http.StatusOK, ps[0])
	return nil
}
