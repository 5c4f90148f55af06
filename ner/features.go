package ner

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/masar-project/masar/text"
)

// Feature templates. The numbers are part of the model file's meaning: change
// them only together with a retrained model.
const (
	fBias = iota + 1
	fRaw
	fNorm
	fStem
	fPro
	fEnc
	fPrefix // + length 1..4
	_
	_
	_
	fSuffix // + length 1..4
	_
	_
	_
	fStemPre2
	fStemSuf2
	fShape
	fNormM1
	fNormP1
	fNormM2
	fNormP2
	fStemM1
	fStemP1
	fBigramM1
	fBigramP1
	fTrig // + window position 0..4 (i-2..i+2), parts: class
	_
	_
	_
	_
	fGaz // + window position 0..2 (i-1..i+1), parts: gazetteer bit
	_
	_
	fShapeM1
	fShapeP1
	fFirst
	fDefLen
	fSuffix2M1
	fSuffix2P1
	fTrigPair
	fStage1 // + window position 0..2 (i-1..i+1), parts: first-stage tag
	_
	_
	fDocType // parts: type, share bucket
	fDocGaz  // + window position 0..2 (i-1..i+1), parts: document gazetteer bit
	_
	_
	fFreq // parts: frequency buckets of the form and of the stem
	fFreqDef
	fFreqM1
	fFreqP1
	fVocabNorm // vocabulary keys, not features
	fVocabStem
	fCharTrigram
	fQuote  // parts: position in a short quoted span
	fMemory // + window position 0..2 (i-1..i+1), parts: memory bit
	_
	_
	fTopic    // parts: topic trigger class, gazetteer or memory bit
	fWordFreq // parts: WORD trigger bit, frequency buckets
)

// maxQuoted is the longest quoted span, in tokens, that counts as a name
// (titles of programmes, books, newspapers and operations are quoted).
const maxQuoted = 6

// numLexical is the number of word-identity features at the start of each
// token's features.
const numLexical = 5

// tokInfo is what the features need to know about one token.
type tokInfo struct {
	norm, stem       string
	hRaw, hNorm      uint64
	hStem, hPro      uint64
	hEnc, hShape     uint64
	pre, suf         [4]uint64 // hashes of the normalised form's 1..4-rune affixes
	tri              []uint64  // hashes of the stem's inner 3-rune sequences
	stemPre, stemSuf uint64    // 2-rune affixes of the stem
	defLen           uint64    // definite article and length bucket
	trig             uint8     // trigger class bits
	topic            uint8     // topicTriggers classes found anywhere in the sentence
	gaz              uint16    // gazetteer bits, two per class of gazClasses
	memory           uint16    // bits like gaz, from the entities of the training text (memoryOf)
	quote            uint8     // 1 first, 2 inside, 3 last, 4 only token of a short quoted span
	freq             uint8     // frequency buckets in the training text: form<<4 | stem

	// Document context, set only for the second stage (see doc.go).
	stage1  int8     // first-stage tag id + 1; 0 before the first stage
	docType [4]uint8 // per entity type: 1 + share bucket of the stem's other occurrences with that type; 0 none
	docGaz  uint16   // bits like gaz, from entities found elsewhere in the document
}

// hNone stands for a missing neighbour (sentence edge).
var hNone = strHash("\x00edge")

// hAl is the hash of the definite article, to hash ال+stem without building it.
var hAl = strHash("ال")

// partsHash hashes a list of clitics as if joined with "+".
func partsHash(parts []string) uint64 {
	h := uint64(fnvOffset)
	for i, p := range parts {
		if i > 0 {
			h = strHashFrom(h, "+")
		}
		h = strHashFrom(h, p)
	}
	return h
}

// counter gives how often a vocabulary key (vocabKey) occurs in the training
// text; unseen words are names far more often than seen ones.
type counter func(key uint64) uint32

// vocabKeys are the vocabulary keys of a token's form and stem.
func vocabKeys(in *tokInfo) (norm, stem uint64) {
	return feat(fVocabNorm, in.hNorm), feat(fVocabStem, in.hStem)
}

