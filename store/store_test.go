package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/masar-project/masar/article"
)

// A made-up report, written for these tests.
const consultText = "التقى وزير الخارجية الروسي نظيره التركي في أنقرة يوم الاثنين، وأجرى الجانبان مشاورات حول الأوضاع الإنسانية. " +
	"وقال الوزير التركي إن «المشاورات كانت مثمرة وسنواصلها الشهر المقبل»."

func consultResult() article.Result {
	first := "التقى وزير الخارجية الروسي نظيره التركي في أنقرة يوم الاثنين، وأجرى الجانبان مشاورات حول الأوضاع الإنسانية."
	n := len([]rune(first))
	return article.Result{
		ID: "r1",
		Events: []article.Event{{
			Type: "CONSULT", Mode: "visit", Context: []string{"diplomatic"}, Modality: "asserted",
			Actors:     []article.Actor{{Text: "وزير الخارجية الروسي", Code: "RUSGOV", Name: "Russia"}},
			Recipients: []article.Actor{{Text: "نظيره التركي", Code: "TURGOV"}},
			Date:       str("2020-03-02"), DateEnd: nil,
			Location: &article.Location{Text: "أنقرة", Name: "Ankara", Country: "TUR", Lat: 39.93, Lon: 32.86},
			Evidence: article.Span{Text: first, Start: 0, End: n}, Trigger: "التقى", CAMEO: "042", Score: 1,
			Process: "astana", Round: 3,
		}, {
			Type: "AGREE", Modality: "future", Actors: []article.Actor{{Text: "الوزير التركي", Code: "TURGOV"}},
			Recipients: []article.Actor{}, Date: str("2020-04"), DateEnd: str("2020-04"),
			Evidence: article.Span{Text: "وقال الوزير التركي إن «المشاورات كانت مثمرة وسنواصلها الشهر المقبل».", Start: n + 1, End: len([]rune(consultText))},
		}},
		Quotes: []article.Quote{{Speaker: article.Actor{Text: "الوزير التركي", Code: "TURGOV"}, Text: "المشاورات كانت مثمرة وسنواصلها الشهر المقبل",
			Direct: true, Start: n + 23, End: n + 66}},
		Entities: []article.Entity{{Text: "أنقرة", Type: "LOC", Start: 44, End: 49, Canonical: "Ankara"}},
		Timexes:  []article.Timex{{Text: "يوم الاثنين", Value: str("2020-03-02"), Start: 50, End: 61}, {Text: "الشهر المقبل", Value: nil, Start: 1, End: 2}},
	}
}

func consultRecord() ArticleRecord {
	return ArticleRecord{
		Article: article.Article{ID: "r1", Text: consultText, Published: "2020-03-03", URL: "https://news.example/a/1", Title: "لقاء في أنقرة"},
		Source:  "/data/feed.jsonl", Format: "jsonl", Byline: "مراسلنا", Canonical: "https://news.example/a/1",
		Lang: "ar", Charset: "utf-8", Fetched: time.Date(2020, 3, 3, 10, 0, 0, 0, time.UTC),
	}
}

