package store

import (
	"context"
	"strings"
)

// scanAll runs a query with one argument and calls fn with each row's Scan.
func (s *Store) scanAll(ctx context.Context, query string, arg any, fn func(scan func(...any) error) error) error {
	rows, err := s.db.QueryContext(ctx, s.d.q(query), arg)
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

// ActorCount is how often an actor code takes part in stored events.
type ActorCount struct {
	Code, Name  string
	Events      int // distinct events with the code in either role
	AsActor     int
	AsRecipient int
}

// Actors lists actor codes by the number of events they take part in, most
// first; limit <= 0 lists all.
func (s *Store) Actors(ctx context.Context, limit int) ([]ActorCount, error) {
	query := `SELECT code, '', COUNT(DISTINCT event_id),
    SUM(CASE WHEN role = 'actor' THEN 1 ELSE 0 END), SUM(CASE WHEN role = 'recipient' THEN 1 ELSE 0 END)
FROM event_actors GROUP BY code ORDER BY COUNT(DISTINCT event_id) DESC, code`
	var args []any
	if limit > 0 {
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(query), args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	var out []ActorCount
	for rows.Next() {
		var a ActorCount
		if err := rows.Scan(&a.Code, &a.Name, &a.Events, &a.AsActor, &a.AsRecipient); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err)
	}
	rows.Close()
	return out, s.nameActors(ctx, out)
}

// nameActors gives each code the name its mentions use most often: a code
// covers many people (RUSGOV: ministers, envoys, the president), and the
// commonest name is usually the country or body itself.
func (s *Store) nameActors(ctx context.Context, as []ActorCount) error {
	rows, err := s.db.QueryContext(ctx, `SELECT code, name, COUNT(*) FROM event_actors WHERE name <> ''
GROUP BY code, name ORDER BY code, COUNT(*) DESC, name`)
	if err != nil {
		return s.wrap(err)
	}
	defer rows.Close()
	best := map[string]string{}
	for rows.Next() {
		var code, name string
		var n int
		if err := rows.Scan(&code, &name, &n); err != nil {
			return s.wrap(err)
		}
		if _, ok := best[code]; !ok {
			best[code] = name
		}
	}
	for i := range as {
		as[i].Name = best[as[i].Code]
	}
	return s.wrap(rows.Err())
}

// Stats summarises the store.
type Stats struct {
	Articles       int
	NearDuplicates int // articles linked to an earlier near-duplicate
	Events         int
	MergedEvents   int
	Quotes         int
	Entities       int
	ByType         map[string]int // events per PLOVER type
	ByQuad         map[string]int // events per quad class (see Quad)
	ByModality     map[string]int
}

// quads maps PLOVER types to their quad class (CODING.md).
var quads = map[string]string{
	"AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation", "CONCEDE": "verbal cooperation",
	"COOPERATE": "material cooperation", "AID": "material cooperation", "RETREAT": "material cooperation",
	"REQUEST": "verbal conflict", "ACCUSE": "verbal conflict", "REJECT": "verbal conflict", "THREATEN": "verbal conflict",
	"PROTEST": "material conflict", "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
	"ASSAULT": "material conflict",
}

// Quad is the quad class of a PLOVER event type, or "" for an unknown type.
func Quad(eventType string) string { return quads[eventType] }

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{ByType: map[string]int{}, ByQuad: map[string]int{}, ByModality: map[string]int{}}
	for _, c := range []struct {
		query string
		dst   *int
	}{
		{`SELECT COUNT(*) FROM articles`, &st.Articles},
		{`SELECT COUNT(*) FROM articles WHERE near_dup_of IS NOT NULL`, &st.NearDuplicates},
		{`SELECT COUNT(*) FROM events`, &st.Events},
		{`SELECT COUNT(*) FROM merged_events`, &st.MergedEvents},
		{`SELECT COUNT(*) FROM quotes`, &st.Quotes},
		{`SELECT COUNT(*) FROM entities`, &st.Entities},
	} {
		if err := s.db.QueryRowContext(ctx, c.query).Scan(c.dst); err != nil {
			return st, s.wrap(err)
		}
	}
	for _, g := range []struct {
		col string
		dst map[string]int
	}{{"type", st.ByType}, {"modality", st.ByModality}} {
		rows, err := s.db.QueryContext(ctx, `SELECT `+g.col+`, COUNT(*) FROM events GROUP BY `+g.col)
		if err != nil {
			return st, s.wrap(err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return st, s.wrap(err)
			}
			g.dst[k] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return st, s.wrap(err)
		}
	}
	for t, n := range st.ByType {
		if q := Quad(t); q != "" {
			st.ByQuad[q] += n
		}
	}
	return st, nil
}

// AssignProcess records that an event belongs to a peace process (stored
// lower-case), in a round (0 if none); assigning again replaces the round.
func (s *Store) AssignProcess(ctx context.Context, eventID int64, process string, round int) error {
	_, err := s.db.ExecContext(ctx, s.d.q(`INSERT INTO event_processes (event_id, process, round) VALUES (?, ?, ?)
ON CONFLICT (event_id, process) DO UPDATE SET round = excluded.round`), eventID, strings.ToLower(process), round)
	return s.wrap(err)
}

// ClearProcesses removes every process assignment, so that the process engine
// can recompute them from scratch.
func (s *Store) ClearProcesses(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM event_processes`)
	return s.wrap(err)
}

// EventProcess is an event's membership of a process.
type EventProcess struct {
	EventID int64
	Process string
	Round   int
}

// Processes lists the process assignments of events, in event order; an empty
// process lists all.
func (s *Store) Processes(ctx context.Context, process string) ([]EventProcess, error) {
	query := `SELECT event_id, process, round FROM event_processes`
	var args []any
	if process != "" {
		query += ` WHERE process = ?`
		args = append(args, strings.ToLower(process))
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(query+` ORDER BY event_id, process`), args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	var out []EventProcess
	for rows.Next() {
		var p EventProcess
		if err := rows.Scan(&p.EventID, &p.Process, &p.Round); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, p)
	}
	return out, s.wrap(rows.Err())
}