// setFreq sets the frequency buckets of infos.
func setFreq(infos []tokInfo, count counter) {
	for i := range infos {
		kn, ks := vocabKeys(&infos[i])
		infos[i].freq = freqBucket(count(kn))<<4 | freqBucket(count(ks))
	}
}

// freqBucket groups counts on a rough log scale.
func freqBucket(n uint32) uint8 {
	switch {
	case n <= 1:
		return uint8(n)
	case n <= 3:
		return 2
	case n <= 9:
		return 3
	case n <= 49:
		return 4
	}
	return 5
}

// analyze fills infos for a sentence.
func analyze(lx *lexicon, memory map[string][]gazPhrase, count counter, tokens []string, infos []tokInfo) {
	for i, tok := range tokens {
		analyzeWord(lx, tok, &infos[i])
	}
	setFreq(infos, count)
	markGazetteer(lx.gaz, infos, func(in *tokInfo) *uint16 { return &in.gaz })
	markGazetteer(memory, infos, func(in *tokInfo) *uint16 { return &in.memory })
	markTopic(infos)
	markQuotes(tokens, infos)
}

// analyzeWord fills what in owes to the token alone: all but the frequency,
// gazetteer, quotation and document fields.
func analyzeWord(lx *lexicon, tok string, in *tokInfo) {
	*in = tokInfo{}
	in.norm = text.NormalizeString(tok)
	pro, stem, enc := text.SplitClitics(in.norm)
	in.stem = stem
	in.hRaw = strHash(tok)
	in.hNorm = strHash(in.norm)
	in.hStem = strHash(stem)
	in.hPro = partsHash(pro)
	in.hEnc = partsHash(enc)
	in.hShape = shapeHash(tok)
	affixes(in.norm, &in.pre, &in.suf)
	in.tri = trigrams(stem, in.tri[:0])
	var sp, ss [4]uint64
	affixes(stem, &sp, &ss)
	in.stemPre, in.stemSuf = sp[1], ss[1]
	def := uint64(0)
	if len(pro) > 0 && pro[len(pro)-1] == "ال" {
		def = 1
	}
	in.defLen = def<<8 | uint64(lengthBucket(utf8.RuneCountInString(stem)))
	in.trig = lx.trig[in.hNorm] | lx.trig[in.hStem]
	if def == 1 {
		in.trig |= lx.trig[strHashFrom(hAl, stem)]
	}
}

// markGazetteer sets gazetteer bits from the longest phrases starting at each
// token; the first token may carry a one-letter proclitic (و، ب، ل، ف، ك).
// bits selects the field to set.
func markGazetteer(phrases map[string][]gazPhrase, infos []tokInfo, bits func(*tokInfo) *uint16) {
	if len(phrases) == 0 {
		return
	}
	var buf [2]string
	for i := 0; i < len(infos); i++ {
		for _, key := range gazKeys(infos[i].norm, &buf) {
			n, classes := matchPhrase(phrases[key], infos, i)
			if n == 0 {
				continue
			}
			setPhraseBits(infos, i, n, classes, bits)
			break
		}
	}
}

// markTopic sets the topic of every token of a sentence.
func markTopic(infos []tokInfo) {
	topic := uint8(0)
	for i := range infos {
		topic |= infos[i].trig & topicTriggers
	}
	for i := range infos {
		infos[i].topic = topic
	}
}

// markQuotes marks the tokens of short spans between quotation marks that
// stand as tokens of their own or at the edges of words.
func markQuotes(tokens []string, infos []tokInfo) {
	open := -1
	for i, tok := range tokens {
		first, _ := utf8.DecodeRuneInString(tok)
		last, _ := utf8.DecodeLastRuneInString(tok)
		opens := first == '«' || first == '"' || first == '“'
		closes := last == '»' || last == '"' || last == '”'
		if open >= 0 && closes {
			lo, hi := open, i+1
			if tok == string(last) {
				hi = i // the mark is a token of its own
			}
			if open < len(tokens) && isQuoteMark(tokens[open]) {
				lo++
			}
			if hi > lo && hi-lo <= maxQuoted {
				for j := lo; j < hi; j++ {
					infos[j].quote = 2
				}
				infos[lo].quote, infos[hi-1].quote = 1, 3
				if hi-lo == 1 {
					infos[lo].quote = 4
				}
			}
			open = -1
			continue
		}
		if opens && closes && utf8.RuneCountInString(tok) > 2 {
			infos[i].quote = 4 // «word»
			continue
		}
		if opens {
			open = i
		}
	}
}

