package ner

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int   // passes over the training data (the most, with a dev set)
	Seed   int64 // seeds the shuffling of sentences between epochs
	// Patience stops training after this many epochs without a better dev
	// F1 (0: run all epochs). Without dev sentences it is ignored.
	Patience int
	// LexDropout is the probability of hiding a token's word-identity
	// features during a training step, which makes the model lean on
	// context and word shape for unknown words.
	LexDropout float64
	// Members is how many perceptrons, seeded Seed, Seed+1, ..., are
	// trained for each stage and averaged: averaging lowers the variance
	// that the order of the training sentences brings (0 means 1).
	Members  int
	Progress io.Writer // receives one line per epoch; nil for none
}

// jackknifeFolds is how many parts the training data is cut into to give
// the second stage first-stage tags made without seeing the sentence.
const jackknifeFolds = 5

// foldRange is the index range [lo, hi) of jackknife fold k of n items.
func foldRange(n, k int) (lo, hi int) {
	return k * n / jackknifeFolds, (k + 1) * n / jackknifeFolds
}

// Train fits a model on train: the first stage, the first stage again on
// each jackknife fold to tag the rest, then the second stage on those tags.
// With dev sentences each stage keeps the averaged weights of the epoch with
// the best dev F1; dev serves only for that choice. Training is
// deterministic: equal inputs and options give equal models.
func Train(train, dev []Sentence, opt TrainOptions) (*Model, error) {
	if opt.Epochs < 1 {
		return nil, errors.New("ner: Epochs must be at least 1")
	}
	lx, err := getLexicon()
	if err != nil {
		return nil, err
	}
	data, vocab, memory := prepare(lx, train)
	if len(data) == 0 {
		return nil, errors.New("ner: no training sentences")
	}
	m := &Model{lex: lx, vocab: newTable[int32](len(vocab)), memory: memory}
	keys := slices.Sorted(maps.Keys(vocab))
	for _, k := range keys {
		*m.vocab.put(k) = int32(min(vocab[k], math.MaxInt32))
	}
	progress(opt.Progress, "first stage\n")
	var e1, e2 int
	var f1, f2 float64
	m.stage1, e1, f1 = fitMembers(data, dev, opt, 1, func(w *weights) { m.stage1 = w }, func() scores {
		return evaluate(dev, func(doc [][]string) [][]string { return m.tagStage1(doc) })
	})

	progress(opt.Progress, "first stage on %d folds\n", jackknifeFolds)
	preds := make([][]int, len(data))
	for k := range jackknifeFolds {
		lo, hi := foldRange(len(data), k)
		rest := append(slices.Clip(data[:lo]), data[hi:]...)
		o := opt
		o.Epochs = e1
		w, _, _ := fitMembers(rest, nil, o, 1, nil, nil)
		s := new(scratch)
		for i := lo; i < hi; i++ {
			preds[i] = slices.Clone(w.decode(data[i].infos, s))
		}
	}
	second := make([]sample, len(data))
	for lo := 0; lo < len(data); lo += docBlock {
		hi := min(lo+docBlock, len(data))
		block := make([][]tokInfo, 0, hi-lo)
		for i := lo; i < hi; i++ {
			second[i] = sample{infos: slices.Clone(data[i].infos), gold: data[i].gold}
			block = append(block, second[i].infos)
		}
		addDocContext(block, preds[lo:hi])
	}

	progress(opt.Progress, "second stage\n")
	m.stage2, e2, f2 = fitMembers(second, dev, opt, 2, func(w *weights) { m.stage2 = w; m.compile() }, func() scores {
		return evaluate(dev, m.TagDocument)
	})
	m.compile()
	m.Info = fmt.Sprintf("two-stage averaged perceptron, %d training sentences, seed %d, %d members, at most %d epochs, patience %d, lexical dropout %g; "+
		"first stage: %d epochs, %d features; second stage: %d epochs, %d features",
		len(data), opt.Seed, max(opt.Members, 1), opt.Epochs, opt.Patience, opt.LexDropout, e1, len(m.stage1.hashes), e2, len(m.stage2.hashes))
	if len(dev) > 0 {
		m.Info += fmt.Sprintf("; dev F1 %.4f (first stage alone %.4f)", f2, f1)
	}
	return m, nil
}

// sample is one training sentence, analysed.
type sample struct {
	infos []tokInfo
	gold  []int
}

