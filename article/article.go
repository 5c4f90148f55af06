// Package article holds a news article as masar reads it and the annotations
// masar extracts from it, in the JSON shape that OUTPUT.md fixes.
package article

// Article is one input line of `masar extract`. Only ID and Text are required.
type Article struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published,omitempty"` // ISO date; anchors relative dates
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
}

// Result is one output line of `masar extract`.
type Result struct {
	ID       string   `json:"id"`
	Line     int      `json:"line,omitempty"` // input line number, set on errors
	Error    string   `json:"error,omitempty"`
	Events   []Event  `json:"events"`
	Quotes   []Quote  `json:"quotes"`
	Entities []Entity `json:"entities"`
	Timexes  []Timex  `json:"timexes"`
}

// Actor is an actor, recipient or speaker: its surface text and its code.
type Actor struct {
	Text string `json:"text"`
	Code string `json:"code"`
	Name string `json:"name,omitempty"`
}

// Location is where an event happened.
type Location struct {
	Text    string  `json:"text"`
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Span is a piece of the input text with code-point offsets, End exclusive.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Event is one coded action (CODING.md).
type Event struct {
	Type       string    `json:"type"`
	Mode       string    `json:"mode,omitempty"`
	Context    []string  `json:"context,omitempty"`
	Modality   string    `json:"modality"`
	Actors     []Actor   `json:"actors"`
	Recipients []Actor   `json:"recipients"`
	Date       *string   `json:"date"`
	DateEnd    *string   `json:"date_end"`
	Location   *Location `json:"location,omitempty"`
	Evidence   Span      `json:"evidence"`
	Trigger    string    `json:"trigger,omitempty"`
	CAMEO      string    `json:"cameo,omitempty"`
	Score      float64   `json:"score"`
	Process    string    `json:"process,omitempty"` // peace process the event belongs to ("astana")
	Round      int       `json:"round,omitempty"`   // the process's round number, 0 if not known
}

// Quote is a direct quote or a piece of reported speech with its speaker.
type Quote struct {
	Speaker Actor  `json:"speaker"`
	Text    string `json:"text"`
	Direct  bool   `json:"direct"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Entity is one named-entity mention.
type Entity struct {
	Text      string `json:"text"`
	Type      string `json:"type"` // PERS, LOC, ORG or MISC
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Canonical string `json:"canonical,omitempty"`
	Code      string `json:"code,omitempty"`
}

// Timex is a date expression; Value is nil when it cannot be resolved.
type Timex struct {
	Text  string  `json:"text"`
	Value *string `json:"value"`
	Start int     `json:"start"`
	End   int     `json:"end"`
}
