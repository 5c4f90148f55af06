package timex

import "testing"

func TestParseEntry(t *testing.T) {
	cases := []struct {
		file string
		cols []string
		ok   bool
		kind kind
		n    int
	}{
		{"months.tsv", []string{"أيار", "5", "levant"}, true, kMonth, 5},
		{"months.tsv", []string{"رمضان", "9", "hijri", "amb"}, true, kMonth, 9},
		{"months.tsv", []string{"أيار", "13", "levant"}, false, 0, 0},
		{"weekdays.tsv", []string{"الخميس", "4"}, true, kWeekday, 4},
		{"weekdays.tsv", []string{"الخميس", "7"}, false, 0, 0},
		{"ordinals.tsv", []string{"الحادي عشر", "11"}, true, kOrdinal, 11},
		{"ordinals.tsv", []string{"الأول", "x"}, false, 0, 0},
		{"words.tsv", []string{"أول أمس", "rel", "-2"}, true, kRel, -2},
		{"words.tsv", []string{"المقبل", "mod", "future"}, true, kMod, dirFuture},
		{"words.tsv", []string{"المقبل", "mod", "later"}, false, 0, 0},
		{"words.tsv", []string{"الأسبوع", "period", "week"}, true, kPeriod, unitWeek},
		{"words.tsv", []string{"يوم", "nosuchkind"}, false, 0, 0},
		{"words.tsv", []string{"يوم"}, false, 0, 0},
		{"words.tsv", []string{" ", "daycue"}, false, 0, 0},
	}
	for _, c := range cases {
		e, err := parseEntry(c.file, c.cols)
		if (err == nil) != c.ok {
			t.Errorf("parseEntry(%s, %q) error %v, want ok %v", c.file, c.cols, err, c.ok)
			continue
		}
		if c.ok && (e.kind != c.kind || e.n != c.n) {
			t.Errorf("parseEntry(%s, %q) = kind %d n %d, want %d %d", c.file, c.cols, e.kind, e.n, c.kind, c.n)
		}
	}
}

func TestLexiconLoads(t *testing.T) {
	l, err := load()
	if err != nil {
		t.Fatal(err)
	}
	// every month of every system is there, forms normalised
	for _, w := range []string{"كانون", "اذار", "ايار", "يناير", "ابريل", "جانفي", "افريل", "محرم", "جمادي", "ذو", "ذي"} {
		if len(l.byFirst[w]) == 0 {
			t.Errorf("no entry starts with %q", w)
		}
	}
	months := map[string]map[int]bool{}
	for _, es := range l.byFirst {
		for _, e := range es {
			if e.kind != kMonth {
				continue
			}
			sys := "gregorian"
			if e.hijri {
				sys = "hijri"
			}
			if months[sys] == nil {
				months[sys] = map[int]bool{}
			}
			months[sys][e.n] = true
		}
	}
	for _, sys := range []string{"gregorian", "hijri"} {
		if len(months[sys]) != 12 {
			t.Errorf("%s: %d months", sys, len(months[sys]))
		}
	}
}
