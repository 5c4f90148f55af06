package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/masar-project/masar/article"
)

// EventFilter selects events; empty fields do not filter. Limit <= 0 means
// 100 for Events and MergedEvents and no limit for EachEvent.
type EventFilter struct {
	Actor    string // actor or recipient code; three letters match a prefix (RUS matches RUSGOV, RUSMIL)
	Type     string // PLOVER type
	Process  string // process name as assigned by AssignProcess (case-insensitive)
	Place    string // location name, Arabic surface text, or ISO alpha-3 country
	Modality string
	From, To string // ISO dates (YYYY-MM-DD, YYYY-MM or YYYY); events whose dates overlap the range
	Query    string // words that the evidence must contain (searched like Search)
	Limit    int
	Offset   int
}

// EventRow is a stored event with the article it came from.
type EventRow struct {
	ID int64
	article.Event
	ArticleID    int64
	ArticleTitle string
	ArticleURL   string
	Source       string // where the article was read from (provenance)
	MergedID     int64
}

// where builds the condition on events e for a filter.
func (s *Store) where(f EventFilter) (string, []any, error) {
	return s.whereFor(f, false)
}

// whereFor is where with a choice of plan for the actor condition. As an IN
// list it suits counting and rare actors: the database collects the actor's
// events, then sorts them. As a correlated EXISTS it suits listing a page of
// a frequent actor's events: the database walks the date index and stops
// after the page. Both select the same rows.
func (s *Store) whereFor(f EventFilter, exists bool) (string, []any, error) {
	var conds []string
	var args []any
	if f.Actor != "" {
		code := strings.ToUpper(strings.TrimSpace(f.Actor))
		match, codeArgs := `code = ?`, []any{code}
		if len(code) == 3 {
			// A range rather than LIKE, so that the code index serves it.
			match, codeArgs = `code >= ? AND code < ?`, []any{code, code[:2] + string(code[2]+1)}
		}
		if exists {
			conds = append(conds, `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.`+match+`)`)
		} else {
			conds = append(conds, `e.id IN (SELECT event_id FROM event_actors WHERE `+match+`)`)
		}
		args = append(args, codeArgs...)
	}
	if f.Type != "" {
		conds = append(conds, `e.type = ?`)
		args = append(args, strings.ToUpper(f.Type))
	}
	if f.Process != "" {
		conds = append(conds, `e.id IN (SELECT event_id FROM event_processes WHERE process = ?)`)
		args = append(args, strings.ToLower(f.Process))
	}
	if f.Place != "" {
		conds = append(conds, `(e.loc_key = ? OR e.loc_text = ? OR e.loc_country = ?)`)
		args = append(args, strings.ToLower(f.Place), f.Place, strings.ToUpper(f.Place))
	}
	if f.Modality != "" {
		conds = append(conds, `e.modality = ?`)
		args = append(args, strings.ToLower(f.Modality))
	}
	if f.From != "" {
		d, err := parseFilterDate(f.From, false)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, `e.day_hi >= ?`)
		args = append(args, d)
	}
	if f.To != "" {
		d, err := parseFilterDate(f.To, true)
		if err != nil {
			return "", nil, err
		}
		// day_sort is day_lo for dated events (unknownDay for the others), so
		// that the sort index answers the bound.
		conds = append(conds, `e.day_sort BETWEEN ? AND ?`)
		args = append(args, unknownDay+1, d)
	}
	if f.Query != "" {
		stems := queryStems(f.Query)
		if len(stems) == 0 {
			return "", nil, fmt.Errorf("query %q has no words to search", f.Query)
		}
		conds = append(conds, s.d.evidenceMatch())
		args = append(args, s.d.matchArg(stems))
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// eventCols are the columns scanEvent reads, from events e joined with their
// articles a. An event's process is its first assignment (event_processes).
const eventCols = `e.id, e.article_id, e.type, e.mode, e.context, e.modality, e.actors, e.recipients,
    e.ev_date, e.ev_date_end, e.location, e.evidence, e.ev_start, e.ev_end, e.trig, e.cameo, e.score,
    COALESCE(e.merged_id, 0), a.title, a.url, a.source,
    COALESCE((SELECT p.process FROM event_processes p WHERE p.event_id = e.id ORDER BY p.process LIMIT 1), ''),
    COALESCE((SELECT p.round FROM event_processes p WHERE p.event_id = e.id ORDER BY p.process LIMIT 1), 0)`

func scanEvent(sc interface{ Scan(...any) error }) (EventRow, error) {
	var r EventRow
	var ctxJSON, actors, recs string
	var date, dateEnd, loc sql.NullString
	err := sc.Scan(&r.ID, &r.ArticleID, &r.Type, &r.Mode, &ctxJSON, &r.Modality, &actors, &recs,
		&date, &dateEnd, &loc, &r.Evidence.Text, &r.Evidence.Start, &r.Evidence.End, &r.Trigger, &r.CAMEO, &r.Score,
		&r.MergedID, &r.ArticleTitle, &r.ArticleURL, &r.Source, &r.Process, &r.Round)
	if err != nil {
		return r, err
	}
	if err := decodeEventJSON(&r.Event, ctxJSON, actors, recs, loc); err != nil {
		return r, fmt.Errorf("event %d: %w", r.ID, err)
	}
	r.Date, r.DateEnd = nullString(date), nullString(dateEnd)
	return r, nil
}

func decodeEventJSON(ev *article.Event, ctxJSON, actors, recs string, loc sql.NullString) error {
	if err := json.Unmarshal([]byte(actors), &ev.Actors); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(recs), &ev.Recipients); err != nil {
		return err
	}
	if ctxJSON != "[]" {
		if err := json.Unmarshal([]byte(ctxJSON), &ev.Context); err != nil {
			return err
		}
	}
	if loc.Valid {
		ev.Location = new(article.Location)
		if err := json.Unmarshal([]byte(loc.String), ev.Location); err != nil {
			return err
		}
	}
	return nil
}

