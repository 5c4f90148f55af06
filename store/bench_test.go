package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/masar-project/masar/article"
)

// synth generates synthetic articles. Their words are drawn from two pools:
// the words of testdata/story.txt (common words, like a language's function
// words and news vocabulary) and 20,000 made-up words whose frequencies
// follow Zipf's law, as the rest of a real vocabulary does.
type synth struct {
	r      *rand.Rand
	words  []string
	pseudo []string // by rank: pseudo[0] is the most frequent
	zipf   *rand.Zipf
	n      int
}

var (
	synthTypes  = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
	synthCodes  = []string{"RUSGOV", "RUSMIL", "TURGOV", "TURMIL", "IRNGOV", "USAGOV", "SYRGOV", "SYRMIL", "SYROPP", "SYRREB", "SYRCVL", "IGOUNO", "IGOARL", "IGOEUR", "JORGOV", "SAUGOV", "QATGOV", "EGYGOV", "FRAGOV", "GBRGOV", "DEUGOV", "ISRGOV", "ISRMIL", "LBNGOV", "IRQGOV", "IMGREB", "KAZGOV", "CHEGOV", "CHNGOV", "UKRGOV"}
	synthPlaces = []string{"Astana", "Geneva", "Sochi", "Moscow", "Ankara", "Tehran", "Damascus", "Aleppo", "Idlib", "Homs", "Raqqa", "Deir ez-Zor", "Amman", "Cairo", "Riyadh", "Doha", "Beirut", "Baghdad", "Vienna", "New York"}
	modalities  = []string{"asserted", "asserted", "asserted", "asserted", "future", "hypothetical", "negated"}
)

func newSynth(tb testing.TB) *synth {
	r := rand.New(rand.NewPCG(7, 11))
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	pseudo := make([]string, 20_000)
	for i := range pseudo {
		w := make([]rune, 3+r.IntN(5))
		for j := range w {
			w[j] = letters[r.IntN(len(letters))]
		}
		pseudo[i] = string(w)
	}
	return &synth{r: r, words: strings.Fields(readTestdata(tb, "story.txt")), pseudo: pseudo,
		zipf: rand.NewZipf(r, 1.1, 1, uint64(len(pseudo)-1))}
}

func (g *synth) sentence(n int) string {
	w := make([]string, n)
	for i := range w {
		if g.r.IntN(10) < 4 {
			w[i] = g.words[g.r.IntN(len(g.words))]
		} else {
			w[i] = g.pseudo[g.zipf.Uint64()]
		}
	}
	return strings.Join(w, " ") + "."
}

func (g *synth) codes(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = synthCodes[g.r.IntN(len(synthCodes))]
	}
	return out
}

// article returns a unique article with events events spread over 2015–2020.
func (g *synth) article(events int) (ArticleRecord, article.Result) {
	g.n++
	day := g.r.IntN(6 * 365)
	pub := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day)
	res := article.Result{ID: fmt.Sprint("s", g.n)}
	var body strings.Builder
	for range events {
		sent := g.sentence(12 + g.r.IntN(12))
		body.WriteString(sent + " ")
		date := pub.AddDate(0, 0, -g.r.IntN(3)).Format("2006-01-02")
		place := ""
		if g.r.IntN(3) > 0 {
			place = synthPlaces[g.r.IntN(len(synthPlaces))]
		}
		e := ev(synthTypes[g.r.IntN(len(synthTypes))], modalities[g.r.IntN(len(modalities))],
			g.codes(1+g.r.IntN(2)), g.codes(g.r.IntN(2)), date, place, "", sent)
		if g.r.IntN(10) == 0 {
			e.Date = nil
		}
		res.Events = append(res.Events, e)
	}
	body.WriteString(g.sentence(40))
	rec := ArticleRecord{Article: article.Article{ID: res.ID, Text: fmt.Sprintf("%s (%d)", body.String(), g.n),
		Published: pub.Format("2006-01-02"), URL: fmt.Sprintf("https://site%d.example/%d", g.n%25, g.n)}, Format: "jsonl"}
	return rec, res
}

