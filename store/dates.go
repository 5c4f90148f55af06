package store

import (
	"fmt"
	"math"
	"time"
)

// Dates are stored as text (as extracted: YYYY-MM-DD, YYYY-MM or YYYY) and as
// a range of day numbers (days since 1970-01-01) for filters and merging.

// unknownDay sorts events without a date after every dated one.
const unknownDay = math.MinInt32

// dayRange returns the first and last day that an ISO date of any precision
// covers.
func dayRange(s string) (lo, hi int, ok bool) {
	for _, layout := range []struct {
		l    string
		next func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		t, err := time.Parse(layout.l, s)
		if err == nil {
			return dayNumber(t), dayNumber(layout.next(t)) - 1, true
		}
	}
	return 0, 0, false
}

func dayNumber(t time.Time) int { return int(t.Unix() / 86400) }

// eventDays is the day range of an event: from the start of Date to the end of
// DateEnd (or of Date).
func eventDays(date, dateEnd *string) (lo, hi int, ok bool) {
	if date == nil {
		return 0, 0, false
	}
	lo, hi, ok = dayRange(*date)
	if !ok {
		return 0, 0, false
	}
	if dateEnd != nil {
		if _, h, ok := dayRange(*dateEnd); ok && h > hi {
			hi = h
		}
	}
	return lo, hi, true
}

// week numbers weeks from Monday 1970-01-05, so that a week is Monday–Sunday.
func week(day int) int { return int(math.Floor(float64(day+3) / 7)) }

// parseFilterDate reads a --from/--to bound; to selects the bound's last day.
func parseFilterDate(s string, to bool) (int, error) {
	lo, hi, ok := dayRange(s)
	if !ok {
		return 0, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	if to {
		return hi, nil
	}
	return lo, nil
}
