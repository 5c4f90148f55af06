package ner

import (
	"bytes"
	"strings"
	"testing"
)

// benchText is written for the benchmark: news-like sentences with names of
// every type.
const benchText = `استقبل الرئيس التونسي في قصر قرطاج وزير الخارجية الإيطالي وبحث معه سبل تعزيز التعاون بين البلدين .
وقالت المتحدثة باسم منظمة الأمم المتحدة للطفولة في جنيف إن فرق المنظمة وصلت إلى مدينة الحديدة غرب اليمن .
وأعلن نادي الوداد البيضاوي تعاقده مع المهاجم الغاني كوفي مينساه لمدة ثلاثة مواسم قادما من فريق أشانتي كوتوكو .
وشارك أكثر من 300 ناشر في معرض الكتاب الدولي الذي افتتحه وزير الثقافة في قاعة المؤتمرات بالعاصمة عمان .
وأكد رئيس مجلس إدارة شركة الخليج للملاحة خالد بن سعيد الهاشمي أن أرباح الشركة ارتفعت بنسبة 12 في المئة خلال العام الماضي .
ونقلت وكالة الأنباء الرسمية عن مصدر في وزارة الداخلية أن قوات الأمن اعتقلت خمسة أشخاص في ضواحي مدينة طرابلس .`

func benchSentences() [][]string {
	var out [][]string
	for _, line := range strings.Split(benchText, "\n") {
		out = append(out, strings.Fields(line))
	}
	return out
}

// BenchmarkTag measures Tag, one sentence at a time, in tokens per second.
func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := benchSentences()
	tokens := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := sents[i%len(sents)]
		m.Tag(s)
		tokens += len(s)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagDocument measures two-stage tagging of a whole document.
func BenchmarkTagDocument(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := benchSentences()
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.TagDocument(sents)
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagDocumentCold measures two-stage tagging of a document whose
// words are all new to the word cache: the worst case, text never seen.
func BenchmarkTagDocumentCold(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	cold := *m
	sents := benchSentences()
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		cold.cache = newWordCache(&cold)
		b.StartTimer()
		cold.TagDocument(sents)
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEntities measures Entities on raw text, sentence splitting and
// tokenisation included, in tokens per second.
func BenchmarkEntities(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, s := range benchSentences() {
		tokens += len(s)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Entities(benchText)
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures loading the embedded model.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
