package actors

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/masar-project/masar/geo"
	"github.com/masar-project/masar/lexicon"
)

//go:embed data/*.tsv
var dataFS embed.FS

// item is what a dictionary phrase stands for.
type item struct {
	kind   Kind
	code   string // full code (Org, Person), ISO3 (Country, Nisba, Capital)
	name   string
	short  bool // a person's short name, used only after the person was named
	person *person
	title  *title
	sector *sectorCue
	group  *group
}

type person struct {
	name, code string
	posts      []post
}

// post is one role a person held: key "OWNER:role", to zero while held.
type post struct {
	key      string
	from, to time.Time
}

// codeAt returns the person's code on date on: the owner of the post held
// then (a negotiator who later led a government changes code), else the
// default.
func (p *person) codeAt(on time.Time) string {
	if on.IsZero() {
		return p.code
	}
	for _, ps := range p.posts {
		if !on.Before(ps.from) && (ps.to.IsZero() || on.Before(ps.to)) {
			owner, _, _ := strings.Cut(ps.key, ":")
			return owner
		}
	}
	return p.code
}

// title is a function word such as وزير الخارجية: its role, the sector it
// gives its owner's country, and a fixed owner when the title names it.
type title struct {
	roles  []string // role names, alternatives
	sector string
	owner  string // full code (IGOUNO) or ""
}

// sectorCue is a word that with a country makes an actor (الجيش الروسي).
type sectorCue struct {
	sector  string // GOV, MIL...; "*" takes the following actor; "-" is not an actor
	bareFor string // alone: "any" or an ISO3 for the focus country, "last" for the last body of the sector, "prev" for the last actor's country, "adj" never (an adjective: only with a nisba)
}

type group struct {
	members []string // codes
	last    int      // >0: the last N distinct actors named before
}

var (
	codeRE   = regexp.MustCompile(`^(?:[A-Z]{3}(?:GOV|MIL|OPP|REB|CVL|LEG|JUD|COP|MED|NGO|BUS|REF|SPY|UAF|EDU|LAB|REL|HLH|CRM|ELI)|IGO[A-Z]{3,4}|IMG[A-Z]{3}|NGO[A-Z]{3,4})$`)
	iso3RE   = regexp.MustCompile(`^[A-Z]{3}$`)
	sectorRE = regexp.MustCompile(`^(?:GOV|MIL|OPP|REB|CVL|LEG|JUD|COP|MED|NGO|BUS|REF|SPY|EDU|LAB|REL|HLH|CRM|ELI|\*|-)$`)
)

