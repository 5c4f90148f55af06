package ner

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// cacheSentences are written for this test: gazetteer phrases with a
// proclitic, quotation marks, repeated words at both sentence edges,
// Latin letters and digits.
var cacheSentences = []string{
	"وقال وزير الخارجية إن « مؤتمر السلام » سيعقد في جنيف .",
	"ولجامعة الدول العربية موقف واضح من الأزمة في اليمن",
	"جنيف",
	"التقى الرئيس بوفد من شركة Google في 12 أيار ، وقال الرئيس إن الوفد عاد إلى جنيف",
	"« بيروت »",
}

// TestCachedScoresMatchFeatures checks that the cached per-word sums give
// the scores of the features they replace, for both stages.
func TestCachedScoresMatchFeatures(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := new(scratch)
	for _, line := range cacheSentences {
		toks := strings.Fields(line)
		infos := make([]tokInfo, len(toks))
		m.scoreSentence(toks, infos, s)
		ref := make([]tokInfo, len(toks))
		analyze(m.lex, m.memory.phrases, m.count, toks, ref)
		for i := range toks {
			if infos[i].gaz != ref[i].gaz || infos[i].quote != ref[i].quote || infos[i].norm != ref[i].norm {
				t.Errorf("%q token %d: cached info (gaz %b, quote %d, %q) != analyze (gaz %b, quote %d, %q)",
					line, i, infos[i].gaz, infos[i].quote, infos[i].norm, ref[i].gaz, ref[i].quote, ref[i].norm)
			}
			var want [rowWidth]float32
			m.addRows(&want, features(ref, i, nil))
			for k, w := range want {
				if got := s.both[i][k]; math.Abs(float64(got-w)) > 1e-3*(1+math.Abs(float64(w))) {
					t.Errorf("%q token %d (%s) score %d: cached %g, features %g", line, i, toks[i], k, got, w)
				}
			}
		}
	}
}

// TestCacheStaysBounded tags more distinct words than the cache holds.
func TestCacheStaysBounded(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sent := []string{"زار", "", "مدينة", "القاهرة"}
	want := m.Tag([]string{"زار", "كلمة0", "مدينة", "القاهرة"})
	for i := range cacheLimit + cacheLimit/2 {
		sent[1] = fmt.Sprint("كلمة", i)
		m.Tag(sent)
	}
	for i := range m.cache.shards {
		if n := len(m.cache.shards[i].words); n > cacheLimit/cacheShards {
			t.Errorf("shard %d holds %d words, limit %d", i, n, cacheLimit/cacheShards)
		}
	}
	if got := m.Tag([]string{"زار", "كلمة0", "مدينة", "القاهرة"}); !reflect.DeepEqual(got, want) {
		t.Errorf("tags after the cache filled: %v, before: %v", got, want)
	}
}
