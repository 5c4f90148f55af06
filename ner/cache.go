package ner

import (
	"strings"
	"sync"
)

// Most of a token's features depend on its word alone or on one neighbour's
// word (features.go), and news repeats its words: tagging therefore sums the
// weights of those features once per word type and keeps the sums, for both
// stages at once, in a bounded cache shared by all goroutines using the
// model. A token then costs one cache lookup and the few features that
// depend on word pairs and on the sentence.

// Cache bounds: a shard is emptied when it holds cacheLimit/cacheShards
// words, which keeps the memory under about 20 MB however varied the text.
const (
	cacheShards = 16
	cacheLimit  = 1 << 15
)

// rowWidth is the width of a cached score vector: the first stage's tags
// then the second's, as in Model.rows.
const rowWidth = 2 * numTags

// wordEntry is what tagging needs to know about one word type.
type wordEntry struct {
	norm, stem   string
	hNorm, hStem uint64
	trig         uint8
	// gaz holds the lexicon's phrases that may start at this word, under
	// each of its gazKeys.
	gaz [2][]gazPhrase
	// self sums the weights of the word's own features (wordFeatures);
	// near[k] those it gives the token at offset -nearOffsets[k]
	// (neighbourFeatures).
	self [rowWidth]float32
	near [4][rowWidth]float32
}

// nearOffsets are the neighbour offsets d of near's rows.
var nearOffsets = [4]int{-2, -1, 1, 2}

// wordCache maps a raw token to its entry.
type wordCache struct {
	shards [cacheShards]struct {
		mu    sync.RWMutex
		words map[string]*wordEntry
	}
	// edge[k] is what a missing neighbour at offset nearOffsets[k] gives.
	edge [4][rowWidth]float32
}

// newWordCache makes the cache of m, whose weights must be compiled.
func newWordCache(m *Model) *wordCache {
	c := &wordCache{}
	var buf []uint64
	for k, d := range nearOffsets {
		buf = neighbourFeatures(nil, d, buf[:0])
		m.addRows(&c.edge[k], buf)
	}
	for i := range c.shards {
		c.shards[i].words = map[string]*wordEntry{}
	}
	return c
}

// word returns the entry of tok, computing it on first use.
func (m *Model) word(tok string) *wordEntry {
	sh := &m.cache.shards[mix(strHash(tok))%cacheShards]
	sh.mu.RLock()
	e := sh.words[tok]
	sh.mu.RUnlock()
	if e != nil {
		return e
	}
	e = m.newEntry(tok)
	sh.mu.Lock()
	if len(sh.words) >= cacheLimit/cacheShards {
		clear(sh.words)
	}
	sh.words[strings.Clone(tok)] = e
	sh.mu.Unlock()
	return e
}

// newEntry analyses tok and sums the weights of its features.
func (m *Model) newEntry(tok string) *wordEntry {
	var in [1]tokInfo
	analyzeWord(m.lex, tok, &in[0])
	setFreq(in[:], m.count)
	e := &wordEntry{norm: in[0].norm, stem: in[0].stem, hNorm: in[0].hNorm, hStem: in[0].hStem, trig: in[0].trig}
	var keys [2]string
	for k, key := range gazKeys(e.norm, &keys) {
		e.gaz[k] = m.lex.gaz[key]
	}
	buf := wordFeatures(&in[0], make([]uint64, 0, 64))
	m.addRows(&e.self, buf)
	for k, d := range nearOffsets {
		buf = neighbourFeatures(&in[0], d, buf[:0])
		m.addRows(&e.near[k], buf)
	}
	return e
}

// addRows adds the weights of features to row, both stages.
func (m *Model) addRows(row *[rowWidth]float32, features []uint64) {
	for _, h := range features {
		if w := m.rows.get(h); w != nil {
			for t := range row {
				row[t] += w[t]
			}
		}
	}
}

// markLexicon sets the lexicon's gazetteer bits of a sentence, as
// markGazetteer does, from the phrases cached in its words' entries.
func markLexicon(words []*wordEntry, infos []tokInfo) {
	for i, e := range words {
		for _, phrases := range e.gaz {
			n, classes := matchPhrase(phrases, infos, i)
			if n == 0 {
				continue
			}
			setPhraseBits(infos, i, n, classes, func(in *tokInfo) *uint16 { return &in.gaz })
			break
		}
	}
}