func isQuoteMark(tok string) bool {
	return tok == "«" || tok == "\"" || tok == "“"
}

// gazKeys are the forms under which a token may start a gazetteer phrase:
// itself and, for longer words, without a one-letter proclitic. It fills
// and returns buf, to spare an allocation per token.
func gazKeys(norm string, buf *[2]string) []string {
	buf[0] = norm
	if utf8.RuneCountInString(norm) < 4 {
		return buf[:1]
	}
	switch {
	case strings.HasPrefix(norm, "لل"):
		buf[1] = "ال" + norm[len("لل"):]
	case strings.HasPrefix(norm, "و"), strings.HasPrefix(norm, "ب"), strings.HasPrefix(norm, "ل"),
		strings.HasPrefix(norm, "ف"), strings.HasPrefix(norm, "ك"):
		buf[1] = norm[len("و"):] // all five letters are two bytes
	default:
		return buf[:1]
	}
	return buf[:2]
}

// matchPhrase returns the length of the longest of phrases (sorted longest
// first) whose tokens after the first follow position i, and the set of
// classes (bit per class) of the phrases of that length that match: a name
// may be listed as a given name and as a person.
func matchPhrase(phrases []gazPhrase, infos []tokInfo, i int) (n int, classes uint16) {
	for _, p := range phrases {
		if len(p.toks) < n {
			break
		}
		if p.continuesAt(infos, i) {
			n = len(p.toks)
			classes |= 1 << p.typ
		}
	}
	return n, classes
}

// continuesAt reports whether the phrase's tokens after the first follow
// position i (whose token starts it under one of its keys).
func (p gazPhrase) continuesAt(infos []tokInfo, i int) bool {
	if i+len(p.toks) > len(infos) {
		return false
	}
	for k := 1; k < len(p.toks); k++ {
		if infos[i+k].norm != p.toks[k] {
			return false
		}
	}
	return true
}

// maxPhraseClasses is how many classes fit in a uint16 of phrase bits.
const maxPhraseClasses = 8

// setPhraseBits marks a match of n tokens at i with the given classes: bit
// 2*class on its first token, 2*class+1 on the following ones.
func setPhraseBits(infos []tokInfo, i, n int, classes uint16, bits func(*tokInfo) *uint16) {
	for c := range maxPhraseClasses {
		if classes&(1<<c) == 0 {
			continue
		}
		*bits(&infos[i]) |= 1 << (2 * c)
		for j := i + 1; j < i+n; j++ {
			*bits(&infos[j]) |= 1 << (2*c + 1)
		}
	}
}

// affixes hashes the 1..4-rune prefixes and suffixes of s; missing lengths
// (short words) hash as the whole word with a marker.
func affixes(s string, pre, suf *[4]uint64) {
	var cuts [5]int // byte offsets after the first 1..4 runes
	n := 0
	for i := range s {
		if n > 0 && n <= 4 {
			cuts[n] = i
		}
		n++
		if n > 4 {
			break
		}
	}
	for k := 1; k <= 4; k++ {
		if n <= k { // word not longer than k runes
			pre[k-1] = strHash(s) ^ uint64(k)
			continue
		}
		pre[k-1] = strHash(s[:cuts[k]])
	}
	end := len(s)
	for k := 1; k <= 4; k++ {
		if end == 0 {
			suf[k-1] = strHash(s) ^ uint64(k) ^ 0xff
			continue
		}
		_, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
		suf[k-1] = strHash(s[end:])
	}
}

// trigrams appends the hashes of the 3-rune sequences of s: transliterated
// foreign names have letter sequences that Arabic words rarely have.
func trigrams(s string, buf []uint64) []uint64 {
	var at [3]int // byte offsets of the last three runes
	n := 0
	for i := range s {
		if n >= 3 {
			buf = append(buf, strHash(s[at[0]:i]))
		}
		at[0], at[1], at[2] = at[1], at[2], i
		n++
	}
	if n >= 3 {
		buf = append(buf, strHash(s[at[0]:]))
	}
	return buf
}

