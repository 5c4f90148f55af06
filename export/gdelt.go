package export

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/masar-project/masar/geo"
)

//go:embed data/*.tsv
var dataFS embed.FS

// GDELTColumns are the 61 columns of a GDELT 2.0 event record, in order.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// rootEventSpan: an event whose evidence starts in the first rootEventSpan
// code points of its article is in the lead (GDELT's IsRootEvent).
const rootEventSpan = 300

// tables are the embedded lookup tables of the GDELT export.
type tables struct {
	fips      map[string]string // ISO3 -> FIPS 10-4
	cameo     map[string]string // PLOVER type -> CAMEO root
	goldstein map[string]float64
	countries map[string]string // ISO3 -> English name
}

var (
	tablesOnce sync.Once
	gdeltTabs  *tables
)

func gdeltTables() *tables {
	tablesOnce.Do(func() {
		t, err := loadTables()
		if err != nil {
			panic("export: embedded data: " + err.Error()) // reviewed data, covered by tests
		}
		gdeltTabs = t
	})
	return gdeltTabs
}

func loadTables() (*tables, error) {
	t := &tables{fips: map[string]string{}, cameo: map[string]string{}, goldstein: map[string]float64{},
		countries: map[string]string{}}
	err := eachRow("data/fips.tsv", 2, func(f []string) error {
		t.fips[f[0]] = f[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("data/plover_cameo.tsv", 3, func(f []string) error {
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return err
		}
		t.cameo[f[0]], t.goldstein[f[0]] = f[1], g
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, p := range geo.Default().Places() {
		if p.Kind == "country" {
			t.countries[p.Country] = p.Name
		}
	}
	return t, nil
}

func eachRow(file string, fields int, fn func([]string) error) error {
	raw, err := dataFS.ReadFile(file)
	if err != nil {
		return err
	}
	for n, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != fields {
			return fmt.Errorf("%s:%d: want %d fields, got %d", file, n+1, fields, len(f))
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", file, n+1, err)
		}
	}
	return nil
}

// gdeltSink writes one GDELT row per merged event: the first of its
// mentions that the export meets stands for it.
type gdeltSink struct {
	bw   *bufio.Writer
	t    *tables
	seen map[int64]bool
	row  []string
}

func newGDELT(w io.Writer) *gdeltSink {
	return &gdeltSink{bw: bufio.NewWriter(w), t: gdeltTables(), seen: map[int64]bool{}, row: make([]string, len(GDELTColumns))}
}

func (g *gdeltSink) add(r Record) error {
	id := r.MergedID
	if id == 0 {
		id, _ = strconv.ParseInt(r.ID, 10, 64)
		id = -id // an unmerged mention stands alone
	}
	if g.seen[id] {
		return nil
	}
	g.seen[id] = true
	g.fill(r)
	if r.MergedID == 0 {
		g.row[0] = r.ID
	}
	for i, v := range g.row {
		if i > 0 {
			g.bw.WriteByte('\t')
		}
		g.bw.WriteString(tsvClean(v))
	}
	return g.bw.WriteByte('\n')
}

func (g *gdeltSink) close() error { return g.bw.Flush() }

// tsvClean keeps a value on its line and in its column.
func tsvClean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

// fill sets g.row from a record; see GDELT.md for the mapping.
func (g *gdeltSink) fill(r Record) {
	row := g.row
	for i := range row {
		row[i] = ""
	}
	row[0] = strconv.FormatInt(r.MergedID, 10)
	if y, m, d, ok := gdeltDate(r.Date); ok {
		row[1] = fmt.Sprintf("%04d%02d%02d", y, m, d)
		row[2] = fmt.Sprintf("%04d%02d", y, m)
		row[3] = strconv.Itoa(y)
		row[4] = strconv.FormatFloat(float64(y)+float64(m*30+d)/365, 'f', 4, 64)
	}
	a1, a2 := -1, -1 // Actor1 is the first actor; Actor2 the first recipient, else the second actor
	var a2Recipient bool
	if len(r.ActorCode) > 0 {
		a1 = 0
	}
	switch {
	case len(r.RecipientCode) > 0:
		a2, a2Recipient = 0, true
	case len(r.ActorCode) > 1:
		a2 = 1
	}
	if a1 >= 0 {
		actorCols(row[5:15], r.ActorCode[a1], r.Actor[a1])
	}
	if a2 >= 0 {
		if a2Recipient {
			actorCols(row[15:25], r.RecipientCode[a2], r.Recipient[a2])
		} else {
			actorCols(row[15:25], r.ActorCode[a2], r.Actor[a2])
		}
	}
	row[25] = "0"
	if r.EvidenceStart < rootEventSpan {
		row[25] = "1"
	}
	code, gold := r.CAMEO, r.Score
	if code == "" {
		code, gold = g.t.cameo[r.EventType], g.t.goldstein[r.EventType]
	}
	row[26] = code
	if len(code) >= 3 {
		row[27] = code[:3]
	} else {
		row[27] = code
	}
	if len(code) >= 2 {
		row[28] = code[:2]
	}
	if r.QuadClass > 0 {
		row[29] = strconv.Itoa(r.QuadClass)
	}
	if code != "" {
		row[30] = strconv.FormatFloat(gold, 'f', 1, 64)
	}
	row[31], row[32], row[33] = strconv.Itoa(max(r.Mentions, 1)), strconv.Itoa(max(r.Sources, 1)), strconv.Itoa(max(r.Articles, 1))
	row[35], row[43] = "0", "0" // masar does not locate actors
	g.actionGeo(row[51:59], r)
	if t, err := time.Parse(time.RFC3339, r.Ingested); err == nil {
		row[59] = t.UTC().Format("20060102150405")
	}
	row[60] = r.URL
	if row[60] == "" {
		row[60] = r.Source
	}
}

// gdeltDate reads an ISO date of any precision; a month or a year stands
// for its first day, as GDELT has no coarser dates.
func gdeltDate(s *string) (y, m, d int, ok bool) {
	if s == nil {
		return 0, 0, 0, false
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, *s); err == nil {
			return t.Year(), int(t.Month()), t.Day(), true
		}
	}
	return 0, 0, 0, false
}

// actorCols fills the ten columns of one actor: code, name, country, known
// group (the organisation of an IGO code), ethnic and religion codes (empty)
// and type codes (the sector).
func actorCols(cols []string, code, name string) {
	country, sector := splitCode(code)
	cols[0], cols[1], cols[2] = code, strings.ToUpper(name), country
	if strings.HasPrefix(code, "IGO") && len(code) >= 6 {
		cols[3] = code[3:6]
	}
	cols[7] = sector
}

// actionGeo fills the eight ActionGeo columns from the event's place.
func (g *gdeltSink) actionGeo(cols []string, r Record) {
	cols[0] = "0"
	if r.Location == "" && r.LocationCountry == "" {
		return
	}
	fips := g.t.fips[strings.ToUpper(r.LocationCountry)]
	cols[0] = "4" // a place inside a country
	kind := ""
	if p, ok := geo.Default().Lookup(r.Location); ok {
		kind = p.Kind
	}
	switch {
	case kind == "country" || r.Location == "":
		cols[0] = "1"
		cols[3] = fips // GDELT gives a country's FIPS code as its ADM1 code
	case kind == "governorate" || kind == "region":
		cols[0] = "5"
	}
	full := r.Location
	if country := g.t.countries[strings.ToUpper(r.LocationCountry)]; country != "" && country != full {
		if full != "" {
			full += ", "
		}
		full += country
	}
	cols[1], cols[2] = full, fips
	if r.Lat != nil && r.Lon != nil {
		cols[5] = strconv.FormatFloat(*r.Lat, 'f', 4, 64)
		cols[6] = strconv.FormatFloat(*r.Lon, 'f', 4, 64)
	}
}
