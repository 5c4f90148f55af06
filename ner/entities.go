package ner

import "github.com/masar-project/masar/text"

// Entity is one named-entity mention in a text. Start and End are code-point
// offsets into the text, End exclusive; Text is exactly that slice.
type Entity struct {
	Text  string `json:"text"`
	Type  string `json:"type"` // PERS, LOC, ORG or MISC
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entities splits s into sentences and tokens (package text), tags each
// sentence and returns the entity mentions in text order.
func (m *Model) Entities(s string) []Entity {
	var out []Entity
	var off []int // byte offset of each code point of s, built on first use
	var words []string
	for _, sent := range text.Sentences(s) {
		toks := text.Tokenize(sent.Text)
		if len(toks) == 0 {
			continue
		}
		words = words[:0]
		for _, t := range toks {
			words = append(words, t.Text)
		}
		for _, sp := range spans(m.Tag(words)) {
			if off == nil {
				off = text.RuneOffsets(s)
			}
			start := sent.Start + toks[sp.start].Start
			end := sent.Start + toks[sp.end-1].End
			out = append(out, Entity{Text: s[off[start]:off[end]], Type: sp.typ, Start: start, End: end})
		}
	}
	return out
}
