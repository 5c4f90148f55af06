// Package ner finds named entities (persons, places, organisations and other
// names) in Arabic text with an averaged structured perceptron: a
// linear-chain model over BIO tags, sparse hashed features designed for
// Arabic (normalised and clitic-stripped forms, affixes, word shape, a window
// of neighbours, trigger words, ordinary words and gazetteers) and Viterbi decoding
// constrained to well-formed tag sequences, run in two stages so that names
// found in one sentence of a document help in the others (doc.go). A model
// trained on ANERcorp is embedded; README.md says how to reproduce it:
//
//	masar train ner --train ../shared/data/anercorp/train.txt \
//		--dev ../shared/data/anercorp/dev.txt --out ner/model.bin.gz
package ner

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
)

// Model is a trained tagger. It is immutable and safe for concurrent use.
type Model struct {
	// stage1 tags sentences alone, stage2 with document context (doc.go).
	stage1, stage2 *weights
	// rows maps a feature hash to its weights: the first stage's then the
	// second's (zeros where a stage lacks the feature), so that one lookup
	// serves both stages.
	rows table[[rowWidth]float32]
	// cache holds per-word sums of weights for tagging (cache.go).
	cache *wordCache
	// vocab counts the forms and stems of the training text (vocabKeys).
	vocab table[int32]
	// memory holds the entities of the training text (memoryOf).
	memory phraseIndex
	// Info records how the model was made (data, epochs, seed), for people.
	Info string
	lex  *lexicon
}

func (m *Model) count(key uint64) uint32 {
	if c := m.vocab.get(key); c != nil {
		return uint32(max(*c, 0))
	}
	return 0
}

// weights are one linear-chain model.
type weights struct {
	hashes []uint64     // feature hashes, sorted
	emit   []float32    // numTags weights per feature, in the order of hashes
	index  table[int32] // hash → row; built for training only (Model.rows serves tagging)
	// trans[p*numTags+t] scores tag t after tag p; row numTags is the
	// sentence start.
	trans []float32
}

//go:embed model.bin.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loading it on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
	})
	return defaultModel, defaultErr
}

const magic = "masar-ner/2\n"

