package actors

import (
	"strings"
	"testing"

	"github.com/masar-project/masar/lexicon"
	"github.com/masar-project/masar/text"
)

// TestDataLint checks the embedded data beyond what loading enforces: every
// phrase finds itself whole, and no phrase means two different actors of the
// same kind.
func TestDataLint(t *testing.T) {
	d := Default()
	if n := len(d.countries); n < 193 {
		t.Errorf("%d countries, want every UN member state", n)
	}
	for _, e := range d.Actors() {
		if !codeRE.MatchString(e.Code) {
			t.Errorf("%s: bad code %q", e.Name, e.Code)
		}
		for _, p := range e.Arabic {
			toks := text.Tokenize(p)
			ms := d.m.Find(toks)
			if len(ms) != 1 || ms[0].First != 0 || ms[0].Last != len(toks) {
				t.Errorf("%s: phrase %q does not match whole", e.Name, p)
				continue
			}
			codes := map[Kind]string{}
			for _, it := range ms[0].Values {
				c := it.code
				if it.person != nil {
					c = it.person.name
				}
				if it.kind == Group || it.kind == Sector || it.kind == Title || c == "" {
					continue
				}
				if prev, ok := codes[it.kind]; ok && prev != c {
					t.Errorf("phrase %q is %v %s and %s", p, it.kind, prev, c)
				}
				codes[it.kind] = c
			}
		}
	}
}

// TestNoDuplicatePhrases checks that a phrase is listed once per file kind:
// two lines with one phrase would give it two meanings.
func TestNoDuplicatePhrases(t *testing.T) {
	for _, f := range []string{"data/sectors.tsv", "data/titles.tsv", "data/groups.tsv", "data/conferences.tsv", "data/people.tsv", "data/countries.tsv"} {
		b, err := dataFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		col := 0
		switch f {
		case "data/people.tsv", "data/countries.tsv", "data/conferences.tsv":
			col = 2
		}
		seen := map[string]int{}
		for ln, line := range strings.Split(string(b), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			cols := strings.Split(line, "\t")
			for _, p := range list(cols[col]) {
				k := strings.Join(lexicon.Keys(p), " ")
				if prev, ok := seen[k]; ok {
					t.Errorf("%s:%d: %q already on line %d", f, ln+1, p, prev)
				}
				seen[k] = ln + 1
			}
		}
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		line []string
		err  string
	}{
		{"bad org code", []string{"RUSSIA", "Russia", "روسيا"}, "bad code"},
		{"org without names", []string{"RUSGOV", "Russia", ""}, "missing names"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &Dictionary{m: Default().m, orgNames: map[string]string{}}
			err := d.parseOrg(tc.line)
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseOrg(%q) = %v, want error containing %q", tc.line, err, tc.err)
			}
		})
	}
	for _, tc := range []struct {
		line []string
		err  string
	}{
		{[]string{"SYR", "Congress", "مؤتمر"}, "bad code"},
		{[]string{"@XYZ", "Congress", "مؤتمر"}, "bad code"},
		{[]string{"-", "Congress", ""}, "missing names"},
	} {
		d := &Dictionary{m: Default().m}
		err := d.parseConference(tc.line)
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("parseConference(%q) = %v, want error containing %q", tc.line, err, tc.err)
		}
	}
	for _, tc := range []struct {
		roles, err string
	}{
		{"RUSGOV:fm@2004..2003", "ends before"},
		{"RUSGOV:fm@20x4..", "bad date"},
		{"RUSGOV-fm@2004..", "bad role"},
		{"russia:fm@2004..", "bad role"},
	} {
		d := &Dictionary{roles: map[string][]tenure{}}
		err := d.parsePerson([]string{"X", "RUSGOV", "س", "", tc.roles})
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("parsePerson roles %q = %v, want error containing %q", tc.roles, err, tc.err)
		}
	}
}

func TestNisbaForms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"روسي", []string{"روسي", "الروسي", "روسية", "الروسية", "روسيون", "الروسيون", "روسيين", "الروسيين"}},
		{"كوري جنوبي", []string{"الكوري الجنوبي", "الكورية الجنوبية"}},
		{"الأتراك", []string{"الأتراك", "أتراك"}},
	} {
		got := strings.Join(nisbaForms(tc.in), "|")
		for _, w := range tc.want {
			if !strings.Contains("|"+got+"|", "|"+w+"|") {
				t.Errorf("nisbaForms(%q) = %s, lacks %q", tc.in, got, w)
			}
		}
	}
}
