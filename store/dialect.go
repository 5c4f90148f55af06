package store

import (
	"strconv"
	"strings"
)

// dialect keeps the SQL differences between SQLite and PostgreSQL in one
// place: placeholders, and the full-text index (search.go uses the two
// methods at the bottom).
type dialect struct{ postgres bool }

// q rewrites the ? placeholders of a query for the backend.
func (d dialect) q(query string) string {
	if !d.postgres {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// insertDocs adds n rows (kind, article_id, event_id, stems) to the search
// index.
func (d dialect) insertDocs(n int) string {
	table := "search_fts"
	if d.postgres {
		table = "search_docs"
	}
	return `INSERT INTO ` + table + ` (kind, article_id, event_id, stems) VALUES ` + valueRows(n, 4)
}

// matchDocs selects (kind, article_id, event_id, score) of the index rows that
// contain every stem of the query, best first; the query argument is the
// value returned by matchArg. Higher scores are better on both backends.
func (d dialect) matchDocs() string {
	if d.postgres {
		return `SELECT kind, article_id, COALESCE(event_id, 0) AS event_id, ts_rank(tsv, q) AS score
FROM search_docs, plainto_tsquery('simple', ?) q WHERE tsv @@ q`
	}
	return `SELECT kind, CAST(article_id AS INTEGER) AS article_id, COALESCE(CAST(event_id AS INTEGER), 0) AS event_id,
    -bm25(search_fts) AS score
FROM search_fts WHERE search_fts MATCH ?`
}

// evidenceMatch is a condition on events e that holds when the event's
// evidence contains every stem of the query (argument from matchArg).
func (d dialect) evidenceMatch() string {
	if d.postgres {
		return `e.id IN (SELECT event_id FROM search_docs WHERE kind = 'evidence' AND tsv @@ plainto_tsquery('simple', ?))`
	}
	return `e.id IN (SELECT CAST(event_id AS INTEGER) FROM search_fts WHERE search_fts MATCH ? AND kind = 'evidence')`
}

// matchArg turns query stems into the backend's match argument: an FTS5
// phrase per stem (quoted, so that no stem is read as query syntax) or a
// plain word list for plainto_tsquery.
func (d dialect) matchArg(stems []string) string {
	if d.postgres {
		return strings.Join(stems, " ")
	}
	parts := make([]string, len(stems))
	for i, s := range stems {
		parts[i] = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return strings.Join(parts, " ")
}