// Save writes the model in its gzip-compressed binary form. The output is a
// function of the weights alone, so equal models give equal bytes.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	putUvarint(bw, uint64(len(m.Info)))
	bw.WriteString(m.Info)
	putUvarint(bw, numTags)
	m.stage1.write(bw)
	m.stage2.write(bw)
	var vocab []slot[int32]
	for _, sl := range m.vocab.slots {
		if sl.key != 0 {
			vocab = append(vocab, sl)
		}
	}
	slices.SortFunc(vocab, func(a, b slot[int32]) int { return cmp.Compare(a.key, b.key) })
	putUvarint(bw, uint64(len(vocab)))
	prev := uint64(0)
	for _, sl := range vocab {
		putUvarint(bw, sl.key-prev)
		prev = sl.key
	}
	for _, sl := range vocab {
		putUvarint(bw, uint64(sl.val))
	}
	putUvarint(bw, uint64(len(m.memory.list)))
	for _, p := range m.memory.list {
		putUvarint(bw, uint64(p.typ))
		s := strings.Join(p.toks, " ")
		putUvarint(bw, uint64(len(s)))
		bw.WriteString(s)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func putUvarint(w *bufio.Writer, x uint64) {
	var buf [binary.MaxVarintLen64]byte
	w.Write(buf[:binary.PutUvarint(buf[:], x)])
}

// write appends the weights to w: transitions, sorted feature hashes as
// deltas, then each row's non-zero weights.
func (m *weights) write(bw *bufio.Writer) {
	var buf [4]byte
	putU := func(x uint64) { putUvarint(bw, x) }
	putF := func(f float32) {
		binary.LittleEndian.PutUint32(buf[:], math.Float32bits(f))
		bw.Write(buf[:])
	}
	for _, f := range m.trans {
		putF(f)
	}
	putU(uint64(len(m.hashes)))
	prev := uint64(0)
	for _, h := range m.hashes {
		putU(h - prev) // sorted, so deltas are small
		prev = h
	}
	// A bit mask of the non-zero tags of each row, then those weights: most
	// features only ever moved one or two tags.
	for i := range m.hashes {
		row := m.emit[i*numTags:][:numTags]
		mask := uint64(0)
		for t, f := range row {
			if f != 0 {
				mask |= 1 << t
			}
		}
		putU(mask)
		for _, f := range row {
			if f != 0 {
				putF(f)
			}
		}
	}
}

// maxLoadFeatures bounds what Load allocates for a corrupt header.
const maxLoadFeatures = 1 << 26

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	lx, err := getLexicon()
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	fail := func(what string, err error) (*Model, error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("ner: model: reading %s: %w", what, err)
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("ner: model: not a masar NER model")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<20 {
		return fail("info", errors.Join(err, errors.New("bad length")))
	}
	info := make([]byte, n)
	if _, err := io.ReadFull(br, info); err != nil {
		return fail("info", err)
	}
	m := &Model{Info: string(info), lex: lx}
	if k, err := binary.ReadUvarint(br); err != nil || k != numTags {
		return fail("tag set", errors.Join(err, fmt.Errorf("%d tags, want %d", k, numTags)))
	}
	if m.stage1, err = readWeights(br); err != nil {
		return fail("first stage", err)
	}
	if m.stage2, err = readWeights(br); err != nil {
		return fail("second stage", err)
	}
	if n, err = binary.ReadUvarint(br); err != nil || n > maxLoadFeatures {
		return fail("vocabulary", errors.Join(err, errors.New("bad size")))
	}
	keys := make([]uint64, n)
	prev := uint64(0)
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail("vocabulary", err)
		}
		prev += d
		keys[i] = prev
	}
	m.vocab = newTable[int32](len(keys))
	for _, k := range keys {
		c, err := binary.ReadUvarint(br)
		if err != nil || c > math.MaxInt32 {
			return fail("vocabulary", errors.Join(err, errors.New("bad count")))
		}
		*m.vocab.put(k) = int32(c)
	}
	if n, err = binary.ReadUvarint(br); err != nil || n > maxLoadFeatures {
		return fail("memory", errors.Join(err, errors.New("bad size")))
	}
	for range n {
		typ, err := binary.ReadUvarint(br)
		if err != nil || typ >= uint64(2*len(gazTypes)) {
			return fail("memory", errors.Join(err, errors.New("bad type")))
		}
		size, err := binary.ReadUvarint(br)
		if err != nil || size == 0 || size > 1<<12 {
			return fail("memory", errors.Join(err, errors.New("bad length")))
		}
		name := make([]byte, size)
		if _, err := io.ReadFull(br, name); err != nil {
			return fail("memory", err)
		}
		toks := strings.Fields(string(name))
		if len(toks) == 0 {
			return fail("memory", errors.New("empty name"))
		}
		m.memory.add(gazPhrase{toks, int(typ)})
	}
	m.memory.sort()
	m.compile()
	return m, nil
}

// compile builds the merged feature table of both stages.
func (m *Model) compile() {
	type merged struct {
		h   uint64
		row [rowWidth]float32
	}
	a, b := m.stage1.hashes, m.stage2.hashes
	all := make([]merged, 0, max(len(a), len(b)))
	// merge the two sorted lists
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var e merged
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			e.h = a[i]
			copy(e.row[:numTags], m.stage1.emit[i*numTags:])
			i++
		case i == len(a) || b[j] < a[i]:
			e.h = b[j]
			copy(e.row[numTags:], m.stage2.emit[j*numTags:])
			j++
		default:
			e.h = a[i]
			copy(e.row[:numTags], m.stage1.emit[i*numTags:])
			copy(e.row[numTags:], m.stage2.emit[j*numTags:])
			i++
			j++
		}
		all = append(all, e)
	}
	m.rows = newTable[[rowWidth]float32](len(all))
	for _, e := range all {
		*m.rows.put(e.h) = e.row
	}
	m.cache = newWordCache(m)
}

