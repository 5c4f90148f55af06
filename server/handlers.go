package server

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/export"
	"github.com/masar-project/masar/store"
)

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	st, err := s.st.Stats(r.Context())
	if err != nil {
		return err
	}
	quads := map[string]int{}
	for t, n := range st.ByType {
		quads[quadKey(t)] += n
	}
	formats := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		formats[i] = f.Name
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"articles": st.Articles, "near_duplicates": st.NearDuplicates, "events": st.Events,
		"merged_events": st.MergedEvents, "quotes": st.Quotes, "entities": st.Entities,
		"by_type": st.ByType, "by_quad": quads, "by_modality": st.ByModality,
		"export_formats": formats, "backend": s.st.Dialect(),
	})
	return nil
}

func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	v, err := query(r, "limit", "offset")
	if err != nil {
		return err
	}
	limit, offset, err := page(v)
	if err != nil {
		return err
	}
	as, total, err := s.st.ArticleSummaries(r.Context(), limit, offset)
	if err != nil {
		return err
	}
	out := list[articleJSON]{Total: total, Limit: limit, Offset: offset, Items: make([]articleJSON, 0, len(as))}
	for _, a := range as {
		n := a.Events
		out.Items = append(out.Items, articleJSON{ID: a.ID, ExtID: a.ExtID, Title: a.Title, URL: a.URL,
			Published: a.Published, Source: a.Source, Events: &n})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rec, res, err := s.st.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return notFound("no article %d", id)
	}
	if err != nil {
		return err
	}
	ids, err := s.st.ArticleEventIDs(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"article": articleJSON{ID: id, ExtID: rec.ID, Title: rec.Title, URL: rec.URL, Published: rec.Published,
			Source: rec.Source, Text: rec.Text, Format: rec.Format, Canonical: rec.Canonical, Byline: rec.Byline,
			ContentHash: rec.ContentHash, NearDupOf: rec.NearDuplicateOf},
		"annotations": res,
		"event_ids":   ids,
	})
	return nil
}

// pagedFilter reads the event filters and the page of a list endpoint.
func pagedFilter(r *http.Request) (store.EventFilter, error) {
	v, err := query(r, append([]string{"limit", "offset"}, filterParams...)...)
	if err != nil {
		return store.EventFilter{}, err
	}
	f, err := eventFilter(v)
	if err != nil {
		return f, err
	}
	f.Limit, f.Offset, err = page(v)
	return f, err
}

