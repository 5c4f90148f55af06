package store

import "context"

// Lookups that the exports (package export) join to the event rows: the
// article fields an EventRow leaves out and the merged events' counts.

// ExportArticle is the identity and dates of a stored article.
type ExportArticle struct {
	ExtID     string // the source's id for the article
	Published string // as stored (ISO date or timestamp), "" when unknown
	Ingested  string // RFC 3339 time it was stored
}

// ExportArticles returns every stored article's ExportArticle by article ID.
func (s *Store) ExportArticles(ctx context.Context) (map[int64]ExportArticle, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, ext_id, published, ingested FROM articles`)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := map[int64]ExportArticle{}
	for rows.Next() {
		var id int64
		var a ExportArticle
		if err := rows.Scan(&id, &a.ExtID, &a.Published, &a.Ingested); err != nil {
			return nil, s.wrap(err)
		}
		out[id] = a
	}
	return out, s.wrap(rows.Err())
}

// MergedCount is how often a merged event was reported.
type MergedCount struct {
	Mentions, Sources, Articles int
}

// MergedCounts returns every merged event's counts by merged event ID.
func (s *Store) MergedCounts(ctx context.Context) (map[int64]MergedCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, mentions, sources, articles FROM merged_events`)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := map[int64]MergedCount{}
	for rows.Next() {
		var id int64
		var c MergedCount
		if err := rows.Scan(&id, &c.Mentions, &c.Sources, &c.Articles); err != nil {
			return nil, s.wrap(err)
		}
		out[id] = c
	}
	return out, s.wrap(rows.Err())
}
