package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"net/url"
	"strings"
	"time"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/text"
)

// ArticleRecord is an article with its provenance, as ingest stores it.
type ArticleRecord struct {
	article.Article           // ID (the source's id or URL-derived), Text, Published, URL, Title
	Source          string    // file path or URL it was read from
	Format          string    // txt|jsonl|html|rss|atom|warc
	Byline          string    // author line, as the page gives it
	Canonical       string    // canonical URL declared by the page
	Lang            string    // language tag, e.g. ar
	Charset         string    // charset the bytes were decoded from
	Fetched         time.Time // when it was read
	ContentHash     string    // ContentHash(Text); computed by Put if empty
	SimHash         uint64    // SimHash(Text); computed by Put if zero
	NearDuplicateOf int64     // filled by Article (Put ignores it): the stored article this one nearly repeats
}

// PutResult says what Put did with an article.
type PutResult struct {
	ArticleID       int64 // the stored article (the existing one for a duplicate)
	Duplicate       bool  // the same content was already stored; nothing was written
	NearDuplicateOf int64 // a stored article within SimHash distance 3, or 0
}

// nearDupDistance is the largest Hamming distance between the SimHashes of
// two articles that are the same story with light edits.
const nearDupDistance = 3

// ContentHash is the hex SHA-256 of text in its matching form
// (text.NormalizeString, white space collapsed): copies that differ only in
// encoding, alef and hamza spellings, diacritics or line wrapping hash alike.
// It is the same key as ingest.ContentHash.
func ContentHash(s string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(text.NormalizeString(s)), " ")))
	return hex.EncodeToString(sum[:])
}

// SimHash is a 64-bit Charikar fingerprint of the normalised words of text:
// articles that differ by a few edits have fingerprints a few bits apart.
func SimHash(text string) uint64 {
	var v [64]int
	for _, w := range simFeatures(text) {
		h := fnv64(w)
		for i := range 64 {
			if h&(1<<i) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	var out uint64
	for i := range 64 {
		if v[i] > 0 {
			out |= 1 << i
		}
	}
	return out
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	// FNV's high bits mix poorly for short inputs; a final avalanche fixes that.
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// bands splits a fingerprint into the four 16-bit values that are indexed.
func bands(h uint64) [4]int64 {
	return [4]int64{int64(h & 0xffff), int64(h >> 16 & 0xffff), int64(h >> 32 & 0xffff), int64(h >> 48)}
}

// sourceKey names the outlet an article came from, for counting distinct
// sources of a merged event: the host of its URL, else of its source.
func sourceKey(rec ArticleRecord) string {
	for _, s := range []string{rec.URL, rec.Canonical, rec.Source} {
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	return rec.Source
}

// HasContent reports whether an article with this ContentHash is stored, so
// that ingest can skip extraction on a re-run.
func (s *Store) HasContent(ctx context.Context, hash string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.d.q(`SELECT COUNT(*) FROM articles WHERE content_hash = ?`), hash).Scan(&n)
	return n > 0, s.wrap(err)
}

// Put stores an article and its extraction result in one transaction: the
// article, its events (with actors), quotes, entities and timexes, the search
// index rows, and the merging of its events into merged events. An article
// whose content is already stored is not written again (Duplicate).
func (s *Store) Put(ctx context.Context, rec ArticleRecord, res article.Result) (PutResult, error) {
	p := prepare(rec, res)
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return PutResult{}, err
	}
	defer tx.Rollback()
	r, err := s.put(ctx, wtx{tx, s}, p)
	if err != nil || r.Duplicate {
		return r, err
	}
	if err := tx.Commit(); err != nil {
		return PutResult{}, s.wrap(err)
	}
	return r, nil
}

// prepared is an article ready to store: hashes and search stems computed.
type prepared struct {
	rec           ArticleRecord
	res           article.Result
	articleStems  string
	evidenceStems []string
}

// prepare does the CPU work of Put (hashing, tokenising) so that it happens
// before the write lock is taken.
func prepare(rec ArticleRecord, res article.Result) prepared {
	if rec.ContentHash == "" {
		rec.ContentHash = ContentHash(rec.Text)
	}
	if rec.SimHash == 0 {
		rec.SimHash = SimHash(rec.Text)
	}
	p := prepared{rec: rec, res: res, articleStems: stemString(rec.Title + "\n" + rec.Text),
		evidenceStems: make([]string, len(res.Events))}
	for i, ev := range res.Events {
		p.evidenceStems[i] = stemString(ev.Evidence.Text)
	}
	return p
}

// beginWrite starts a write transaction.
func (s *Store) beginWrite(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.wrap(err)
	}
	if s.d.postgres {
		// Serialises the writers of one schema as SQLite's write lock does,
		// so that two concurrent Puts cannot create one merged event twice.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7466002, hashtext(current_schema()))`); err != nil {
			tx.Rollback()
			return nil, err
		}
	}
	return tx, nil
}

