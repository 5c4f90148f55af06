// Package actors is masar's actor dictionary and resolver: it finds the
// political actors an Arabic article names (countries, their nisba adjectives
// and capitals, organisations, armed groups, people and their titles) and codes
// each with a CAMEO-style code as CODING.md defines, resolving titles to the
// person holding them at the article's date and later mentions to people the
// article named before.
//
// The data are reviewed TSV files embedded from data/: countries.tsv (every
// ISO 3166-1 country with names, nisba stems and capitals), igos.tsv,
// syria.tsv and orgs.tsv (organisations and armed groups), people.tsv (people
// with date-bounded posts), titles.tsv (posts and the roles they name),
// sectors.tsv (words that with a country make a sector actor), groups.tsv
// (phrases that stand for several actors) and conferences.tsv (conferences
// whose participants speak as one body). Each file's header documents its
// columns and coding decisions.
package actors

import (
	"sort"
	"sync"
	"time"

	"github.com/masar-project/masar/geo"
	"github.com/masar-project/masar/lexicon"
)

// Kind is what sort of phrase named an actor.
type Kind uint8

// Kinds of actor mentions.
const (
	Country    Kind = iota + 1 // a country name: روسيا
	Nisba                      // a nisba adjective: الروسي، الأتراك
	Capital                    // a capital used for its government: موسكو
	Org                        // an organisation or body: الأمم المتحدة، الائتلاف الوطني
	Group                      // one member of a group phrase: الدول الضامنة
	Person                     // a named or title-resolved person
	Title                      // a title that resolved to a country or organisation only
	Sector                     // a sector word with a country: الجيش الروسي، المعارضة
	Conference                 // a conference's participants or final statement: المشاركون في مؤتمر الرياض
)

var kindNames = [...]string{"", "country", "nisba", "capital", "org", "group", "person", "title", "sector", "conference"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Mention is one actor named in a text.
type Mention struct {
	Text       string
	Start, End int    // code points into the analysed text
	Code       string // "RUSGOV", "IGOUNO", "SYROPP", "IMGREB"...
	Name       string // canonical English: "Russia", "Alexey Borodavkin"
	Kind       Kind
}

// Entry is one actor of the dictionary, for listings.
type Entry struct {
	Code   string
	Name   string
	Kind   Kind
	Arabic []string
}

// Dictionary holds the actor data and the phrase matcher built from it.
type Dictionary struct {
	m         *lexicon.Matcher[*item]
	roles     map[string][]tenure // role key ("RUSGOV:fm") → holders over time
	countries map[string]string   // ISO3 → English name
	orgNames  map[string]string   // code → English name of its main body
	entries   []Entry
	geo       *geo.Gazetteer
}

// tenure is one person holding one role between two dates.
type tenure struct {
	p        *person
	from, to time.Time // to is zero while the role is held
}

var (
	defaultOnce sync.Once
	defaultDict *Dictionary
)

// Default returns the dictionary built from the embedded data files. It is
// built once and safe for concurrent use.
func Default() *Dictionary {
	defaultOnce.Do(func() {
		d, err := load(dataFS, geo.Default())
		if err != nil {
			panic("actors: embedded data: " + err.Error())
		}
		defaultDict = d
	})
	return defaultDict
}

// Actors lists every actor of the dictionary, sorted by code then name.
func (d *Dictionary) Actors() []Entry {
	out := append([]Entry(nil), d.entries...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Code != out[j].Code {
			return out[i].Code < out[j].Code
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// holder returns the person holding role key on date on (zero: the latest
// holder), or nil when no one or several people held it then (deputy
// ministers come in numbers: the title alone cannot tell which).
func (d *Dictionary) holder(key string, on time.Time) *person {
	var found *tenure
	n := 0
	for i := range d.roles[key] {
		t := &d.roles[key][i]
		switch {
		case on.IsZero():
			if found == nil || t.from.After(found.from) {
				found, n = t, 1
			}
		case !on.Before(t.from) && (t.to.IsZero() || on.Before(t.to)):
			if found == nil || found.p != t.p {
				n++
			}
			found = t
		}
	}
	if n != 1 {
		return nil
	}
	return found.p
}
