package store

import (
	"context"
	"html"
	"strings"

	"github.com/masar-project/masar/text"
)

// Hit is one search result: an article, or the evidence sentence of one of its
// events. Snippet is HTML: the original words, escaped, with each word that
// matched the query wrapped in <mark>…</mark>; "…" marks cut text.
type Hit struct {
	Kind      string // article | evidence
	ArticleID int64
	EventID   int64 // 0 for an article hit
	Title     string
	Snippet   string
	Score     float64 // higher is better; comparable within one result list
}

// indexable reports whether a token carries meaning for search.
func indexable(t text.Token) bool {
	return t.Kind == text.Word || t.Kind == text.Number || t.Kind == text.Latin
}

// stemString is what the index stores for a text: its normalised,
// clitic-stripped stems, space-separated, so that المشاورات, والمشاورات and
// مشاورات all index as مشاورات on both backends.
func stemString(s string) string {
	var b strings.Builder
	for _, t := range text.Tokenize(s) {
		if !indexable(t) || t.Stem == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Stem)
	}
	return b.String()
}

// simFeatures are the stems of the words of s (the SimHash features), so
// that a clitic added or dropped in an edit does not count.
func simFeatures(s string) []string {
	toks := text.Tokenize(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if indexable(t) {
			out = append(out, t.Stem)
		}
	}
	return out
}

// queryStems are the distinct stems of a query, in order.
func queryStems(q string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range strings.Fields(stemString(q)) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Search finds articles and evidence sentences that contain every word of q,
// up to clitics and spelling variants, best first, and returns one page of
// hits with the total number of hits.
func (s *Store) Search(ctx context.Context, q string, limit, offset int) ([]Hit, int, error) {
	stems := queryStems(q)
	if len(stems) == 0 {
		return nil, 0, nil
	}
	if limit <= 0 {
		limit = 20
	}
	arg := s.d.matchArg(stems)
	match := s.d.matchDocs()
	var total int
	if err := s.db.QueryRowContext(ctx, s.d.q(`SELECT COUNT(*) FROM (`+match+`) t`), arg).Scan(&total); err != nil {
		return nil, 0, s.wrap(err)
	}
	// Rank and cut the page before joining, so that only the page's texts are read.
	rows, err := s.db.QueryContext(ctx, s.d.q(`SELECT t.kind, t.article_id, t.event_id, t.score, a.title,
    CASE WHEN t.kind = 'article' THEN a.body ELSE e.evidence END
FROM (`+match+` ORDER BY score DESC, article_id DESC, event_id LIMIT ? OFFSET ?) t
JOIN articles a ON a.id = t.article_id LEFT JOIN events e ON e.id = t.event_id
ORDER BY t.score DESC, t.article_id DESC, t.event_id`), arg, limit, offset)
	if err != nil {
		return nil, 0, s.wrap(err)
	}
	defer rows.Close()
	want := map[string]bool{}
	for _, st := range stems {
		want[st] = true
	}
	var hits []Hit
	for rows.Next() {
		var h Hit
		var body string
		if err := rows.Scan(&h.Kind, &h.ArticleID, &h.EventID, &h.Score, &h.Title, &body); err != nil {
			return nil, 0, s.wrap(err)
		}
		h.Snippet = Snippet(body, want, 30)
		hits = append(hits, h)
	}
	return hits, total, s.wrap(rows.Err())
}

// Snippet cuts from s the window of about width words that holds the most
// distinct wanted stems and returns it as HTML with the matching words in
// <mark>. With no match it returns the start of s.
func Snippet(s string, want map[string]bool, width int) string {
	toks := text.Tokenize(s)
	var words []int // indexes of indexable tokens
	for i, t := range toks {
		if indexable(t) {
			words = append(words, i)
		}
	}
	if len(words) == 0 {
		return html.EscapeString(strings.ToValidUTF8(s, "\uFFFD"))
	}
	// Slide a window over the words; keep the one with most distinct stems.
	bestStart, bestCount := 0, -1
	count := map[string]int{}
	distinct := 0
	for i, j := 0, 0; i < len(words); i++ {
		for ; j < len(words) && j < i+width; j++ {
			if st := toks[words[j]].Stem; want[st] {
				if count[st] == 0 {
					distinct++
				}
				count[st]++
			}
		}
		if distinct > bestCount {
			bestStart, bestCount = i, distinct
		}
		if st := toks[words[i]].Stem; want[st] {
			count[st]--
			if count[st] == 0 {
				distinct--
			}
		}
	}
	// Give the first match a few words of context before it.
	first := bestStart
	for k := bestStart; k < len(words) && k < bestStart+width; k++ {
		if want[toks[words[k]].Stem] {
			first = k
			break
		}
	}
	start := max(bestStart, first-5)
	start = max(0, min(start, len(words)-width)) // a full window where the text allows
	end := min(len(words), start+width)
	rs := []rune(s)
	from, to := toks[words[start]].Start, toks[words[end-1]].End
	if start == 0 {
		from = 0
	}
	if end == len(words) {
		to = len(rs)
	} else {
		// Keep punctuation stuck to the last word (a full stop reads better).
		for k := words[end-1] + 1; k < len(toks) && toks[k].Kind == text.Punct && toks[k].Start == to; k++ {
			to = toks[k].End
		}
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("… ")
	}
	pos := from
	for _, wi := range words[start:end] {
		t := toks[wi]
		if !want[t.Stem] {
			continue
		}
		b.WriteString(html.EscapeString(string(rs[pos:t.Start])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(string(rs[t.Start:t.End])))
		b.WriteString("</mark>")
		pos = t.End
	}
	b.WriteString(html.EscapeString(string(rs[pos:to])))
	if end < len(words) {
		b.WriteString(" …")
	}
	return b.String()
}
