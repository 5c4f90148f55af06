package actors

import (
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenArticle runs Analyze on an article written for this test and
// compares every mention with testdata/article.golden.json.
func TestGoldenArticle(t *testing.T) {
	in, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := Default().Analyze(string(in), day("2018-03-12"))
	type row struct {
		Text       string
		Start, End int
		Code, Name string
		Kind       string
	}
	var rows []row
	for _, m := range doc.Mentions() {
		rows = append(rows, row{m.Text, m.Start, m.End, m.Code, m.Name, m.Kind.String()})
	}
	got, err := json.MarshalIndent(rows, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/article.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("mentions differ from %s (run with -update after checking):\n%s", golden, got)
	}
}