// put writes a prepared article inside tx.
func (s *Store) put(ctx context.Context, w wtx, p prepared) (PutResult, error) {
	rec, res := p.rec, p.res
	var existing int64
	err := w.scan(ctx, `SELECT id FROM articles WHERE content_hash = ?`, []any{rec.ContentHash}, &existing)
	switch {
	case err == nil:
		return PutResult{ArticleID: existing, Duplicate: true}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return PutResult{}, s.wrap(err)
	}
	near, err := s.nearDuplicate(ctx, w, rec.SimHash)
	if err != nil {
		return PutResult{}, s.wrap(err)
	}
	b := bands(rec.SimHash)
	var fetched string
	if !rec.Fetched.IsZero() {
		fetched = rec.Fetched.UTC().Format(time.RFC3339)
	}
	src := sourceKey(rec)
	var id int64
	err = w.scan(ctx, `INSERT INTO articles (ext_id, title, url, published, body, source, source_key,
    format, byline, canonical, lang, charset, fetched, ingested, content_hash, simhash, sh0, sh1, sh2, sh3,
    near_dup_of, extract_error)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		[]any{rec.ID, rec.Title, rec.URL, rec.Published, rec.Text, rec.Source, src,
			rec.Format, rec.Byline, rec.Canonical, rec.Lang, rec.Charset, fetched, time.Now().UTC().Format(time.RFC3339),
			rec.ContentHash, int64(rec.SimHash), b[0], b[1], b[2], b[3], nullID(near), res.Error}, &id)
	if err != nil {
		return PutResult{}, s.wrap(fmt.Errorf("storing article %q: %w", rec.ID, err))
	}
	docs := []any{"article", id, nil, p.articleStems}
	pubWeek, hasWeek := 0, false
	if lo, _, ok := dayRange(rec.Published); ok {
		pubWeek, hasWeek = week(lo), true
	}
	m := merger{w: w, touched: map[int64]bool{}}
	for i, ev := range res.Events {
		mid, err := m.add(ctx, ev, pubWeek, hasWeek)
		if err != nil {
			return PutResult{}, s.wrap(fmt.Errorf("merging event %d of article %q: %w", i, rec.ID, err))
		}
		eid, err := s.insertEvent(ctx, w, id, i, ev, mid)
		if err != nil {
			return PutResult{}, s.wrap(fmt.Errorf("storing event %d of article %q: %w", i, rec.ID, err))
		}
		if ev.Process != "" {
			if err := w.exec(ctx, `INSERT INTO event_processes (event_id, process, round) VALUES (?, ?, ?)`,
				eid, strings.ToLower(ev.Process), ev.Round); err != nil {
				return PutResult{}, s.wrap(fmt.Errorf("storing the process of event %d of article %q: %w", i, rec.ID, err))
			}
		}
		if p.evidenceStems[i] != "" {
			docs = append(docs, "evidence", id, eid, p.evidenceStems[i])
		}
	}
	if err := w.exec(ctx, s.d.insertDocs(len(docs)/4), docs...); err != nil {
		return PutResult{}, s.wrap(fmt.Errorf("indexing article %q: %w", rec.ID, err))
	}
	if err := m.recount(ctx); err != nil {
		return PutResult{}, s.wrap(err)
	}
	if err := s.insertAnnotations(ctx, w, id, res); err != nil {
		return PutResult{}, s.wrap(fmt.Errorf("storing annotations of article %q: %w", rec.ID, err))
	}
	return PutResult{ArticleID: id, NearDuplicateOf: near}, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nearDuplicate finds the oldest stored article whose SimHash is within
// nearDupDistance of h. By the pigeonhole principle such an article shares
// at least one of the four 16-bit bands with h, which the indexes find.
func (s *Store) nearDuplicate(ctx context.Context, w wtx, h uint64) (int64, error) {
	b := bands(h)
	rows, err := w.query(ctx, `SELECT id, simhash FROM articles
WHERE sh0 = ? OR sh1 = ? OR sh2 = ? OR sh3 = ? ORDER BY id`, b[0], b[1], b[2], b[3])
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, other int64
		if err := rows.Scan(&id, &other); err != nil {
			return 0, err
		}
		if bits.OnesCount64(h^uint64(other)) <= nearDupDistance {
			return id, nil
		}
	}
	return 0, rows.Err()
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil { // the article types always marshal
		panic(err)
	}
	return string(b)
}

func (s *Store) insertEvent(ctx context.Context, w wtx, articleID int64, seq int, ev article.Event, mergedID int64) (int64, error) {
	lo, hi, dated := eventDays(ev.Date, ev.DateEnd)
	sortDay := unknownDay
	var dayLo, dayHi any
	if dated {
		sortDay, dayLo, dayHi = lo, lo, hi
	}
	var loc any
	var locName, locText, locCountry string
	if ev.Location != nil {
		loc = jsonText(ev.Location)
		locName, locText, locCountry = ev.Location.Name, ev.Location.Text, strings.ToUpper(ev.Location.Country)
	}
	ctxJSON := "[]"
	if len(ev.Context) > 0 {
		ctxJSON = jsonText(ev.Context)
	}
	var id int64
	err := w.scan(ctx, `INSERT INTO events (article_id, seq, type, mode, context, modality,
    actors, recipients, ev_date, ev_date_end, day_lo, day_hi, day_sort, location, loc_name, loc_key, loc_text, loc_country,
    evidence, ev_start, ev_end, trig, cameo, score, merged_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		[]any{articleID, seq, ev.Type, ev.Mode, ctxJSON, ev.Modality,
			jsonText(nonNil(ev.Actors)), jsonText(nonNil(ev.Recipients)), ev.Date, ev.DateEnd, dayLo, dayHi, sortDay,
			loc, locName, strings.ToLower(locName), locText, locCountry,
			ev.Evidence.Text, ev.Evidence.Start, ev.Evidence.End, ev.Trigger, ev.CAMEO, ev.Score, mergedID}, &id)
	if err != nil {
		return 0, err
	}
	// One statement for all participants: round trips dominate on PostgreSQL.
	var rows []any
	for _, role := range []struct {
		name   string
		actors []article.Actor
	}{{"actor", ev.Actors}, {"recipient", ev.Recipients}} {
		for _, a := range role.actors {
			if a.Code != "" {
				rows = append(rows, id, role.name, a.Code, a.Name, a.Text)
			}
		}
	}
	if len(rows) == 0 {
		return id, nil
	}
	return id, w.exec(ctx, `INSERT INTO event_actors (event_id, role, code, name, surface) VALUES `+valueRows(len(rows)/5, 5), rows...)
}

func nonNil(a []article.Actor) []article.Actor {
	if a == nil {
		return []article.Actor{}
	}
	return a
}

func (s *Store) insertAnnotations(ctx context.Context, w wtx, articleID int64, res article.Result) error {
	for i, q := range res.Quotes {
		if err := w.exec(ctx, `INSERT INTO quotes (article_id, seq, speaker_text, speaker_code, speaker_name,
    quote, direct, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			articleID, i, q.Speaker.Text, q.Speaker.Code, q.Speaker.Name, q.Text, q.Direct, q.Start, q.End); err != nil {
			return err
		}
	}
	for i, e := range res.Entities {
		if err := w.exec(ctx, `INSERT INTO entities (article_id, seq, surface, kind, span_start, span_end,
    canonical, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			articleID, i, e.Text, e.Type, e.Start, e.End, e.Canonical, e.Code); err != nil {
			return err
		}
	}
	for i, t := range res.Timexes {
		if err := w.exec(ctx, `INSERT INTO timexes (article_id, seq, surface, value, span_start, span_end)
VALUES (?, ?, ?, ?, ?, ?)`, articleID, i, t.Text, t.Value, t.Start, t.End); err != nil {
			return err
		}
	}
	return nil
}

// valueRows is the VALUES list of a multi-row insert: n rows of cols
// placeholders.
func valueRows(n, cols int) string {
	row := "(" + placeholders(cols) + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}
