package quote

import (
	_ "embed"
	"strings"

	"github.com/masar-project/masar/text"
)

// role is a bit set of what a word does around a quote.
type role uint8

const (
	verb      role = 1 << iota // speech verb: its subject is the speaker
	according                  // بحسب X: X is the speaker
	adverbial                  // مضيفا أن: continues the current speaker
	stop                       // ends a speaker phrase
	name                       // before a mark: the marks enclose a name or title
	medium                     // after ل: the outlet or audience, not the speaker
	head                       // a body's head noun: الوزارة stands for its full name
)

//go:embed data/cues.tsv
var cueData string

var cues = loadCues(cueData)

func loadCues(data string) map[string]role {
	names := map[string]role{"verb": verb, "according": according, "adverbial": adverbial,
		"stop": stop, "name": name, "medium": medium, "head": head}
	m := map[string]role{}
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		w, r, ok := strings.Cut(line, "\t")
		if !ok || names[r] == 0 {
			panic("quote: bad line in data/cues.tsv: " + line)
		}
		m[text.NormalizeString(w)] |= names[r]
	}
	return m
}

// cueOf gives the roles of a token, also when it carries a conjunction
// (وقال، فأضاف) or, for stems, other clitics (بالإشارة).
func cueOf(t text.Token) role {
	if t.Kind != text.Word {
		return 0
	}
	if r := cues[t.Norm]; r != 0 {
		return r
	}
	if w, ok := cutConj(t.Norm); ok {
		if r := cues[w]; r != 0 {
			return r
		}
	}
	return cues[t.Stem] & (adverbial | medium | name)
}

func cutConj(w string) (string, bool) {
	if r, ok := strings.CutPrefix(w, "و"); ok && len(r) >= 4 {
		return r, true
	}
	if r, ok := strings.CutPrefix(w, "ف"); ok && len(r) >= 4 {
		return r, true
	}
	return w, false
}
