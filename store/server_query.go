package store

// Read-only queries behind `masar serve`: the aggregates that the web UI
// draws (timeline, actor network, map) and the lookups of its detail pages.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// isoDay formats a day number (days since 1970-01-01) as YYYY-MM-DD.
func isoDay(d int) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}

// EventByID returns one stored event with its article.
func (s *Store) EventByID(ctx context.Context, id int64) (EventRow, error) {
	row := s.db.QueryRowContext(ctx, s.d.q(`SELECT `+eventCols+` FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?`), id)
	r, err := scanEvent(row)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("event %d: %w", id, ErrNotFound)
	}
	return r, s.wrap(err)
}

// ArticleEventIDs returns the IDs of an article's events in the order of
// Article's Result.Events.
func (s *Store) ArticleEventIDs(ctx context.Context, articleID int64) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT id FROM events WHERE article_id = ? ORDER BY seq`), articleID)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, s.wrap(err)
		}
		ids = append(ids, id)
	}
	return ids, s.wrap(rows.Err())
}

// ArticleSummary is one line of the article list.
type ArticleSummary struct {
	ID                    int64
	ExtID                 string
	Title, URL, Published string
	Source                string
	Events                int
}

// ArticleSummaries returns one page of the stored articles, latest published
// first, and their number.
func (s *Store) ArticleSummaries(ctx context.Context, limit, offset int) ([]ArticleSummary, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&total); err != nil {
		return nil, 0, s.wrap(err)
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT a.id, a.ext_id, a.title, a.url, a.published, a.source,
    (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)
FROM articles a ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?`), limit, offset)
	if err != nil {
		return nil, 0, s.wrap(err)
	}
	defer rows.Close()
	out := []ArticleSummary{}
	for rows.Next() {
		var a ArticleSummary
		if err := rows.Scan(&a.ID, &a.ExtID, &a.Title, &a.URL, &a.Published, &a.Source, &a.Events); err != nil {
			return nil, 0, s.wrap(err)
		}
		out = append(out, a)
	}
	return out, total, s.wrap(rows.Err())
}

// DayTypeCount is the number of events of one type on one day.
type DayTypeCount struct {
	Day   string // YYYY-MM-DD: the event's first day
	Type  string
	Count int
}

