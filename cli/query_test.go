package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
)

// queryFixture is a store with two made-up articles reporting one meeting,
// and a third with a different event.
func queryFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "q.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	date := func(s string) *string { return &s }
	meeting := func(evidence string) article.Event {
		return article.Event{Type: "CONSULT", Modality: "asserted",
			Actors:     []article.Actor{{Text: "روسيا", Code: "RUSGOV", Name: "Russia"}, {Text: "تركيا", Code: "TURGOV", Name: "Turkey"}},
			Recipients: []article.Actor{}, Date: date("2019-09-16"),
			Location: &article.Location{Text: "أنقرة", Name: "Ankara", Country: "TUR"},
			Evidence: article.Span{Text: evidence, Start: 0, End: len([]rune(evidence))}}
	}
	for _, a := range []struct {
		id, url, text string
		events        []article.Event
	}{
		{"q1", "https://one.example/q1", "عقد الرئيسان في أنقرة جولة من المشاورات حول الملف السوري.",
			[]article.Event{meeting("عقد الرئيسان في أنقرة جولة من المشاورات حول الملف السوري.")}},
		{"q2", "https://two.example/q2", "واختتمت المشاورات بين الجانبين الروسي والتركي في أنقرة أمس.",
			[]article.Event{meeting("واختتمت المشاورات بين الجانبين الروسي والتركي في أنقرة أمس.")}},
		{"q3", "https://two.example/q3", "دعت الأمم المتحدة إلى هدنة إنسانية فورية.",
			[]article.Event{{Type: "REQUEST", Modality: "asserted", Actors: []article.Actor{{Text: "الأمم المتحدة", Code: "IGOUNO"}},
				Recipients: []article.Actor{}, Evidence: article.Span{Text: "دعت الأمم المتحدة إلى هدنة إنسانية فورية.", End: 40}}}},
	} {
		rec := store.ArticleRecord{Article: article.Article{ID: a.id, Text: a.text, URL: a.url, Published: "2019-09-17", Title: "خبر " + a.id},
			Source: a.url, Format: "html"}
		if _, err := st.Put(context.Background(), rec, article.Result{ID: a.id, Events: a.events}); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestQueryCommands(t *testing.T) {
	db := queryFixture(t)
	tests := []struct {
		golden string
		args   []string
	}{
		{"events.table", []string{"events", "--db", db}},
		{"events_actor.csv", []string{"events", "--db", db, "--actor", "TUR", "--format", "csv"}},
		{"events_filters.json", []string{"events", "--db", db, "--type", "consult", "--place", "Ankara", "--from", "2019-09", "--limit", "1", "--format", "json"}},
		{"events_none.json", []string{"events", "--db", db, "--modality", "negated", "--format", "json"}},
		{"events_merged.table", []string{"events", "--db", db, "--merged"}},
		{"events_merged.json", []string{"events", "--db", db, "--merged", "--actor", "RUSGOV", "--format", "json"}},
		{"search.table", []string{"search", "--db", db, "المشاورات"}},
		{"search.json", []string{"search", "والمشاورات", "--db", db, "--format", "json", "--limit", "2"}},
		{"actors.table", []string{"actors", "--db", db}},
		{"actors.csv", []string{"actors", "--db", db, "--format", "csv"}},
	}
	for _, tc := range tests {
		t.Run(tc.golden, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := Main(tc.args, strings.NewReader(""), &out, &errOut); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			checkGolden(t, filepath.Join("testdata", "query", tc.golden), out.Bytes())
		})
	}
}

func TestQueryCommandErrors(t *testing.T) {
	db := queryFixture(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"events", "--db", db, "--format", "xml"}, 2, `--format "xml"`},
		{[]string{"events", "--db", db, "--from", "yesterday"}, 1, `date "yesterday"`},
		{[]string{"events", "--db", db, "extra"}, 2, "unexpected argument"},
		{[]string{"search", "--db", db}, 2, "no QUERY"},
		{[]string{"actors", "--db", filepath.Join(t.TempDir(), "missing", "x.db")}, 1, "directory"},
	}
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		code := Main(tc.args, strings.NewReader(""), &out, &errOut)
		if code != tc.code || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errOut.String(), tc.code, tc.want)
		}
	}
}

// checkGolden compares got with a golden file; MASAR_UPDATE_GOLDEN=1 rewrites it.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if os.Getenv("MASAR_UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (MASAR_UPDATE_GOLDEN=1 creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestWriteTableAlignsArabic(t *testing.T) {
	var b bytes.Buffer
	err := writeTable(&b, []string{"CODE", "TEXT", "N"}, [][]string{
		{"RUSGOV", "الرئيسُ الروسيّ", "1"}, // harakat take no column
		{"IGOUNO", "UN", "22"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "CODE    TEXT           N\n" +
		"RUSGOV  \u2068الرئيسُ الروسيّ\u2069  1\n" +
		"IGOUNO  UN             22\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}
