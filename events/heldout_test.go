package events

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/masar-project/masar/actors"
	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/geo"
	"github.com/masar-project/masar/quote"
	"github.com/masar-project/masar/timex"
)

// goldEvent is one event of testdata/heldout_gold.jsonl, in the shape of the
// shared gold files (OUTPUT.md).
type goldEvent struct {
	Type       string                  `json:"type"`
	AltTypes   []string                `json:"alt_types"`
	Modality   string                  `json:"modality"`
	Optional   bool                    `json:"optional"`
	Actors     []struct{ Code string } `json:"actors"`
	Recipients []struct{ Code string } `json:"recipients"`
	Anchor     string                  `json:"anchor"`
	Location   *struct{ Name string }  `json:"location"`
}

// goldQuote is one quote of a gold line: its speaker's code and an anchor
// inside the quoted text.
type goldQuote struct {
	Speaker struct{ Code string } `json:"speaker"`
	Anchor  string                `json:"anchor"`
}

// heldout is the outcome of coding the held-out set, scored as score-events
// scores (an event matches on type and an anchor in its evidence; the
// candidate sharing most codes wins; optional events count neither way).
type heldout struct {
	tp, sys, gold int
	part          float64 // summed code-set F1 over matched events with codes
	partN         int
	modOK, roleOK int
	locOK, locN   int // matched events whose gold names a place
	quoteN        int // gold quotes
	quoteFound    int // gold quotes found
	speakerOK     int // found gold quotes with the right speaker code
	misses        []string
}

func (h heldout) f1() float64 {
	if h.tp == 0 {
		return 0
	}
	p, r := float64(h.tp)/float64(h.sys), float64(h.tp)/float64(h.gold)
	return 2 * p * r / (p + r)
}

var scoreMarks = regexp.MustCompile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")

func scoreNorm(s string) string {
	return strings.Join(strings.Fields(scoreMarks.ReplaceAllString(s, "")), " ")
}

func codeSet(as []article.Actor) map[string]bool {
	m := map[string]bool{}
	for _, a := range as {
		m[a.Code] = true
	}
	return m
}

func goldSet(as []struct{ Code string }) map[string]bool {
	m := map[string]bool{}
	for _, a := range as {
		m[a.Code] = true
	}
	return m
}

func union(a, b map[string]bool) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

func setF1(g, s map[string]bool) float64 {
	if len(g) == 0 && len(s) == 0 {
		return 1
	}
	tp := 0
	for k := range g {
		if s[k] {
			tp++
		}
	}
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(len(s)), float64(tp)/float64(len(g))
	return 2 * p * r / (p + r)
}

func sameSet(a, b map[string]bool) bool { return len(a) == len(b) && setF1(a, b) == 1 }

func readJSONL[T any](t *testing.T, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	return out
}

// scoreHeldout codes every article of a held-out set as masar extract does
// and scores it against the gold: events, and quote speakers where the gold
// lists quotes.
func scoreHeldout(t *testing.T, texts, gold string) heldout {
	c := New(actors.Default(), geo.Default())
	arts := readJSONL[article.Article](t, texts)
	golds := readJSONL[struct {
		ID     string      `json:"id"`
		Events []goldEvent `json:"events"`
		Quotes []goldQuote `json:"quotes"`
	}](t, gold)
	if len(arts) != len(golds) {
		t.Fatalf("%d articles, %d gold lines", len(arts), len(golds))
	}
	var h heldout
	for i, a := range arts {
		if golds[i].ID != a.ID {
			t.Fatalf("line %d: article %s, gold %s", i+1, a.ID, golds[i].ID)
		}
		// single sentences of heldout3 have no publication date, as in the
		// outside sets: the zero time is what extract passes then
		var on time.Time
		if a.Published != "" {
			var err error
			if on, err = time.Parse(time.DateOnly, a.Published); err != nil {
				t.Fatalf("%s: %v", a.ID, err)
			}
		}
		doc := c.dict.Analyze(a.Text, on)
		sys := c.Code(a.Text, sentencesOf(a.Text), doc, timex.Find(a.Text, on))
		h.sys += len(sys)
		scoreQuotes(&h, a, doc, golds[i].Quotes)
		used := map[int]bool{}
		ge := golds[i].Events
		// required events claim system events before optional ones do
		order := make([]goldEvent, 0, len(ge))
		for _, opt := range []bool{false, true} {
			for _, g := range ge {
				if g.Optional == opt {
					order = append(order, g)
				}
			}
		}
		for _, g := range order {
			if !g.Optional {
				h.gold++
			}
			gc := union(goldSet(g.Actors), goldSet(g.Recipients))
			best, bj := -1.0, -1
			for j, s := range sys {
				if used[j] || (s.Type != g.Type && !contains(g.AltTypes, s.Type)) ||
					!strings.Contains(scoreNorm(s.Evidence.Text), scoreNorm(g.Anchor)) {
					continue
				}
				if f := setF1(gc, union(codeSet(s.Actors), codeSet(s.Recipients))); f > best {
					best, bj = f, j
				}
			}
			if bj < 0 {
				if !g.Optional {
					h.misses = append(h.misses, a.ID+" MISS "+g.Type+" "+g.Anchor)
				}
				continue
			}
			used[bj] = true
			if g.Optional {
				h.sys--
				continue
			}
			s := sys[bj]
			h.tp++
			if len(gc) > 0 {
				h.partN++
				h.part += best
			}
			if s.Modality == g.Modality {
				h.modOK++
			}
			if g.Location != nil {
				h.locN++
				if s.Location != nil && s.Location.Name == g.Location.Name {
					h.locOK++
				} else {
					h.misses = append(h.misses, a.ID+" LOC "+g.Type+" "+g.Anchor+" gold "+g.Location.Name)
				}
			}
			roles := sameSet(goldSet(g.Actors), codeSet(s.Actors)) && sameSet(goldSet(g.Recipients), codeSet(s.Recipients))
			if roles {
				h.roleOK++
			}
			if best < 1 || s.Modality != g.Modality || !roles {
				h.misses = append(h.misses, a.ID+" PART "+g.Type+" "+g.Anchor+" gold "+
					codesOf(g.Actors)+"/"+codesOf(g.Recipients)+" "+g.Modality+" | sys "+
					actorCodes(s.Actors)+"/"+actorCodes(s.Recipients)+" "+s.Modality)
			}
		}
		for j, s := range sys {
			if !used[j] {
				h.misses = append(h.misses, a.ID+" EXTRA "+s.Type+" "+actorCodes(s.Actors)+"/"+actorCodes(s.Recipients))
			}
		}
	}
	return h
}