// prepare analyses the training sentences, counts their vocabulary and
// collects their entities (memoryOf). The frequency features and memory
// matches of a sentence come only from the other jackknife folds, so that
// the sentence's own words and names look as unseen as new ones will.
func prepare(lx *lexicon, data []Sentence) (out []sample, vocab map[uint64]uint32, memory phraseIndex) {
	none := func(uint64) uint32 { return 0 }
	for _, s := range data {
		n := min(len(s.Tokens), len(s.Tags))
		if n == 0 {
			continue
		}
		sm := sample{infos: make([]tokInfo, n), gold: make([]int, n)}
		for i := range n {
			sm.gold[i] = tagID(s.Tags[i])
		}
		repairTags(sm.gold)
		analyze(lx, nil, none, s.Tokens[:n], sm.infos)
		out = append(out, sm)
	}
	fold := func(k int) []sample {
		lo, hi := foldRange(len(out), k)
		return out[lo:hi]
	}
	for k := range jackknifeFolds {
		var others []sample
		for j := range jackknifeFolds {
			if j != k {
				others = append(others, fold(j)...)
			}
		}
		mem := memoryOf(others)
		for _, sm := range fold(k) {
			markGazetteer(mem.phrases, sm.infos, func(in *tokInfo) *uint16 { return &in.memory })
		}
	}
	memory = memoryOf(out)
	total := map[uint64]uint32{}
	folds := make([]map[uint64]uint32, jackknifeFolds)
	for k := range folds {
		folds[k] = map[uint64]uint32{}
		for _, sm := range fold(k) {
			for i := range sm.infos {
				kn, ks := vocabKeys(&sm.infos[i])
				for _, key := range [2]uint64{kn, ks} {
					folds[k][key]++
					total[key]++
				}
			}
		}
	}
	for k := range folds {
		rest := func(key uint64) uint32 { return total[key] - folds[k][key] }
		for _, sm := range fold(k) {
			setFreq(sm.infos, rest)
		}
	}
	return out, total, memory
}

// memoryOf collects the entities of sents. An entity that is the lesser
// part of its words' occurrences in sents (العربي the club among العربي the
// adjective) goes in under its type's ambiguous class, type+len(gazTypes),
// so that the model can trust the two kinds of match differently.
func memoryOf(sents []sample) phraseIndex {
	type entity struct {
		typ  int
		name string
	}
	named := map[entity]int{}
	var order []entity // first seen first, for a deterministic model
	lengths := map[int]bool{}
	for _, sm := range sents {
		for _, sp := range idSpans(sm.gold) {
			e := entity{indexOf(gazTypes, sp.typ), joinNorms(sm.infos[sp.start:sp.end])}
			if named[e] == 0 {
				order = append(order, e)
			}
			named[e]++
			lengths[sp.end-sp.start] = true
		}
	}
	occurs := map[string]int{}
	for _, e := range order {
		occurs[e.name] = 0
	}
	for _, sm := range sents {
		for n := range lengths {
			for i := 0; i+n <= len(sm.infos); i++ {
				name := joinNorms(sm.infos[i : i+n])
				if _, ok := occurs[name]; ok {
					occurs[name]++
				}
			}
		}
	}
	var mem phraseIndex
	for _, e := range order {
		typ := e.typ
		if 2*named[e] < occurs[e.name] {
			typ += len(gazTypes)
		}
		mem.add(gazPhrase{strings.Split(e.name, " "), typ})
	}
	mem.sort()
	return mem
}

// joinNorms is the normalised forms of infos joined by spaces.
func joinNorms(infos []tokInfo) string {
	var b strings.Builder
	for i := range infos {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(infos[i].norm)
	}
	return b.String()
}

// fitMembers trains opt.Members perceptrons, seeded Seed, Seed+1, ..., side
// by side for up to opt.Epochs epochs, and averages them: averaging lowers
// the variance that the order of the training sentences brings. With dev
// sentences, each epoch's average is installed with set and scored with
// eval, and the best epoch is kept (and left installed): the average's
// score is a steadier guide than each member's own. It returns the epoch and
// its dev F1.
func fitMembers(data []sample, dev []Sentence, opt TrainOptions, stage uint64, set func(*weights), eval func() scores) (*weights, int, float64) {
	first := newTrainer(data)
	members := make([]*trainer, max(opt.Members, 1))
	rngs := make([]*rand.Rand, len(members))
	orders := make([][]int, len(members))
	for j := range members {
		members[j] = first
		if j > 0 {
			members[j] = first.fresh()
		}
		rngs[j] = rand.New(rand.NewPCG(uint64(opt.Seed+int64(j)), 0x6e6572+stage)) // "ner"
		orders[j] = make([]int, len(first.sents))
		for i := range orders[j] {
			orders[j][i] = i
		}
	}
	var best *weights
	bestF, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		mistakes := 0
		ws := make([]*weights, len(members))
		for j, tr := range members {
			order, rng := orders[j], rngs[j]
			rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
			for _, k := range order {
				mistakes += tr.step(&tr.sents[k], rng, opt.LexDropout)
			}
			ws[j] = tr.average()
		}
		w := averageWeights(ws)
		if len(dev) == 0 {
			best, bestEpoch = w, epoch
			continue
		}
		set(w)
		sc := eval()
		progress(opt.Progress, "epoch %d: %d training sentences wrong, dev %v\n", epoch, mistakes, sc)
		if sc.F1 > bestF {
			best, bestF, bestEpoch = w, sc.F1, epoch
		} else if opt.Patience > 0 && epoch-bestEpoch >= opt.Patience {
			break
		}
	}
	if len(dev) > 0 {
		set(best)
		progress(opt.Progress, "kept epoch %d\n", bestEpoch)
	}
	return best, bestEpoch, bestF
}

