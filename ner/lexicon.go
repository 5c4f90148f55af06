package ner

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/masar-project/masar/text"
)

//go:embed data/triggers.tsv
var triggersTSV string

//go:embed data/gazetteer.tsv
var gazetteerTSV string

//go:embed data/cldr_regions.tsv
var cldrRegionsTSV string

// Trigger classes, as bits of tokInfo.trig.
var triggerClasses = []string{"TITLE", "SPEECH", "LOCW", "ORGW", "MISCW", "NISBA"}

// Gazetteer types; a match sets bit 2*type for its first token and bit
// 2*type+1 for the following ones.
var gazTypes = []string{"PERS", "LOC", "ORG", "MISC"}

// lexicon holds the embedded word lists in normalised form.
type lexicon struct {
	trig map[uint64]uint8 // strHash of the normalised word → class bits
	// gaz maps a phrase's first normalised token to its phrases, longest
	// first; each phrase is its normalised tokens and type index.
	gaz map[string][]gazPhrase
}

type gazPhrase struct {
	toks []string
	typ  int
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// getLexicon parses the embedded lists once.
func getLexicon() (*lexicon, error) {
	lexOnce.Do(func() { lex, lexErr = parseLexicon(triggersTSV, gazetteerTSV, cldrRegionsTSV) })
	return lex, lexErr
}

func parseLexicon(triggers string, gazetteers ...string) (*lexicon, error) {
	l := &lexicon{trig: map[uint64]uint8{}, gaz: map[string][]gazPhrase{}}
	err := eachTSV(triggers, func(class, word string) error {
		i := indexOf(triggerClasses, class)
		if i < 0 {
			return fmt.Errorf("unknown trigger class %q", class)
		}
		l.trig[strHash(text.NormalizeString(word))] |= 1 << i
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("triggers.tsv: %w", err)
	}
	seen := map[string]bool{}
	add := func(toks []string, typ int) {
		id := fmt.Sprint(typ, toks)
		if !seen[id] {
			seen[id] = true
			l.gaz[toks[0]] = append(l.gaz[toks[0]], gazPhrase{toks, typ})
		}
	}
	for k, g := range gazetteers {
		err = eachTSV(g, func(typ, name string) error {
			i := indexOf(gazTypes, typ)
			if i < 0 {
				return fmt.Errorf("unknown gazetteer type %q", typ)
			}
			toks := strings.Fields(text.NormalizeString(name))
			add(toks, i)
			if joined := joinCompound(toks); joined != nil {
				add(joined, i)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("gazetteer %d: %w", k+1, err)
		}
	}
	for _, ps := range l.gaz {
		sortLongestFirst(ps)
	}
	return l, nil
}

// joinCompound returns the one-word spelling of a compound name that Arabic
// writes both ways (عبد الله / عبدالله, أبو بكر / أبوبكر, نور الدين /
// نورالدين), or nil.
func joinCompound(toks []string) []string {
	if len(toks) < 2 {
		return nil
	}
	if toks[0] == "عبد" || toks[0] == "ابو" || toks[1] == "الدين" || toks[1] == "الله" {
		return append([]string{toks[0] + toks[1]}, toks[2:]...)
	}
	return nil
}

// eachTSV calls fn for every "key<TAB>value" line, skipping blank lines and
// # comments.
func eachTSV(data string, fn func(k, v string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		v = strings.TrimSpace(v)
		if !ok || v == "" {
			return fmt.Errorf("line %d: want KEY<TAB>VALUE", n)
		}
		if err := fn(k, v); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