// fill stores articles with 10 events each until the store holds n events,
// 500 articles per transaction.
func fill(tb testing.TB, s *Store, g *synth, n int) {
	ctx := context.Background()
	for stored := 0; stored < n; {
		tx, err := s.beginWrite(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		for i := 0; i < 500 && stored < n; i++ {
			rec, res := g.article(10)
			if _, err := s.put(ctx, wtx{tx, s}, prepare(rec, res)); err != nil {
				tb.Fatal(err)
			}
			stored += len(res.Events)
		}
		if err := tx.Commit(); err != nil {
			tb.Fatal(err)
		}
	}
}

func benchBackends(b *testing.B, fn func(b *testing.B, open func(testing.TB) *Store)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, openSQLiteTest) })
	b.Run("postgres", func(b *testing.B) { postgresDSN(b); fn(b, openPostgresTest) })
}

// BenchmarkPut measures storing articles of 10 events one transaction each,
// as ingest does, into a store that already holds 10,000 events.
func BenchmarkPut(b *testing.B) {
	benchBackends(b, func(b *testing.B, open func(testing.TB) *Store) {
		s := open(b)
		g := newSynth(b)
		fill(b, s, g, 10_000)
		items := make([]prepared, b.N)
		for i := range items {
			items[i] = prepare(g.article(10))
		}
		ctx := context.Background()
		b.ResetTimer()
		start := time.Now()
		for i := range b.N {
			tx, err := s.beginWrite(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.put(ctx, wtx{tx, s}, items[i]); err != nil {
				b.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
	})
}

// reportLatency runs query b.N times and reports the median and 99th
// percentile of one call.
func reportLatency(b *testing.B, query func() error) {
	d := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if err := query(); err != nil {
			b.Fatal(err)
		}
		d = append(d, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(d[len(d)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkQueries100k measures Events, MergedEvents and Search over a store
// of 100,000 events (10,000 articles).
func BenchmarkQueries100k(b *testing.B) {
	benchBackends(b, func(b *testing.B, open func(testing.TB) *Store) {
		s := open(b)
		g := newSynth(b)
		fill(b, s, g, 100_000)
		ctx := context.Background()
		events := []struct {
			name string
			f    EventFilter
		}{
			{"events/all", EventFilter{Limit: 50}},
			{"events/actor", EventFilter{Actor: "IRNGOV", Limit: 50}},
			{"events/country-prefix", EventFilter{Actor: "SYR", Limit: 50}},
			{"events/type+modality", EventFilter{Type: "CONSULT", Modality: "future", Limit: 50}},
			{"events/place", EventFilter{Place: "Astana", Limit: 50}},
			{"events/date-range", EventFilter{From: "2017-07-01", To: "2017-07-31", Limit: 50}},
			{"events/evidence-words", EventFilter{Query: "المفاوضات", Limit: 50}},
			{"events/combined", EventFilter{Actor: "RUS", Type: "CONSULT", From: "2016", To: "2018", Limit: 50}},
			{"events/deep-page", EventFilter{Limit: 50, Offset: 50_000}},
		}
		for _, q := range events {
			b.Run(q.name, func(b *testing.B) {
				reportLatency(b, func() error { _, _, err := s.Events(ctx, q.f); return err })
			})
		}
		b.Run("merged/actor", func(b *testing.B) {
			reportLatency(b, func() error { _, _, err := s.MergedEvents(ctx, EventFilter{Actor: "TURGOV", Limit: 50}); return err })
		})
		for _, q := range []struct{ name, query string }{
			{"common-word", "المفاوضات"},
			{"two-common-words", "الأمم المتحدة"},
			{"frequent-word", g.pseudo[3]},
			{"mid-word", g.pseudo[300]},
			{"rare-word", g.pseudo[10_000]},
			{"common+mid", "المفاوضات " + g.pseudo[300]},
		} {
			b.Run("search/"+q.name, func(b *testing.B) {
				reportLatency(b, func() error { _, _, err := s.Search(ctx, q.query, 20, 0); return err })
			})
		}
	})
}