// averageWeights is the mean of several weight sets.
func averageWeights(ws []*weights) *weights {
	if len(ws) == 1 {
		return ws[0]
	}
	sum := map[uint64]*[numTags]float32{}
	out := &weights{trans: make([]float32, len(ws[0].trans))}
	for _, w := range ws {
		for i, h := range w.hashes {
			row := sum[h]
			if row == nil {
				row = new([numTags]float32)
				sum[h] = row
			}
			for t := range numTags {
				row[t] += w.emit[i*numTags+t]
			}
		}
		for i, x := range w.trans {
			out.trans[i] += x
		}
	}
	n := float32(len(ws))
	for i := range out.trans {
		out.trans[i] /= n
	}
	out.hashes = slices.Sorted(maps.Keys(sum))
	out.emit = make([]float32, 0, len(out.hashes)*numTags)
	out.index = newTable[int32](len(out.hashes))
	for r, h := range out.hashes {
		for _, x := range sum[h] {
			out.emit = append(out.emit, x/n)
		}
		*out.index.put(h) = int32(r)
	}
	return out
}

func progress(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format, args...)
	}
}

// trainSent is a training sentence with its features interned.
type trainSent struct {
	gold  []int
	feats [][]int32 // feature ids per token
}

// trainer holds the perceptron state. Weights are integers so that training
// gives the same bits on every platform.
type trainer struct {
	sents  []trainSent
	hashes []uint64 // feature id → hash
	w      []int32  // numTags per feature
	u      []int64  // Σ c·Δw, for averaging
	tw     []int64  // transitions, (numTags+1)×numTags
	tu     []int64
	c      int64 // examples seen
	score  []int64
	back   []int8
	pred   []int
	active [][]int32 // the features of each token used in this step
}

func newTrainer(data []sample) *trainer {
	tr := &trainer{}
	ids := map[uint64]int32{}
	var buf []uint64
	for _, sm := range data {
		ts := trainSent{gold: sm.gold, feats: make([][]int32, len(sm.infos))}
		for i := range sm.infos {
			buf = docFeatures(sm.infos, i, features(sm.infos, i, buf[:0]))
			row := make([]int32, len(buf))
			for k, h := range buf {
				id, ok := ids[h]
				if !ok {
					id = int32(len(tr.hashes))
					ids[h] = id
					tr.hashes = append(tr.hashes, h)
				}
				row[k] = id
			}
			ts.feats[i] = row
		}
		tr.sents = append(tr.sents, ts)
	}
	tr.w = make([]int32, len(tr.hashes)*numTags)
	tr.u = make([]int64, len(tr.hashes)*numTags)
	tr.tw = make([]int64, (numTags+1)*numTags)
	tr.tu = make([]int64, (numTags+1)*numTags)
	return tr
}

// fresh returns a trainer over the same sentences with zero weights.
func (tr *trainer) fresh() *trainer {
	return &trainer{
		sents:  tr.sents,
		hashes: tr.hashes,
		w:      make([]int32, len(tr.w)),
		u:      make([]int64, len(tr.u)),
		tw:     make([]int64, len(tr.tw)),
		tu:     make([]int64, len(tr.tu)),
	}
}