// scoreQuotes attributes the quotes of a as masar extract does and counts
// the gold quotes found (a quote holding the anchor) and correctly coded.
func scoreQuotes(h *heldout, a article.Article, doc *actors.Doc, gold []goldQuote) {
	qs := quote.Find(a.Text)
	for _, g := range gold {
		h.quoteN++
		k := slices.IndexFunc(qs, func(q quote.Quote) bool {
			return strings.Contains(scoreNorm(q.Text.Text), scoreNorm(g.Anchor))
		})
		if k < 0 {
			h.misses = append(h.misses, a.ID+" QUOTE MISS "+g.Anchor)
			continue
		}
		h.quoteFound++
		code := ""
		if sp := qs[k].Speaker; sp.Text != "" {
			if m, ok := doc.Resolve(sp.Text, sp.Start); ok {
				code = m.Code
			}
		}
		if code == g.Speaker.Code {
			h.speakerOK++
		} else {
			h.misses = append(h.misses, a.ID+" SPEAKER "+g.Anchor+" gold "+g.Speaker.Code+" | sys "+code+" "+qs[k].Speaker.Text)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func codesOf(as []struct{ Code string }) string {
	var cs []string
	for _, a := range as {
		cs = append(cs, a.Code)
	}
	return strings.Join(cs, ",")
}

func actorCodes(as []article.Actor) string {
	var cs []string
	for _, a := range as {
		cs = append(cs, a.Code)
	}
	return strings.Join(cs, ",")
}

// TestHeldout scores the coder on the held-out sets of testdata, written
// for these tests and never tuned rule by rule: heldout.jsonl holds short
// news items on every event type and modality, other conflicts than Syria's
// and the hard actor cases; heldout2.jsonl holds full multi-paragraph
// articles (datelines, titles with names, quotes continued by bare verbs
// and participles, complements and purposes of other events, threats,
// topic places) with their quotes; heldout3.jsonl holds single undated
// sentences on attacks, protests, arrests and deployments in other
// conflicts, at most a dateline for context. The thresholds sit a little under the
// measured figures, so that a change that loses generality fails here.
func TestHeldout(t *testing.T) {
	for _, set := range []struct {
		name                             string
		f1, part, roles, mod, loc, speak float64
	}{
		{"heldout", 0.95, 0.93, 0.85, 0.98, 0.85, 0},
		{"heldout2", 0.87, 0.87, 0.65, 0.97, 0.83, 0.95},
		{"heldout3", 0.94, 0.73, 0.39, 0.98, 0.9, 0},
	} {
		t.Run(set.name, func(t *testing.T) {
			h := scoreHeldout(t, "testdata/"+set.name+".jsonl", "testdata/"+set.name+"_gold.jsonl")
			for _, m := range h.misses {
				t.Log(m)
			}
			part := h.part / float64(max(1, h.partN))
			mod := float64(h.modOK) / float64(max(1, h.tp))
			roles := float64(h.roleOK) / float64(max(1, h.tp))
			loc := float64(h.locOK) / float64(max(1, h.locN))
			speak := float64(h.speakerOK) / float64(max(1, h.quoteN))
			t.Logf("event F1 %.3f (tp %d, sys %d, gold %d), participants F1 %.3f, roles %.3f, modality %.3f, location %.3f (%d), quotes found %d/%d, speaker %.3f",
				h.f1(), h.tp, h.sys, h.gold, part, roles, mod, loc, h.locN, h.quoteFound, h.quoteN, speak)
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"event F1", h.f1(), set.f1},
				{"participants F1", part, set.part},
				{"actor/recipient roles", roles, set.roles},
				{"modality accuracy", mod, set.mod},
				{"location accuracy", loc, set.loc},
				{"speaker accuracy", speak, set.speak},
			} {
				if c.got < c.want {
					t.Errorf("%s %.3f, want at least %.2f", c.name, c.got, c.want)
				}
			}
		})
	}
}
