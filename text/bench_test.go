package text

import (
	"strings"
	"testing"
)

// benchText is a made-up news report of about 400 words, written for this
// benchmark, with the usual mix of quotes, numbers, clitics and punctuation.
var benchText = strings.Repeat(`أعلنت وزارة الخارجية في بيانٍ صدر صباح اليوم الثلاثاء أن وفداً رسمياً سيتوجه إلى العاصمة خلال الأسبوع المقبل لبحث ملفات التعاون الاقتصادي والأمني مع الجانب الآخر. وقال المتحدث باسم الوزارة للصحفيين: «نحن مستعدون للحوار، ولن نقبل بأي شروط مسبقة». وأضاف أن المحادثات ستتناول أيضاً قضية اللاجئين وعودتهم إلى مدنهم وقراهم، مشيراً إلى أن نحو ١٢٠٠ عائلة عادت خلال الشهرين الماضيين.
وفي سياق متصل، ذكرت وكالة الأنباء المحلية أن اشتباكات عنيفة اندلعت مساء الأحد بين القوات الحكومية وفصائل مسلحة في ريف المدينة الشمالي، ما أسفر عن مقتل 14 شخصاً وإصابة 2.5 ألف آخرين بحسب تقديرات أولية. ودعت منظمات إنسانية الأطراف كافة إلى وقف فوري لإطلاق النار والسماح بدخول قوافل المساعدات إلى المناطق المحاصرة، محذرةً من "كارثة حقيقية" إذا استمر القتال.
من جهته، أكد رئيس الوزراء في كلمة أمام البرلمان أن حكومته "لن تتراجع عن التزاماتها"، وأن الاتفاق الموقع في 4-5 تموز/يوليو 2017 ما زال ساري المفعول. وتابع: "لقد قدمنا كل ما بوسعنا، وعلى الطرف الآخر أن يفي بوعوده". ورد نائب معارض بأن الحكومة فشلت في تنفيذ بنود الاتفاق، مطالباً بتشكيل لجنة تحقيق مستقلة.
• البند الأول: تبادل الأسرى.
• البند الثاني: فتح المعابر؛ وتسهيل حركة المدنيين.
وكان المبعوث الدولي قد زار المنطقة في ١٤ أيار/مايو الماضي، والتقى ممثلين عن الحكومة والمعارضة، وعبّر عن أمله في أن تفضي الجولة المقبلة إلى نتائج ملموسة؟ ويُذكر أن د. سامر الخطيب، الخبير في الشؤون الإقليمية، توقع أن تستمر المفاوضات عدة أشهر...
`, 2)

func BenchmarkPipeline(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	tokens := 0
	for b.Loop() {
		n := Normalize(benchText)
		_ = n
		for _, s := range Sentences(benchText) {
			tokens += len(Tokenize(s.Text))
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkNormalizeString(b *testing.B) {
	for b.Loop() {
		NormalizeString("وزارة الخارجية الروسية")
	}
}

// BenchmarkTokenize is tokenisation alone over the whole text, as the
// extraction pipeline calls it; allocations should stay a handful per text.
func BenchmarkTokenize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	tokens := 0
	for b.Loop() {
		tokens += len(Tokenize(benchText))
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
