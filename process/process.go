// Package process knows the peace processes (Astana, Geneva, Sochi, the
// constitutional committee...) as reviewed data, assigns extracted events to a
// process and a round from their sentence and article, and builds the view of
// a process (its rounds, dates, venue, participants by role, outcomes) from a
// store.
package process

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/lexicon"
	"github.com/masar-project/masar/text"
)

//go:embed data/processes.json data/words.tsv data/ordinals.tsv data/outcomes.tsv
var dataFS embed.FS

// Roles an actor can hold in a process.
const (
	RoleGuarantor = "guarantor"
	RoleObserver  = "observer"
	RoleParty     = "party"
	RoleMediator  = "mediator"
	RoleHost      = "host"
	RoleMember    = "member"
)

// roleOrder is the order roles are listed in.
var roleOrder = []string{RoleHost, RoleMediator, RoleGuarantor, RoleObserver, RoleMember, RoleParty}

// Process is one peace process as the data describes it.
type Process struct {
	ID      string            `json:"id"` // lower case, as stored with events ("astana")
	Name    string            `json:"name"`
	NameAr  string            `json:"name_ar"`
	About   string            `json:"about"`
	Subject []string          `json:"subject"` // word stems an article must contain (the country it is about)
	Names   []string          `json:"names"`   // phrases that name the process alone
	Places  []string          `json:"places"`  // venue names that name it next to a talks word
	Cues    []string          `json:"cues"`    // talks words for Places; empty means the common ones
	Venue   article.Location  `json:"venue"`
	Roles   map[string]string `json:"roles"` // actor code -> role

	placeEnds map[string]bool // normalised last words of Places
}

// Role returns an actor code's role in the process, "" when it has none.
func (p *Process) Role(code string) string { return p.Roles[code] }

// Catalog is the set of known processes with the matchers built from them.
// It is safe for concurrent use.
type Catalog struct {
	list    []*Process
	byID    map[string]*Process
	names   map[string]string // country and organisation codes -> English names
	phrases *lexicon.Matcher[phrase]
	// cues holds what the cue word lists and the ordinals say of a
	// normalised word.
	cues map[string]class
	// subjectStems are the distinct Subject stems of all processes.
	subjectStems []string
	anaphora     *lexicon.Matcher[bool]
	// futurePhrases mark a round as coming (على عقد الجولة).
	futurePhrases *lexicon.Matcher[bool]
	outcomes      *lexicon.Matcher[Outcome]
	signature     map[string]bool
}

// phrase is what a matched process phrase stands for.
type phrase struct {
	p      *Process
	strong bool // a name of the process, not a venue that needs a talks word
}

type ordinal struct {
	kind  string // unit, teen, tens
	value int
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
)

// Default returns the catalogue built from the embedded data, built once.
func Default() *Catalog {
	defaultOnce.Do(func() {
		c, err := load()
		if err != nil {
			panic("process: embedded data: " + err.Error()) // the data is reviewed and tested
		}
		defaultCat = c
	})
	return defaultCat
}

// Processes returns the known processes in data order.
func (c *Catalog) Processes() []*Process { return append([]*Process(nil), c.list...) }

// Lookup finds a process by ID or by English or Arabic name, ignoring case.
func (c *Catalog) Lookup(name string) (*Process, bool) {
	key := strings.ToLower(strings.TrimSpace(name))
	if p, ok := c.byID[key]; ok {
		return p, true
	}
	norm := text.NormalizeString(key)
	for _, p := range c.list {
		if strings.EqualFold(p.Name, key) || text.NormalizeString(p.NameAr) == norm {
			return p, true
		}
		for _, n := range append(append([]string{}, p.Names...), p.Places...) {
			if text.NormalizeString(n) == norm {
				return p, true
			}
		}
	}
	return nil, false
}

// ActorName is the display name of a code for the process view: the country
// or organisation ("Russia", "United Nations"), "" when unknown.
func (c *Catalog) ActorName(code string) string {
	if n, ok := c.names[code]; ok {
		return n
	}
	if len(code) >= 3 {
		return c.names[code[:3]]
	}
	return ""
}