// shapeHash summarises a token's characters: classes of runs (Arabic letter,
// digit, Latin, punctuation, other) and a length bucket.
func shapeHash(s string) uint64 {
	var b [16]byte
	n := 0
	var last byte
	runes := 0
	for _, r := range s {
		runes++
		var c byte
		switch {
		case r >= '0' && r <= '9', r >= 0x660 && r <= 0x669, r >= 0x6F0 && r <= 0x6F9:
			c = 'd'
		case r >= 0x600 && r <= 0x6FF, r >= 0x750 && r <= 0x77F, r >= 0xFB50 && r <= 0xFEFF:
			c = 'a'
		case r < 0x250 && unicode.IsLetter(r):
			c = 'L'
			if unicode.IsUpper(r) {
				c = 'U'
			}
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			c = 'p'
		default:
			c = 'o'
		}
		if c != last && n < len(b) {
			b[n] = c
			n++
			last = c
		}
	}
	return strHash(b[:n]) ^ uint64(lengthBucket(runes))<<56
}

func lengthBucket(n int) int {
	switch {
	case n <= 3:
		return n
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	}
	return 6
}

// features appends the feature hashes of token i to buf. They fall in four
// groups: word pairs, the token's own word, each neighbour's word, and the
// sentence around the token. Tagging caches the sums of the weights of the
// second and third groups per word type (cache.go).
func features(infos []tokInfo, i int, buf []uint64) []uint64 {
	// The word-identity features come first (numLexical of them): training
	// drops them at random so that the model also learns from the rest.
	buf = pairFeatures(infos, i, buf)
	buf = wordFeatures(&infos[i], buf)
	for d := -2; d <= 2; d++ {
		if d != 0 {
			buf = neighbourFeatures(tokenAt(infos, i+d), d, buf)
		}
	}
	return contextFeatures(infos, i, buf)
}

// tokenAt is infos[k], or nil beyond the sentence.
func tokenAt(infos []tokInfo, k int) *tokInfo {
	if k < 0 || k >= len(infos) {
		return nil
	}
	return &infos[k]
}

// pairFeatures appends the word bigrams of token i with its neighbours.
func pairFeatures(infos []tokInfo, i int, buf []uint64) []uint64 {
	prev, next := hNone, hNone
	if t := tokenAt(infos, i-1); t != nil {
		prev = t.hNorm
	}
	if t := tokenAt(infos, i+1); t != nil {
		next = t.hNorm
	}
	h := infos[i].hNorm
	return append(buf, feat2(fBigramM1, prev, h), feat2(fBigramP1, h, next))
}

// wordFeatures appends the features of a token that depend on its word
// alone (and the model's vocabulary counts), the word-identity ones first.
func wordFeatures(in *tokInfo, buf []uint64) []uint64 {
	buf = append(buf,
		feat(fRaw, in.hRaw),
		feat(fNorm, in.hNorm),
		feat(fStem, in.hStem),
		feat(fBias, 0),
		feat(fPro, in.hPro),
		feat(fEnc, in.hEnc),
		feat(fStemPre2, in.stemPre),
		feat(fStemSuf2, in.stemSuf),
		feat(fShape, in.hShape),
		feat(fDefLen, in.defLen),
		feat(fFreq, uint64(in.freq)),
		feat(fFreqDef, uint64(in.freq)<<16|in.defLen),
		feat(fWordFreq, uint64(in.trig&wordTrigger)<<8|uint64(in.freq)),
	)
	for k := range 4 {
		buf = append(buf, feat(fPrefix+uint64(k), in.pre[k]), feat(fSuffix+uint64(k), in.suf[k]))
	}
	for _, h := range in.tri {
		buf = append(buf, feat(fCharTrigram, h))
	}
	return triggerFeatures(in, 0, buf)
}

