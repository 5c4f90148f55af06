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
	return m.EntitiesIn(s, text.Sentences(s), text.Tokenize(s))
}

// EntitiesIn is Entities for a caller that already has the sentences and the
// tokens of s (text.Sentences(s), text.Tokenize(s)), so the pipeline
// tokenises an article once. A token belongs to the sentence its start is in.
func (m *Model) EntitiesIn(s string, sentences []text.Sentence, tokens []text.Token) []Entity {
	var sents [][]text.Token
	i := 0
	for _, st := range sentences {
		for i < len(tokens) && tokens[i].Start < st.Start {
			i++
		}
		j := i
		for j < len(tokens) && tokens[j].Start < st.End {
			j++
		}
		if j > i {
			sents = append(sents, tokens[i:j])
		}
		i = j
	}
	var out []Entity
	var off []int // byte offset of each code point of s, built on first use
	for lo := 0; lo < len(sents); lo += docBlock {
		block := sents[lo:min(lo+docBlock, len(sents))]
		doc := make([][]string, len(block))
		for k, toks := range block {
			doc[k] = make([]string, len(toks))
			for i, t := range toks {
				doc[k][i] = t.Text
			}
		}
		for k, tags := range m.TagDocument(doc) {
			toks := block[k]
			for _, sp := range spans(tags) {
				if off == nil {
					off = text.RuneOffsets(s)
				}
				start, end := toks[sp.start].Start, toks[sp.end-1].End
				out = append(out, Entity{Text: s[off[start]:off[end]], Type: sp.typ, Start: start, End: end})
			}
		}
	}
	return out
}
