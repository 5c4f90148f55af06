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
//
// A phrase that does not match, or mostly disagrees, must not start with a
// descriptor: a word seen at least minDescriptor times in the training text
// and inside a name less than a fifth of the time. ANERcorp leaves such
// heads and titles outside names (وزارة الخارجية، جائزة نوبل، شركة أرامكو،
// الملك فهد), so a listed phrase that includes one would mark the wrong
// boundary.
func TestGazetteerAgreesWithTraining(t *testing.T) {
	train := readCoNLLFile(t, trainPath, true)
	lx, err := getLexicon()
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ matches, agree int }
	byEntry := map[string]*tally{}
	words := map[string]*tally{} // matches: occurrences; agree: inside a name
	var buf [2]string
	for _, s := range train {
		infos := make([]tokInfo, len(s.Tokens))
		for i, tok := range s.Tokens {
			infos[i].norm = text.NormalizeString(tok)
		}
		for i := range infos {
			w := words[infos[i].norm]
			if w == nil {
				w = &tally{}
				words[infos[i].norm] = w
			}
			w.matches++
			if s.Tags[i] != "O" {
				w.agree++
			}
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
	var heads []string
	for _, phrases := range lx.gaz {
		for _, p := range phrases {
			id := gazClasses[p.typ] + "\t" + strings.Join(p.toks, " ")
			if tl := byEntry[id]; len(p.toks) < 2 || tl != nil && 2*tl.agree >= tl.matches {
				continue
			}
			if w := words[p.toks[0]]; w != nil && w.matches >= minDescriptor && 5*w.agree < w.matches && (!personal(p.typ) || title(lx, p.toks[0])) {
				heads = append(heads, id)
			}
		}
	}
	sort.Strings(heads)
	for _, id := range heads {
		head, _, _ := strings.Cut(strings.SplitN(id, "\t", 2)[1], " ")
		t.Errorf("gazetteer entry %q starts with %q, which the training text leaves outside names (%d of %d times)",
			id, head, words[head].matches-words[head].agree, words[head].matches)
	}
}

// personal reports whether a gazetteer class names people. Their phrases
// are checked only for titles: a given name's spelling may normalise to a
// common word (علي and the preposition على).
func personal(class int) bool {
	return gazClasses[class] == "PERS" || gazClasses[class] == "GIVEN"
}

// title reports whether word is a TITLE trigger (الملك، الشيخ).
func title(lx *lexicon, word string) bool {
	return lx.trig[strHash(word)]&(1<<indexOf(triggerClasses, "TITLE")) != 0
}

// minDescriptor is how often a word must occur in the training text before
// its use outside names marks it as a descriptor.
const minDescriptor = 8

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

// TestCommonWordsAgreeWithTraining keeps out of data/words.txt the words
// that the training text mostly uses inside names: a word whose form or
// stem occurs at least twice there must lie outside names at least half of
// the time (المتحدة in الأمم المتحدة, دولار, which ANERcorp tags MISC).
func TestCommonWordsAgreeWithTraining(t *testing.T) {
	train := readCoNLLFile(t, trainPath, true)
	listed := map[string]bool{}
	for _, w := range wordList(wordsTXT) {
		listed[w] = true
	}
	type tally struct{ seen, inName int }
	byWord := map[string]*tally{}
	for _, s := range train {
		for i, tok := range s.Tokens {
			var in tokInfo
			analyzeWord(&lexicon{}, tok, &in)
			for _, w := range []string{in.norm, in.stem, "ال" + in.stem} {
				if !listed[w] {
					continue
				}
				tl := byWord[w]
				if tl == nil {
					tl = &tally{}
					byWord[w] = tl
				}
				tl.seen++
				if s.Tags[i] != "O" {
					tl.inName++
				}
				break
			}
		}
	}
	var bad []string
	for w, tl := range byWord {
		if tl.seen >= 2 && 2*tl.inName > tl.seen {
			bad = append(bad, w)
		}
	}
	sort.Strings(bad)
	for _, w := range bad {
		t.Errorf("common word %q: %d of its %d occurrences in the training text are inside names", w, byWord[w].inName, byWord[w].seen)
	}
}