// readWeights reads what weights.write wrote.
func readWeights(br *bufio.Reader) (*weights, error) {
	var f4 [4]byte
	getF := func() (float32, error) {
		_, err := io.ReadFull(br, f4[:])
		return math.Float32frombits(binary.LittleEndian.Uint32(f4[:])), err
	}
	m := &weights{trans: make([]float32, (numTags+1)*numTags)}
	var err error
	for i := range m.trans {
		if m.trans[i], err = getF(); err != nil {
			return nil, err
		}
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > maxLoadFeatures {
		return nil, errors.Join(err, errors.New("bad feature count"))
	}
	m.hashes = make([]uint64, n)
	m.emit = make([]float32, int(n)*numTags)
	prev := uint64(0)
	for i := range m.hashes {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if d == 0 && i > 0 {
			return nil, errors.New("feature hashes out of order")
		}
		prev += d
		m.hashes[i] = prev
	}
	for i := range int(n) {
		mask, err := binary.ReadUvarint(br)
		if err != nil || mask >= 1<<numTags {
			return nil, errors.Join(err, errors.New("bad tag mask"))
		}
		row := m.emit[i*numTags:][:numTags]
		for t := range row {
			if mask&(1<<t) != 0 {
				if row[t], err = getF(); err != nil {
					return nil, err
				}
			}
		}
	}
	return m, nil
}

// scratch is the per-call working memory of decoding, pooled to keep
// tagging cheap in steady state.
type scratch struct {
	feats []uint64
	score []float32
	both  [][rowWidth]float32
	words []*wordEntry
	back  []int8
	best  []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Tag returns the BIO tag of each token of one sentence.
func (m *Model) Tag(tokens []string) []string {
	return m.TagDocument([][]string{tokens})[0]
}

// TagDocument tags the sentences of one document together, so that a name
// found in one sentence helps to find it in the others.
func (m *Model) TagDocument(doc [][]string) [][]string {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	infos := make([][]tokInfo, len(doc))
	preds := make([][]int, len(doc))
	score2 := make([][]float32, len(doc)) // second-stage scores of the shared features
	for k, toks := range doc {
		n := len(toks)
		infos[k] = make([]tokInfo, n)
		m.scoreSentence(toks, infos[k], s)
		s.score = resize(s.score, n*numTags)
		score2[k] = make([]float32, n*numTags)
		for i, row := range s.both {
			copy(s.score[i*numTags:][:numTags], row[:numTags])
			copy(score2[k][i*numTags:][:numTags], row[numTags:])
		}
		preds[k] = slices.Clone(m.stage1.viterbi(s.score, s))
	}
	addDocContext(infos, preds)
	out := make([][]string, len(doc))
	for k := range doc {
		for i := range infos[k] {
			s.feats = docFeatures(infos[k], i, s.feats[:0])
			row := score2[k][i*numTags:][:numTags]
			for _, h := range s.feats {
				if w := m.rows.get(h); w != nil {
					for t := range numTags {
						row[t] += w[numTags+t]
					}
				}
			}
		}
		out[k] = make([]string, len(doc[k]))
		for i, t := range m.stage2.viterbi(score2[k], s) {
			out[k][i] = tagNames[t]
		}
	}
	return out
}

// scoreSentence fills infos for tokens and s.both with the scores of both
// stages for every feature but the second stage's own (docFeatures): the
// cached sums of the words' and neighbours' features plus the rest.
func (m *Model) scoreSentence(tokens []string, infos []tokInfo, s *scratch) {
	n := len(tokens)
	s.words = resize(s.words, n)
	for i, tok := range tokens {
		e := m.word(tok)
		s.words[i] = e
		infos[i] = tokInfo{norm: e.norm, stem: e.stem, hNorm: e.hNorm, hStem: e.hStem, trig: e.trig}
	}
	markLexicon(s.words, infos)
	markGazetteer(m.memory.phrases, infos, func(in *tokInfo) *uint16 { return &in.memory })
	markTopic(infos)
	markQuotes(tokens, infos)
	s.both = resize(s.both, n)
	for i := range n {
		row := &s.both[i]
		*row = s.words[i].self
		for k, d := range nearOffsets {
			near := &m.cache.edge[k]
			if j := i + d; j >= 0 && j < n {
				near = &s.words[j].near[k]
			}
			for t := range row {
				row[t] += near[t]
			}
		}
		s.feats = contextFeatures(infos, i, pairFeatures(infos, i, s.feats[:0]))
		m.addRows(row, s.feats)
	}
}

// tagStage1 tags sentences with the first stage alone (for training).
func (m *Model) tagStage1(doc [][]string) [][]string {
	s := new(scratch)
	out := make([][]string, len(doc))
	for k, toks := range doc {
		infos := make([]tokInfo, len(toks))
		analyze(m.lex, m.memory.phrases, m.count, toks, infos)
		out[k] = make([]string, len(toks))
		for i, t := range m.stage1.decode(infos, s) {
			out[k][i] = tagNames[t]
		}
	}
	return out
}

// decode returns the best tag ids for a sentence with all its features; the
// slice is s.best.
func (m *weights) decode(infos []tokInfo, s *scratch) []int {
	n := len(infos)
	if n == 0 {
		return nil
	}
	s.score = resize(s.score, n*numTags)
	clear(s.score)
	for i := range n {
		s.feats = docFeatures(infos, i, features(infos, i, s.feats[:0]))
		row := s.score[i*numTags:][:numTags]
		for _, h := range s.feats {
			if r := m.index.get(h); r != nil {
				w := m.emit[int(*r)*numTags:][:numTags]
				for t := range row {
					row[t] += w[t]
				}
			}
		}
	}
	return m.viterbi(s.score, s)
}

// viterbi decodes emission scores (overwritten) into s.best.
func (m *weights) viterbi(score []float32, s *scratch) []int {
	n := len(score) / numTags
	if n == 0 {
		return nil
	}
	s.back = resize(s.back, n*numTags)
	s.best = resize(s.best, n)
	viterbi(score, m.trans, float32(math.Inf(-1)), s.back, s.best)
	return s.best
}

// viterbi finds the best allowed tag sequence given per-token emission scores
// (n×numTags, overwritten with path scores) and transition scores; neg marks
// impossible states, back is n×numTags scratch, best receives the tags. Ties
// go to the lower tag id, so decoding is deterministic.
func viterbi[T float32 | int64](score, trans []T, neg T, back []int8, best []int) {
	n := len(best)
	for t := range numTags {
		if transOK[numTags][t] {
			score[t] += trans[numTags*numTags+t]
		} else {
			score[t] = neg
		}
	}
	for i := 1; i < n; i++ {
		prev := score[(i-1)*numTags:][:numTags]
		cur := score[i*numTags:][:numTags]
		bk := back[i*numTags:][:numTags]
		for t := range numTags {
			bestP, bestS := -1, neg
			for _, p := range prevTags[t] {
				if prev[p] == neg {
					continue
				}
				if v := prev[p] + trans[p*numTags+t]; bestP < 0 || v > bestS {
					bestP, bestS = p, v
				}
			}
			if bestP < 0 {
				cur[t], bk[t] = neg, 0
				continue
			}
			cur[t] += bestS
			bk[t] = int8(bestP)
		}
	}
	last := score[(n-1)*numTags:][:numTags]
	bt := 0
	for t := 1; t < numTags; t++ {
		if last[t] > last[bt] {
			bt = t
		}
	}
	for i := n - 1; i >= 0; i-- {
		best[i] = bt
		bt = int(back[i*numTags+bt])
	}
}
