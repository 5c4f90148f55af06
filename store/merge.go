package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strings"

	"github.com/masar-project/masar/article"
)

// Merging: a new event joins a merged event of the same type and modality
// whose participants overlap (one set contains the other, or they share at
// least half of their union), whose place is compatible (unknown on one side,
// or the same name, or the same country), and whose date is within
// mergeWindow days; events without a usable date merge only with undated
// merged events first reported in the same publication week.

// mergeWindow is how many days apart two reports of one event may date it.
const mergeWindow = 2

// maxPreciseDays is the widest date range (a month) still used for the
// window; vaguer dates ("2017") count as undated.
const maxPreciseDays = 31

type merger struct {
	w       wtx
	touched map[int64]bool
}

type candidate struct {
	id                   int64
	codes                []string
	locName, locCountry  string
	dayLo, dayHi         sql.NullInt64
	actorsJSON, recsJSON string
	location             sql.NullString
}

// participants is the sorted set of actor and recipient codes of an event.
func participants(ev article.Event) []string {
	set := map[string]bool{}
	for _, a := range ev.Actors {
		if a.Code != "" {
			set[a.Code] = true
		}
	}
	for _, a := range ev.Recipients {
		if a.Code != "" {
			set[a.Code] = true
		}
	}
	out := make([]string, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// overlap scores how well two participant sets match: 1 when one contains
// the other, else the Jaccard index; 0 means "do not merge".
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inB := map[string]bool{}
	for _, c := range b {
		inB[c] = true
	}
	common := 0
	for _, c := range a {
		if inB[c] {
			common++
		}
	}
	if common == len(a) || common == len(b) {
		return 1
	}
	j := float64(common) / float64(len(a)+len(b)-common)
	if j < 0.5 {
		return 0
	}
	return j
}

func placeCompatible(ev article.Event, name, country string) bool {
	if ev.Location == nil {
		return true
	}
	if ev.Location.Name != "" && name != "" {
		return strings.EqualFold(ev.Location.Name, name)
	}
	if ev.Location.Country != "" && country != "" {
		return strings.EqualFold(ev.Location.Country, country)
	}
	return true
}

// add finds the merged event that ev belongs to, creating one when no stored
// merged event matches, and returns its ID.
func (m *merger) add(ctx context.Context, ev article.Event, pubWeek int, hasWeek bool) (int64, error) {
	codes := participants(ev)
	lo, hi, dated := eventDays(ev.Date, ev.DateEnd)
	precise := dated && hi-lo < maxPreciseDays
	var best *candidate
	bestScore := 0.0
	if len(codes) > 0 && (precise || hasWeek) {
		cands, err := m.candidates(ctx, ev, lo, hi, precise, pubWeek)
		if err != nil {
			return 0, err
		}
		for i := range cands {
			c := &cands[i]
			if !placeCompatible(ev, c.locName, c.locCountry) {
				continue
			}
			score := overlap(codes, c.codes)
			if precise && c.dayLo.Valid {
				// Prefer the closest date among equally good participant matches.
				score -= float64(dayDistance(lo, hi, int(c.dayLo.Int64), int(c.dayHi.Int64))) / 100
			}
			if score > bestScore {
				best, bestScore = c, score
			}
		}
	}
	var mid int64
	var err error
	if best == nil {
		mid, err = m.create(ctx, ev, codes, lo, hi, dated, precise, pubWeek, hasWeek)
	} else {
		mid, err = best.id, m.extend(ctx, best, ev, codes)
	}
	if err != nil {
		return 0, err
	}
	m.touched[mid] = true
	return mid, nil
}

func dayDistance(lo1, hi1, lo2, hi2 int) int {
	switch {
	case hi1 < lo2:
		return lo2 - hi1
	case hi2 < lo1:
		return lo1 - hi2
	}
	return 0
}

func (m *merger) candidates(ctx context.Context, ev article.Event, lo, hi int, precise bool, pubWeek int) ([]candidate, error) {
	const cols = `SELECT id, codes, loc_name, loc_country, day_lo, day_hi, actors, recipients, location FROM merged_events `
	var rows *sql.Rows
	var err error
	if precise {
		rows, err = m.w.query(ctx, cols+`WHERE type = ? AND modality = ? AND day_lo BETWEEN ? AND ? AND day_hi >= ?`,
			// Merged dates span at most maxPreciseDays, which bounds the index range.
			ev.Type, ev.Modality, lo-mergeWindow-maxPreciseDays, hi+mergeWindow, lo-mergeWindow)
	} else {
		rows, err = m.w.query(ctx, cols+`WHERE type = ? AND modality = ? AND day_lo IS NULL AND pub_week = ?`,
			ev.Type, ev.Modality, pubWeek)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		var codes string
		if err := rows.Scan(&c.id, &codes, &c.locName, &c.locCountry, &c.dayLo, &c.dayHi, &c.actorsJSON, &c.recsJSON, &c.location); err != nil {
			return nil, err
		}
		c.codes = strings.Fields(codes)
		out = append(out, c)
	}
	return out, rows.Err()
}

func (m *merger) create(ctx context.Context, ev article.Event, codes []string, lo, hi int, dated, precise bool, pubWeek int, hasWeek bool) (int64, error) {
	sortDay := unknownDay
	if dated {
		sortDay = lo
	}
	var dayLo, dayHi, week any
	if precise {
		dayLo, dayHi = lo, hi
	}
	if hasWeek {
		week = pubWeek
	}
	var loc any
	var locName, locCountry string
	if ev.Location != nil {
		loc, locName, locCountry = jsonText(ev.Location), ev.Location.Name, strings.ToUpper(ev.Location.Country)
	}
	var id int64
	err := m.w.scan(ctx, `INSERT INTO merged_events (type, modality, actors, recipients, codes,
    ev_date, ev_date_end, day_lo, day_hi, day_sort, pub_week, location, loc_name, loc_country)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		[]any{ev.Type, ev.Modality, jsonText(dedupActors(nil, ev.Actors)), jsonText(dedupActors(nil, ev.Recipients)),
			strings.Join(codes, " "), ev.Date, ev.DateEnd, dayLo, dayHi, sortDay, week, loc, locName, locCountry}, &id)
	return id, err
}

// extend adds a mention's participants and, if the merged event has none, its
// place to the merged event.
func (m *merger) extend(ctx context.Context, c *candidate, ev article.Event, codes []string) error {
	var actors, recs []article.Actor
	if err := json.Unmarshal([]byte(c.actorsJSON), &actors); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(c.recsJSON), &recs); err != nil {
		return err
	}
	actors = dedupActors(actors, ev.Actors)
	isActor := map[string]bool{}
	for _, a := range actors {
		isActor[a.Code] = true
	}
	var newRecs []article.Actor
	for _, r := range dedupActors(recs, ev.Recipients) {
		if !isActor[r.Code] { // a reciprocal event lists a side as actor in one report, recipient in another
			newRecs = append(newRecs, r)
		}
	}
	all := append(append([]string{}, c.codes...), codes...)
	sort.Strings(all)
	all = compactStrings(all)
	loc, locName, locCountry := c.location, c.locName, c.locCountry
	if !loc.Valid && ev.Location != nil {
		loc = sql.NullString{String: jsonText(ev.Location), Valid: true}
		locName, locCountry = ev.Location.Name, strings.ToUpper(ev.Location.Country)
	}
	return m.w.exec(ctx, `UPDATE merged_events SET actors = ?, recipients = ?, codes = ?,
    location = ?, loc_name = ?, loc_country = ? WHERE id = ?`,
		jsonText(nonNil(actors)), jsonText(nonNil(newRecs)), strings.Join(all, " "), loc, locName, locCountry, c.id)
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// dedupActors appends the actors of add whose codes are not yet in have.
func dedupActors(have, add []article.Actor) []article.Actor {
	seen := map[string]bool{}
	for _, a := range have {
		seen[a.Code] = true
	}
	out := append([]article.Actor{}, have...)
	for _, a := range add {
		if a.Code == "" || seen[a.Code] {
			continue
		}
		seen[a.Code] = true
		out = append(out, a)
	}
	return out
}

// recount refreshes the mention, article and source counts of the merged
// events this article touched.
func (m *merger) recount(ctx context.Context) error {
	ids := make([]any, 0, len(m.touched))
	for id := range m.touched {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil
	}
	return m.w.exec(ctx, `UPDATE merged_events SET
    mentions = (SELECT COUNT(*) FROM events WHERE merged_id = merged_events.id),
    articles = (SELECT COUNT(DISTINCT article_id) FROM events WHERE merged_id = merged_events.id),
    sources = (SELECT COUNT(DISTINCT a.source_key) FROM events e JOIN articles a ON a.id = e.article_id
               WHERE e.merged_id = merged_events.id)
WHERE id IN (`+placeholders(len(ids))+`)`, ids...)
}
