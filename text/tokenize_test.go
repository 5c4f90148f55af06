package text

import (
	"slices"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	type tok struct {
		text string
		kind Kind
	}
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"words and punctuation", "قال الوزير: «نعم».", []tok{{"قال", Word}, {"الوزير", Word}, {":", Punct}, {"«", Punct}, {"نعم", Word}, {"»", Punct}, {".", Punct}}},
		{"numbers", "2.5 و1,000 و٢٠١٧ و٣٫٥", []tok{{"2.5", Number}, {"و", Word}, {"1,000", Number}, {"و", Word}, {"٢٠١٧", Number}, {"و", Word}, {"٣٫٥", Number}}},
		{"range", "4-5 تموز", []tok{{"4", Number}, {"-", Punct}, {"5", Number}, {"تموز", Word}}},
		{"latin", "صواريخ S-400 وNATO", []tok{{"صواريخ", Word}, {"S", Latin}, {"-", Punct}, {"400", Number}, {"و", Word}, {"NATO", Latin}}},
		{"diacritics and tatweel stay in the word", "الحَرْبُ ســـلام", []tok{{"الحَرْبُ", Word}, {"ســـلام", Word}}},
		{"invisible marks between words are skipped", "سلام\u200f \u200eعليكم", []tok{{"سلام", Word}, {"عليكم", Word}}},
		{"symbols", "50% $", []tok{{"50", Number}, {"%", Punct}, {"$", Symbol}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []tok
			ts := Tokenize(tt.in)
			for _, x := range ts {
				got = append(got, tok{x.Text, x.Kind})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) =\n%v\nwant\n%v", tt.in, got, tt.want)
			}
			checkTokens(t, tt.in, ts)
		})
	}
}

func TestTokenClitics(t *testing.T) {
	tests := []struct {
		in   string
		pro  string // joined by +
		stem string
		enc  string
	}{
		{"وبالحكومة", "و+ب+ال", "حكومه", ""},
		{"للمعارضة", "ل+ال", "معارضه", ""},
		{"فللشعب", "ف+ل+ال", "شعب", ""},
		{"وسيلتقي", "و+س", "يلتقي", ""},
		{"والسياسيين", "و+ال", "سياسيين", ""},
		{"حكومتها", "", "حكومه", "ها"},
		{"اتصالاتهم", "", "اتصالات", "هم"},
		{"بلاده", "", "بلاد", "ه"},
		{"منها", "", "من", "ها"},
		{"وزير", "", "وزير", ""},
		{"ووزير", "و", "وزير", ""},
		{"فرنسا", "", "فرنسا", ""},
		{"لبنان", "", "لبنان", ""},
		{"بيان", "", "بيان", ""},
		{"بياناً", "", "بيانا", ""},
		{"كما", "", "كما", ""},
		{"والي", "", "والي", ""},
		{"بلد", "", "بلد", ""},
		{"السياسة", "ال", "سياسه", ""},
		{"سياسة", "", "سياسه", ""},
		{"اتهم", "", "اتهم", ""},
		{"الروسي", "ال", "روسي", ""},
		{"روسي", "", "روسي", ""},
		{"ذلك", "", "ذلك", ""},
		{"اتجاه", "", "اتجاه", ""},
		{"وقال", "و", "قال", ""},
		{"لروسيا", "ل", "روسيا", ""},
		{"مدينة", "", "مدينه", ""},
		{"فيها", "", "في", "ها"},
		{"وعليهم", "و", "علي", "هم"},
		{"كلها", "", "كل", "ها"},
		{"لكنه", "", "لكن", "ه"},
		{"بشأن", "ب", "شان", ""},
		{"كدولة", "ك", "دوله", ""},
		{"كوريا", "", "كوريا", ""},
		{"عبدالله", "", "عبدالله", ""},
	}
	for _, tt := range tests {
		ts := Tokenize(tt.in)
		if len(ts) != 1 {
			t.Fatalf("Tokenize(%q) gave %d tokens", tt.in, len(ts))
		}
		x := ts[0]
		if got := strings.Join(x.Proclitics, "+"); got != tt.pro || x.Stem != tt.stem || strings.Join(x.Enclitics, "+") != tt.enc {
			t.Errorf("%q: pro=%q stem=%q enc=%q, want %q %q %q", tt.in, got, x.Stem, x.Enclitics, tt.pro, tt.stem, tt.enc)
		}
	}
}

func TestSplitClitics(t *testing.T) {
	tests := []struct {
		in, stem string
	}{
		{NormalizeString("وبالحكومة"), "حكومه"},
		{NormalizeString("حكومة"), "حكومه"}, // a bare final ه may be ta marbuta: kept
		{NormalizeString("وزارتها"), "وزاره"},
		{NormalizeString("الله"), "الله"},
		{NormalizeString("وزيرها"), "وزير"},
	}
	for _, tt := range tests {
		if _, stem, _ := SplitClitics(tt.in); stem != tt.stem {
			t.Errorf("SplitClitics(%q) stem = %q, want %q", tt.in, stem, tt.stem)
		}
	}
}

func checkTokens(t *testing.T, in string, ts []Token) {
	t.Helper()
	bo := RuneOffsets(in)
	prev := 0
	for _, x := range ts {
		if x.Start < prev || x.End <= x.Start || x.End >= len(bo) {
			t.Fatalf("bad token span [%d,%d) after %d", x.Start, x.End, prev)
		}
		if in[bo[x.Start]:bo[x.End]] != x.Text {
			t.Fatalf("token %q is not the input slice %q", x.Text, in[bo[x.Start]:bo[x.End]])
		}
		// Tokenize normalises while it scans; it must agree with NormalizeString.
		if want := NormalizeString(x.Text); x.Norm != want {
			t.Fatalf("token %q has Norm %q, want %q", x.Text, x.Norm, want)
		}
		prev = x.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "وبالحكومة 2.5 S-400", "ﻻ\u200fو\u200c", "١٬٠٠٠. \xff", "«قال»،"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, Tokenize(s))
	})
}
