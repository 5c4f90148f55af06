package smoke

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"github.com/masar-project/masar/text"
	"testing"
	"time"

	"github.com/masar-project/masar/actors"
	"github.com/masar-project/masar/geo"
)

type gev struct {
	Type     string            `json:"type"`
	Actors   []struct{ Code string } `json:"actors"`
	Recips   []struct{ Code string } `json:"recipients"`
	Anchor   any               `json:"anchor"`
	Location *struct{ Name, Country string } `json:"location"`
}

func TestDev(t *testing.T) {
	arts := map[string]map[string]any{}
	f, _ := os.Open("/work/shared/data/dev/articles.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a map[string]any
		json.Unmarshal(sc.Bytes(), &a)
		arts[a["id"].(string)] = a
	}
	g, _ := os.Open("/work/shared/data/dev/gold.jsonl")
	sc = bufio.NewScanner(g)
	sc.Buffer(nil, 1<<20)
	miss, tot := 0, 0
	for sc.Scan() {
		var gd struct {
			ID     string `json:"id"`
			Events []gev  `json:"events"`
			Quotes []struct{ Speaker struct{ Code string }; Anchor string } `json:"quotes"`
		}
		json.Unmarshal(sc.Bytes(), &gd)
		a := arts[gd.ID]
		txt := a["text"].(string)
		var on time.Time
		if p, ok := a["published"].(string); ok {
			on, _ = time.Parse("2006-01-02", p)
		}
		doc := actors.Default().Analyze(txt, on)
		have := map[string]bool{}
		for _, m := range doc.Mentions() {
			have[m.Code] = true
		}
		if os.Getenv("SHOW") == gd.ID {
			for _, m := range doc.Mentions() {
				fmt.Printf("  %q %d %s %s %v\n", m.Text, m.Start, m.Code, m.Name, m.Kind)
			}
		}
		sents := text.Sentences(txt)
		for _, e := range gd.Events {
			var anc string
			switch v := e.Anchor.(type) {
			case string:
				anc = v
			case []any:
				anc = v[0].(string)
			}
			var ms []actors.Mention
			stext := ""
			for _, st := range sents {
				if strings.Contains(st.Text, anc) {
					ms = doc.In(st.Start, st.End)
					stext = st.Text
					break
				}
			}
			hv := map[string]bool{}
			for _, m := range ms {
				hv[m.Code] = true
			}
			for _, c := range append(e.Actors, e.Recips...) {
				tot++
				if !hv[c.Code] {
					miss++
					fmt.Println(gd.ID, "MISSING", c.Code, "|", stext)
					for _, m := range ms {
						fmt.Printf("     %q %s\n", m.Text, m.Code)
					}
				}
			}
			if e.Location != nil {
				found := false
				for _, m := range geo.Default().Find(txt) {
					if m.Place.Name == e.Location.Name {
						found = true
					}
				}
				if !found {
					fmt.Println(gd.ID, "missing place", e.Location.Name)
				}
			}
		}
		for _, q := range gd.Quotes {
			tot++
			if !have[q.Speaker.Code] {
				miss++
				fmt.Println(gd.ID, "missing speaker", q.Speaker.Code, q.Anchor)
			}
		}
	}
	fmt.Println("missing", miss, "of", tot)
}
