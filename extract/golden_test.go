package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/masar-project/masar/article"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// TestGolden runs the whole pipeline over articles written for these tests
// and compares every field of the output with the reviewed golden file.
// After a deliberate change: go test ./extract -run Golden -update, then
// review the diff of testdata/articles.golden.jsonl.
func TestGolden(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a article.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("testdata/articles.jsonl: %v", err)
		}
		b, err := json.Marshal(x.Extract(a))
		if err != nil {
			t.Fatal(err)
		}
		got.Write(append(b, '\n'))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "articles.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	gotLines, wantLines := bytes.Split(got.Bytes(), []byte("\n")), bytes.Split(want, []byte("\n"))
	if len(gotLines) != len(wantLines) {
		t.Fatalf("%d result lines, golden has %d", len(gotLines), len(wantLines))
	}
	for i := range gotLines {
		if !bytes.Equal(gotLines[i], wantLines[i]) {
			t.Errorf("article %d differs from the golden file:\n got %s\nwant %s", i+1, gotLines[i], wantLines[i])
		}
	}
}

// TestOffsets checks the OUTPUT.md offset contract on every item: the
// code-point span [start, end) of the input holds exactly the item's text.
func TestOffsets(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "bench_article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := "\u200f" + string(raw) // an invisible mark first: offsets count it
	runes := []rune(text)
	res := x.Extract(article.Article{ID: "b", Text: text, Published: "2017-09-12"})
	if len(res.Events) == 0 || len(res.Timexes) == 0 || len(res.Quotes) == 0 || len(res.Entities) == 0 {
		t.Fatalf("expected events, dates, quotes and entities, got %d/%d/%d/%d",
			len(res.Events), len(res.Timexes), len(res.Quotes), len(res.Entities))
	}
	check := func(kind, want string, start, end int) {
		t.Helper()
		if start < 0 || end > len(runes) || start > end || string(runes[start:end]) != want {
			t.Errorf("%s [%d,%d) does not hold %q", kind, start, end, want)
		}
	}
	for _, e := range res.Events {
		check("evidence", e.Evidence.Text, e.Evidence.Start, e.Evidence.End)
	}
	for _, d := range res.Timexes {
		check("timex", d.Text, d.Start, d.End)
	}
	for _, q := range res.Quotes {
		check("quote", q.Text, q.Start, q.End)
	}
	for _, e := range res.Entities {
		check("entity", e.Text, e.Start, e.End)
	}
}
