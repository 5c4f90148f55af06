package quote

import (
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden runs Find over a made-up article that mixes every mark style,
// speakers before and after quotes, a statement, continuation and reported
// speech, and compares the result with testdata/article.golden.json.
func TestGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(Find(string(in)), "", "  ")
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
		t.Errorf("Find output differs from %s (run go test -update to accept):\n%s", golden, got)
	}
}
