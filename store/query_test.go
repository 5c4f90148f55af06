package store

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/masar-project/masar/article"
)

// fillFilterFixture stores three articles whose events exercise every filter.
func fillFilterFixture(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	put(t, s, "f1", "https://one.example/1", "2021-03-10", "نص تجريبي أول",
		ev("CONSULT", "asserted", []string{"RUSGOV"}, []string{"TURGOV"}, "2021-03-09", "Astana", "KAZ", "عقدت الوفود مشاورات مغلقة في العاصمة"),
		ev("ASSAULT", "asserted", []string{"SYRMIL"}, []string{"SYRREB"}, "2021-03-08", "Idlib", "SYR", "قصف الطيران مواقع في الريف"))
	put(t, s, "f2", "https://two.example/2", "2021-04-02", "نص تجريبي ثان",
		ev("REQUEST", "asserted", []string{"IGOUNO"}, []string{"SYRGOV", "SYROPP"}, "2021-04", "", "", "دعت المنظمة الدولية إلى وقف القتال"),
		ev("AGREE", "future", []string{"RUSMIL"}, nil, "2021-04-20", "Geneva", "CHE", "ستستضيف المدينة جولة جديدة من المشاورات"))
	put(t, s, "f3", "https://one.example/3", "2021-05-01", "نص تجريبي ثالث",
		ev("REJECT", "negated", []string{"TURGOV"}, nil, "", "", "", "لم ترفض الحكومة الاقتراح"))
	rows, _, err := s.Events(context.Background(), EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		ids[r.Type] = r.ID
	}
	return ids
}

func TestEventFilters(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		ids := fillFilterFixture(t, s)
		if err := s.AssignProcess(ctx, ids["CONSULT"], "Astana", 15); err != nil {
			t.Fatal(err)
		}
		if err := s.AssignProcess(ctx, ids["AGREE"], "astana", 16); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			f    EventFilter
			want []string // event types, latest first
		}{
			{"all, latest first, undated last", EventFilter{}, []string{"AGREE", "REQUEST", "CONSULT", "ASSAULT", "REJECT"}},
			{"actor code", EventFilter{Actor: "TURGOV"}, []string{"CONSULT", "REJECT"}},
			{"actor lower case", EventFilter{Actor: "turgov"}, []string{"CONSULT", "REJECT"}},
			{"actor country prefix", EventFilter{Actor: "RUS"}, []string{"AGREE", "CONSULT"}},
			{"recipient code", EventFilter{Actor: "SYROPP"}, []string{"REQUEST"}},
			{"type", EventFilter{Type: "assault"}, []string{"ASSAULT"}},
			{"process", EventFilter{Process: "ASTANA"}, []string{"AGREE", "CONSULT"}},
			{"unknown process", EventFilter{Process: "sochi"}, nil},
			{"place by name", EventFilter{Place: "geneva"}, []string{"AGREE"}},
			{"place by country", EventFilter{Place: "syr"}, []string{"ASSAULT"}},
			{"modality", EventFilter{Modality: "future"}, []string{"AGREE"}},
			{"from", EventFilter{From: "2021-04-01"}, []string{"AGREE", "REQUEST"}},
			{"to (month)", EventFilter{To: "2021-03"}, []string{"CONSULT", "ASSAULT"}},
			{"month-precision event overlaps a day range", EventFilter{From: "2021-04-10", To: "2021-04-12"}, []string{"REQUEST"}},
			{"evidence words, any clitic form", EventFilter{Query: "والمشاورات"}, []string{"AGREE", "CONSULT"}},
			{"combined", EventFilter{Actor: "RUS", Query: "مشاورات", To: "2021-03-31"}, []string{"CONSULT"}},
		}
		for _, tc := range tests {
			rows, total, err := s.Events(ctx, tc.f)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, r.Type)
			}
			if !reflect.DeepEqual(got, tc.want) || total != len(tc.want) {
				t.Errorf("%s: got %v (total %d), want %v", tc.name, got, total, tc.want)
			}
			var each []string
			if err := s.EachEvent(ctx, tc.f, func(r EventRow) error { each = append(each, r.Type); return nil }); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(each, tc.want) {
				t.Errorf("%s: EachEvent got %v, want %v", tc.name, each, tc.want)
			}
			// The plan Events uses for frequent actors selects the same rows.
			where, args, err := s.whereFor(tc.f, true)
			if err != nil {
				t.Fatal(err)
			}
			var walked []string
			if err := s.eachEvent(ctx, where, latestFirst, args, 0, 0, func(r EventRow) error { walked = append(walked, r.Type); return nil }); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(walked, tc.want) {
				t.Errorf("%s: EXISTS plan got %v, want %v", tc.name, walked, tc.want)
			}
		}
		page, total, err := s.Events(ctx, EventFilter{Limit: 2, Offset: 1})
		if err != nil || total != 5 || len(page) != 2 || page[0].Type != "REQUEST" {
			t.Errorf("page: %d rows, total %d, err %v", len(page), total, err)
		}
		if _, _, err := s.Events(ctx, EventFilter{From: "March 2021"}); err == nil {
			t.Error("bad date accepted")
		}
		procs, err := s.Processes(ctx, "Astana")
		if err != nil || len(procs) != 2 || procs[0].Round != 15 || procs[1].Process != "astana" {
			t.Errorf("Processes = %+v, %v", procs, err)
		}
		if err := s.ClearProcesses(ctx); err != nil {
			t.Fatal(err)
		}
		if rows, _, _ := s.Events(ctx, EventFilter{Process: "astana"}); len(rows) != 0 {
			t.Errorf("after ClearProcesses: %d events", len(rows))
		}
	})
}

