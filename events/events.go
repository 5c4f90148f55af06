// Package events is masar's PLOVER event coder: it finds the actions an Arabic
// news article reports (CODING.md), and codes each with its type, mode,
// modality, actors and recipients, date, place, evidence sentence, trigger,
// CAMEO code and score.
package events

import (
	"strings"

	"github.com/masar-project/masar/actors"
	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/geo"
	"github.com/masar-project/masar/text"
	"github.com/masar-project/masar/timex"
)

// Coder codes events. It is safe for concurrent use.
type Coder struct {
	lex      lexicon
	modes    []modeCue
	dict     *actors.Dictionary
	gaz      *geo.Gazetteer
	readings readingCache
}

// The embedded tables, parsed once; a bad table is a build defect that the
// package tests catch.
var (
	defaultLex   = must(parseTriggers(triggersTSV))
	defaultModes = must(parseModes(modesTSV))
	cues         = must(parseCues(cuesTSV))
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// New returns a Coder that reads actors from dict and places from gaz.
func New(dict *actors.Dictionary, gaz *geo.Gazetteer) *Coder {
	return &Coder{lex: defaultLex, modes: defaultModes, dict: dict, gaz: gaz}
}

// Code returns the events of one article s. sents are text.Sentences(s);
// doc is actors' analysis of s,
// whose places (doc.Places) are the article's, and dates are
// timex.Find(text, published) over the whole text, so dates arrive resolved. An event takes the date its text gives, never the
// publication date alone (CODING.md: a date "where the text supports one").
func (c *Coder) Code(s string, sents []text.Sentence, doc *actors.Doc, dates []timex.Expr) []article.Event {
	in := input{runes: []rune(s), sents: spans(sents), dates: make([]when, 0, len(dates))}
	if doc != nil {
		ms := doc.Mentions()
		in.actors = make([]participant, 0, len(ms))
		for _, m := range ms {
			in.actors = append(in.actors, participant{start: m.Start, end: m.End, text: m.Text,
				code: m.Code, name: m.Name, placeName: m.Kind == actors.Country || m.Kind == actors.Capital,
				nisba:  m.Kind == actors.Nisba && !strings.HasSuffix(m.Code, "CVL"), // عشرة فلسطينيين are people
				people: m.Kind == actors.Nisba && strings.HasSuffix(m.Code, "CVL")})
		}
	}
	if c.gaz != nil {
		var ps []geo.Mention
		if doc != nil {
			ps = doc.Places() // found once, with the actors
		} else {
			ps = c.gaz.Find(s)
		}
		in.places = make([]place, 0, len(ps))
		for _, m := range ps {
			p := m.Place
			if base, ok := strings.CutSuffix(p.Name, " countryside"); ok {
				// ريف حماة: events there are coded at the governorate
				if g, ok := c.gaz.Lookup(base); ok {
					p = g
				}
			}
			in.places = append(in.places, place{start: m.Start, end: m.End, text: m.Text,
				name: p.Name, country: p.Country, lat: p.Lat, lon: p.Lon, kind: p.Kind})
		}
	}
	for _, x := range dates {
		w := when{start: x.Start, end: x.End, future: x.Future}
		switch {
		case x.First != "":
			w.first, w.last = x.First, x.Last
		case x.Value != "":
			w.first = x.Value
		}
		in.dates = append(in.dates, w)
	}
	sortInput(&in)
	ds := c.code(in)
	out := make([]article.Event, 0, len(ds))
	for _, d := range ds {
		out = append(out, d.event(in.runes))
	}
	return out
}

// event renders a draft in the output shape.
func (d draft) event(rs []rune) article.Event {
	e := article.Event{Type: d.typ, Mode: d.mode, Context: d.context, Modality: d.modality,
		Actors: []article.Actor{}, Recipients: []article.Actor{},
		Evidence: article.Span{Text: string(rs[d.sent.start:d.sent.end]), Start: d.sent.start, End: d.sent.end},
		Trigger:  d.trigger, CAMEO: d.cameo, Score: d.score}
	for _, p := range d.parts {
		a := article.Actor{Text: p.text, Code: p.code, Name: p.name}
		if p.recip {
			e.Recipients = append(e.Recipients, a)
		} else {
			e.Actors = append(e.Actors, a)
		}
	}
	if d.date != nil {
		first := d.date.first
		e.Date = &first
		if d.date.last != "" && d.date.last != first {
			last := d.date.last
			e.DateEnd = &last
		}
	}
	if d.loc != nil {
		e.Location = &article.Location{Text: d.loc.text, Name: d.loc.name, Country: d.loc.country,
			Lat: d.loc.lat, Lon: d.loc.lon}
	}
	return e
}
