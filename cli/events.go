package cli

import (
	"context"
	"strconv"
	"strings"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/server"
	"github.com/masar-project/masar/store"
)

func init() {
	register(Command{Name: "events", Summary: "list stored events (filters: actor, type, process, place, dates, modality)", Run: runEvents})
}

func runEvents(env *Env) error {
	fs := newFlags(env, "events", "[flags]")
	db := dbFlag(fs)
	format := formatFlag(fs)
	f := filterFlags(fs)
	merged := fs.Bool("merged", false, "list merged events (one per event reported across articles)")
	fs.IntVar(&f.Limit, "limit", 50, "most rows to show")
	fs.IntVar(&f.Offset, "offset", 0, "rows to skip")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if f.Limit <= 0 {
		return usageError("--limit must be positive")
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *merged {
		return listMerged(env, st, *f, *format)
	}
	rows, total, err := st.Events(ctx, *f)
	if err != nil {
		return err
	}
	items := make([]server.Event, len(rows))
	table := make([][]string, len(rows))
	for i, r := range rows {
		items[i] = server.EventOf(r)
		table[i] = []string{itoa(r.ID), dateText(r.Date, r.DateEnd), r.Type, r.Modality, codes(r.Actors), codes(r.Recipients),
			place(r.Location), r.Evidence.Text, itoa(r.ArticleID)}
	}
	header := []string{"ID", "DATE", "TYPE", "MODALITY", "ACTORS", "RECIPIENTS", "PLACE", "EVIDENCE", "ARTICLE"}
	if err := writeRows(env.Stdout, *format, header, table, items); err != nil {
		return err
	}
	footer(env.Stdout, *format, len(rows), total)
	return nil
}

func listMerged(env *Env, st *store.Store, f store.EventFilter, format string) error {
	ms, total, err := st.MergedEvents(context.Background(), f)
	if err != nil {
		return err
	}
	items := make([]server.MergedEvent, len(ms))
	table := make([][]string, len(ms))
	for i, m := range ms {
		items[i] = server.MergedOf(m)
		table[i] = []string{itoa(m.ID), dateText(items[i].Date, items[i].DateEnd), m.Type, m.Modality,
			codes(m.Actors), codes(m.Recipients), place(m.Location), strconv.Itoa(m.Mentions), strconv.Itoa(m.Sources),
			strconv.Itoa(m.Articles)}
	}
	header := []string{"ID", "DATE", "TYPE", "MODALITY", "ACTORS", "RECIPIENTS", "PLACE", "MENTIONS", "SOURCES", "ARTICLES"}
	if err := writeRows(env.Stdout, format, header, table, items); err != nil {
		return err
	}
	footer(env.Stdout, format, len(ms), total)
	return nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func dateText(date, end *string) string {
	switch {
	case date == nil:
		return ""
	case end != nil && *end != *date:
		return *date + "/" + *end
	}
	return *date
}

func codes(as []article.Actor) string {
	cs := make([]string, 0, len(as))
	for _, a := range as {
		cs = append(cs, a.Code)
	}
	return strings.Join(cs, " ")
}

func place(l *article.Location) string {
	switch {
	case l == nil:
		return ""
	case l.Name != "" && l.Country != "":
		return l.Name + " (" + l.Country + ")"
	case l.Name != "":
		return l.Name
	}
	return l.Country
}
