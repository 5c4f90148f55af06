package geo

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/masar-project/masar/text"
)

func render(ms []Mention) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+"="+m.Place.Name+"/"+m.Place.Country)
	}
	return strings.Join(out, " | ")
}

func TestFind(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		name, in, want string
	}{
		{"venue after fi", "انطلقت المحادثات في جنيف", "جنيف=Geneva/CHE"},
		{"clitic bi", "اجتمعوا بجنيف", "جنيف=Geneva/CHE"},
		{"astana spellings", "في أستانا وأستانة وآستانا ونور سلطان", "أستانا=Astana/KAZ | أستانة=Astana/KAZ | آستانا=Astana/KAZ | نور سلطان=Astana/KAZ"},
		{"multiword region", "تقدمت القوات في الغوطة الشرقية", "الغوطة الشرقية=Eastern Ghouta/SYR"},
		{"countryside", "قصف على ريف إدلب الجنوبي", "ريف إدلب=Idlib Governorate/SYR"},
		{"region of syria", "الأوضاع في جنوب غرب سوريا", "جنوب غرب سوريا=Southwestern Syria/SYR"},
		{"country", "وصل إلى تركيا", "تركيا=Turkey/TUR"},
		{"capital", "عاد إلى الرياض", "الرياض=Riyadh/SAU"},
		{"common word without cue", "فتح الباب أمام الحل", ""},
		{"common word after cue", "سيطرت القوات على مدينة الباب", "الباب=Al-Bab/SYR"},
		{"common word with bi", "اشتباكات بالباب", "الباب=Al-Bab/SYR"},
		{"common word with wa only", "والباب مغلق", ""},
		{"amman needs cue", "وصل الوفد إلى عمان", "عمان=Amman/JOR"},
		{"oman long form", "زار سلطنة عمان", "سلطنة عمان=Oman/OMN"},
		{"lam-lam", "قافلة للغوطة الشرقية", "للغوطة الشرقية=Eastern Ghouta/SYR"},
		{"body named after a city", "رفضت منصة موسكو الورقة في جنيف", "جنيف=Geneva/CHE"},
		{"newspaper", "نقلت صحيفة واشنطن بوست", ""},
		{"kobani names", "في عين العرب أو كوباني", "عين العرب=Kobani/SYR | كوباني=Kobani/SYR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(g.Find(tc.in)); got != tc.want {
				t.Errorf("Find(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		in, want, country string
		ok                bool
	}{
		{"أستانة", "Astana", "KAZ", true},
		{"Astana", "Astana", "KAZ", true},
		{"geneva", "Geneva", "CHE", true},
		{"دير الزور", "Deir ez-Zor", "SYR", true},
		{"الغوطة الشرقيه", "Eastern Ghouta", "SYR", true},
		{"Syria", "Syria", "SYR", true},
		{"أطلانتس", "", "", false},
	} {
		p, ok := g.Lookup(tc.in)
		if ok != tc.ok || p.Name != tc.want || p.Country != tc.country {
			t.Errorf("Lookup(%q) = %q %q %v, want %q %q %v", tc.in, p.Name, p.Country, ok, tc.want, tc.country, tc.ok)
		}
	}
}

// TestDataLint checks the embedded data beyond what loading enforces: every
// country has a centroid, and no Arabic name means two different places.
func TestDataLint(t *testing.T) {
	g := Default()
	countries := map[string]bool{}
	for _, p := range g.Places() {
		if p.Kind == "country" {
			countries[p.Country] = true
		}
	}
	if len(countries) < 193 {
		t.Errorf("%d country centroids, want every UN member state", len(countries))
	}
	for _, p := range g.Places() {
		if !countries[p.Country] {
			t.Errorf("%s: country %s has no entry", p.Name, p.Country)
		}
		if p.Lat == 0 && p.Lon == 0 {
			t.Errorf("%s: missing coordinates", p.Name)
		}
	}
	for k, e := range g.byName {
		toks := text.Tokenize(k)
		ms := g.m.Find(toks)
		if len(ms) != 1 {
			continue // English names
		}
		for _, v := range ms[0].Values {
			if v.place.Name != e.place.Name && ms[0].Last == len(toks) {
				t.Errorf("name %q is both %s and %s", k, e.place.Name, v.place.Name)
			}
		}
	}
}

func TestParseLine(t *testing.T) {
	for _, tc := range []struct {
		line, err string
	}{
		{"X\tSYR\t91\t36\tcity\tس", "bad latitude"},
		{"X\tSYR\t33\t181\tcity\tس", "bad longitude"},
		{"X\tsyr\t33\t36\tcity\tس", "bad country"},
		{"X\tSYR\t33\t36\tcity\t", "missing"},
		{"X\tSYR\t33\t36\tcity\tس\tmaybe", "unknown flag"},
		{"X\tSYR\t33", "columns"},
	} {
		if _, _, err := parseLine(tc.line); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("parseLine(%q) = %v, want error containing %q", tc.line, err, tc.err)
		}
	}
	e, names, err := parseLine("Al-Bab\tSYR\t36.37\t37.52\ttown\tالباب|الباب الشرقي\tcue")
	if err != nil || !e.cued || len(names) != 2 || e.place.Lat != 36.37 || e.place.Arabic != "الباب" {
		t.Errorf("parseLine valid = %+v %v %v", e, names, err)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"في جنيف وبأستانا", "للغوطة الشرقية", "مدينة الباب", "", "ب", "وَفِي دِمَشْق"} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		rs := []rune(s)
		for _, m := range g.Find(s) {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End || string(rs[m.Start:m.End]) != m.Text {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	g := Default()
	s := strings.Repeat("انطلقت في أستانا جولة جديدة من المحادثات بعد جولات جنيف، فيما تواصل القصف على ريف إدلب الجنوبي ومدينة خان شيخون والغوطة الشرقية قرب دمشق. ", 12)
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Find(s)
	}
}
