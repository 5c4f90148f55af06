package server

import (
	"html"
	"strings"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
)

// The API's JSON shapes. Events keep the field names of OUTPUT.md and add
// their store identity and provenance. `masar events --format json` prints
// the same shapes (Event, MergedEvent).

type list[T any] struct {
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	Items  []T `json:"items"`
}

// Event is a stored event as the API and `masar events` show it.
type Event struct {
	ID           int64  `json:"id"`
	ArticleID    int64  `json:"article_id"`
	ArticleTitle string `json:"article_title"`
	ArticleURL   string `json:"article_url,omitempty"`
	Source       string `json:"source,omitempty"`
	MergedID     int64  `json:"merged_id,omitempty"`
	Quad         string `json:"quad"`
	article.Event
	Processes []processRefJSON `json:"processes,omitempty"`
}

type processRefJSON struct {
	Process string `json:"process"`
	Round   int    `json:"round,omitempty"`
}

// quadKey is the quad class of a type as a JSON key.
func quadKey(eventType string) string {
	return strings.ReplaceAll(strings.ReplaceAll(store.Quad(eventType), " ", "_"), "cooperation", "coop")
}

// EventOf is the JSON shape of a stored event.
func EventOf(r store.EventRow) Event {
	ev := r.Event
	if ev.Actors == nil {
		ev.Actors = []article.Actor{}
	}
	if ev.Recipients == nil {
		ev.Recipients = []article.Actor{}
	}
	return Event{ID: r.ID, ArticleID: r.ArticleID, ArticleTitle: r.ArticleTitle, ArticleURL: r.ArticleURL,
		Source: r.Source, MergedID: r.MergedID, Quad: quadKey(ev.Type), Event: ev}
}

// MergedEvent is a merged event as the API and `masar events --merged` show
// it.
type MergedEvent struct {
	ID         int64             `json:"id"`
	Type       string            `json:"type"`
	Quad       string            `json:"quad"`
	Modality   string            `json:"modality"`
	Actors     []article.Actor   `json:"actors"`
	Recipients []article.Actor   `json:"recipients"`
	Date       *string           `json:"date"`
	DateEnd    *string           `json:"date_end"`
	Location   *article.Location `json:"location,omitempty"`
	Mentions   int               `json:"mentions"`
	Sources    int               `json:"sources"`
	Articles   int               `json:"articles"`
	MentionIDs []int64           `json:"mention_ids"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// MergedOf is the JSON shape of a merged event.
func MergedOf(m store.MergedEvent) MergedEvent {
	j := MergedEvent{ID: m.ID, Type: m.Type, Quad: quadKey(m.Type), Modality: m.Modality, Actors: m.Actors,
		Recipients: m.Recipients, Date: optional(m.Date), DateEnd: optional(m.DateEnd), Location: m.Location,
		Mentions: m.Mentions, Sources: m.Sources, Articles: m.Articles, MentionIDs: m.MentionIDs}
	if j.Actors == nil {
		j.Actors = []article.Actor{}
	}
	if j.Recipients == nil {
		j.Recipients = []article.Actor{}
	}
	if j.MentionIDs == nil {
		j.MentionIDs = []int64{}
	}
	return j
}

type articleJSON struct {
	ID          int64  `json:"id"`
	ExtID       string `json:"ext_id"`
	Title       string `json:"title"`
	URL         string `json:"url,omitempty"`
	Published   string `json:"published,omitempty"`
	Source      string `json:"source,omitempty"`
	Events      *int   `json:"events,omitempty"`
	Text        string `json:"text,omitempty"`
	Format      string `json:"format,omitempty"`
	Canonical   string `json:"canonical,omitempty"`
	Byline      string `json:"byline,omitempty"`
	ContentHash string `json:"content_hash,omitempty"`
	NearDupOf   int64  `json:"near_duplicate_of,omitempty"`
}

// segment is a piece of a search snippet; Mark is set on matched words.
type segment struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// segments splits the store's HTML snippet (escaped text with <mark>) into
// plain-text pieces, so that clients never need to insert HTML; adjacent
// matched words are joined into one piece.
func segments(snippet string) []segment {
	out := []segment{}
	mark := false
	for snippet != "" {
		tag := "<mark>"
		if mark {
			tag = "</mark>"
		}
		i := strings.Index(snippet, tag)
		piece := snippet
		if i >= 0 {
			piece = snippet[:i]
		}
		if piece != "" {
			out = append(out, segment{Text: html.UnescapeString(piece), Mark: mark})
		}
		// Matched words with only spaces between them read as one phrase.
		if n := len(out); mark && n >= 3 && out[n-3].Mark && !out[n-2].Mark && strings.TrimSpace(out[n-2].Text) == "" {
			out[n-3].Text += out[n-2].Text + out[n-1].Text
			out = out[:n-2]
		}
		if i < 0 {
			break
		}
		snippet = snippet[i+len(tag):]
		mark = !mark
	}
	return out
}

type hitJSON struct {
	Kind      string    `json:"kind"`
	ArticleID int64     `json:"article_id"`
	EventID   int64     `json:"event_id,omitempty"`
	Title     string    `json:"title"`
	Snippet   []segment `json:"snippet"`
	Score     float64   `json:"score"`
}
