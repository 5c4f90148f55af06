package text

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"alef forms", "أحمد إلى آخر ٱسم", "احمد الي اخر اسم"},
		{"alef maqsura", "مستشفى", "مستشفي"},
		{"ta marbuta", "مدرسة", "مدرسه"},
		{"hamza seats", "مسؤول مسئول", "مسوول مسيول"},
		{"diacritics", "كَتَبَ الوَلَدُ دَرْسًا", "كتب الولد درسا"},
		{"shadda and superscript alef", "هٰذا محمّد", "هذا محمد"},
		{"tatweel", "ســـلام", "سلام"},
		{"presentation forms", "ﺑﻴﺮﻭﺕ", "بيروت"},
		{"lam-alef ligature", "ﻻ", "لا"},
		{"invisible marks", "سو\u200fريا\u200e \ufeffو\u200cطن\u061c", "سوريا وطن"},
		{"digits", "٢٠١٧ و۱۴", "2017 و14"},
		{"arabic decimal", "٢٫٥", "2.5"},
		{"arabic punctuation", "نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"},
		{"quotation marks", "«أ» “ب” „ج″", "\"ا\" \"ب\" \"ج\""},
		{"latin lower-cased", "NATO Ünal", "nato ünal"},
		{"whitespace runs", "قال \t\n  لافروف", "قال لافروف"},
		{"space runs kept at ends", "  سلام  ", " سلام "},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Normalize(tt.in)
			if n.Text != tt.want {
				t.Errorf("Normalize(%q).Text = %q, want %q", tt.in, n.Text, tt.want)
			}
			if got := NormalizeString(tt.in); got != tt.want {
				t.Errorf("NormalizeString(%q) = %q, want %q", tt.in, got, tt.want)
			}
			checkOrig(t, tt.in, n)
		})
	}
}

func checkOrig(t *testing.T, in string, n Normalized) {
	t.Helper()
	runes := utf8.RuneCountInString(n.Text)
	if len(n.Orig) != runes+1 {
		t.Fatalf("len(Orig) = %d, want %d", len(n.Orig), runes+1)
	}
	if last := n.Orig[runes]; last != utf8.RuneCountInString(in) {
		t.Fatalf("last Orig = %d, want %d", last, utf8.RuneCountInString(in))
	}
	if !slices.IsSorted(n.Orig) {
		t.Fatalf("Orig not monotonic: %v", n.Orig)
	}
}

func TestOrigSpan(t *testing.T) {
	in := "وَقالَ  ﻻفروف: «نعم»"
	n := Normalize(in)
	tests := []struct {
		name       string
		start, end int // normalised runes
		want       string
	}{
		{"word with harakat", 0, 4, "وَقالَ"},
		{"ligature expands to two runes", 5, 11, "ﻻفروف"},
		{"inside a ligature", 5, 6, "ﻻ"},
		{"quote", 13, 18, "«نعم»"},
		{"empty", 3, 3, ""},
	}
	rs := []rune(in)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := n.OrigSpan(tt.start, tt.end)
			if got := string(rs[a:b]); got != tt.want {
				t.Errorf("OrigSpan(%d,%d) = [%d,%d) %q, want %q (norm %q)", tt.start, tt.end, a, b, got, tt.want, n.Text)
			}
		})
	}
}

func TestDigitsAndDiacritics(t *testing.T) {
	tests := []struct {
		fn       func(string) string
		in, want string
	}{
		{DigitsToASCII, "عام ٢٠١٥ و۱۳۹۴ و2016", "عام 2015 و1394 و2016"},
		{DigitsToASCII, "بلا أرقام", "بلا أرقام"},
		{StripDiacritics, "السَّلامُ عَلَيْكُمْ", "السلام عليكم"},
		{StripDiacritics, "بـــيروت", "بيروت"},
		{StripDiacritics, "أإآ ة ى", "أإآ ة ى"},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("%q -> %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeStringNoAlloc(t *testing.T) {
	key := "وزير الخارجيه الروسي"
	if n := testing.AllocsPerRun(100, func() { NormalizeString(key) }); n != 0 {
		t.Errorf("NormalizeString of a normal key allocates %v times", n)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "قال لافروف: «نعم».", "ﻻ ﷺ ﷲ", "\xff\xfe", "  a  b ", "٢٫٥ \u200f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		checkOrig(t, s, n)
		if got := NormalizeString(s); got != n.Text {
			t.Fatalf("NormalizeString = %q, Normalize = %q", got, n.Text)
		}
		runes := utf8.RuneCountInString(n.Text)
		for i := 0; i <= runes; i++ {
			a, b := n.OrigSpan(i, runes)
			if a < 0 || b < a || b > n.Orig[runes] {
				t.Fatalf("OrigSpan(%d,%d) = %d,%d out of bounds", i, runes, a, b)
			}
		}
	})
}
