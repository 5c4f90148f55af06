package server

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/masar-project/masar/store"
)

// defaultPageSize is the page size when the request names none.
const defaultPageSize = 50

// filterParams are the event filters of `masar events`, shared by the event
// list, the aggregates and the exports.
var filterParams = []string{"actor", "type", "process", "place", "modality", "from", "to", "q"}

var eventTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

var modalities = []string{"asserted", "future", "hypothetical", "negated"}

// query checks that r carries only the named parameters, each at most once,
// and returns them.
func query(r *http.Request, allowed ...string) (url.Values, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, badRequest("malformed query string: %v", err)
	}
	for k, vals := range v {
		if !slices.Contains(allowed, k) {
			if len(allowed) == 0 {
				return nil, badRequest("unknown parameter %q: this endpoint takes none", k)
			}
			return nil, badRequest("unknown parameter %q (allowed: %s)", k, strings.Join(allowed, ", "))
		}
		if len(vals) > 1 {
			return nil, badRequest("parameter %q given %d times", k, len(vals))
		}
	}
	return v, nil
}

// page reads limit and offset.
func page(v url.Values) (limit, offset int, err error) {
	limit, offset = defaultPageSize, 0
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxPageSize {
			return 0, 0, badRequest("limit must be an integer from 1 to %d, not %q", MaxPageSize, s)
		}
		limit = n
	}
	if s := v.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return 0, 0, badRequest("offset must be a non-negative integer, not %q", s)
		}
		offset = n
	}
	return limit, offset, nil
}

// eventFilter reads the event filters, checking the closed vocabularies and
// dates so that a typo is a 400 rather than an empty list.
func eventFilter(v url.Values) (store.EventFilter, error) {
	f := store.EventFilter{
		Actor:    strings.TrimSpace(v.Get("actor")),
		Type:     strings.ToUpper(strings.TrimSpace(v.Get("type"))),
		Process:  strings.TrimSpace(v.Get("process")),
		Place:    strings.TrimSpace(v.Get("place")),
		Modality: strings.ToLower(strings.TrimSpace(v.Get("modality"))),
		From:     strings.TrimSpace(v.Get("from")),
		To:       strings.TrimSpace(v.Get("to")),
		Query:    strings.TrimSpace(v.Get("q")),
	}
	if f.Type != "" && !slices.Contains(eventTypes, f.Type) {
		return f, badRequest("type %q is not a PLOVER event type (%s)", v.Get("type"), strings.Join(eventTypes, ", "))
	}
	if f.Modality != "" && !slices.Contains(modalities, f.Modality) {
		return f, badRequest("modality %q is not one of %s", v.Get("modality"), strings.Join(modalities, ", "))
	}
	from, okFrom := isoDate(f.From, false)
	to, okTo := isoDate(f.To, true)
	switch {
	case !okFrom:
		return f, badRequest("from %q: want YYYY-MM-DD, YYYY-MM or YYYY", f.From)
	case !okTo:
		return f, badRequest("to %q: want YYYY-MM-DD, YYYY-MM or YYYY", f.To)
	case f.From != "" && f.To != "" && to.Before(from):
		return f, badRequest("from %s is after to %s", f.From, f.To)
	}
	return f, nil
}

// isoDate parses an ISO date of any precision; end selects its last day.
// An empty string is valid and zero.
func isoDate(s string, end bool) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	for _, l := range []struct {
		layout string
		y, m   int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		if t, err := time.Parse(l.layout, s); err == nil {
			if end && (l.y > 0 || l.m > 0) {
				t = t.AddDate(l.y, l.m, 0).AddDate(0, 0, -1)
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// pathID reads a positive integer id from the path.
func pathID(r *http.Request) (int64, error) {
	s := r.PathValue("id")
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 {
		return 0, badRequest("id %q is not a positive integer", s)
	}
	return n, nil
}
