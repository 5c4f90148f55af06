package ner

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/masar-project/masar/text"
)

//go:embed data/triggers.tsv
var triggersTSV string

// wordsTXT lists ordinary Arabic words (class WORD), one per line.
//
//go:embed data/words.txt
var wordsTXT string

//go:embed data/gazetteer.tsv
var gazetteerTSV string

//go:embed data/cldr_regions.tsv
var cldrRegionsTSV string

//go:embed data/cldr_cities.tsv
var cldrCitiesTSV string

// gazDir holds the topical gazetteers (given names, people, places,
// organisations, sport, culture, other names), one reviewed file per topic.
//
//go:embed data/gaz/*.tsv
var gazDir embed.FS

// Trigger classes, as bits of tokInfo.trig. SPORT words mark a sentence's
// topic rather than a neighbour: in sport, a city's name is often its club.
// WORD marks an ordinary word of the language (data/words.txt): a word the
// training text never saw is a name far less often when it is one.
var triggerClasses = []string{"TITLE", "SPEECH", "LOCW", "ORGW", "MISCW", "NISBA", "SPORT", "WORD"}

// topicTriggers are the trigger classes that count anywhere in a sentence
// (tokInfo.topic).
var topicTriggers = uint8(1) << indexOf(triggerClasses, "SPORT")

// wordTrigger is the WORD class's bit.
var wordTrigger = uint8(1) << indexOf(triggerClasses, "WORD")

// gazTypes are the entity types, in tag order.
var gazTypes = []string{"PERS", "LOC", "ORG", "MISC"}

// gazClasses are the gazetteer classes: the entity types and GIVEN, a
// person's given name, which starts a name more often than it is one. A
// match sets bit 2*class for its first token and bit 2*class+1 for the
// following ones.
var gazClasses = append(gazTypes[:len(gazTypes):len(gazTypes)], "GIVEN")

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
	lexOnce.Do(func() {
		var gazetteers []dataFile
		gazetteers, lexErr = embeddedGazetteers()
		if lexErr == nil {
			lex, lexErr = parseLexicon(triggersTSV, wordsTXT, gazetteers...)
		}
	})
	return lex, lexErr
}

// dataFile is an embedded data file and its name, for error messages.
type dataFile struct{ name, data string }

// embeddedGazetteers returns every embedded gazetteer file, in a fixed order.
func embeddedGazetteers() ([]dataFile, error) {
	out := []dataFile{{"gazetteer.tsv", gazetteerTSV}, {"cldr_regions.tsv", cldrRegionsTSV}, {"cldr_cities.tsv", cldrCitiesTSV}}
	names, err := fs.Glob(gazDir, "data/gaz/*.tsv")
	if err != nil {
		return nil, err
	}
	for _, name := range names { // Glob sorts
		b, err := gazDir.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, dataFile{name, string(b)})
	}
	return out, nil
}

func parseLexicon(triggers, words string, gazetteers ...dataFile) (*lexicon, error) {
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
	for _, w := range wordList(words) {
		l.trig[strHash(w)] |= wordTrigger
	}
	seen := map[string]bool{}
	add := func(toks []string, typ int) {
		id := fmt.Sprint(typ, toks)
		if !seen[id] {
			seen[id] = true
			l.gaz[toks[0]] = append(l.gaz[toks[0]], gazPhrase{toks, typ})
		}
	}
	for _, g := range gazetteers {
		err = eachTSV(g.data, func(typ, name string) error {
			i := indexOf(gazClasses, typ)
			if i < 0 {
				return fmt.Errorf("unknown gazetteer class %q", typ)
			}
			toks := strings.Fields(text.NormalizeString(name))
			add(toks, i)
			if joined := joinCompound(toks); joined != nil {
				add(joined, i)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.name, err)
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

// wordList returns the normalised words of a list with one word per line,
// skipping blank lines and # comments.
func wordList(data string) []string {
	var out []string
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		if line != "" && line[0] != '#' {
			out = append(out, text.NormalizeString(line))
		}
	}
	return out
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
