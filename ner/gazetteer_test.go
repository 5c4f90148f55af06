package ner

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/masar-project/masar/text"
)

// trainPath is ANERcorp's training split in the shared data.
var trainPath = filepath.Join("..", "..", "shared", "data", "anercorp", "train.txt")

// TestGazetteerAgreesWithTraining keeps out of the gazetteers the entries
// that the training text mostly uses otherwise: an entry that matches at
// least twice must, in at least half of its matches, lie inside a name of
// its type (GIVEN: of a person). Such entries (كان "Cannes" is nearly always
// the verb) would teach the model to distrust the whole list.
func TestGazetteerAgreesWithTraining(t *testing.T) {
	train := readCoNLLFile(t, trainPath, true)
	lx, err := getLexicon()
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ matches, agree int }
	byEntry := map[string]*tally{}
	var buf [2]string
	for _, s := range train {
		infos := make([]tokInfo, len(s.Tokens))
		for i, tok := range s.Tokens {
			infos[i].norm = text.NormalizeString(tok)
		}
		for i := range infos {
			for _, key := range gazKeys(infos[i].norm, &buf) {
				for _, p := range lx.gaz[key] {
					if !p.continuesAt(infos, i) {
						continue
					}
					id := gazClasses[p.typ] + "\t" + strings.Join(p.toks, " ")
					tl := byEntry[id]
					if tl == nil {
						tl = &tally{}
						byEntry[id] = tl
					}
					tl.matches++
					if insideName(s.Tags[i:i+len(p.toks)], gazClasses[p.typ]) {
						tl.agree++
					}
				}
			}
		}
	}
	var bad []string
	for id, tl := range byEntry {
		if tl.matches >= 2 && 2*tl.agree < tl.matches {
			bad = append(bad, id)
		}
	}
	sort.Strings(bad)
	for _, id := range bad {
		t.Errorf("gazetteer entry %q: %d of its %d matches in the training text are not inside names of its class",
			id, byEntry[id].matches-byEntry[id].agree, byEntry[id].matches)
	}
}

// insideName reports whether every tag is of a name of class's type.
func insideName(tags []string, class string) bool {
	if class == "GIVEN" {
		class = "PERS"
	}
	for _, tag := range tags {
		if !strings.HasSuffix(tag, "-"+class) {
			return false
		}
	}
	return true
}
