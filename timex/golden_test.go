package timex

import (
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden runs Find over a hand-written article and compares every field
// of the result with testdata/golden/article.json (go test -update rewrites it).
func TestGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/golden/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Find(string(in), day(thu))
	checkInvariants(t, string(in), got)
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	const path = "testdata/golden/article.json"
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(want) {
		t.Errorf("Find output differs from %s; got:\n%s", path, b)
	}
}