func load() (*Catalog, error) {
	raw, err := dataFS.ReadFile("data/processes.json")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Processes     []*Process        `json:"processes"`
		Countries     map[string]string `json:"countries"`
		Organisations map[string]string `json:"organisations"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("processes.json: %w", err)
	}
	c := &Catalog{byID: map[string]*Process{}, names: map[string]string{}, phrases: lexicon.New[phrase](),
		anaphora: lexicon.New[bool](), futurePhrases: lexicon.New[bool](), outcomes: lexicon.New[Outcome](),
		cues: map[string]class{}, signature: map[string]bool{}}
	for k, v := range doc.Countries {
		c.names[k] = v
	}
	for k, v := range doc.Organisations {
		c.names[k] = v
	}
	for _, p := range doc.Processes {
		if p.ID == "" || p.ID != strings.ToLower(p.ID) {
			return nil, fmt.Errorf("process %q: id must be lower case and not empty", p.ID)
		}
		if _, dup := c.byID[p.ID]; dup {
			return nil, fmt.Errorf("process %q listed twice", p.ID)
		}
		for code, role := range p.Roles {
			if !knownRole(role) {
				return nil, fmt.Errorf("process %q: %s has unknown role %q", p.ID, code, role)
			}
		}
		for i, s := range p.Subject {
			p.Subject[i] = text.NormalizeString(s)
			if !slices.Contains(c.subjectStems, p.Subject[i]) {
				c.subjectStems = append(c.subjectStems, p.Subject[i])
			}
		}
		c.byID[p.ID] = p
		c.list = append(c.list, p)
		for _, n := range p.Names {
			c.phrases.Add(n, phrase{p: p, strong: true})
		}
		p.placeEnds = map[string]bool{}
		for _, n := range p.Places {
			c.phrases.Add(n, phrase{p: p})
			if keys := lexicon.Keys(n); len(keys) > 0 {
				p.placeEnds[keys[len(keys)-1]] = true
			}
		}
	}
	if err := c.loadWords(); err != nil {
		return nil, err
	}
	if err := c.loadOrdinals(); err != nil {
		return nil, err
	}
	if err := c.loadOutcomes(); err != nil {
		return nil, err
	}
	for _, p := range c.list {
		for i, w := range p.Cues {
			p.Cues[i] = text.NormalizeString(w)
		}
	}
	return c, nil
}

func knownRole(r string) bool {
	for _, k := range roleOrder {
		if k == r {
			return true
		}
	}
	return false
}

// eachRow calls fn with the tab-separated fields of every data row of a file,
// skipping comments and blank lines.
func eachRow(file string, fields int, fn func([]string) error) error {
	raw, err := dataFS.ReadFile(file)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != fields {
			return fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", file, n, fields, len(f))
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", file, n, err)
		}
	}
	return sc.Err()
}

func (c *Catalog) loadWords() error {
	return eachRow("data/words.tsv", 2, func(f []string) error {
		kind, w := f[0], f[1]
		switch kind {
		case "anaphora":
			c.anaphora.Add(w, true)
		case "future-phrase":
			c.futurePhrases.Add(w, true)
		default:
			k, ok := wordKinds[kind]
			if !ok {
				return fmt.Errorf("unknown kind %q", kind)
			}
			w = text.NormalizeString(w)
			cl := c.cues[w]
			cl.kinds |= k
			c.cues[w] = cl
		}
		return nil
	})
}

func (c *Catalog) loadOrdinals() error {
	return eachRow("data/ordinals.tsv", 3, func(f []string) error {
		v, err := strconv.Atoi(f[1])
		if err != nil {
			return err
		}
		if f[0] != "unit" && f[0] != "teen" && f[0] != "tens" {
			return fmt.Errorf("unknown kind %q", f[0])
		}
		for _, form := range strings.Split(f[2], "|") {
			form = text.NormalizeString(form)
			cl := c.cues[form]
			cl.ord, cl.isOrd = ordinal{kind: f[0], value: v}, true
			c.cues[form] = cl
		}
		return nil
	})
}

func (c *Catalog) loadOutcomes() error {
	return eachRow("data/outcomes.tsv", 3, func(f []string) error {
		switch f[0] {
		case "signature":
			c.signature[text.NormalizeString(f[1])] = true
		case OutcomeDocument, OutcomeZones, OutcomeCeasefire, OutcomeRelease, OutcomeMechanism:
			c.outcomes.Add(f[1], Outcome{Kind: f[0], Text: f[2]})
		default:
			return fmt.Errorf("unknown kind %q", f[0])
		}
		return nil
	})
}

// sortedRoles returns role names in display order.
func sortedRoles(m map[string][]Participant) []string {
	var out []string
	for _, r := range roleOrder {
		if len(m[r]) > 0 {
			out = append(out, r)
		}
	}
	var rest []string
	for r := range m {
		if !knownRole(r) && len(m[r]) > 0 {
			rest = append(rest, r)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
