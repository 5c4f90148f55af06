package ner

import (
	"strings"
	"unicode/utf8"
)

// News repeats its names: a person introduced with a title is later named
// bare. The tagger therefore works in two stages over a document. The first
// stage tags each sentence alone; the second sees, besides the same
// features, the first stage's tags and what the first stage found elsewhere
// in the document: the types the same stem received, and the entities it
// found, matched again like a gazetteer.

// DocumentSentences is how many consecutive sentences of a CoNLL stream
// (which has no document boundaries) form one document, in training and in
// tagging alike: pass TagDocument this many at a time.
const DocumentSentences = docBlock

// docBlock is 60: a wider window finds a repeated name more often than it
// mixes two articles' names (mean dev F1 over four seeds: 20 sentences
// 0.790, 40 0.792, 50 0.790, 60 0.796, 100 0.793).
const docBlock = 60

// entityType maps a tag id to 0 for O and 1..4 for PERS, LOC, ORG, MISC.
func entityType(tag int) int { return (tag + 1) / 2 }

// addDocContext fills the document fields of infos (one slice per sentence)
// from first-stage tags preds.
func addDocContext(infos [][]tokInfo, preds [][]int) {
	n := 0
	for _, sent := range infos {
		n += len(sent)
	}
	counts := make(map[uint64]*[5]int32, n) // by stem hash
	var found phraseIndex
	for k, sent := range infos {
		for i := range sent {
			if in := &sent[i]; informative(in.stem) {
				c := counts[in.hStem]
				if c == nil {
					c = new([5]int32)
					counts[in.hStem] = c
				}
				c[entityType(preds[k][i])]++
			}
		}
		found.addSpans(sent, preds[k])
	}
	found.sort()
	for k, sent := range infos {
		for i := range sent {
			in := &sent[i]
			in.stage1 = int8(preds[k][i] + 1)
			c := counts[in.hStem]
			if c == nil || !informative(in.stem) {
				continue
			}
			own := entityType(preds[k][i])
			others := int32(-1)
			for _, x := range c {
				others += x
			}
			if others == 0 {
				continue
			}
			for typ := 1; typ <= 4; typ++ {
				n := c[typ]
				if typ == own {
					n--
				}
				if n > 0 {
					in.docType[typ-1] = uint8(1 + 4*n/(others+1))
				}
			}
		}
		markGazetteer(found.phrases, sent, func(in *tokInfo) *uint16 { return &in.docGaz })
	}
}

// informative reports whether a normalised word is long enough to identify
// a name (one-letter tokens and punctuation are not).
func informative(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size < len(s)
}

// idSpans is spans over tag ids.
func idSpans(tags []int) []span {
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = tagNames[t]
	}
	return spans(names)
}

// sortLongestFirst orders phrases by decreasing length, keeping the order of
// equals, so that matching finds the longest phrase first.
func sortLongestFirst(ps []gazPhrase) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].toks) > len(ps[j-1].toks); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// phraseIndex collects entity phrases, to be matched again like a
// gazetteer (markGazetteer).
type phraseIndex struct {
	phrases map[string][]gazPhrase // by first-token key (gazKeys)
	seen    map[phraseKey]bool     // each phrase added
	list    []gazPhrase            // in order of addition
}

// addSpans adds the entities of one sentence, given by tag ids.
func (x *phraseIndex) addSpans(sent []tokInfo, tags []int) {
	for _, sp := range idSpans(tags) {
		toks := make([]string, 0, sp.end-sp.start)
		for i := sp.start; i < sp.end; i++ {
			toks = append(toks, sent[i].norm)
		}
		x.add(gazPhrase{toks, indexOf(gazTypes, sp.typ)})
	}
}

// add adds one phrase, unless it is already in or starts with a word too
// short to identify a name.
func (x *phraseIndex) add(p gazPhrase) {
	id := phraseKey{p.typ, strings.Join(p.toks, " ")}
	if x.seen[id] || !informative(p.toks[0]) {
		return
	}
	if x.phrases == nil {
		x.phrases, x.seen = map[string][]gazPhrase{}, map[phraseKey]bool{}
	}
	x.seen[id] = true
	x.list = append(x.list, p)
	var buf [2]string
	for _, key := range gazKeys(p.toks[0], &buf) {
		x.phrases[key] = append(x.phrases[key], gazPhrase{append([]string{key}, p.toks[1:]...), p.typ})
	}
}

// phraseKey identifies a phrase: its type and space-joined tokens. It is
// built once per entity while tagging, hence no fmt.
type phraseKey struct {
	typ  int
	name string
}

// sort orders each key's phrases longest first, as matching needs.
func (x *phraseIndex) sort() {
	for _, ps := range x.phrases {
		sortLongestFirst(ps)
	}
}
