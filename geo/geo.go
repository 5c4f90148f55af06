// Package geo is masar's gazetteer: places with Arabic name variants, English
// names, country codes and coordinates, loaded from reviewed data files, and a
// finder for place mentions in Arabic text.
package geo

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/masar-project/masar/lexicon"
	"github.com/masar-project/masar/text"
)

//go:embed data/*.tsv data/notplaces.txt
var dataFS embed.FS

// Place is one gazetteer entry.
type Place struct {
	Name    string  // canonical English name
	Country string  // ISO 3166-1 alpha-3
	Lat     float64 // decimal degrees
	Lon     float64
	Kind    string // country, capital, city, town, governorate, region, site
	Arabic  string // preferred Arabic name
}

// Mention is a place found in a text.
type Mention struct {
	Text       string
	Start, End int // code points
	Place      Place
}

// Gazetteer finds and looks up places.
type Gazetteer struct {
	places []Place
	m      *lexicon.Matcher[*entry]
	byName map[string]*entry // English and normalised Arabic names
}

type entry struct {
	place   Place
	cued    bool // the name is also a common word: match only after a place cue
	blocked bool // a phrase that hides a place name (منصة موسكو)
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
)

// Default returns the gazetteer built from the embedded data files. It is
// built once and safe for concurrent use.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := load(dataFS)
		if err != nil {
			panic("geo: embedded data: " + err.Error())
		}
		defaultGaz = g
	})
	return defaultGaz
}

// load reads every data/*.tsv file, then data/notplaces.txt. Columns: English
// name, ISO3 country, latitude, longitude, kind, Arabic variants separated by
// "|", and an optional flag "cue" for names that are also common words.
func load(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{m: lexicon.New[*entry](), byName: map[string]*entry{}}
	files, err := fs.Glob(fsys, "data/*.tsv")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		if err := g.parse(f, b); err != nil {
			return nil, err
		}
	}
	b, err := fs.ReadFile(fsys, "data/notplaces.txt")
	if err != nil {
		return nil, err
	}
	blocked := &entry{blocked: true}
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			g.m.Add(line, blocked)
		}
	}
	sort.SliceStable(g.places, func(i, j int) bool { return g.places[i].Name < g.places[j].Name })
	return g, nil
}

func (g *Gazetteer) parse(file string, b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, names, err := parseLine(line)
		if err != nil {
			return fmt.Errorf("%s:%d: %v", file, ln, err)
		}
		g.places = append(g.places, e.place)
		g.byName[strings.ToLower(e.place.Name)] = e
		for _, n := range names {
			g.m.Add(n, e)
			if k := strings.Join(lexicon.Keys(n), " "); g.byName[k] == nil {
				g.byName[k] = e
			}
		}
	}
	return sc.Err()
}

func parseLine(line string) (*entry, []string, error) {
	f := strings.Split(line, "\t")
	if len(f) < 6 || len(f) > 7 {
		return nil, nil, fmt.Errorf("want 6 or 7 tab-separated columns, got %d", len(f))
	}
	lat, err := strconv.ParseFloat(f[2], 64)
	if err != nil || lat < -90 || lat > 90 {
		return nil, nil, fmt.Errorf("bad latitude %q", f[2])
	}
	lon, err := strconv.ParseFloat(f[3], 64)
	if err != nil || lon < -180 || lon > 180 {
		return nil, nil, fmt.Errorf("bad longitude %q", f[3])
	}
	if len(f[1]) != 3 || strings.ToUpper(f[1]) != f[1] {
		return nil, nil, fmt.Errorf("bad country code %q", f[1])
	}
	var names []string
	for _, n := range strings.Split(f[5], "|") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if f[0] == "" || len(names) == 0 {
		return nil, nil, fmt.Errorf("missing English or Arabic name")
	}
	e := &entry{place: Place{Name: f[0], Country: f[1], Lat: lat, Lon: lon, Kind: f[4], Arabic: names[0]}}
	if len(f) == 7 {
		if f[6] != "cue" {
			return nil, nil, fmt.Errorf("unknown flag %q", f[6])
		}
		e.cued = true
	}
	return e, names, nil
}

// cues are words after which a name that is also a common word reads as a
// place: prepositions and nouns of settlement.
var cues = keySet("في", "من", "إلى", "الى", "قرب", "بلدة", "مدينة", "قرية", "ريف", "محيط", "حول", "أطراف", "شمال", "جنوب", "شرق", "غرب", "محافظة", "منطقة", "نحو", "داخل", "عن")

func keySet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[text.NormalizeString(w)] = true
	}
	return m
}

// Find returns the place mentions of s, longest first, tolerating proclitics
// (في جنيف، بجنيف، وأستانا).
func (g *Gazetteer) Find(s string) []Mention {
	toks := text.Tokenize(s)
	return g.FindTokens(s, toks)
}

// FindTokens is Find over tokens already produced by text.Tokenize(s), so
// callers that tokenise once can share the work.
func (g *Gazetteer) FindTokens(s string, toks []text.Token) []Mention {
	ms := g.m.Find(toks)
	if len(ms) == 0 {
		return nil
	}
	// Matches come in text order: one forward walk maps their code-point
	// offsets to bytes, and each mention's text is a slice of s.
	var at runeCursor
	out := make([]Mention, 0, len(ms))
	for _, m := range ms {
		e := m.Values[0]
		if e.blocked || e.cued && !cuedAt(toks, m.First, m.Start) {
			continue
		}
		b := at.seek(s, m.Start)
		out = append(out, Mention{Text: s[b:at.seek(s, m.End)], Start: m.Start, End: m.End, Place: e.place})
	}
	return out
}

// runeCursor converts increasing code-point offsets of a string to byte
// offsets.
type runeCursor struct{ runes, pos int }

func (c *runeCursor) seek(s string, runes int) int {
	for c.runes < runes && c.pos < len(s) {
		_, w := utf8.DecodeRuneInString(s[c.pos:])
		c.pos += w
		c.runes++
	}
	return c.pos
}

// cuedAt reports whether the token at i is preceded by a place cue or carries
// a stripped proclitic preposition (بإدلب، وبإدلب).
func cuedAt(toks []text.Token, i, start int) bool {
	if n := start - toks[i].Start; n > 0 {
		for _, r := range toks[i].Text {
			if n == 0 {
				break
			}
			if r == 'ب' {
				return true
			}
			n--
		}
	}
	if i == 0 {
		return false
	}
	p := toks[i-1]
	w := p.Norm
	if w == "" {
		w = text.NormalizeString(p.Text)
	}
	if cues[w] {
		return true
	}
	// A conjunction-prefixed cue: "وفي", "ومن".
	if r, size := utf8.DecodeRuneInString(w); (r == 'و' || r == 'ف') && len(w) > size && cues[w[size:]] {
		return true
	}
	return false
}

// Lookup finds a place by its English name (any case) or any Arabic variant.
func (g *Gazetteer) Lookup(name string) (Place, bool) {
	if e := g.byName[strings.ToLower(strings.TrimSpace(name))]; e != nil {
		return e.place, true
	}
	if e := g.byName[strings.Join(lexicon.Keys(name), " ")]; e != nil {
		return e.place, true
	}
	return Place{}, false
}

// Places returns every place, sorted by English name.
func (g *Gazetteer) Places() []Place {
	return append([]Place(nil), g.places...)
}