func TestActors(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		fillFilterFixture(t, s)
		got, err := s.Actors(context.Background(), 0)
		if err != nil {
			t.Fatal(err)
		}
		want := []ActorCount{
			{Code: "TURGOV", Name: "", Events: 2, AsActor: 1, AsRecipient: 1},
			{Code: "IGOUNO", Events: 1, AsActor: 1}, {Code: "RUSGOV", Events: 1, AsActor: 1},
			{Code: "RUSMIL", Events: 1, AsActor: 1}, {Code: "SYRGOV", Events: 1, AsRecipient: 1},
			{Code: "SYRMIL", Events: 1, AsActor: 1}, {Code: "SYROPP", Events: 1, AsRecipient: 1},
			{Code: "SYRREB", Events: 1, AsRecipient: 1},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Actors:\n got %+v\nwant %+v", got, want)
		}
		top, err := s.Actors(context.Background(), 1)
		if err != nil || len(top) != 1 || top[0].Code != "TURGOV" {
			t.Errorf("Actors(1) = %+v, %v", top, err)
		}
	})
}

func TestSearch(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		put(t, s, "s1", "https://one.example/1", "2021-01-01",
			"بدأت في المدينة جولة جديدة من المشاورات بين الوفدين. وقال مصدر إن المشاورات ستستمر يومين.",
			ev("CONSULT", "asserted", []string{"SYRGOV"}, []string{"SYROPP"}, "2021-01-01", "", "", "بدأت في المدينة جولة جديدة من المشاورات بين الوفدين."))
		put(t, s, "s2", "https://one.example/2", "2021-01-02", "أجرى الرئيس مشاورات هاتفية مع نظيره حول الأزمة.")
		put(t, s, "s3", "https://one.example/3", "2021-01-03", "والمشاورات مستمرة ولكنها بطيئة في هذه الجولة.")
		put(t, s, "s4", "https://one.example/4", "2021-01-04", "خبر عن الطقس والأمطار في الشمال <b>وغيره</b> & ذلك.")
		tests := []struct {
			query    string
			articles int // article hits
			evidence int // evidence hits
		}{
			{"المشاورات", 3, 1},
			{"مشاورات", 3, 1},
			{"والمشاورات", 3, 1},
			{"المُشاوَرات", 3, 1}, // with harakat
			{"مشاورات جولة", 2, 1},
			{"مشاورات الطقس", 0, 0},
			{"الطقس", 1, 0},
			{"\"NEAR(\" OR *", 0, 0}, // FTS syntax is not interpreted
			{"   ", 0, 0},
		}
		for _, tc := range tests {
			hits, total, err := s.Search(ctx, tc.query, 50, 0)
			if err != nil {
				t.Fatalf("%q: %v", tc.query, err)
			}
			kinds := map[string]int{}
			for i, h := range hits {
				kinds[h.Kind]++
				if i > 0 && h.Score > hits[i-1].Score {
					t.Errorf("%q: hits not sorted by score", tc.query)
				}
				if !strings.Contains(h.Snippet, "<mark>") {
					t.Errorf("%q: snippet without mark: %s", tc.query, h.Snippet)
				}
				if h.Kind == "evidence" && h.EventID == 0 {
					t.Errorf("%q: evidence hit without event", tc.query)
				}
			}
			if kinds["article"] != tc.articles || kinds["evidence"] != tc.evidence || total != tc.articles+tc.evidence {
				t.Errorf("%q: %v (total %d), want %d articles, %d evidence", tc.query, kinds, total, tc.articles, tc.evidence)
			}
		}
		hits, _, err := s.Search(ctx, "المشاورات", 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		var snippets []string
		for _, h := range hits {
			snippets = append(snippets, h.Snippet)
		}
		sort.Strings(snippets)
		joined := strings.Join(snippets, "\n")
		for _, want := range []string{"<mark>والمشاورات</mark> مستمرة", "<mark>مشاورات</mark> هاتفية", "من <mark>المشاورات</mark> بين"} {
			if !strings.Contains(joined, want) {
				t.Errorf("snippets lack %q:\n%s", want, joined)
			}
		}
		page, total, err := s.Search(ctx, "مشاورات", 2, 2)
		if err != nil || len(page) != 2 || total != 4 {
			t.Errorf("page 2: %d hits of %d, %v", len(page), total, err)
		}
		hits, _, err = s.Search(ctx, "الأمطار", 5, 0)
		if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, "&lt;b&gt;وغيره&lt;/b&gt; &amp; ذلك") {
			t.Errorf("snippet must escape HTML: %+v, %v", hits, err)
		}
	})
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("كلمة ", 40) + "هدنة " + strings.Repeat("أخرى ", 40)
	want := map[string]bool{"هدنه": true}
	tests := []struct {
		name, text, want string
	}{
		{"short text, whole", "أعلنت الأطراف هدنة جديدة.", "أعلنت الأطراف <mark>هدنة</mark> جديدة."},
		{"clitic form", "والهدنة صامدة", "<mark>والهدنة</mark> صامدة"},
		{"long text, window with ellipses", long, "… كلمة كلمة كلمة كلمة كلمة <mark>هدنة</mark> " + strings.TrimSpace(strings.Repeat("أخرى ", 24)) + " …"},
		{"no match: start of text", "لا شيء هنا", "لا شيء هنا"},
		{"no words", "!!!", "!!!"},
	}
	for _, tc := range tests {
		if got := Snippet(tc.text, want, 30); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestSourceKey(t *testing.T) {
	tests := []struct {
		rec  ArticleRecord
		want string
	}{
		{ArticleRecord{Article: article.Article{URL: "https://www.News.example/a?b=1"}}, "news.example"},
		{ArticleRecord{Source: "https://feeds.example/rss"}, "feeds.example"},
		{ArticleRecord{Source: "/data/archive.warc.gz"}, "/data/archive.warc.gz"},
	}
	for _, tc := range tests {
		if got := sourceKey(tc.rec); got != tc.want {
			t.Errorf("sourceKey(%+v) = %q, want %q", tc.rec, got, tc.want)
		}
	}
}

func TestActorNames(t *testing.T) {
	s := openSQLiteTest(t)
	named := func(name string) article.Event {
		e := ev("SUPPORT", "asserted", nil, nil, "2020-01-01", "", "", "أيدت الحكومة الخطة")
		e.Actors = []article.Actor{{Text: name, Code: "RUSGOV", Name: name}}
		return e
	}
	put(t, s, "n1", "", "2020-01-01", "نص أول", named("Russia"), named("Vladimir Putin"))
	put(t, s, "n2", "", "2020-02-01", "نص ثان", named("Russia"), named("Sergey Lavrov"))
	got, err := s.Actors(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "Russia" || got[0].Events != 4 {
		t.Errorf("Actors = %+v, want RUSGOV named Russia (its commonest name) in 4 events", got)
	}
}