func nullString(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

// walkThreshold is the number of matching events above which listing a page
// walks the date index (see whereFor) instead of sorting every match.
const walkThreshold = 2000

// Events returns one page of the events that match f, latest first (undated
// last), and the number of matching events.
func (s *Store) Events(ctx context.Context, f EventFilter) ([]EventRow, int, error) {
	where, args, err := s.where(f)
	if err != nil {
		return nil, 0, err
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.d.q(`SELECT COUNT(*) FROM events e`+where), args...).Scan(&total); err != nil {
		return nil, 0, s.wrap(err)
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	if f.Actor != "" && total > walkThreshold {
		if where, args, err = s.whereFor(f, true); err != nil {
			return nil, 0, err
		}
	}
	var out []EventRow
	err = s.eachEvent(ctx, where, latestFirst, args, f.Limit, f.Offset, func(r EventRow) error {
		out = append(out, r)
		return nil
	})
	return out, total, err
}

// EachEvent calls fn for every event that matches f, latest first, streaming
// from the database (for exports). An error from fn stops the iteration and
// is returned.
func (s *Store) EachEvent(ctx context.Context, f EventFilter, fn func(EventRow) error) error {
	where, args, err := s.where(f)
	if err != nil {
		return err
	}
	return s.eachEvent(ctx, where, latestFirst, args, f.Limit, f.Offset, fn)
}

// latestFirst orders events by date, undated last (day_sort is unknownDay).
const latestFirst = `e.day_sort DESC, e.id DESC`

func (s *Store) eachEvent(ctx context.Context, where, order string, args []any, limit, offset int, fn func(EventRow) error) error {
	query := `SELECT ` + eventCols + ` FROM events e JOIN articles a ON a.id = e.article_id` + where + ` ORDER BY ` + order
	if limit > 0 {
		query += ` LIMIT ? OFFSET ?`
		args = append(args, limit, offset)
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(query), args...)
	if err != nil {
		return s.wrap(err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanEvent(rows)
		if err != nil {
			return s.wrap(err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return s.wrap(rows.Err())
}

// MergedEvent is one event as reported across articles: the union of its
// mentions' participants, and counts of mentions, distinct sources (outlets)
// and articles. MentionIDs are the event IDs of every mention.
type MergedEvent struct {
	ID                 int64
	Type, Modality     string
	Actors, Recipients []article.Actor
	Date, DateEnd      string // "" when unknown
	Location           *article.Location
	Mentions           int
	Sources            int
	Articles           int
	MentionIDs         []int64
}

// MergedEvents returns one page of the merged events with at least one
// mention that matches f, latest first, and their number.
func (s *Store) MergedEvents(ctx context.Context, f EventFilter) ([]MergedEvent, int, error) {
	where, args, err := s.where(f)
	if err != nil {
		return nil, 0, err
	}
	cond := ""
	if where != "" {
		cond = ` WHERE m.id IN (SELECT e.merged_id FROM events e` + where + `)`
	}
	var total int
	if err := s.db.QueryRowContext(ctx, s.d.q(`SELECT COUNT(*) FROM merged_events m`+cond), args...).Scan(&total); err != nil {
		return nil, 0, s.wrap(err)
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT m.id, m.type, m.modality, m.actors, m.recipients, m.ev_date, m.ev_date_end,
    m.location, m.mentions, m.sources, m.articles FROM merged_events m`+cond+`
ORDER BY m.day_sort DESC, m.id DESC LIMIT ? OFFSET ?`), append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, s.wrap(err)
	}
	defer rows.Close()
	var out []MergedEvent
	index := map[int64]int{}
	for rows.Next() {
		var m MergedEvent
		var actors, recs string
		var date, dateEnd, loc sql.NullString
		if err := rows.Scan(&m.ID, &m.Type, &m.Modality, &actors, &recs, &date, &dateEnd, &loc,
			&m.Mentions, &m.Sources, &m.Articles); err != nil {
			return nil, 0, s.wrap(err)
		}
		var ev article.Event
		if err := decodeEventJSON(&ev, "[]", actors, recs, loc); err != nil {
			return nil, 0, fmt.Errorf("merged event %d: %w", m.ID, err)
		}
		m.Actors, m.Recipients, m.Location = ev.Actors, ev.Recipients, ev.Location
		m.Date, m.DateEnd = date.String, dateEnd.String
		index[m.ID] = len(out)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, s.wrap(err)
	}
	rows.Close()
	if len(out) == 0 {
		return out, total, nil
	}
	ids := make([]any, 0, len(out))
	for _, m := range out {
		ids = append(ids, m.ID)
	}
	mrows, err := s.db.QueryContext(ctx, s.d.q(`SELECT merged_id, id FROM events WHERE merged_id IN (`+
		placeholders(len(ids))+`) ORDER BY id`), ids...)
	if err != nil {
		return nil, 0, s.wrap(err)
	}
	defer mrows.Close()
	for mrows.Next() {
		var mid, eid int64
		if err := mrows.Scan(&mid, &eid); err != nil {
			return nil, 0, s.wrap(err)
		}
		m := &out[index[mid]]
		m.MentionIDs = append(m.MentionIDs, eid)
	}
	return out, total, s.wrap(mrows.Err())
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// Article returns a stored article with its provenance and annotations; the
// Result's ID is the article's own ID (ArticleRecord.ID).
func (s *Store) Article(ctx context.Context, id int64) (ArticleRecord, article.Result, error) {
	var rec ArticleRecord
	var fetched string
	var simhash int64
	var near sql.NullInt64
	var res article.Result
	err := s.db.QueryRowContext(ctx, s.d.q(`SELECT ext_id, title, url, published, body, source, format, byline,
    canonical, lang, charset, fetched, content_hash, simhash, near_dup_of, extract_error FROM articles WHERE id = ?`), id).Scan(
		&rec.ID, &rec.Title, &rec.URL, &rec.Published, &rec.Text, &rec.Source, &rec.Format, &rec.Byline,
		&rec.Canonical, &rec.Lang, &rec.Charset, &fetched, &rec.ContentHash, &simhash, &near, &res.Error)
	if errors.Is(err, sql.ErrNoRows) {
		return rec, res, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return rec, res, s.wrap(err)
	}
	rec.SimHash, rec.NearDuplicateOf = uint64(simhash), near.Int64
	if fetched != "" {
		if rec.Fetched, err = time.Parse(time.RFC3339, fetched); err != nil {
			return rec, res, fmt.Errorf("article %d: fetched time: %w", id, err)
		}
	}
	res.ID = rec.ID
	res.Events, res.Quotes, res.Entities, res.Timexes = []article.Event{}, []article.Quote{}, []article.Entity{}, []article.Timex{}
	err = s.eachEvent(ctx, ` WHERE e.article_id = ?`, `e.seq`, []any{id}, 0, 0, func(r EventRow) error {
		res.Events = append(res.Events, r.Event)
		return nil
	})
	if err != nil {
		return rec, res, err
	}
	if err := s.scanAll(ctx, `SELECT speaker_text, speaker_code, speaker_name, quote, direct, span_start, span_end
FROM quotes WHERE article_id = ? ORDER BY seq`, id, func(sc func(...any) error) error {
		var q article.Quote
		if err := sc(&q.Speaker.Text, &q.Speaker.Code, &q.Speaker.Name, &q.Text, &q.Direct, &q.Start, &q.End); err != nil {
			return err
		}
		res.Quotes = append(res.Quotes, q)
		return nil
	}); err != nil {
		return rec, res, err
	}
	if err := s.scanAll(ctx, `SELECT surface, kind, span_start, span_end, canonical, code
FROM entities WHERE article_id = ? ORDER BY seq`, id, func(sc func(...any) error) error {
		var e article.Entity
		if err := sc(&e.Text, &e.Type, &e.Start, &e.End, &e.Canonical, &e.Code); err != nil {
			return err
		}
		res.Entities = append(res.Entities, e)
		return nil
	}); err != nil {
		return rec, res, err
	}
	err = s.scanAll(ctx, `SELECT surface, value, span_start, span_end FROM timexes WHERE article_id = ? ORDER BY seq`, id,
		func(sc func(...any) error) error {
			var t article.Timex
			var v sql.NullString
			if err := sc(&t.Text, &v, &t.Start, &t.End); err != nil {
				return err
			}
			t.Value = nullString(v)
			res.Timexes = append(res.Timexes, t)
			return nil
		})
	return rec, res, err
}
