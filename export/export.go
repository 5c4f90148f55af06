// Package export writes stored events for other tools: PLOVER JSON Lines,
// GDELT 2.0-style event TSV (see GDELT.md for the column mapping) and
// Parquet with the PLOVER fields as a flat schema.
package export

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/masar-project/masar/store"
)

// Format names.
const (
	PLOVER  = "plover"
	GDELT   = "gdelt"
	Parquet = "parquet"
)

// Format describes a download format.
type Format struct {
	Name, ContentType, Ext string
}

// Formats lists the export formats.
var Formats = []Format{
	{Name: PLOVER, ContentType: "application/x-ndjson", Ext: ".jsonl"},
	{Name: GDELT, ContentType: "text/tab-separated-values; charset=utf-8", Ext: ".tsv"},
	{Name: Parquet, ContentType: "application/vnd.apache.parquet", Ext: ".parquet"},
}

// Write writes the events of st that match f (all of them when f.Limit is
// 0) to w in format: "plover", "gdelt" or "parquet".
func Write(ctx context.Context, st *store.Store, format string, f store.EventFilter, w io.Writer) error {
	var sink interface {
		add(Record) error
		close() error
	}
	switch strings.ToLower(format) {
	case PLOVER:
		sink = newJSONL(w)
	case GDELT:
		sink = newGDELT(w)
	case Parquet:
		sink = newParquet(w)
	default:
		return fmt.Errorf("export: unknown format %q (want plover, gdelt or parquet)", format)
	}
	j, err := newJoiner(ctx, st)
	if err != nil {
		return err
	}
	err = st.EachEvent(ctx, f, func(r store.EventRow) error {
		return sink.add(j.record(r))
	})
	if err != nil {
		return err
	}
	return sink.close()
}

// joiner adds to event rows what the store keeps elsewhere: the article's
// id and dates, the merged event's counts and the process assignment.
type joiner struct {
	articles map[int64]store.ExportArticle
	merged   map[int64]store.MergedCount
	process  map[int64]store.EventProcess
}

func newJoiner(ctx context.Context, st *store.Store) (*joiner, error) {
	arts, err := st.ExportArticles(ctx)
	if err != nil {
		return nil, err
	}
	merged, err := st.MergedCounts(ctx)
	if err != nil {
		return nil, err
	}
	procs, err := st.Processes(ctx, "")
	if err != nil {
		return nil, err
	}
	j := &joiner{articles: arts, merged: merged, process: make(map[int64]store.EventProcess, len(procs))}
	for _, p := range procs {
		// An event in two processes exports the first by name; Processes
		// orders by event, then process.
		if _, ok := j.process[p.EventID]; !ok {
			j.process[p.EventID] = p
		}
	}
	return j, nil
}

func (j *joiner) record(r store.EventRow) Record {
	rec := fromRow(r)
	if a, ok := j.articles[r.ArticleID]; ok {
		rec.SourceID, rec.Published, rec.Ingested = a.ExtID, a.Published, a.Ingested
	}
	if m, ok := j.merged[r.MergedID]; ok {
		rec.Mentions, rec.Sources, rec.Articles = m.Mentions, m.Sources, m.Articles
	}
	if p, ok := j.process[r.ID]; ok {
		rec.Process, rec.Round = p.Process, p.Round
	} else if r.Process != "" {
		rec.Process, rec.Round = r.Process, r.Round
	}
	return rec
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
