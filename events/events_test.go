package events

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/masar-project/masar/actors"
	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/geo"
	"github.com/masar-project/masar/text"
	"github.com/masar-project/masar/timex"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// published anchors the test articles' relative dates.
var published = time.Date(2020, 3, 10, 0, 0, 0, 0, time.UTC)

func codeText(c *Coder, text string) []article.Event {
	doc := c.dict.Analyze(text, published)
	return c.Code(text, sentencesOf(text), doc, timex.Find(text, published))
}

// sentencesOf is text.Sentences, for tests whose variables shadow package text.
func sentencesOf(s string) []text.Sentence { return text.Sentences(s) }

// TestGolden codes the hand-written articles of testdata and compares the
// events with the reviewed golden files (go test -update rewrites them).
func TestGolden(t *testing.T) {
	c := New(actors.Default(), geo.Default())
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no test articles")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(codeText(c, string(b)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("events differ from %s (run go test -update and review the diff):\n%s", golden, got)
			}
		})
	}
}

// TestCoding checks the coding rules on one-sentence articles: type,
// modality and participant codes.
func TestCoding(t *testing.T) {
	c := New(actors.Default(), geo.Default())
	for _, tc := range []struct {
		text, typ, modality string
		codes               []string // participant codes, sorted as coded
	}{
		{"التقى وزير الخارجية الروسي نظيره التركي في أنقرة.", "CONSULT", "asserted", []string{"RUSGOV", "TURGOV"}},
		{"سيعقد وزير الخارجية الروسي اجتماعا مع نظيره التركي.", "AGREE", "asserted", []string{"RUSGOV", "TURGOV"}},
		{"وقعت روسيا وتركيا مذكرة تفاهم.", "SUPPORT", "asserted", []string{"RUSGOV", "TURGOV"}},
		{"دعت فرنسا إلى وقف إطلاق النار.", "REQUEST", "asserted", []string{"FRAGOV"}},
		{"لم تعلن تركيا هدنة.", "CONCEDE", "negated", []string{"TURGOV"}},
		{"قد تفرض الولايات المتحدة عقوبات على إيران.", "COERCE", "hypothetical", []string{"IRNGOV", "USAGOV"}},
		{"وستنسحب القوات التركية من المدينة.", "RETREAT", "future", []string{"TURMIL"}},
	} {
		evs := codeText(c, tc.text)
		var ev *article.Event
		for i := range evs {
			if evs[i].Type == tc.typ {
				ev = &evs[i]
			}
		}
		if ev == nil {
			t.Errorf("%s: no %s event in %+v", tc.text, tc.typ, evs)
			continue
		}
		if ev.Modality != tc.modality {
			t.Errorf("%s: modality %s, want %s", tc.text, ev.Modality, tc.modality)
		}
		var codes []string
		for _, a := range append(append([]article.Actor{}, ev.Actors...), ev.Recipients...) {
			codes = append(codes, a.Code)
		}
		slices.Sort(codes)
		if strings.Join(codes, " ") != strings.Join(tc.codes, " ") {
			t.Errorf("%s: participants %v, want %v", tc.text, codes, tc.codes)
		}
		if ev.Evidence.Text != tc.text {
			t.Errorf("%s: evidence %q", tc.text, ev.Evidence.Text)
		}
	}
}

