package ingest

import (
	"math/bits"
	"math/rand"
	"strings"
	"testing"
)

func TestContentHash(t *testing.T) {
	base := "أعلنت الأمم المتحدة إرسال قافلة مساعدات إلى المدينة.\nوتضم القافلة ثلاثين شاحنة."
	same := []struct{ name, text string }{
		{"re-wrapped", "  أعلنت الأمم المتحدة إرسال قافلة مساعدات إلى المدينة. وتضم القافلة\tثلاثين شاحنة.\n"},
		{"diacritics", "أعلنَت الأممُ المتحدةُ إرسالَ قافلةِ مساعداتٍ إلى المدينة.\nوتضم القافلة ثلاثين شاحنة."},
		{"tatweel", "أعلنت الأمم المتحـــدة إرسال قافلة مساعدات إلى المدينة.\nوتضم القافلة ثلاثين شاحنة."},
		{"alef variants", "اعلنت الامم المتحدة ارسال قافلة مساعدات الى المدينة.\nوتضم القافلة ثلاثين شاحنة."},
	}
	h := ContentHash(base)
	if len(h) != 64 {
		t.Fatalf("ContentHash = %q, want 64 hex digits", h)
	}
	for _, tc := range same {
		if got := ContentHash(tc.text); got != h {
			t.Errorf("%s: hash differs from the original", tc.name)
		}
	}
	for _, other := range []string{
		"أعلنت الأمم المتحدة إرسال قافلة مساعدات إلى المدينة.\nوتضم القافلة أربعين شاحنة.",
		"أعلنت الأمم المتحدة إرسال قافلة مساعدات إلى المدينة",
		"",
	} {
		if ContentHash(other) == h {
			t.Errorf("different text %q hashes like the original", other)
		}
	}
}

// syntheticArticle draws a reproducible article of n words.
func syntheticArticle(r *rand.Rand, n int) []string {
	vocab := strings.Fields("قال وزير الخارجية إن المحادثات في العاصمة ستتواصل الأسبوع المقبل بمشاركة وفود من " +
		"الحكومة والمعارضة وممثلين عن الدول الضامنة وأضاف أن الجولة ستبحث ملف المعتقلين وتثبيت وقف إطلاق " +
		"النار في المناطق الشمالية كما أشار إلى أهمية التعاون الدولي لإنهاء الأزمة وعودة اللاجئين")
	w := make([]string, n)
	for i := range w {
		w[i] = vocab[r.Intn(len(vocab))]
	}
	return w
}

// TestSimHash measures fingerprint distances over many reproducible
// articles: edits that leave the words alone cost nothing, light edits a
// few bits, unrelated articles about half of the 64.
func TestSimHash(t *testing.T) {
	if SimHash("") != 0 || SimHash("،.") != 0 {
		t.Error("SimHash of a text without words is not 0")
	}
	if SimHash("كلمة") == 0 || SimHash("كلمتان هنا") == SimHash("كلمتان هناك") {
		t.Error("short texts are not fingerprinted")
	}
	r := rand.New(rand.NewSource(7))
	const trials = 100
	var oneWord, sentence, unrelated float64
	for range trials {
		w := syntheticArticle(r, 300)
		a := strings.Join(w, " ")
		if d := bits.OnesCount64(SimHash(a) ^ SimHash(strings.ReplaceAll(a, " ", " ، "))); d != 0 {
			t.Fatalf("punctuation-only edit moved %d bits", d)
		}
		edited := append([]string(nil), w...)
		edited[r.Intn(len(edited))] = "تعديل"
		oneWord += float64(bits.OnesCount64(SimHash(a) ^ SimHash(strings.Join(edited, " "))))
		sentence += float64(bits.OnesCount64(SimHash(a) ^ SimHash(a+" وكانت الجولة السابقة قد انتهت دون نتائج.")))
		unrelated += float64(bits.OnesCount64(SimHash(a) ^ SimHash(strings.Join(syntheticArticle(r, 300), " "))))
	}
	oneWord, sentence, unrelated = oneWord/trials, sentence/trials, unrelated/trials
	t.Logf("mean Hamming distance over 300-word articles: one word changed %.1f, a sentence added %.1f, unrelated %.1f",
		oneWord, sentence, unrelated)
	if oneWord > 4 || sentence > 4 {
		t.Errorf("light edits move %.1f and %.1f bits on average, want at most 4", oneWord, sentence)
	}
	if unrelated < 24 {
		t.Errorf("unrelated articles are only %.1f bits apart, want at least 24", unrelated)
	}
}

func BenchmarkSimHash(b *testing.B) {
	text := strings.Join(syntheticArticle(rand.New(rand.NewSource(1)), 400), " ")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		SimHash(text)
	}
}
