package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func strp(s string) *string { return &s }

// fill stores two synthetic articles with events of several shapes: several
// actors, an IGO, a recipient, a month-precise date, an undated event, a
// place with and without coordinates, and one event reported twice.
func fill(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "masar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	astana := &article.Location{Text: "أستانا", Name: "Astana", Country: "KAZ", Lat: 51.17, Lon: 71.45}
	meeting := article.Event{Type: "CONSULT", Mode: "multilateral", Context: []string{"diplomatic"}, Modality: "asserted",
		Actors: []article.Actor{{Text: "روسيا", Code: "RUSGOV", Name: "Russia"}, {Text: "تركيا", Code: "TURGOV", Name: "Turkey"},
			{Text: "إيران", Code: "IRNGOV", Name: "Iran"}},
		Recipients: []article.Actor{}, Date: strp("2017-07-04"), DateEnd: strp("2017-07-05"), Location: astana,
		Evidence: article.Span{Text: "اجتمعت الدول الثلاث في أستانا.", Start: 0, End: 30}, Trigger: "اجتمعت", CAMEO: "040", Score: 1}
	put(t, st, "one", "2017-07-06", "https://news.example/one", "اجتمعت الدول الثلاث في أستانا.\nطالبت الأمم المتحدة الحكومة السورية بفتح الممرات.", []article.Event{
		meeting,
		{Type: "REQUEST", Modality: "asserted", Actors: []article.Actor{{Text: "الأمم المتحدة", Code: "IGOUNO", Name: "United Nations"}},
			Recipients: []article.Actor{{Text: "الحكومة السورية", Code: "SYRGOV", Name: "Syrian government"}},
			Date:       strp("2017-07"), Location: &article.Location{Text: "سوريا", Name: "Syria", Country: "SYR", Lat: 34.8, Lon: 39},
			Evidence: article.Span{Text: "طالبت الأمم المتحدة الحكومة السورية بفتح الممرات.", Start: 31, End: 80}, Trigger: "طالبت"},
	})
	meeting.Evidence = article.Span{Text: "التقى ممثلو روسيا وتركيا وإيران\tفي أستانا.", Start: 0, End: 43}
	put(t, st, "two", "2017-07-05", "", "التقى ممثلو روسيا وتركيا وإيران\tفي أستانا.\nهاجم تنظيم الدولة موقعا عسكريا.", []article.Event{
		meeting,
		{Type: "ASSAULT", Modality: "asserted", Actors: []article.Actor{{Text: "تنظيم الدولة", Code: "IMGREB"}},
			Location: &article.Location{Text: "البادية", Name: "Badia", Country: "SYR"},
			Evidence: article.Span{Text: "هاجم تنظيم الدولة موقعا عسكريا.", Start: 44, End: 75}, Trigger: "هاجم"},
	})
	events, _, err := st.Events(ctx, store.EventFilter{Type: "CONSULT"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if err := st.AssignProcess(ctx, e.ID, "astana", 5); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func put(t testing.TB, st *store.Store, id, published, url, text string, evs []article.Event) {
	t.Helper()
	rec := store.ArticleRecord{Article: article.Article{ID: id, Text: text, Published: published, URL: url},
		Source: "testdata/" + id + ".jsonl", Format: "jsonl"}
	if _, err := st.Put(context.Background(), rec, article.Result{ID: id, Events: evs}); err != nil {
		t.Fatal(err)
	}
}

func export(t *testing.T, st *store.Store, format string, f store.EventFilter) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), st, format, f, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ingestedJSON and dateAdded match the storing time, which changes per run.
var (
	ingestedJSON = regexp.MustCompile(`"ingested":"[^"]*"`)
	dateAdded    = regexp.MustCompile(`\t\d{14}\t`)
)

func TestPLOVER(t *testing.T) {
	st := fill(t)
	out := export(t, st, PLOVER, store.EventFilter{})
	var recs []Record
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", len(recs)+1, err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 4 {
		t.Fatalf("got %d lines, want 4", len(recs))
	}
	byType := map[string]Record{}
	for _, r := range recs {
		byType[r.EventType] = r
	}
	req := byType["REQUEST"]
	if req.QuadClass != 3 || req.Date == nil || *req.Date != "2017-07" || req.SourceID != "one" ||
		!reflect.DeepEqual(req.ActorCountry, []string{""}) || !reflect.DeepEqual(req.ActorSector, []string{"IGO"}) ||
		!reflect.DeepEqual(req.RecipientCtry, []string{"SYR"}) || !reflect.DeepEqual(req.RecipientSectr, []string{"GOV"}) {
		t.Errorf("REQUEST: got %+v", req)
	}
	con := byType["CONSULT"]
	if con.Process != "astana" || con.Round != 5 || con.Mentions != 2 || con.Articles != 2 || con.Lat == nil || *con.Lat != 51.17 {
		t.Errorf("CONSULT: got process %q round %d mentions %d articles %d lat %v", con.Process, con.Round, con.Mentions, con.Articles, con.Lat)
	}
	if a := byType["ASSAULT"]; a.Lat != nil || a.ActorSector[0] != "REB" || a.ActorCountry[0] != "" || a.Actor[0] != "تنظيم الدولة" {
		t.Errorf("ASSAULT: got %+v", a)
	}
	golden(t, "plover.golden.jsonl", ingestedJSON.ReplaceAll(out, []byte(`"ingested":"INGESTED"`)))
}

func TestGDELT(t *testing.T) {
	st := fill(t)
	out := export(t, st, GDELT, store.EventFilter{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 3 { // the meeting reported twice is one row
		t.Fatalf("got %d rows, want 3 (one per merged event):\n%s", len(lines), out)
	}
	col := map[string]int{}
	for i, c := range GDELTColumns {
		col[c] = i
	}
	if len(GDELTColumns) != 61 {
		t.Fatalf("%d column names, want 61", len(GDELTColumns))
	}
	rows := map[string][]string{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 61 {
			t.Fatalf("row has %d columns, want 61: %q", len(f), l)
		}
		rows[f[col["EventRootCode"]]] = f
	}
	tests := []struct {
		root, column, want string
	}{
		{"04", "SQLDATE", "20170704"},
		{"04", "Actor1Code", "RUSGOV"},
		{"04", "Actor1CountryCode", "RUS"},
		{"04", "Actor1Type1Code", "GOV"},
		{"04", "Actor2Code", "TURGOV"},
		{"04", "EventCode", "040"},
		{"04", "QuadClass", "1"},
		{"04", "GoldsteinScale", "1.0"},
		{"04", "NumMentions", "2"},
		{"04", "NumArticles", "2"},
		{"04", "ActionGeo_Type", "4"},
		{"04", "ActionGeo_CountryCode", "KZ"},
		{"04", "ActionGeo_Lat", "51.1700"},
		{"10", "SQLDATE", "20170701"},
		{"10", "FractionDate", "2017.5781"},
		{"10", "Actor1KnownGroupCode", "UNO"},
		{"10", "Actor2Code", "SYRGOV"},
		{"10", "EventCode", "10"},
		{"10", "GoldsteinScale", "-5.0"},
		{"10", "ActionGeo_Type", "1"},
		{"10", "ActionGeo_ADM1Code", "SY"},
		{"10", "SOURCEURL", "https://news.example/one"},
		{"18", "SQLDATE", ""},
		{"18", "Actor1Type1Code", "REB"},
		{"18", "QuadClass", "4"},
		{"18", "ActionGeo_Lat", ""},
		{"18", "SOURCEURL", "testdata/two.jsonl"},
	}
	for _, tt := range tests {
		row, ok := rows[tt.root]
		if !ok {
			t.Fatalf("no row with root code %s", tt.root)
		}
		if got := row[col[tt.column]]; got != tt.want {
			t.Errorf("root %s %s: got %q, want %q", tt.root, tt.column, got, tt.want)
		}
	}
	golden(t, "gdelt.golden.tsv", dateAdded.ReplaceAll(out, []byte("\tDATEADDED\t")))
}

func TestParquetRoundTrip(t *testing.T) {
	st := fill(t)
	var want []Record
	for _, l := range bytes.Split(bytes.TrimSpace(export(t, st, PLOVER, store.EventFilter{})), []byte("\n")) {
		var r Record
		if err := json.Unmarshal(l, &r); err != nil {
			t.Fatal(err)
		}
		want = append(want, r)
	}
	out := export(t, st, Parquet, store.EventFilter{})
	got, err := ReadParquet(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d rows, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := normalise(got[i]), normalise(want[i])
		if !reflect.DeepEqual(g, w) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

// normalise makes empty lists nil, as Parquet reads them back.
func normalise(r Record) Record {
	for _, l := range []*[]string{&r.Context, &r.Actor, &r.ActorText, &r.ActorCode, &r.ActorCountry, &r.ActorSector,
		&r.Recipient, &r.RecipientText, &r.RecipientCode, &r.RecipientCtry, &r.RecipientSectr} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return r
}

func TestFilterAndErrors(t *testing.T) {
	st := fill(t)
	out := export(t, st, PLOVER, store.EventFilter{Process: "astana"})
	if n := bytes.Count(out, []byte("\n")); n != 2 {
		t.Errorf("process filter: got %d events, want the 2 meetings", n)
	}
	if out := export(t, st, GDELT, store.EventFilter{Type: "PROTEST"}); len(out) != 0 {
		t.Errorf("no match: got %q, want nothing", out)
	}
	if err := Write(context.Background(), st, "csv", store.EventFilter{}, &bytes.Buffer{}); err == nil {
		t.Error("unknown format: got no error")
	}
	if err := Write(context.Background(), st, PLOVER, store.EventFilter{From: "not a date"}, &bytes.Buffer{}); err == nil {
		t.Error("bad filter: got no error")
	}
}

func TestSplitCode(t *testing.T) {
	for _, tt := range []struct{ code, country, sector string }{
		{"RUSGOV", "RUS", "GOV"}, {"SYRREB", "SYR", "REB"}, {"IGOUNO", "", "IGO"}, {"IMGREB", "", "REB"},
		{"TUR", "TUR", ""}, {"X", "", ""}, {"syropp", "SYR", "OPP"},
	} {
		c, s := splitCode(tt.code)
		if c != tt.country || s != tt.sector {
			t.Errorf("%s: got %q %q, want %q %q", tt.code, c, s, tt.country, tt.sector)
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
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

func BenchmarkWrite(b *testing.B) {
	st := fill(b)
	ctx := context.Background()
	for i := range 200 {
		id := "bench" + itoa(int64(i))
		text := "اجتمعت الدول الثلاث في أستانا " + id + "."
		put(b, st, id, "2017-08-01", "https://news.example/"+id, text, []article.Event{{
			Type: "CONSULT", Modality: "asserted", Actors: []article.Actor{{Code: "RUSGOV"}, {Code: "TURGOV"}},
			Date: strp("2017-08-01"), Evidence: article.Span{Text: text, End: 40}}})
	}
	for _, format := range []string{PLOVER, GDELT, Parquet} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(ctx, st, format, store.EventFilter{}, &bytes.Buffer{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