func load(fsys fs.FS, g *geo.Gazetteer) (*Dictionary, error) {
	d := &Dictionary{
		m:         lexicon.New[*item](),
		roles:     map[string][]tenure{},
		countries: map[string]string{},
		orgNames:  map[string]string{},
		geo:       g,
	}
	// Countries first: other files refer to country names.
	order := []struct {
		file  string
		parse func(d *Dictionary, f []string) error
		min   int // trailing optional columns may be left out
		cols  int
	}{
		{"data/countries.tsv", (*Dictionary).parseCountry, 3, 5},
		{"data/igos.tsv", (*Dictionary).parseOrg, 3, 3},
		{"data/syria.tsv", (*Dictionary).parseOrg, 3, 3},
		{"data/orgs.tsv", (*Dictionary).parseOrg, 3, 3},
		{"data/groups.tsv", (*Dictionary).parseGroup, 3, 3},
		{"data/conferences.tsv", (*Dictionary).parseConference, 3, 3},
		{"data/sectors.tsv", (*Dictionary).parseSector, 2, 3},
		{"data/titles.tsv", (*Dictionary).parseTitle, 3, 4},
		{"data/people.tsv", (*Dictionary).parsePerson, 3, 5},
	}
	for _, o := range order {
		b, err := fs.ReadFile(fsys, o.file)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for ln := 1; sc.Scan(); ln++ {
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) > o.cols || len(f) < o.min {
				return nil, fmt.Errorf("%s:%d: want %d to %d tab-separated columns, got %d", o.file, ln, o.min, o.cols, len(f))
			}
			for len(f) < o.cols {
				f = append(f, "")
			}
			if err := o.parse(d, f); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", o.file, ln, err)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// list splits a "|"-separated column, dropping empty items.
func list(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// add registers every phrase for it.
func (d *Dictionary) add(phrases []string, it *item) {
	for _, p := range phrases {
		d.m.Add(p, it)
	}
}

// parseCountry: ISO3, English name, names, nisba stems, capitals.
func (d *Dictionary) parseCountry(f []string) error {
	iso, name := f[0], f[1]
	if !iso3RE.MatchString(iso) {
		return fmt.Errorf("bad ISO3 code %q", iso)
	}
	if _, dup := d.countries[iso]; dup {
		return fmt.Errorf("duplicate country %s", iso)
	}
	names := list(f[2])
	if name == "" || len(names) == 0 {
		return fmt.Errorf("country %s: missing names", iso)
	}
	d.countries[iso] = name
	d.add(names, &item{kind: Country, code: iso, name: name})
	var nisba []string
	for _, n := range list(f[3]) {
		nisba = append(nisba, nisbaForms(n)...)
	}
	d.add(nisba, &item{kind: Nisba, code: iso, name: name})
	caps := list(f[4])
	d.add(caps, &item{kind: Capital, code: iso, name: name})
	d.entries = append(d.entries, Entry{Code: iso + "GOV", Name: name, Kind: Country, Arabic: append(append(names, nisba...), caps...)})
	return nil
}

// nisbaForms expands a masculine nisba stem ending in ي (روسي، كوري جنوبي) to
// the forms news uses: definite and indefinite, feminine, dual and sound
// plurals, inflecting every word of a compound. Broken plurals (الأتراك) get
// their indefinite form; other items stand as written.
func nisbaForms(n string) []string {
	if rest, ok := strings.CutPrefix(n, "ال"); ok {
		return []string{n, rest} // الأتراك، أتراك
	}
	words := strings.Fields(n)
	for _, w := range words {
		if !strings.HasSuffix(w, "ي") {
			return []string{n}
		}
	}
	var out []string
	for _, suf := range []string{"", "ة", "ون", "ين", "تان", "تين", "ان"} {
		for _, art := range []string{"", "ال"} {
			ws := make([]string, len(words))
			for i, w := range words {
				ws[i] = art + w + suf
			}
			out = append(out, strings.Join(ws, " "))
		}
	}
	return out
}

// parseOrg: code, English name, Arabic phrases.
func (d *Dictionary) parseOrg(f []string) error {
	code, name, phrases := f[0], f[1], list(f[2])
	if !codeRE.MatchString(code) {
		return fmt.Errorf("bad code %q", code)
	}
	if name == "" || len(phrases) == 0 {
		return fmt.Errorf("%s: missing names", code)
	}
	if _, ok := d.orgNames[code]; !ok {
		d.orgNames[code] = name
	}
	d.add(phrases, &item{kind: Org, code: code, name: name})
	d.entries = append(d.entries, Entry{Code: code, Name: name, Kind: Org, Arabic: phrases})
	return nil
}

// parseConference: participants' code ("@SEC": the focus country's sector
// SEC; "-": none), English name, Arabic phrases.
func (d *Dictionary) parseConference(f []string) error {
	code, name, phrases := f[0], f[1], list(f[2])
	sec, focus := strings.CutPrefix(code, "@")
	switch {
	case code == "-":
	case focus && sectorRE.MatchString(sec) && sec != "*" && sec != "-":
	case codeRE.MatchString(code):
	default:
		return fmt.Errorf("bad code %q", code)
	}
	if name == "" || len(phrases) == 0 {
		return fmt.Errorf("conference %s: missing names", code)
	}
	d.add(phrases, &item{kind: Conference, code: code, name: name})
	return nil
}

// parseGroup: Arabic phrases, members (codes separated by "," or "@N"), English.
func (d *Dictionary) parseGroup(f []string) error {
	phrases, mem, name := list(f[0]), f[1], f[2]
	g := &group{}
	if n, ok := strings.CutPrefix(mem, "@"); ok {
		v, err := strconv.Atoi(n)
		if err != nil || v < 2 {
			return fmt.Errorf("bad member count %q", mem)
		}
		g.last = v
	} else {
		for _, c := range strings.Split(mem, ",") {
			if !codeRE.MatchString(c) {
				return fmt.Errorf("bad member code %q", c)
			}
			g.members = append(g.members, c)
		}
	}
	if len(phrases) == 0 || name == "" {
		return fmt.Errorf("group: missing names")
	}
	d.add(phrases, &item{kind: Group, name: name, group: g})
	return nil
}

// parseSector: Arabic phrases, sector ("*" takes the next actor, "-" blocks a
// following country word), bare use ("any", an ISO3, "last", "prev", "adj",
// or empty).
func (d *Dictionary) parseSector(f []string) error {
	phrases, sec, bare := list(f[0]), f[1], f[2]
	if !sectorRE.MatchString(sec) {
		return fmt.Errorf("bad sector %q", sec)
	}
	if bare != "" && bare != "any" && bare != "last" && bare != "prev" && bare != "adj" && !iso3RE.MatchString(bare) {
		return fmt.Errorf("bad bare use %q", bare)
	}
	if len(phrases) == 0 {
		return fmt.Errorf("sector: no phrases")
	}
	d.add(phrases, &item{kind: Sector, sector: &sectorCue{sector: sec, bareFor: bare}})
	return nil
}

// parseTitle: Arabic phrases, roles ("|" alternatives), sector, fixed owner.
func (d *Dictionary) parseTitle(f []string) error {
	phrases, roles, sec, owner := list(f[0]), list(f[1]), f[2], f[3]
	if len(phrases) == 0 || len(roles) == 0 {
		return fmt.Errorf("title: missing phrases or roles")
	}
	if !sectorRE.MatchString(sec) || sec == "*" || sec == "-" {
		return fmt.Errorf("bad sector %q", sec)
	}
	if owner != "" && !codeRE.MatchString(owner) {
		return fmt.Errorf("bad owner %q", owner)
	}
	d.add(phrases, &item{kind: Title, title: &title{roles: roles, sector: sec, owner: owner}})
	return nil
}

// parsePerson: English name, code, Arabic names, short names used after the
// person was named, roles ("OWNER:role@from..to" separated by spaces; dates
// YYYY-MM-DD, YYYY-MM or YYYY; an empty end while held).
func (d *Dictionary) parsePerson(f []string) error {
	name, code, names, shorts := f[0], f[1], list(f[2]), list(f[3])
	if !codeRE.MatchString(code) {
		return fmt.Errorf("bad code %q", code)
	}
	if name == "" || len(names) == 0 {
		return fmt.Errorf("person: missing names")
	}
	p := &person{name: name, code: code}
	for _, r := range strings.Fields(f[4]) {
		key, span, ok := strings.Cut(r, "@")
		from, to, ok2 := strings.Cut(span, "..")
		owner, _, ok3 := strings.Cut(key, ":")
		if !ok || !ok2 || !ok3 || !codeRE.MatchString(owner) {
			return fmt.Errorf("%s: bad role %q", name, r)
		}
		t0, err := parseDate(from, false)
		if err != nil {
			return fmt.Errorf("%s: role %q: %v", name, r, err)
		}
		var t1 time.Time
		if to != "" {
			if t1, err = parseDate(to, true); err != nil {
				return fmt.Errorf("%s: role %q: %v", name, r, err)
			}
			if !t1.After(t0) {
				return fmt.Errorf("%s: role %q ends before it starts", name, r)
			}
		}
		p.posts = append(p.posts, post{key: key, from: t0, to: t1})
		d.roles[key] = append(d.roles[key], tenure{p: p, from: t0, to: t1})
	}
	d.add(names, &item{kind: Person, code: code, name: name, person: p})
	d.add(shorts, &item{kind: Person, code: code, name: name, person: p, short: true})
	d.entries = append(d.entries, Entry{Code: code, Name: name, Kind: Person, Arabic: append(names, shorts...)})
	return nil
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY; end dates of partial
// precision extend to the end of the period.
func parseDate(s string, end bool) (time.Time, error) {
	for _, l := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			if end {
				t = l.next(t)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q", s)
}