// storeFilterError reports the filter problems that only the store finds
// (a query without searchable words) as bad requests.
func storeFilterError(err error, f store.EventFilter) error {
	if err != nil && f.Query != "" && strings.Contains(err.Error(), "no words to search") {
		return badRequest("q %q has no words to search", f.Query)
	}
	return err
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	f, err := pagedFilter(r)
	if err != nil {
		return err
	}
	rows, total, err := s.st.Events(r.Context(), f)
	if err != nil {
		return storeFilterError(err, f)
	}
	out := list[Event]{Total: total, Limit: f.Limit, Offset: f.Offset, Items: make([]Event, 0, len(rows))}
	for _, row := range rows {
		out.Items = append(out.Items, EventOf(row))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	row, err := s.st.EventByID(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return notFound("no event %d", id)
	}
	if err != nil {
		return err
	}
	ev := EventOf(row)
	procs, err := s.st.EventProcesses(r.Context(), id)
	if err != nil {
		return err
	}
	for _, p := range procs {
		ev.Processes = append(ev.Processes, processRefJSON{Process: p.Process, Round: p.Round})
	}
	writeJSON(w, http.StatusOK, ev)
	return nil
}

func (s *Server) mergedEvents(w http.ResponseWriter, r *http.Request) error {
	f, err := pagedFilter(r)
	if err != nil {
		return err
	}
	ms, total, err := s.st.MergedEvents(r.Context(), f)
	if err != nil {
		return storeFilterError(err, f)
	}
	out := list[MergedEvent]{Total: total, Limit: f.Limit, Offset: f.Offset, Items: make([]MergedEvent, 0, len(ms))}
	for _, m := range ms {
		out.Items = append(out.Items, MergedOf(m))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

type actorJSON struct {
	Code        string `json:"code"`
	Name        string `json:"name,omitempty"`
	Events      int    `json:"events"`
	AsActor     int    `json:"as_actor"`
	AsRecipient int    `json:"as_recipient"`
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) error {
	v, err := query(r, "limit")
	if err != nil {
		return err
	}
	limit, _, err := page(v)
	if err != nil {
		return err
	}
	as, err := s.st.Actors(r.Context(), limit)
	if err != nil {
		return err
	}
	items := make([]actorJSON, 0, len(as))
	for _, a := range as {
		items = append(items, actorJSON{Code: a.Code, Name: a.Name, Events: a.Events, AsActor: a.AsActor, AsRecipient: a.AsRecipient})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
	return nil
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	v, err := query(r, "q", "limit", "offset")
	if err != nil {
		return err
	}
	q := strings.TrimSpace(v.Get("q"))
	if q == "" {
		return badRequest("q is required: the words to search for")
	}
	limit, offset, err := page(v)
	if err != nil {
		return err
	}
	hits, total, err := s.st.Search(r.Context(), q, limit, offset)
	if err != nil {
		return err
	}
	out := list[hitJSON]{Total: total, Limit: limit, Offset: offset, Items: make([]hitJSON, 0, len(hits))}
	for _, h := range hits {
		out.Items = append(out.Items, hitJSON{Kind: h.Kind, ArticleID: h.ArticleID, EventID: h.EventID,
			Title: h.Title, Snippet: segments(h.Snippet), Score: h.Score})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// filterOnly reads the event filters of an aggregate endpoint.
func filterOnly(r *http.Request) (store.EventFilter, error) {
	v, err := query(r, filterParams...)
	if err != nil {
		return store.EventFilter{}, err
	}
	return eventFilter(v)
}

// quadDay is one day of the timeline: event counts per quad class.
type quadDay struct {
	Date             string `json:"date"`
	VerbalCoop       int    `json:"verbal_coop"`
	MaterialCoop     int    `json:"material_coop"`
	VerbalConflict   int    `json:"verbal_conflict"`
	MaterialConflict int    `json:"material_conflict"`
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	f, err := filterOnly(r)
	if err != nil {
		return err
	}
	return s.cached(w, r, func() (any, error) {
		counts, err := s.st.DailyTypeCounts(r.Context(), f)
		if err != nil {
			return nil, storeFilterError(err, f)
		}
		days := []quadDay{}
		for _, c := range counts {
			if len(days) == 0 || days[len(days)-1].Date != c.Day {
				days = append(days, quadDay{Date: c.Day})
			}
			d := &days[len(days)-1]
			switch quadKey(c.Type) {
			case "verbal_coop":
				d.VerbalCoop += c.Count
			case "material_coop":
				d.MaterialCoop += c.Count
			case "verbal_conflict":
				d.VerbalConflict += c.Count
			case "material_conflict":
				d.MaterialConflict += c.Count
			}
		}
		return map[string]any{"items": days}, nil
	})
}

// maxNetworkNodes bounds the network: beyond a hundred actors it is unreadable.
const maxNetworkNodes = 100

func (s *Server) network(w http.ResponseWriter, r *http.Request) error {
	v, err := query(r, append([]string{"limit"}, filterParams...)...)
	if err != nil {
		return err
	}
	f, err := eventFilter(v)
	if err != nil {
		return err
	}
	limit := 40
	if v.Get("limit") != "" {
		if limit, _, err = page(v); err != nil {
			return err
		}
		if limit > maxNetworkNodes {
			return badRequest("limit must be at most %d for the network", maxNetworkNodes)
		}
	}
	return s.cached(w, r, func() (any, error) {
		nodes, edges, err := s.st.ActorNetwork(r.Context(), f, limit)
		if err != nil {
			return nil, storeFilterError(err, f)
		}
		type node struct {
			Code   string `json:"code"`
			Name   string `json:"name,omitempty"`
			Text   string `json:"text,omitempty"`
			Events int    `json:"events"`
		}
		type edge struct {
			Source string `json:"source"`
			Target string `json:"target"`
			Weight int    `json:"weight"`
		}
		out := struct {
			Nodes []node `json:"nodes"`
			Edges []edge `json:"edges"`
		}{Nodes: make([]node, 0, len(nodes)), Edges: make([]edge, 0, len(edges))}
		for _, n := range nodes {
			out.Nodes = append(out.Nodes, node{n.Code, n.Name, n.Text, n.Events})
		}
		for _, e := range edges {
			out.Edges = append(out.Edges, edge{e.From, e.To, e.Events})
		}
		return out, nil
	})
}

func (s *Server) places(w http.ResponseWriter, r *http.Request) error {
	f, err := filterOnly(r)
	if err != nil {
		return err
	}
	return s.cached(w, r, func() (any, error) {
		ps, err := s.st.PlaceCounts(r.Context(), f)
		if err != nil {
			return nil, storeFilterError(err, f)
		}
		type place struct {
			Name    string  `json:"name"`
			Text    string  `json:"text,omitempty"`
			Country string  `json:"country"`
			Lat     float64 `json:"lat"`
			Lon     float64 `json:"lon"`
			Count   int     `json:"count"`
		}
		items := make([]place, 0, len(ps))
		for _, p := range ps {
			items = append(items, place{p.Name, p.Text, p.Country, p.Lat, p.Lon, p.Events})
		}
		return map[string]any{"items": items}, nil
	})
}

// extract annotates a posted article without storing it.
func (s *Server) extract(w http.ResponseWriter, r *http.Request) error {
	if _, err := query(r); err != nil {
		return err
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return &apiError{http.StatusUnsupportedMediaType, "send the article as application/json"}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	var a article.Article
	if err := json.Unmarshal(body, &a); err != nil {
		return badRequest("body is not an article object: %v", err)
	}
	if strings.TrimSpace(a.Text) == "" {
		return badRequest(`the article has no "text"`)
	}
	writeJSON(w, http.StatusOK, s.x.Extract(a))
	return nil
}

// download streams the events that match the filters in an export format.
func (s *Server) download(w http.ResponseWriter, r *http.Request) error {
	v, err := query(r, append([]string{"format"}, filterParams...)...)
	if err != nil {
		return err
	}
	f, err := eventFilter(v)
	if err != nil {
		return err
	}
	name := v.Get("format")
	i := slices.IndexFunc(export.Formats, func(x export.Format) bool { return x.Name == name })
	if i < 0 {
		names := make([]string, len(export.Formats))
		for j, x := range export.Formats {
			names[j] = x.Name
		}
		return badRequest("format %q: want one of %s", name, strings.Join(names, ", "))
	}
	format := export.Formats[i]
	// Headers go out with the first byte; an error after that can only cut
	// the download short, which the client sees as a truncated body.
	cw := &countingWriter{w: w, before: func() {
		w.Header().Set("Content-Type", format.ContentType)
		w.Header().Set("Content-Disposition", `attachment; filename="masar-events`+format.Ext+`"`)
	}}
	err = export.Write(r.Context(), s.st, format.Name, f, cw)
	if err != nil && cw.n > 0 {
		s.log.Error("export failed mid-stream", "format", format.Name, "err", err)
		return nil
	}
	if err != nil {
		return storeFilterError(err, f)
	}
	if cw.n == 0 {
		cw.before()
		w.WriteHeader(http.StatusOK)
	}
	return nil
}

// countingWriter sets the response headers just before the first write.
type countingWriter struct {
	w      http.ResponseWriter
	before func()
	n      int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.n == 0 && len(p) > 0 {
		c.before()
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