func TestRoundTrip(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		rec, res := consultRecord(), consultResult()
		pr, err := s.Put(ctx, rec, res)
		if err != nil {
			t.Fatal(err)
		}
		if pr.ArticleID == 0 || pr.Duplicate || pr.NearDuplicateOf != 0 {
			t.Fatalf("Put = %+v", pr)
		}
		gotRec, gotRes, err := s.Article(ctx, pr.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		rec.ContentHash, rec.SimHash = ContentHash(rec.Text), SimHash(rec.Text)
		if !reflect.DeepEqual(gotRec, rec) {
			t.Errorf("record:\n got %+v\nwant %+v", gotRec, rec)
		}
		if !reflect.DeepEqual(gotRes, res) {
			t.Errorf("result:\n got %+v\nwant %+v", gotRes, res)
		}
		if _, _, err := s.Article(ctx, pr.ArticleID+100); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing article: err = %v, want ErrNotFound", err)
		}
		rows, total, err := s.Events(ctx, EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if total != 2 || len(rows) != 2 {
			t.Fatalf("Events: %d rows, total %d, want 2", len(rows), total)
		}
		// Latest first: the planned April meeting, then the March one.
		if rows[0].Type != "AGREE" || rows[1].Type != "CONSULT" {
			t.Errorf("order: %s, %s", rows[0].Type, rows[1].Type)
		}
		if r := rows[1]; r.ArticleID != pr.ArticleID || r.ArticleTitle != rec.Title || r.ArticleURL != rec.URL ||
			r.Source != rec.Source || r.MergedID == 0 || !reflect.DeepEqual(r.Event, res.Events[0]) {
			t.Errorf("event row = %+v", r)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := Stats{Articles: 1, Events: 2, MergedEvents: 2, Quotes: 1, Entities: 1,
			ByType:     map[string]int{"CONSULT": 1, "AGREE": 1},
			ByQuad:     map[string]int{"verbal cooperation": 2},
			ByModality: map[string]int{"asserted": 1, "future": 1}}
		if !reflect.DeepEqual(st, want) {
			t.Errorf("Stats = %+v, want %+v", st, want)
		}
	})
}

func TestIdempotentPut(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		first, err := s.Put(ctx, consultRecord(), consultResult())
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := s.HasContent(ctx, ContentHash(consultText)); err != nil || !ok {
			t.Fatalf("HasContent = %v, %v", ok, err)
		}
		if ok, err := s.HasContent(ctx, ContentHash("نص آخر")); err != nil || ok {
			t.Fatalf("HasContent(other) = %v, %v", ok, err)
		}
		// The same text re-wrapped and from another source is the same content.
		again := consultRecord()
		again.Text = "  " + strings.ReplaceAll(consultText, " ", "\n ") + "\n"
		again.Source = "/elsewhere/copy.txt"
		second, err := s.Put(ctx, again, consultResult())
		if err != nil {
			t.Fatal(err)
		}
		if !second.Duplicate || second.ArticleID != first.ArticleID {
			t.Errorf("second Put = %+v, want duplicate of %d", second, first.ArticleID)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != 1 || st.Events != 2 || st.Quotes != 1 {
			t.Errorf("after re-Put: %+v", st)
		}
		if procs, err := s.Processes(ctx, ""); err != nil || len(procs) != 1 {
			t.Errorf("after re-Put: process assignments %+v, %v", procs, err)
		}
	})
}