// step decodes one sentence with the current weights and, if it is wrong,
// moves the weights towards the gold tags. It reports 1 for a mistake.
func (tr *trainer) step(s *trainSent, rng *rand.Rand, dropout float64) int {
	n := len(s.gold)
	tr.score = resize(tr.score, n*numTags)
	clear(tr.score)
	tr.active = resize(tr.active, n)
	for i, fs := range s.feats {
		if dropout > 0 && rng.Float64() < dropout {
			fs = fs[numLexical:]
		}
		tr.active[i] = fs
		row := tr.score[i*numTags:][:numTags]
		for _, f := range fs {
			w := tr.w[int(f)*numTags:][:numTags]
			for t := range row {
				row[t] += int64(w[t])
			}
		}
	}
	tr.back = resize(tr.back, n*numTags)
	tr.pred = resize(tr.pred, n)
	viterbi(tr.score, tr.tw, int64(-1)<<60, tr.back, tr.pred)
	tr.c++
	wrong := 0
	prevG, prevP := numTags, numTags // the start row
	for i := range n {
		g, p := s.gold[i], tr.pred[i]
		if g != p {
			wrong = 1
			for _, f := range tr.active[i] {
				tr.bump(int(f)*numTags+g, 1)
				tr.bump(int(f)*numTags+p, -1)
			}
		}
		if g != p || prevG != prevP {
			tr.tw[prevG*numTags+g]++
			tr.tu[prevG*numTags+g] += tr.c
			tr.tw[prevP*numTags+p]--
			tr.tu[prevP*numTags+p] -= tr.c
		}
		prevG, prevP = g, p
	}
	return wrong
}

func (tr *trainer) bump(k int, d int32) {
	tr.w[k] += d
	tr.u[k] += int64(d) * tr.c
}

// average returns the model with averaged weights, w − u/c, keeping only
// features with a non-zero weight.
func (tr *trainer) average() *weights {
	avg := func(w, u int64) float32 {
		return float32(float64(w*tr.c-u) / float64(tr.c))
	}
	m := &weights{trans: make([]float32, len(tr.tw))}
	for i := range tr.tw {
		m.trans[i] = avg(tr.tw[i], tr.tu[i])
	}
	order := make([]int, len(tr.hashes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(tr.hashes[a], tr.hashes[b]) })
	for _, id := range order {
		var row [numTags]float32
		nonzero := false
		for t := range numTags {
			k := id*numTags + t
			row[t] = avg(int64(tr.w[k]), tr.u[k])
			nonzero = nonzero || row[t] != 0
		}
		if nonzero {
			m.hashes = append(m.hashes, tr.hashes[id])
			m.emit = append(m.emit, row[:]...)
		}
	}
	m.index = newTable[int32](len(m.hashes))
	for r, h := range m.hashes {
		*m.index.put(h) = int32(r)
	}
	return m
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// scores are entity-level precision, recall and F1, conlleval style.
type scores struct {
	P, R, F1 float64
	ByType   map[string][3]float64 // P, R, F1
}

// evaluate tags gold's tokens with tagDoc, docBlock sentences at a time, and
// compares entities exactly.
func evaluate(gold []Sentence, tagDoc func([][]string) [][]string) scores {
	type counts struct{ tp, pred, gold int }
	by := map[string]*counts{}
	get := func(t string) *counts {
		if by[t] == nil {
			by[t] = &counts{}
		}
		return by[t]
	}
	var all counts
	var pred [][]string
	for k, s := range gold {
		if k%docBlock == 0 {
			doc := make([][]string, 0, docBlock)
			for _, g := range gold[k:min(k+docBlock, len(gold))] {
				doc = append(doc, g.Tokens)
			}
			pred = tagDoc(doc)
		}
		sent := pred[k%docBlock]
		gs := map[span]bool{}
		for _, e := range spans(s.Tags) {
			gs[e] = true
			get(e.typ).gold++
			all.gold++
		}
		for _, e := range spans(sent) {
			get(e.typ).pred++
			all.pred++
			if gs[e] {
				get(e.typ).tp++
				all.tp++
			}
		}
	}
	prf := func(c counts) (p, r, f float64) {
		if c.pred > 0 {
			p = float64(c.tp) / float64(c.pred)
		}
		if c.gold > 0 {
			r = float64(c.tp) / float64(c.gold)
		}
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		return
	}
	var sc scores
	sc.P, sc.R, sc.F1 = prf(all)
	sc.ByType = map[string][3]float64{}
	for t, c := range by {
		p, r, f := prf(*c)
		sc.ByType[t] = [3]float64{p, r, f}
	}
	return sc
}

// String formats scores like conlleval's summary.
func (s scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "P %.4f R %.4f F1 %.4f", s.P, s.R, s.F1)
	for _, t := range gazTypes {
		if v, ok := s.ByType[t]; ok {
			fmt.Fprintf(&b, "; %s %.4f/%.4f/%.4f", t, v[0], v[1], v[2])
		}
	}
	return b.String()
}