// TestAttackProtest checks type and mode on one-sentence reports of
// violence and protest from several countries.
func TestAttackProtest(t *testing.T) {
	c := New(actors.Default(), geo.Default())
	for _, tc := range []struct{ text, typ, mode string }{
		{"قتل خمسة متظاهرين برصاص قوات الأمن في بغداد.", "ASSAULT", "firearms"},
		{"أطلقت الشرطة الغاز المسيل للدموع لتفريق المحتجين في الخرطوم.", "COERCE", ""},
		{"خرج آلاف المحتجين إلى الشوارع في بيروت.", "PROTEST", "demonstrate"},
		{"فجر انتحاري نفسه وسط حشد في كابول.", "ASSAULT", "suicide-attack"},
		{"أعلن تنظيم داعش مسؤوليته عن الهجوم على الكنيسة.", "ASSAULT", ""},
		{"سقطت قذائف هاون على حي سكني في دمشق.", "ASSAULT", "heavy-weapons"},
		{"اعتقلت قوات الأمن التركية عشرات المشتبه بهم.", "COERCE", "arrest"},
		{"دفع الجيش الإسرائيلي بتعزيزات عسكرية إلى الحدود.", "MOBILIZE", ""},
		{"نظم العمال إضرابا عاما في تونس للمطالبة برفع الأجور.", "PROTEST", "strike"},
		{"اختطف مسلحون مجهولون ثلاثة صحفيين في ليبيا.", "ASSAULT", "abduct"},
		{"قصفت الطائرات السعودية مواقع في صنعاء.", "ASSAULT", "aerial"},
		{"فرضت السلطات حظر التجول في المدينة.", "COERCE", "curfew"},
		{"حشد الجيش المصري قواته على الحدود مع ليبيا.", "MOBILIZE", ""},
		{"نشرت الحكومة النيجيرية مئات الجنود في ولاية زمفارا.", "MOBILIZE", ""},
		{"أغلقت السلطات المصرية معبر رفح أمام المسافرين.", "COERCE", "blockade"},
		{"استهدفت طائرة مسيرة أمريكية سيارة في مأرب.", "ASSAULT", "aerial"},
		{"اعترضت الدفاعات الجوية الإماراتية صاروخا أطلق من اليمن.", "ASSAULT", "aerial"},
		{"هاجم مسلحون قافلة تابعة لمنظمة إغاثة في دارفور.", "ASSAULT", "firearms"},
	} {
		evs := codeText(c, tc.text)
		if len(evs) != 1 {
			t.Errorf("%s: %d events, want 1: %+v", tc.text, len(evs), evs)
			continue
		}
		if evs[0].Type != tc.typ || evs[0].Mode != tc.mode {
			t.Errorf("%s: %s/%s, want %s/%s", tc.text, evs[0].Type, evs[0].Mode, tc.typ, tc.mode)
		}
	}
}

// TestDatelinePlace checks that a town the sentence names, not the dateline
// the reporter files from, is where the event happened, and that the
// dateline still beats a bare country.
func TestDatelinePlace(t *testing.T) {
	c := New(actors.Default(), geo.Default())
	for _, tc := range []struct{ text, place string }{
		{"إسلام آباد - قتل أربعة جنود في انفجار عبوة ناسفة في بيشاور.", "Peshawar"},
		{"عدن - أعلنت الحكومة هدنة لمدة أسبوع في اليمن.", "Aden"},
		{"بغداد - تظاهر المئات في البصرة احتجاجا على انقطاع الكهرباء.", "Basra"},
	} {
		evs := codeText(c, tc.text)
		if len(evs) == 0 || evs[0].Location == nil || evs[0].Location.Name != tc.place {
			t.Errorf("%s: got %+v, want the place %s", tc.text, evs, tc.place)
		}
	}
}

// FuzzCode checks that any text codes without panics and with evidence
// offsets that slice the text to the evidence.
func FuzzCode(f *testing.F) {
	c := New(actors.Default(), geo.Default())
	f.Add("التقى الوزير نظيره في القاهرة.")
	f.Add("وقال: \"سنعقد اجتماعا\"، ثم (روسيا وتركيا) قصفت")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		rs := []rune(s)
		for _, e := range codeText(c, s) {
			if e.Evidence.Start < 0 || e.Evidence.End > len(rs) || e.Evidence.Start > e.Evidence.End ||
				string(rs[e.Evidence.Start:e.Evidence.End]) != e.Evidence.Text {
				t.Fatalf("bad evidence span %+v", e.Evidence)
			}
		}
	})
}

// BenchmarkCode codes a 400-word article made of the test articles; the inputs (actors, dates) are
// prepared outside the loop, so it measures the coder alone.
func BenchmarkCode(b *testing.B) {
	c := New(actors.Default(), geo.Default())
	files, _ := filepath.Glob("testdata/*.txt")
	var sb strings.Builder
	for len(strings.Fields(sb.String())) < 400 {
		for _, f := range files {
			t, _ := os.ReadFile(f)
			sb.Write(t)
			if len(strings.Fields(sb.String())) >= 400 {
				break
			}
		}
	}
	text := sb.String()
	b.Logf("%d words", len(strings.Fields(text)))
	doc := c.dict.Analyze(text, published)
	dates := timex.Find(text, published)
	sents := sentencesOf(text)
	b.ResetTimer()
	for b.Loop() {
		c.Code(text, sents, doc, dates)
	}
}