func TestNearDuplicate(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		storyText := readTestdata(t, "story.txt")
		orig := put(t, s, "n1", "https://one.example/x", "2021-05-01", storyText)
		// A light edit: one word changed, one dropped, the lines re-wrapped.
		edited := strings.Replace(storyText, "صباح اليوم", "مساء اليوم", 1)
		edited = strings.Replace(edited, " كبيرا", "", 1)
		edited = strings.ReplaceAll(edited, ".\n", ". ")
		if d := popcount(SimHash(storyText) ^ SimHash(edited)); d > nearDupDistance {
			t.Fatalf("fixture: light edit moved SimHash by %d bits", d)
		}
		near := put(t, s, "n2", "https://two.example/y", "2021-05-01", edited)
		if near.Duplicate || near.NearDuplicateOf != orig.ArticleID {
			t.Errorf("edited copy: %+v, want near-duplicate of %d", near, orig.ArticleID)
		}
		other := put(t, s, "n3", "https://two.example/z", "2021-05-02", consultText)
		if other.NearDuplicateOf != 0 {
			t.Errorf("unrelated article marked near-duplicate of %d", other.NearDuplicateOf)
		}
		rec, _, err := s.Article(context.Background(), near.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.NearDuplicateOf != orig.ArticleID || rec.Text != edited {
			t.Errorf("stored near-duplicate: link %d", rec.NearDuplicateOf)
		}
	})
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func TestMigrationsRerun(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/name with space 100%.db" // no character is URI-decoded
	for i := range 3 {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := s.d.migrations()
		if v != ms[len(ms)-1].version {
			t.Errorf("open %d: version %d, want %d", i, v, ms[len(ms)-1].version)
		}
		if i == 0 {
			put(t, s, "m1", "", "2020-01-01", consultText)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Articles != 1 {
			t.Errorf("open %d: articles %d, %v", i, st.Articles, err)
		}
		s.Close()
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("MASAR_DB", "")
	if got := DefaultPath(); got != "masar.db" {
		t.Errorf("DefaultPath() = %q, want masar.db", got)
	}
	dir := t.TempDir()
	t.Setenv("MASAR_DB", dir+"/env.db")
	s, err := Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(dir + "/env.db"); err != nil {
		t.Errorf("Open(\"\") did not use $MASAR_DB: %v", err)
	}
	if s.Dialect() != "sqlite" {
		t.Errorf("Dialect() = %q", s.Dialect())
	}
	if _, err := Open(context.Background(), "odd?name.db"); err == nil {
		t.Error("a path with '?' was accepted")
	}
}

// TestConcurrentWriters opens one database from several handles at once (as
// several masar processes would) and stores the same story from all of them:
// migrations run once, every article is stored once, and the reports merge
// into one event.
func TestConcurrentWriters(t *testing.T) {
	for _, backend := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "c.db") }},
		{"postgres", func(t *testing.T) string { return newPostgresSchema(t) }},
	} {
		t.Run(backend.name, func(t *testing.T) {
			dsn := backend.dsn(t)
			ctx := context.Background()
			const writers = 4
			errs := make(chan error, writers)
			var wg sync.WaitGroup
			for w := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					s, err := Open(ctx, dsn)
					if err != nil {
						errs <- err
						return
					}
					defer s.Close()
					for i := range 5 {
						// Writer w stores articles i of every writer: each article is offered four times.
						e := ev("CONSULT", "asserted", []string{"RUSGOV"}, []string{"TURGOV"}, "2020-02-02", "", "", "التقى الوزيران")
						rec := ArticleRecord{Article: article.Article{ID: fmt.Sprint(i), Text: fmt.Sprint("تقرير عن اللقاء رقم ", i),
							Published: "2020-02-03", URL: fmt.Sprintf("https://s%d.example/", i)}}
						if _, err := s.Put(ctx, rec, article.Result{Events: []article.Event{e}}); err != nil {
							errs <- fmt.Errorf("writer %d: %w", w, err)
							return
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			s, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != 5 || st.Events != 5 || st.MergedEvents != 1 {
				t.Errorf("after concurrent writers: %+v, want 5 articles, 5 events, 1 merged event", st)
			}
			ms, _, err := s.MergedEvents(ctx, EventFilter{})
			if err != nil || len(ms) != 1 || ms[0].Mentions != 5 || ms[0].Sources != 5 {
				t.Errorf("merged: %+v, %v", ms, err)
			}
		})
	}
}

func TestContentHash(t *testing.T) {
	base := ContentHash("أعلنت الحكومة هدنة جديدة")
	tests := []struct {
		text string
		same bool
	}{
		{"أعلنت الحكومة هدنة جديدة", true},
		{"  أعلنت\nالحكومة   هدنة جديدة \r\n", true},
		{"أعلنَت الحكومةُ هُدنةً جديدة", true}, // diacritics
		{"اعلنت الحكومة هدنة جديدة", true},     // bare alef
		{"أعلنت الحكومة هدنة قديمة", false},
	}
	for _, tc := range tests {
		if got := ContentHash(tc.text) == base; got != tc.same {
			t.Errorf("ContentHash(%q) same = %v, want %v", tc.text, got, tc.same)
		}
	}
}
