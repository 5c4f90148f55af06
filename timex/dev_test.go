package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// devDir holds the shared dev articles and gold annotations, outside the
// repository.
var devDir = filepath.Join("..", "..", "shared", "data", "dev")

// TestDev scores Find on the shared dev set the way score-events does
// (a system timex matches a gold one when either text contains the other,
// after removing diacritics) and holds the F1 and value accuracy at 0.9.
func TestDev(t *testing.T) {
	articles := readJSONL(t, filepath.Join(devDir, "articles.jsonl"))
	gold := readJSONL(t, filepath.Join(devDir, "gold.jsonl"))
	golds := map[string][]map[string]any{}
	for _, g := range gold {
		for _, x := range g["timexes"].([]any) {
			golds[g["id"].(string)] = append(golds[g["id"].(string)], x.(map[string]any))
		}
	}
	var nGold, nSys, tp, valOK int
	for _, a := range articles {
		var anchor time.Time
		if p, _ := a["published"].(string); len(p) >= 10 {
			anchor, _ = time.Parse("2006-01-02", p[:10])
		}
		sys := Find(a["text"].(string), anchor)
		gs := golds[a["id"].(string)]
		nGold += len(gs)
		nSys += len(sys)
		used := map[int]bool{}
		for _, g := range gs {
			gt := scoreNorm(g["text"].(string))
			gv, _ := g["value"].(string)
			for j, s := range sys {
				st := scoreNorm(s.Text)
				if !used[j] && st != "" && (strings.Contains(st, gt) || strings.Contains(gt, st)) {
					used[j] = true
					tp++
					if s.Value == gv {
						valOK++
					} else {
						t.Logf("%s: %q value %q, gold %q", a["id"], s.Text, s.Value, gv)
					}
					break
				}
			}
		}
	}
	p, r := float64(tp)/float64(max(nSys, 1)), float64(tp)/float64(max(nGold, 1))
	f1 := 2 * p * r / max(p+r, 1e-9)
	acc := float64(valOK) / float64(max(tp, 1))
	t.Logf("dev timexes: gold %d, system %d, matched %d: P %.3f R %.3f F1 %.3f, value accuracy %.3f", nGold, nSys, tp, p, r, f1, acc)
	if f1 < 0.9 || acc < 0.9 {
		t.Errorf("F1 %.3f, value accuracy %.3f; want both ≥ 0.9", f1, acc)
	}
}

func readJSONL(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("shared dev data not available (%v); skipping", err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, m)
	}
	return out
}

// scoreNorm is score-events' normalisation: no diacritics or tatweel, one
// kind of double quote, single spaces.
func scoreNorm(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 0x0610 && r <= 0x061A, r >= 0x064B && r <= 0x065F, r == 0x0670,
			r >= 0x06D6 && r <= 0x06ED, r == 0x0640:
			return -1
		case r == '«' || r == '»' || r == '“' || r == '”':
			return '"'
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
