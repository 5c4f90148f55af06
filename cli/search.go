package cli

import (
	"context"
	"html"
	"strconv"
	"strings"
)

func init() {
	register(Command{Name: "search", Summary: "full-text search of articles and evidence (Arabic-aware)", Run: runSearch})
}

// hitJSON is one result of `masar search --format json`. Snippet is HTML with
// the matching words in <mark>; Text is the same snippet as plain text.
type hitJSON struct {
	Kind      string  `json:"kind"`
	ArticleID int64   `json:"article_id"`
	EventID   int64   `json:"event_id,omitempty"`
	Title     string  `json:"title"`
	Snippet   string  `json:"snippet"`
	Text      string  `json:"text"`
	Score     float64 `json:"score"`
}

func runSearch(env *Env) error {
	fs := newFlags(env, "search", "[flags] QUERY")
	db := dbFlag(fs)
	format := formatFlag(fs)
	limit := fs.Int("limit", 20, "most hits to show")
	offset := fs.Int("offset", 0, "hits to skip")
	query, err := parseInterspersed(fs, env.Args)
	if err != nil {
		return err
	}
	if len(query) == 0 {
		return usageError("no QUERY")
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if *limit <= 0 {
		return usageError("--limit must be positive")
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, total, err := st.Search(ctx, strings.Join(query, " "), *limit, *offset)
	if err != nil {
		return err
	}
	items := make([]hitJSON, len(hits))
	rows := make([][]string, len(hits))
	for i, h := range hits {
		plain := plainSnippet(h.Snippet, "", "")
		items[i] = hitJSON{Kind: h.Kind, ArticleID: h.ArticleID, EventID: h.EventID, Title: h.Title,
			Snippet: h.Snippet, Text: plain, Score: h.Score}
		event := ""
		if h.EventID != 0 {
			event = itoa(h.EventID)
		}
		rows[i] = []string{h.Kind, itoa(h.ArticleID), event, strconv.FormatFloat(h.Score, 'g', 3, 64), h.Title,
			plainSnippet(h.Snippet, "[", "]")}
	}
	header := []string{"KIND", "ARTICLE", "EVENT", "SCORE", "TITLE", "SNIPPET"}
	if err := writeRows(env.Stdout, *format, header, rows, items); err != nil {
		return err
	}
	footer(env.Stdout, *format, len(hits), total)
	return nil
}

// plainSnippet turns a store snippet (HTML with <mark>) into text, with the
// marks replaced by open and close.
func plainSnippet(s, open, close string) string {
	s = strings.ReplaceAll(s, "<mark>", open)
	s = strings.ReplaceAll(s, "</mark>", close)
	return html.UnescapeString(s)
}
