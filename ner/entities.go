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

// Entities splits s into sentences and tokens (package text), tags them as a
// document, DocumentSentences sentences at a time as in training, and
// returns the entity mentions in text order.
func (m *Model) Entities(s string) []Entity {
	type sentence struct {
		start int
		toks  []text.Token
	}
	var sents []sentence
	for _, st := range text.Sentences(s) {
		if toks := text.Tokenize(st.Text); len(toks) > 0 {
			sents = append(sents, sentence{st.Start, toks})
		}
	}
	var out []Entity
	var off []int // byte offset of each code point of s, built on first use
	for lo := 0; lo < len(sents); lo += docBlock {
		block := sents[lo:min(lo+docBlock, len(sents))]
		doc := make([][]string, len(block))
		for k, st := range block {
			doc[k] = make([]string, len(st.toks))
			for i, t := range st.toks {
				doc[k][i] = t.Text
			}
		}
		for k, tags := range m.TagDocument(doc) {
			st := block[k]
			for _, sp := range spans(tags) {
				if off == nil {
					off = text.RuneOffsets(s)
				}
				start := st.start + st.toks[sp.start].Start
				end := st.start + st.toks[sp.end-1].End
				out = append(out, Entity{Text: s[off[start]:off[end]], Type: sp.typ, Start: start, End: end})
			}
		}
	}
	return out
}
