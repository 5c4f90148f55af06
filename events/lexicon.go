package events

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

//go:embed data/triggers.tsv
var triggersTSV string

//go:embed data/modes.tsv
var modesTSV string

//go:embed data/cues.tsv
var cuesTSV string

// parseCues reads data/cues.tsv: named lists of normalised cue words.
func parseCues(src string) (map[string][]string, error) {
	out := map[string][]string{}
	for n, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, words, ok := strings.Cut(line, "\t")
		if !ok || words == "" || out[name] != nil {
			return nil, fmt.Errorf("cues.tsv:%d: want a new list name and its words", n+1)
		}
		for _, w := range strings.Split(words, "|") {
			out[name] = append(out[name], normWord(w))
		}
	}
	return out, nil
}

// isCue reports whether normalised word w is in cue list name.
func isCue(name, w string) bool { return slices.Contains(cues[name], w) }

// modeCue gives an event a mode from a word of its clause.
type modeCue struct {
	typ, mode string
	words     []string
}

// parseModes reads data/modes.tsv.
func parseModes(src string) ([]modeCue, error) {
	var out []modeCue
	for n, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || !plover[f[0]] {
			return nil, fmt.Errorf("modes.tsv:%d: want type, cues, mode", n+1)
		}
		c := modeCue{typ: f[0], mode: f[2]}
		for _, w := range strings.Split(f[1], "|") {
			c.words = append(c.words, normWord(w))
		}
		out = append(out, c)
	}
	return out, nil
}

// trigger is one lexical item of data/triggers.tsv.
type trigger struct {
	words   []string // normalised; gap marks a gap of up to maxGap words
	typ     string
	mode    string
	context []string
	cameo   string
	score   float64
	flags   map[string]bool
}

const (
	gap    = "…"
	maxGap = 4
)

// lexicon indexes triggers by the normalised first word of each form.
type lexicon map[string][]*trigger

// parseTriggers reads the trigger table; errors name the line.
func parseTriggers(src string) (lexicon, error) {
	lex := lexicon{}
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("triggers.tsv:%d: %d columns, want 7", n, len(f))
		}
		score, err := strconv.ParseFloat(f[5], 64)
		if err != nil {
			return nil, fmt.Errorf("triggers.tsv:%d: score: %v", n, err)
		}
		if !plover[f[1]] && f[1] != "NONE" {
			return nil, fmt.Errorf("triggers.tsv:%d: unknown type %q", n, f[1])
		}
		proto := trigger{typ: f[1], mode: dash(f[2]), cameo: f[4], score: score, flags: map[string]bool{}}
		if c := dash(f[3]); c != "" {
			proto.context = strings.Split(c, ",")
		}
		if fl := dash(f[6]); fl != "" {
			for _, x := range strings.Split(fl, ",") {
				proto.flags[x] = true
			}
		}
		for _, form := range expandForms(f[0]) {
			t := proto
			for _, w := range strings.Fields(form) {
				if w != gap {
					w = stripArticle(normWord(w))
				}
				t.words = append(t.words, w)
			}
			if len(t.words) == 0 || t.words[0] == gap {
				return nil, fmt.Errorf("triggers.tsv:%d: bad form %q", n, form)
			}
			lex[t.words[0]] = append(lex[t.words[0]], &t)
		}
	}
	return lex, sc.Err()
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// plover is the set of the 16 PLOVER event types.
var plover = map[string]bool{"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true,
	"COOPERATE": true, "AID": true, "RETREAT": true, "REQUEST": true, "ACCUSE": true,
	"REJECT": true, "THREATEN": true, "PROTEST": true, "SANCTION": true, "MOBILIZE": true,
	"COERCE": true, "ASSAULT": true}

// expandForms splits the forms column and conjugates "v:PAST/PRESENT" items
// of sound verbs: past هو/هي/هما/هم/نحن and present يـ/تـ/نـ with dual and
// plural endings.
func expandForms(col string) []string {
	var out []string
	for _, f := range strings.Split(col, "|") {
		f = strings.TrimSpace(f)
		spec, ok := strings.CutPrefix(f, "v:")
		if !ok {
			out = append(out, f)
			continue
		}
		past, pres, _ := strings.Cut(spec, "/")
		out = append(out, past, past+"ت", past+"ا", past+"تا", past+"وا", past+"نا")
		if stem, ok := strings.CutPrefix(pres, "ي"); ok {
			for _, p := range []string{"ي", "ت", "ن", "أ"} {
				out = append(out, p+stem)
			}
			out = append(out, "ي"+stem+"ان", "ت"+stem+"ان", "ي"+stem+"ون", "ت"+stem+"ون")
		}
	}
	return out
}

// hit is a trigger found in the text: tokens first..last inclusive.
type hit struct {
	t           *trigger
	first, last int
	future      bool // written with the س prefix
}

// find returns the triggers in toks, longest match first at each position,
// without overlaps.
func (lex lexicon) find(toks []tok) []hit {
	var out []hit
	for i := 0; i < len(toks); i++ {
		if toks[i].punct {
			continue
		}
		var best hit
		found := false
		for _, v := range toks[i].variants() {
			for _, t := range lex[v.stem] {
				last, ok := matchRest(toks, i, t.words[1:])
				if !ok {
					continue
				}
				if !found || last > best.last || (last == best.last && len(t.words) > len(best.t.words)) {
					best, found = hit{t: t, first: i, last: last, future: v.future}, true
				}
			}
		}
		if found {
			if best.t.typ != "NONE" {
				out = append(out, best)
			}
			i = best.last
		}
	}
	return out
}

// matchRest matches the words after a trigger's first word from token i on.
func matchRest(toks []tok, i int, words []string) (int, bool) {
	allow := 0
	for _, w := range words {
		if w == gap {
			allow = maxGap
			continue
		}
		j := i + 1
		ok := false
		for skipped := 0; j < len(toks) && !toks[j].punct; j++ {
			if toks[j].has(w) {
				ok = true
				break
			}
			if skipped++; skipped > allow {
				break
			}
		}
		if !ok {
			return 0, false
		}
		i, allow = j, 0
	}
	return i, true
}
