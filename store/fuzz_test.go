package store

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch feeds arbitrary user queries to a real SQLite index: no query
// may fail or be read as FTS5 syntax, and snippets stay well-formed.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{"المشاورات", "مشاورات جولة", `"NEAR(" OR *`, "a AND b", "^x", "والمُشاوَرات ٢٠١٧", ""} {
		f.Add(seed)
	}
	s := openSQLiteTest(f)
	put(f, s, "z1", "https://one.example/1", "2021-01-01", "بدأت جولة جديدة من المشاورات في العاصمة، وسط حديث عن اتفاق قريب. NATO & <UN>.",
		ev("CONSULT", "asserted", []string{"SYRGOV"}, nil, "2021-01-01", "", "", "بدأت جولة جديدة من المشاورات في العاصمة"))
	f.Fuzz(func(t *testing.T, q string) {
		hits, total, err := s.Search(context.Background(), q, 5, 0)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if total < len(hits) {
			t.Fatalf("Search(%q): total %d < %d hits", q, total, len(hits))
		}
		for _, h := range hits {
			checkSnippet(t, h.Snippet)
		}
		if _, _, err := s.Events(context.Background(), EventFilter{Query: q}); err != nil && len(queryStems(q)) > 0 {
			t.Fatalf("Events(Query %q): %v", q, err)
		}
	})
}

// FuzzSnippet cuts snippets from arbitrary text (articles come from outside).
func FuzzSnippet(f *testing.F) {
	for _, seed := range []struct{ text, query string }{
		{"أعلنت الأطراف هدنة جديدة.", "هدنة"},
		{"والهدنة <صامدة> & مستمرة", "الهدنة"},
		{"\xff\xfe كلمة", "كلمة"},
		{"ﻻ ﷲ", "لا"},
		{"", ""},
	} {
		f.Add(seed.text, seed.query)
	}
	f.Fuzz(func(t *testing.T, text, query string) {
		want := map[string]bool{}
		for _, st := range queryStems(query) {
			want[st] = true
		}
		checkSnippet(t, Snippet(text, want, 30))
	})
}

func checkSnippet(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8 in snippet: %q", s)
	}
	if strings.Count(s, "<mark>") != strings.Count(s, "</mark>") {
		t.Fatalf("unbalanced marks: %q", s)
	}
	rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	if strings.ContainsAny(rest, "<>") {
		t.Fatalf("unescaped HTML in snippet: %q", s)
	}
}
