package process

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func actorList(codes ...string) []article.Actor {
	out := make([]article.Actor, len(codes))
	for i, c := range codes {
		out[i] = article.Actor{Text: c, Code: c}
	}
	return out
}

var astana = &article.Location{Text: "أستانا", Name: "Astana", Country: "KAZ", Lat: 51.17, Lon: 71.45}

// fillStore stores three synthetic articles: two about the fifth Astana round
// (one also preparing the sixth) and one unrelated, then assigns processes.
func fillStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "masar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })

	s1 := "استضافت العاصمة الكازاخية أستانا في 4 و5 تموز/يوليو 2017 الجولة الخامسة من المحادثات حول سوريا."
	s2 := "وكان من أبرز نتائج هذه الجولة توقيع روسيا وتركيا وإيران على مذكرة تفاهم بشأن إنشاء مناطق خفض التصعيد."
	s3 := "وتعمل موسكو مع الدول الضامنة والمراقبة على التحضير للقاء السادس في أستانا."
	a1 := strings.Join([]string{s1, s2, s3}, "\n")
	guarantors := actorList("RUSGOV", "TURGOV", "IRNGOV")
	put(t, st, "a1", "2017-07-06", a1, []article.Event{
		{Type: "CONSULT", Modality: "asserted", Actors: guarantors, Date: strp("2017-07-04"), DateEnd: strp("2017-07-05"),
			Location: astana, Evidence: span(t, a1, s1), Trigger: "استضافت"},
		{Type: "SUPPORT", Modality: "asserted", Actors: guarantors, Evidence: span(t, a1, s2), Trigger: "توقيع"},
		{Type: "AGREE", Modality: "asserted", Location: astana, Evidence: span(t, a1, s3), Trigger: "التحضير",
			Actors: actorList("RUSGOV", "TURGOV", "IRNGOV", "JORGOV", "USAGOV", "IGOUNO", "KAZGOV", "SYRGOV", "SYRREB")},
	})

	s4 := "وشارك وفد الأمم المتحدة والأردن والولايات المتحدة بصفة مراقبين في الجولة الخامسة من محادثات أستانا حول سوريا."
	put(t, st, "a2", "2017-07-05", s4, []article.Event{
		{Type: "CONSULT", Modality: "asserted", Actors: actorList("IGOUNO", "JORGOV", "USAGOV"), Date: strp("2017-07-05"),
			Location: astana, Evidence: span(t, s4, s4), Trigger: "شارك"},
	})

	s5 := "قصفت طائرات حربية بلدة في ريف حماة الشمالي."
	put(t, st, "a3", "2017-07-07", s5, []article.Event{
		{Type: "ASSAULT", Modality: "asserted", Actors: actorList("SYRMIL"), Evidence: span(t, s5, s5), Trigger: "قصفت"},
	})
	n, err := Reassign(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Fatalf("Reassign assigned %d events, want 4", n)
	}
	return st
}

func put(t testing.TB, st *store.Store, id, published, text string, evs []article.Event) {
	t.Helper()
	rec := store.ArticleRecord{Article: article.Article{ID: id, Text: text, Published: published,
		URL: "https://news.example/" + id}, Source: "test", Format: "jsonl"}
	res := article.Result{ID: id, Events: evs}
	if _, err := st.Put(context.Background(), rec, res); err != nil {
		t.Fatal(err)
	}
}

func TestView(t *testing.T) {
	st := fillStore(t)
	v, err := View(context.Background(), st, "Astana")
	if err != nil {
		t.Fatal(err)
	}
	if v.ID != "astana" || v.Events != 4 || v.Articles != 2 || v.Other != 0 {
		t.Errorf("got %s with %d events in %d articles (%d outside rounds), want astana 4 in 2 (0)", v.ID, v.Events, v.Articles, v.Other)
	}
	if len(v.Rounds) != 2 {
		t.Fatalf("got %d rounds, want 2", len(v.Rounds))
	}
	r5, r6 := v.Rounds[0], v.Rounds[1]
	if r5.Number != 5 || r5.Status != StatusHeld || r5.Date != "2017-07-04" || r5.DateEnd != "2017-07-05" ||
		r5.Venue == nil || r5.Venue.Name != "Astana" || r5.Articles != 2 {
		t.Errorf("round 5: got %+v", r5)
	}
	if r6.Number != 6 || r6.Status != StatusPreparing || r6.Date != "" {
		t.Errorf("round 6: got number %d status %q date %q, want 6 being prepared", r6.Number, r6.Status, r6.Date)
	}
	roles := map[string][]string{}
	for _, p := range r5.Participants {
		roles[p.Role] = append(roles[p.Role], p.Name)
	}
	slices.Sort(roles[RoleGuarantor])
	slices.Sort(roles[RoleObserver])
	if !slices.Equal(roles[RoleGuarantor], []string{"Iran", "Russia", "Turkey"}) ||
		!slices.Equal(roles[RoleObserver], []string{"Jordan", "United Nations", "United States"}) {
		t.Errorf("round 5 roles: got %v", roles)
	}
	kinds := map[string]string{}
	for _, o := range r5.Outcomes {
		kinds[o.Kind] = o.Text
	}
	if kinds[OutcomeDocument] != "memorandum of understanding" || kinds[OutcomeZones] != "de-escalation zones" ||
		!strings.HasPrefix(kinds[OutcomeNextRound], "round 6 being prepared") {
		t.Errorf("round 5 outcomes: got %v", kinds)
	}
	golden(t, "view_astana.json", v)
}

func TestViewUnknownAndEmpty(t *testing.T) {
	st := fillStore(t)
	if _, err := View(context.Background(), st, "no-such-talks"); err == nil || !strings.Contains(err.Error(), "astana") {
		t.Errorf("unknown process: got %v, want an error listing the known ones", err)
	}
	v, err := View(context.Background(), st, "جنيف")
	if err != nil {
		t.Fatal(err)
	}
	if v.ID != "geneva" || v.Events != 0 || len(v.Rounds) != 0 || len(v.Roles) == 0 {
		t.Errorf("geneva: got %s, %d events, %d rounds, %d roles; want geneva with its roles and nothing else", v.ID, v.Events, len(v.Rounds), len(v.Roles))
	}
}

func TestList(t *testing.T) {
	st := fillStore(t)
	list, err := List(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(Default().Processes()) {
		t.Errorf("got %d processes, want every known one (%d)", len(list), len(Default().Processes()))
	}
	i := slices.IndexFunc(list, func(s Summary) bool { return s.ID == "astana" })
	if i < 0 {
		t.Fatal("astana not listed")
	}
	if s := list[i]; s.Rounds != 2 || s.Events != 4 || s.First != "2017-07-04" || s.Last != "2017-07-05" {
		t.Errorf("astana: got %+v, want 2 rounds, 4 events, 2017-07-04..2017-07-05", s)
	}
}

// golden compares v as indented JSON with testdata/name (go test -update
// rewrites it).
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}
