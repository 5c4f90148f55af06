package actors

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masar-project/masar/geo"
	"github.com/masar-project/masar/text"
)

const devDir = "../../shared/data/dev"

// TestDevCoverage checks that the actors and places of the shared dev gold are
// found by the general dictionary: each gold actor code among the mentions of
// its event's sentence, each gold place in its article.
func TestDevCoverage(t *testing.T) {
	texts, dates := readDevArticles(t)
	f, err := os.Open(filepath.Join(devDir, "gold.jsonl"))
	if err != nil {
		t.Skipf("no dev gold (%v); skipping the coverage check", err)
	}
	defer f.Close()
	type code struct{ Code string }
	var found, total, places, placesFound int
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var g struct {
			ID     string
			Events []struct {
				Actors, Recipients []code
				Anchor             json.RawMessage
				Location           *struct {
					Name string
					Alt  []string
				}
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		s := texts[g.ID]
		doc := Default().Analyze(s, dates[g.ID])
		var inArticle map[string]bool
		for _, e := range g.Events {
			in := map[string]bool{}
			if anchor := firstAnchor(e.Anchor); anchor != "" {
				for _, st := range text.Sentences(s) {
					if strings.Contains(st.Text, anchor) {
						for _, m := range doc.In(st.Start, st.End) {
							in[m.Code] = true
						}
						break
					}
				}
			}
			for _, c := range append(e.Actors, e.Recipients...) {
				total++
				if in[c.Code] {
					found++
				} else {
					t.Logf("%s: %s not in its sentence", g.ID, c.Code)
				}
			}
			if e.Location != nil {
				if inArticle == nil {
					inArticle = map[string]bool{}
					for _, m := range geo.Default().Find(s) {
						inArticle[m.Place.Name] = true
					}
				}
				places++
				ok := inArticle[e.Location.Name]
				for _, a := range e.Location.Alt {
					ok = ok || inArticle[a]
				}
				if ok {
					placesFound++
				} else {
					t.Logf("%s: place %s not found", g.ID, e.Location.Name)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("actors %d/%d, places %d/%d", found, total, placesFound, places)
	if found*100 < total*75 {
		t.Errorf("actor coverage %d/%d below 75%% (the rest are implicit actors)", found, total)
	}
	if placesFound*100 < places*95 {
		t.Errorf("place coverage %d/%d below 95%%", placesFound, places)
	}
}

func readDevArticles(t *testing.T) (map[string]string, map[string]time.Time) {
	f, err := os.Open(filepath.Join(devDir, "articles.jsonl"))
	if err != nil {
		t.Skipf("no dev articles (%v); skipping the coverage check", err)
	}
	defer f.Close()
	texts, dates := map[string]string{}, map[string]time.Time{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var a struct{ ID, Text, Published string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		texts[a.ID] = a.Text
		dates[a.ID], _ = time.Parse("2006-01-02", a.Published)
	}
	return texts, dates
}

// firstAnchor reads a gold anchor: a string or a list of strings.
func firstAnchor(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var l []string
	if json.Unmarshal(raw, &l) == nil && len(l) > 0 {
		return l[0]
	}
	return ""
}
