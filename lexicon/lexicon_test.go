package lexicon

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/masar-project/masar/text"
)

func testMatcher() *Matcher[string] {
	m := New[string]()
	for _, p := range [][2]string{
		{"روسيا", "RUS"},
		{"موسكو", "MOS"},
		{"الأمم المتحدة", "UN"},
		{"مجلس الأمن", "UNSC"},
		{"مجلس الأمن الدولي", "UNSC2"},
		{"الولايات المتحدة", "US"},
		{"الولايات المتحدة الأمريكية", "US2"},
		{"سورية", "SYR"},
		{"سوريا", "SYR"},
		{"دي ميستورا", "DM"},
		{"جيش", "ARMY"},
		{"جيش الإسلام", "JAI"},
	} {
		m.Add(p[0], p[1])
	}
	return m
}

// spans renders matches as "text=value,value" joined by " | ".
func spans(s string, ms []Match[string]) string {
	rs := []rune(s)
	var out []string
	for _, m := range ms {
		out = append(out, string(rs[m.Start:m.End])+"="+strings.Join(m.Values, ","))
	}
	return strings.Join(out, " | ")
}

func TestFind(t *testing.T) {
	m := testMatcher()
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain", "زار روسيا أمس", "روسيا=RUS"},
		{"conjunction", "تركيا وروسيا", "روسيا=RUS"},
		{"preposition", "اجتمعوا بموسكو", "موسكو=MOS"},
		{"conj and prep", "وبموسكو وفي روسيا", "موسكو=MOS | روسيا=RUS"},
		{"lam-lam keeps token", "رسالة للأمم المتحدة", "للأمم المتحدة=UN"},
		{"article after bi", "بالأمم المتحدة", "الأمم المتحدة=UN"},
		{"longest wins", "بيان مجلس الأمن الدولي اليوم", "مجلس الأمن الدولي=UNSC2"},
		{"shorter when longer absent", "بيان مجلس الأمن اليوم", "مجلس الأمن=UNSC"},
		{"three tokens", "الولايات المتحدة الأمريكية وروسيا", "الولايات المتحدة الأمريكية=US2 | روسيا=RUS"},
		{"normalised spelling", "الامم المتحده", "الامم المتحده=UN"},
		{"diacritics", "رُوسْيَا", "رُوسْيَا=RUS"},
		{"two values one phrase", "سوريا", "سوريا=SYR"},
		{"prefix of phrase alone", "جيش كبير", "جيش=ARMY"},
		{"phrase over clitic", "وجيش الإسلام", "جيش الإسلام=JAI"},
		{"no partial word", "روسياتنا", ""},
		{"bare letter not stripped", "ب", ""},
		{"punctuation breaks phrase", "الأمم، المتحدة", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := spans(tc.in, m.Find(text.Tokenize(tc.in))); got != tc.want {
				t.Errorf("Find(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFindIndexes(t *testing.T) {
	m := testMatcher()
	toks := text.Tokenize("قال دي ميستورا إن روسيا")
	ms := m.Find(toks)
	if len(ms) != 2 {
		t.Fatalf("got %d matches, want 2", len(ms))
	}
	if ms[0].First != 1 || ms[0].Last != 3 || ms[1].First != 4 || ms[1].Last != 5 {
		t.Errorf("token ranges = [%d,%d) [%d,%d), want [1,3) [4,5)", ms[0].First, ms[0].Last, ms[1].First, ms[1].Last)
	}
}

func TestValuesAccumulate(t *testing.T) {
	m := New[int]()
	m.Add("حلب", 1)
	m.Add("حلب", 2)
	ms := m.Find(text.Tokenize("في حلب"))
	if len(ms) != 1 || len(ms[0].Values) != 2 || ms[0].Values[0] != 1 || ms[0].Values[1] != 2 {
		t.Fatalf("got %+v, want one match with values [1 2]", ms)
	}
}

func TestEmpty(t *testing.T) {
	if ms := New[int]().Find(text.Tokenize("روسيا")); ms != nil {
		t.Errorf("empty matcher found %v", ms)
	}
	if ms := testMatcher().Find(nil); ms != nil {
		t.Errorf("no tokens found %v", ms)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"وبموسكو وفي روسيا", "للأمم المتحدة", "مجلس الأمن الدولي", "", "ل", "وَلِلْأُمَمِ"} {
		f.Add(s)
	}
	m := testMatcher()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		toks := text.Tokenize(s)
		n := utf8.RuneCountInString(s)
		prev := 0
		for _, x := range m.Find(toks) {
			if x.First < 0 || x.Last > len(toks) || x.First >= x.Last {
				t.Fatalf("bad token range [%d,%d) of %d", x.First, x.Last, len(toks))
			}
			if x.Start < prev || x.Start >= x.End || x.End > n {
				t.Fatalf("bad span [%d,%d) after %d in %d runes", x.Start, x.End, prev, n)
			}
			if len(x.Values) == 0 {
				t.Fatal("match without values")
			}
			prev = x.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	m := testMatcher()
	s := strings.Repeat("قال المبعوث الخاص دي ميستورا إن اجتماع مجلس الأمن الدولي بموسكو سيبحث مع روسيا والولايات المتحدة الأمريكية الوضع في سورية. ", 20)
	toks := text.Tokenize(s)
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Find(toks)
	}
}

// TestFindNoAlloc checks that a text without matches costs no allocation:
// readings are made on the fly, and the لل reading is looked up from a
// stack buffer.
func TestFindNoAlloc(t *testing.T) {
	m := testMatcher()
	toks := text.Tokenize("وقال للصحفيين إن الاجتماع بحث الوضع في المنطقة")
	if n := testing.AllocsPerRun(100, func() { m.Find(toks) }); n != 0 {
		t.Errorf("Find without matches allocates %v times", n)
	}
}
