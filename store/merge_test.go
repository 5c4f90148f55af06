package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/masar-project/masar/article"
)

func TestMergeRules(t *testing.T) {
	const published = "2022-06-10"
	base := ev("CONSULT", "asserted", []string{"RUSGOV"}, []string{"TURGOV"}, "2022-06-09", "Ankara", "TUR", "اجتمع الوزيران")
	with := func(f func(e *article.Event)) article.Event {
		e := base
		e.Actors = append([]article.Actor{}, base.Actors...)
		e.Recipients = append([]article.Actor{}, base.Recipients...)
		loc := *base.Location
		e.Location = &loc
		f(&e)
		return e
	}
	tests := []struct {
		name      string
		second    article.Event
		published string // of the second article; "" means the same as the first
		merge     bool
	}{
		{"identical report", base, "", true},
		{"date one day later", with(func(e *article.Event) { e.Date = str("2022-06-10") }), "", true},
		{"date two days earlier", with(func(e *article.Event) { e.Date = str("2022-06-07") }), "", true},
		{"date five days later", with(func(e *article.Event) { e.Date = str("2022-06-14") }), "", false},
		{"month-precision date", with(func(e *article.Event) { e.Date = str("2022-06") }), "", true},
		{"sides swapped (reciprocal)", with(func(e *article.Event) {
			e.Actors, e.Recipients = []article.Actor{actor("TURGOV")}, []article.Actor{actor("RUSGOV")}
		}), "", true},
		{"both as actors", with(func(e *article.Event) {
			e.Actors, e.Recipients = []article.Actor{actor("RUSGOV"), actor("TURGOV")}, []article.Actor{}
		}), "", true},
		{"subset of participants", with(func(e *article.Event) { e.Recipients = nil }), "", true},
		{"third party added to two", with(func(e *article.Event) { e.Recipients = append(e.Recipients, actor("IRNGOV")) }), "", true},
		{"one shared of three", with(func(e *article.Event) {
			e.Actors, e.Recipients = []article.Actor{actor("RUSGOV"), actor("USAGOV")}, []article.Actor{actor("FRAGOV")}
		}), "", false},
		{"no shared participant", with(func(e *article.Event) {
			e.Actors, e.Recipients = []article.Actor{actor("USAGOV")}, []article.Actor{actor("FRAGOV")}
		}), "", false},
		{"other type", with(func(e *article.Event) { e.Type = "AGREE" }), "", false},
		{"other modality", with(func(e *article.Event) { e.Modality = "negated" }), "", false},
		{"other city", with(func(e *article.Event) { e.Location = &article.Location{Name: "Moscow", Country: "RUS"} }), "", false},
		{"place unknown", with(func(e *article.Event) { e.Location = nil }), "", true},
		{"only the country known", with(func(e *article.Event) { e.Location = &article.Location{Country: "TUR"} }), "", true},
		{"no codes", with(func(e *article.Event) { e.Actors, e.Recipients = nil, nil }), "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openSQLiteTest(t)
			put(t, s, "a", "https://one.example/1", published, "النص الأول "+tc.name, base)
			pub := tc.published
			if pub == "" {
				pub = published
			}
			put(t, s, "b", "https://two.example/2", pub, "النص الثاني "+tc.name, tc.second)
			ms, total, err := s.MergedEvents(context.Background(), EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			wantTotal := 2
			if tc.merge {
				wantTotal = 1
			}
			if total != wantTotal || len(ms) != wantTotal {
				t.Fatalf("merged events: %d (total %d), want %d", len(ms), total, wantTotal)
			}
			if tc.merge {
				m := ms[0]
				if m.Mentions != 2 || m.Articles != 2 || m.Sources != 2 || len(m.MentionIDs) != 2 {
					t.Errorf("counts: %+v", m)
				}
			}
		})
	}
}

func TestMergeUndated(t *testing.T) {
	undated := ev("ASSAULT", "asserted", []string{"SYRMIL"}, []string{"SYRREB"}, "", "", "", "قصفت القوات مواقع المسلحين")
	tests := []struct {
		name       string
		pub1, pub2 string
		merge      bool
	}{
		{"same publication week", "2022-06-06", "2022-06-09", true}, // Monday and Thursday
		{"next week", "2022-06-09", "2022-06-13", false},
		{"publication dates unknown", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openSQLiteTest(t)
			put(t, s, "a", "https://one.example/1", tc.pub1, "خبر أول", undated)
			put(t, s, "b", "https://one.example/2", tc.pub2, "خبر ثان", undated)
			ms, _, err := s.MergedEvents(context.Background(), EventFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(ms) == 1; got != tc.merge {
				t.Errorf("merged = %v, want %v (%d merged events)", got, tc.merge, len(ms))
			}
			if tc.merge && ms[0].Sources != 1 {
				t.Errorf("two articles of one outlet: sources = %d, want 1", ms[0].Sources)
			}
		})
	}
}

// TestMergeAcrossBackends checks that a three-report story merges the same
// way on both backends, keeping every mention and the union of participants.
func TestMergeAcrossBackends(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		reports := []article.Event{
			ev("CONSULT", "asserted", []string{"RUSGOV", "TURGOV", "IRNGOV"}, nil, "2022-07-04", "Astana", "KAZ", "اجتماع الدول الثلاث"),
			ev("CONSULT", "asserted", []string{"RUSGOV"}, []string{"TURGOV"}, "2022-07-05", "", "", "بحث الوزير الروسي مع نظيره"),
			ev("CONSULT", "asserted", []string{"IRNGOV", "TURGOV"}, nil, "2022-07-04", "Astana", "KAZ", "شاركت إيران وتركيا"),
		}
		for i, r := range reports {
			put(t, s, fmt.Sprint("r", i), fmt.Sprintf("https://site%d.example/n", i%2), "2022-07-05", fmt.Sprint("تقرير رقم ", i), r)
		}
		ms, total, err := s.MergedEvents(ctx, EventFilter{Actor: "IRNGOV"})
		if err != nil {
			t.Fatal(err)
		}
		if total != 1 || len(ms) != 1 {
			t.Fatalf("got %d merged events, want 1", total)
		}
		m := ms[0]
		if m.Mentions != 3 || m.Articles != 3 || m.Sources != 2 || len(m.MentionIDs) != 3 {
			t.Errorf("counts %+v", m)
		}
		if codes := len(m.Actors) + len(m.Recipients); codes != 3 || m.Location == nil || m.Location.Name != "Astana" || m.Date != "2022-07-04" {
			t.Errorf("merged event %+v", m)
		}
		rows, _, err := s.Events(ctx, EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.MergedID != m.ID {
				t.Errorf("event %d merged into %d, want %d", r.ID, r.MergedID, m.ID)
			}
		}
	})
}
