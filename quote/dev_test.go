package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// devDir holds the shared dev articles with gold annotations; it lives
// outside the repository.
var devDir = filepath.Join("..", "..", "shared", "data", "dev")

var (
	devMarks = regexp.MustCompile(`[\x{0610}-\x{061a}\x{064b}-\x{065f}\x{0670}\x{06d6}-\x{06ed}\x{0640}]`)
	devSpace = regexp.MustCompile(`\s+`)
)

// devNorm is the comparison form of the shared scorer.
func devNorm(s string) string {
	s = devMarks.ReplaceAllString(s, "")
	s = strings.NewReplacer("«", `"`, "»", `"`, "“", `"`, "”", `"`).Replace(s)
	return strings.TrimSpace(devSpace.ReplaceAllString(s, " "))
}

func readJSONL(t *testing.T, path string, each func([]byte)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		each(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestDevQuotes scores direct quotes on the dev articles as the shared
// scorer does (a gold anchor inside a found quote) and keeps F1 at 0.85 or
// above.
func TestDevQuotes(t *testing.T) {
	if _, err := os.Stat(filepath.Join(devDir, "gold.jsonl")); err != nil {
		t.Skipf("dev data not available at %s: %v", devDir, err)
	}
	texts := map[string]string{}
	readJSONL(t, filepath.Join(devDir, "articles.jsonl"), func(b []byte) {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatal(err)
		}
		texts[a.ID] = a.Text
	})
	var tp, sys, gold int
	readJSONL(t, filepath.Join(devDir, "gold.jsonl"), func(b []byte) {
		var g struct {
			ID     string
			Quotes []struct{ Anchor string }
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		var found []string
		for _, q := range Find(texts[g.ID]) {
			if q.Direct {
				found = append(found, devNorm(q.Text.Text))
			}
		}
		sys += len(found)
		gold += len(g.Quotes)
		used := map[int]bool{}
		for _, q := range g.Quotes {
			a := devNorm(q.Anchor)
			for j, f := range found {
				if !used[j] && strings.Contains(f, a) {
					used[j] = true
					tp++
					break
				}
			}
		}
	})
	p, r := float64(tp)/float64(max(sys, 1)), float64(tp)/float64(max(gold, 1))
	f1 := 2 * p * r / max(p+r, 1e-9)
	t.Logf("dev quotes: precision %.3f recall %.3f F1 %.3f (%d gold, %d found)", p, r, f1, gold, sys)
	if f1 < 0.85 {
		t.Errorf("dev quote F1 %.3f is below 0.85", f1)
	}
}