// DailyTypeCounts counts the dated events that match f (Limit and Offset are
// ignored) per first day and type, in day order.
func (s *Store) DailyTypeCounts(ctx context.Context, f EventFilter) ([]DayTypeCount, error) {
	where, args, err := s.where(f)
	if err != nil {
		return nil, err
	}
	cond := " WHERE e.day_lo IS NOT NULL"
	if where != "" {
		cond = where + " AND e.day_lo IS NOT NULL"
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT e.day_lo, e.type, COUNT(*) FROM events e`+cond+
		` GROUP BY e.day_lo, e.type ORDER BY e.day_lo, e.type`), args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := []DayTypeCount{}
	for rows.Next() {
		var day int
		var c DayTypeCount
		if err := rows.Scan(&day, &c.Type, &c.Count); err != nil {
			return nil, s.wrap(err)
		}
		c.Day = isoDay(day)
		out = append(out, c)
	}
	return out, s.wrap(rows.Err())
}

// NetworkNode is an actor code in the network with the number of events
// matching the filter that it takes part in.
type NetworkNode struct {
	Code   string
	Name   string // the canonical name recorded for the code, if any
	Text   string // the code's most frequent surface form in the articles
	Events int
}

// ActorEdge is the number of events in which From acts towards To.
type ActorEdge struct {
	From, To string
	Events   int
}

// ActorNetwork returns the limit actors (codes) with most events matching f
// and the actor→recipient edges between them weighted by events. An actor
// named twice in one event (as actor and as recipient) counts twice.
func (s *Store) ActorNetwork(ctx context.Context, f EventFilter, limit int) ([]NetworkNode, []ActorEdge, error) {
	where, args, err := s.where(f)
	if err != nil {
		return nil, nil, err
	}
	// Without a filter every event matches: skip the membership test, which
	// would otherwise materialise every event id.
	in := func(col string) string { return "" }
	if where != "" {
		in = func(col string) string { return ` AND ` + col + ` IN (SELECT e.id FROM events e` + where + `)` }
	}
	nodes := []NetworkNode{}
	index := map[string]int{}
	err = s.scanRows(ctx, `SELECT code, MAX(name), COUNT(*) AS n FROM event_actors WHERE 1 = 1`+in("event_id")+`
GROUP BY code ORDER BY n DESC, code LIMIT ?`, append(args, limit), func(scan func(...any) error) error {
		var a NetworkNode
		if err := scan(&a.Code, &a.Name, &a.Events); err != nil {
			return err
		}
		index[a.Code] = len(nodes)
		nodes = append(nodes, a)
		return nil
	})
	if err != nil || len(nodes) == 0 {
		return nodes, []ActorEdge{}, err
	}
	codes := make([]any, len(nodes))
	for i, n := range nodes {
		codes[i] = n.Code
	}
	// The most frequent surface form of each code, for labels in Arabic.
	best := map[string]int{}
	err = s.scanRows(ctx, `SELECT code, surface, COUNT(*) FROM event_actors WHERE surface <> '' AND code IN (`+
		placeholders(len(codes))+`) GROUP BY code, surface`, codes, func(scan func(...any) error) error {
		var code, surface string
		var n int
		if err := scan(&code, &surface, &n); err != nil {
			return err
		}
		if n > best[code] || n == best[code] && surface < nodes[index[code]].Text {
			best[code] = n
			nodes[index[code]].Text = surface
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	edges := []ActorEdge{}
	edgeArgs := append(append(append([]any{}, codes...), codes...), args...)
	err = s.scanRows(ctx, `SELECT a.code, r.code, COUNT(DISTINCT a.event_id) AS n
FROM event_actors a JOIN event_actors r ON r.event_id = a.event_id AND r.role = 'recipient'
WHERE a.role = 'actor' AND a.code <> r.code AND a.code IN (`+placeholders(len(codes))+`) AND r.code IN (`+
		placeholders(len(codes))+`)`+in("a.event_id")+`
GROUP BY a.code, r.code ORDER BY n DESC, a.code, r.code`, edgeArgs, func(scan func(...any) error) error {
		var e ActorEdge
		if err := scan(&e.From, &e.To, &e.Events); err != nil {
			return err
		}
		edges = append(edges, e)
		return nil
	})
	return nodes, edges, err
}

// scanRows runs a query and calls fn with each row's Scan.
func (s *Store) scanRows(ctx context.Context, query string, args []any, fn func(scan func(...any) error) error) error {
	rows, err := s.db.QueryContext(ctx, s.d.q(query), args...)
	if err != nil {
		return s.wrap(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return s.wrap(err)
		}
	}
	return s.wrap(rows.Err())
}

// PlaceCount is a place with the number of events matching a filter there.
type PlaceCount struct {
	Name, Text, Country string
	Lat, Lon            float64 // 0, 0 when the extractor gave no coordinates
	Events              int
}

// PlaceCounts counts the located events that match f per place, most first.
func (s *Store) PlaceCounts(ctx context.Context, f EventFilter) ([]PlaceCount, error) {
	where, args, err := s.where(f)
	if err != nil {
		return nil, err
	}
	cond := " WHERE e.loc_name <> ''"
	if where != "" {
		cond = where + " AND e.loc_name <> ''"
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT e.loc_name, e.loc_country, MAX(e.location), COUNT(*) AS n
FROM events e`+cond+` GROUP BY e.loc_name, e.loc_country ORDER BY n DESC, e.loc_name`), args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := []PlaceCount{}
	for rows.Next() {
		var p PlaceCount
		var loc sql.NullString
		if err := rows.Scan(&p.Name, &p.Country, &loc, &p.Events); err != nil {
			return nil, s.wrap(err)
		}
		if loc.Valid {
			// One stored location of the group gives the coordinates and a surface form.
			var l struct {
				Text     string
				Lat, Lon float64
			}
			if err := json.Unmarshal([]byte(loc.String), &l); err == nil {
				p.Text, p.Lat, p.Lon = l.Text, l.Lat, l.Lon
			}
		}
		out = append(out, p)
	}
	return out, s.wrap(rows.Err())
}

// ProcessRound summarises the events assigned to one round of a process
// (Round 0 holds the process's events outside any round).
type ProcessRound struct {
	Process  string
	Round    int
	Events   int
	From, To string // first and last event day, "" when none is dated
}

// ProcessRounds lists the processes and rounds that events are assigned to,
// by process then round; name selects one process (case-insensitive) when
// not empty.
func (s *Store) ProcessRounds(ctx context.Context, name string) ([]ProcessRound, error) {
	query := `SELECT p.process, p.round, COUNT(*), MIN(e.day_lo), MAX(e.day_hi)
FROM event_processes p JOIN events e ON e.id = p.event_id`
	var args []any
	if name != "" {
		query += ` WHERE p.process = ?`
		args = append(args, strings.ToLower(name))
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(query+` GROUP BY p.process, p.round ORDER BY p.process, p.round`), args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := []ProcessRound{}
	for rows.Next() {
		var r ProcessRound
		var lo, hi sql.NullInt64
		if err := rows.Scan(&r.Process, &r.Round, &r.Events, &lo, &hi); err != nil {
			return nil, s.wrap(err)
		}
		if lo.Valid {
			r.From, r.To = isoDay(int(lo.Int64)), isoDay(int(hi.Int64))
		}
		out = append(out, r)
	}
	return out, s.wrap(rows.Err())
}

// EventProcesses lists the processes (and rounds) one event is assigned to.
func (s *Store) EventProcesses(ctx context.Context, eventID int64) ([]EventProcess, error) {
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT event_id, process, round FROM event_processes WHERE event_id = ? ORDER BY process`), eventID)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := []EventProcess{}
	for rows.Next() {
		var p EventProcess
		if err := rows.Scan(&p.EventID, &p.Process, &p.Round); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, p)
	}
	return out, s.wrap(rows.Err())
}

// Generation changes whenever an article is stored, so that callers can
// cache what they computed from the store until it changes.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var n sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT MAX(id) FROM articles`).Scan(&n)
	return n.Int64, s.wrap(err)
}