// neighbourFeatures appends the features that the word t at offset d
// (±1, ±2) gives a token; t is nil beyond the sentence's edge.
func neighbourFeatures(t *tokInfo, d int, buf []uint64) []uint64 {
	norm, stem, shape, suf2, freq := hNone, hNone, hNone, hNone, uint64(0xff)
	if t != nil {
		norm, stem, shape, suf2, freq = t.hNorm, t.hStem, t.hShape, t.suf[1], uint64(t.freq)
	}
	switch d {
	case -2:
		buf = append(buf, feat(fNormM2, norm))
	case 2:
		buf = append(buf, feat(fNormP2, norm))
	case -1:
		buf = append(buf, feat(fNormM1, norm), feat(fStemM1, stem), feat(fShapeM1, shape),
			feat(fSuffix2M1, suf2), feat(fFreqM1, freq))
	case 1:
		buf = append(buf, feat(fNormP1, norm), feat(fStemP1, stem), feat(fShapeP1, shape),
			feat(fSuffix2P1, suf2), feat(fFreqP1, freq))
	}
	if t == nil {
		return buf
	}
	return triggerFeatures(t, d, buf)
}

// triggerFeatures appends the trigger classes of the word t at offset d.
func triggerFeatures(t *tokInfo, d int, buf []uint64) []uint64 {
	for c := range triggerClasses {
		if t.trig&(1<<c) != 0 {
			buf = append(buf, feat(fTrig+uint64(d+2), uint64(c)))
		}
	}
	return buf
}

// contextFeatures appends the features of token i that depend on its place
// in the sentence: first position, quotation, the triggers on both sides,
// gazetteer matches.
func contextFeatures(infos []tokInfo, i int, buf []uint64) []uint64 {
	if i == 0 {
		buf = append(buf, feat(fFirst, 0))
	}
	if q := infos[i].quote; q != 0 {
		buf = append(buf, feat(fQuote, uint64(q)))
	}
	if p, n := tokenAt(infos, i-1), tokenAt(infos, i+1); p != nil && n != nil && (p.trig|n.trig) != 0 {
		buf = append(buf, feat(fTrigPair, uint64(p.trig)<<8|uint64(n.trig)))
	}
	buf = phraseFeatures(infos, i, fGaz, func(t *tokInfo) uint16 { return t.gaz }, buf)
	buf = phraseFeatures(infos, i, fMemory, func(t *tokInfo) uint16 { return t.memory }, buf)
	if in := &infos[i]; in.topic != 0 {
		for c := range triggerClasses {
			if in.topic&(1<<c) == 0 {
				continue
			}
			base := uint64(c) << 32
			buf = append(buf, feat(fTopic, base|0xffff))
			buf = bitFeatures(fTopic, base, in.gaz, buf)
			buf = bitFeatures(fTopic, base|1<<16, in.memory, buf)
		}
	}
	return buf
}

// phraseFeatures appends a feature template+(d+1) per phrase bit (field) of
// the tokens at i+d, d = -1..1.
func phraseFeatures(infos []tokInfo, i int, template uint64, field func(*tokInfo) uint16, buf []uint64) []uint64 {
	for d := -1; d <= 1; d++ {
		t := tokenAt(infos, i+d)
		if t == nil {
			continue
		}
		buf = bitFeatures(template+uint64(d+1), 0, field(t), buf)
	}
	return buf
}

// bitFeatures appends feat(template, parts|bit) for each bit set in b.
func bitFeatures(template, parts uint64, b uint16, buf []uint64) []uint64 {
	for ; b != 0; b &= b - 1 {
		buf = append(buf, feat(template, parts|uint64(bits.TrailingZeros16(b))))
	}
	return buf
}

// docFeatures appends the second-stage features of token i (see doc.go);
// there are none before the first stage has run.
func docFeatures(infos []tokInfo, i int, buf []uint64) []uint64 {
	in := &infos[i]
	if in.stage1 == 0 {
		return buf
	}
	for d := -1; d <= 1; d++ {
		tag := uint64(numTags) // sentence edge
		t := tokenAt(infos, i+d)
		if t != nil {
			tag = uint64(t.stage1 - 1)
		}
		buf = append(buf, feat(fStage1+uint64(d+1), tag))
	}
	buf = phraseFeatures(infos, i, fDocGaz, func(t *tokInfo) uint16 { return t.docGaz }, buf)
	for typ, b := range in.docType {
		if b != 0 {
			buf = append(buf, feat(fDocType, uint64(typ)<<8|uint64(b)))
		}
	}
	return buf
}
