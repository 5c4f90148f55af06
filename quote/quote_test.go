package quote

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFind(t *testing.T) {
	type want struct {
		text, speaker string
		direct        bool
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"guillemets with colon",
			"وقال الوزير سامي النجار: «لن نقبل بأي تسوية على حساب شعبنا».",
			[]want{{"لن نقبل بأي تسوية على حساب شعبنا", "الوزير سامي النجار", true}}},
		{"guillemets the other way round",
			"وقال الوزير سامي النجار: »لن نقبل بأي تسوية على حساب شعبنا«.",
			[]want{{"لن نقبل بأي تسوية على حساب شعبنا", "الوزير سامي النجار", true}}},
		{"straight marks",
			"قالت المتحدثة باسم الحكومة: \"الحوار هو الطريق الوحيد للحل\".",
			[]want{{"الحوار هو الطريق الوحيد للحل", "المتحدثة باسم الحكومة", true}}},
		{"curly marks, feminine verb",
			"وأكدت الوزيرة أن “المساعدات ستصل إلى كل المحتاجين قريباً”.",
			[]want{{"المساعدات ستصل إلى كل المحتاجين قريباً", "الوزيرة", true}}},
		{"doubled marks as in copy",
			"وأضاف كمال: \"\"سنواصل العمل مع جميع الأطراف حتى النهاية\".",
			[]want{{"سنواصل العمل مع جميع الأطراف حتى النهاية", "كمال", true}}},
		{"nested guillemets stay inside",
			"وقال المندوب الدائم لدى الأمم المتحدة: \"نأمل أن تنجح «مبادرة السلام» في وقف القتال\".",
			[]want{{"نأمل أن تنجح «مبادرة السلام» في وقف القتال", "المندوب الدائم لدى الأمم المتحدة", true}}},
		{"nested straight marks closed by a doubled mark",
			"فقال السفير: \"نتطلع إلى نجاح المؤتمر المقبل المعروف باسم \"سلام 2\"\".",
			[]want{{"نتطلع إلى نجاح المؤتمر المقبل المعروف باسم \"سلام 2\"", "السفير", true}}},
		{"quote over several sentences",
			"وقال رئيس البعثة: «وصلنا أمس إلى المدينة. الوضع صعب جداً. نحتاج إلى المزيد من الأطباء».",
			[]want{{"وصلنا أمس إلى المدينة. الوضع صعب جداً. نحتاج إلى المزيد من الأطباء", "رئيس البعثة", true}}},
		{"speaker after the quote",
			"«لن نسمح بتكرار ما حدث في الماضي»، قال قائد الشرطة.",
			[]want{{"لن نسمح بتكرار ما حدث في الماضي", "قائد الشرطة", true}}},
		{"bare verb continues the previous speaker",
			"وقال وزير الخارجية التركي: «الحل سياسي فقط». وأضاف: «لن نتدخل عسكرياً في أي مكان».",
			[]want{{"الحل سياسي فقط", "وزير الخارجية التركي", true}, {"لن نتدخل عسكرياً في أي مكان", "وزير الخارجية التركي", true}}},
		{"speaker ends before a complement",
			"وقال المتحدث العسكري في تصريح لوكالة محلية: «القوات تقدمت عشرة كيلومترات نحو الشمال».",
			[]want{{"القوات تقدمت عشرة كيلومترات نحو الشمال", "المتحدث العسكري", true}}},
		{"speaker ends at a medium after lam",
			"وقال مسؤول أمني لوكالة الأنباء: \"تم اعتقال ثلاثة مشتبه بهم في المدينة\".",
			[]want{{"تم اعتقال ثلاثة مشتبه بهم في المدينة", "مسؤول أمني", true}}},
		{"title with a preposition of office",
			"وقال مبعوث الأمم المتحدة إلى اليمن: «الهدنة صامدة حتى الآن رغم بعض الخروقات».",
			[]want{{"الهدنة صامدة حتى الآن رغم بعض الخروقات", "مبعوث الأمم المتحدة إلى اليمن", true}}},
		{"bare verb after another verb takes the sentence's subject",
			"وقال الوزير كمال: «الحل سياسي». وفي القاهرة، رحب المندوب سامي بالاتفاق، وقال في بيان: «نأمل أن يصمد الاتفاق طويلاً».",
			[]want{{"الحل سياسي", "الوزير كمال", true}, {"نأمل أن يصمد الاتفاق طويلاً", "المندوب سامي بالاتفاق", true}}},
		{"participle continues the sentence's subject, not a clause after أن",
			"ورفضت الوزارة في بيان الاتهامات، معتبرة أن وجود قواتها جاء \"بطلب من الحكومة المنتخبة\".",
			[]want{{"بطلب من الحكومة المنتخبة", "الوزارة", true}}},
		{"reported speech after a participle",
			"وقال الوزير كمال إن الحوار مستمر بين الطرفين، مضيفاً أن بلاده لن تقبل أي شروط مسبقة.",
			[]want{{"الحوار مستمر بين الطرفين", "الوزير كمال", false}, {"بلاده لن تقبل أي شروط مسبقة", "الوزير كمال", false}}},
		{"speaker after كان",
			"وكان القائد سامي قد رفض الوساطة، مؤكداً أن \"المعركة مستمرة حتى النهاية\".",
			[]want{{"المعركة مستمرة حتى النهاية", "القائد سامي", true}}},
		{"statement resolves to its issuer",
			"أصدرت وزارة الداخلية بياناً مساء أمس.\nوجاء في البيان: «سيتم فتح الطرق الرئيسية صباح الغد».",
			[]want{{"سيتم فتح الطرق الرئيسية صباح الغد", "وزارة الداخلية", true}}},
		{"reported speech",
			"وقال رئيس البلدية إن المياه ستعود إلى الأحياء الشرقية خلال يومين.",
			[]want{{"المياه ستعود إلى الأحياء الشرقية خلال يومين", "رئيس البلدية", false}}},
		{"reported speech continues the speaker",
			"قالت المنظمة: «الوضع كارثي في المخيمات». وأكدت أن آلاف الأسر بلا مأوى منذ أسابيع.",
			[]want{{"الوضع كارثي في المخيمات", "المنظمة", true}, {"آلاف الأسر بلا مأوى منذ أسابيع", "المنظمة", false}}},
		{"a one-word description",
			"واعتبر النائب أن الجلسة كانت \"مثمرة\".",
			[]want{{"مثمرة", "النائب", true}}},
		{"a description after bi",
			"ووصف النائب آنذاك الجلسة بـ\"المثمرة\".",
			[]want{{"المثمرة", "النائب", true}}},
		{"subject before the verb",
			"فيما كان مسؤولون محليون قالوا إن \"الجسر سيفتح أمام السيارات الأسبوع المقبل\".",
			[]want{{"الجسر سيفتح أمام السيارات الأسبوع المقبل", "مسؤولون محليون", true}}},
		{"the one quoted by an outlet",
			"ونقلت وكالة الأنباء الرسمية عن وزير الداخلية قوله: «الأمن مستتب في جميع المحافظات».",
			[]want{{"الأمن مستتب في جميع المحافظات", "وزير الداخلية", true}}},
		{"according to, after the quote",
			"«سنرد على أي هجوم بقوة»، وفق ما نقل التلفزيون الرسمي عن قائد الجيش.",
			[]want{{"سنرد على أي هجوم بقوة", "قائد الجيش", true}}},
		{"headline style without a verb",
			"مصدر مطلع: \"المفاوضات ستستأنف الأسبوع المقبل في العاصمة\"",
			[]want{{"المفاوضات ستستأنف الأسبوع المقبل في العاصمة", "مصدر مطلع", true}}},
		{"question and answer by one speaker",
			"وتساءل النائب: «من سيدفع ثمن هذه الأخطاء؟» وأجاب بنفسه: «الشعب وحده».",
			[]want{{"من سيدفع ثمن هذه الأخطاء؟", "النائب", true}, {"الشعب وحده", "النائب", true}}},
		{"a body named by its head noun",
			"اجتمعت لجنة الانتخابات المركزية صباح اليوم. وقالت اللجنة: «النتائج النهائية ستعلن يوم الخميس».",
			[]want{{"النتائج النهائية ستعلن يوم الخميس", "لجنة الانتخابات المركزية", true}}},
		{"an outlet named in marks",
			"وذكرت صحيفة \"الوطن\" أن الاجتماع سيعقد الأسبوع المقبل في القاهرة.",
			[]want{{"الاجتماع سيعقد الأسبوع المقبل في القاهرة", "صحيفة \"الوطن\"", false}}},
		{"names and titles in marks are not quotes",
			"شارك الوفد في مؤتمر \"أصدقاء الشعب\" الذي عقد تحت عنوان \"معاً من أجل المستقبل\" في إشارة إلى \"هيئة الحوار الوطني\".",
			nil},
		{"a short name inside a clause is not a quote",
			"وأضاف المتحدث أن \"جبهة الإنقاذ\" شنت هجوماً على القرية.",
			[]want{{"\"جبهة الإنقاذ\" شنت هجوماً على القرية", "المتحدث", false}}},
		{"an unclosed mark stays in its paragraph",
			"وقال الطبيب: «الوضع خطير جداً في المستشفى ونحتاج إلى الدعم.\nوفي سياق آخر، افتتحت البلدية حديقة جديدة في وسط المدينة.",
			[]want{{"الوضع خطير جداً في المستشفى ونحتاج إلى الدعم.", "الطبيب", true}}},
		{"a document as the subject after the verb",
			"ونص البيان الختامي للمؤتمر على «ضرورة عودة اللاجئين إلى قراهم بأمان».",
			[]want{{"ضرورة عودة اللاجئين إلى قراهم بأمان", "البيان الختامي للمؤتمر", true}}},
		{"a final statement in an article about a conference is not the last speaker",
			"وقال المبعوث سامي إن الجلسات كانت مثمرة.\nوجاء في البيان الختامي: «ندعو جميع الأطراف إلى وقف القتال فوراً».\nوكان المؤتمر قد افتتح أمس.",
			[]want{{"الجلسات كانت مثمرة", "المبعوث سامي", false}, {"ندعو جميع الأطراف إلى وقف القتال فوراً", "البيان الختامي", true}}},
		{"a document subject of the clause wins over a person named before",
			"وألقى المبعوث سامي كلمة في الختام. ويبدو أن البيان الختامي جاء عاماً إذ نص على \"تشكيل لجنة مشتركة لمتابعة تنفيذ القرارات\".",
			[]want{{"تشكيل لجنة مشتركة لمتابعة تنفيذ القرارات", "البيان الختامي", true}}},
		{"a document after lakin, then a bare verb continues it",
			"وقال المبعوث سامي: «المؤتمر خطوة مهمة». لكن البيان الختامي لم يذكر ملف المعتقلين، واكتفى بالإشارة إلى أن الحل يأتي \"عبر الحوار بين أبناء البلد\". كما نص على \"احترام وحدة البلاد وسيادتها الكاملة\".",
			[]want{{"المؤتمر خطوة مهمة", "المبعوث سامي", true}, {"عبر الحوار بين أبناء البلد", "البيان الختامي", true}, {"احترام وحدة البلاد وسيادتها الكاملة", "البيان الختامي", true}}},
		{"a statement speaks for the body that issued it",
			"وأصدرت وزارة الخارجية بياناً مساء أمس. واكتفى البيان بالإشارة إلى أن «الوزارة تتابع الوضع عن كثب مع الشركاء».",
			[]want{{"الوزارة تتابع الوضع عن كثب مع الشركاء", "وزارة الخارجية", true}}},
		{"a document after a preposition is not the subject",
			"وقال الوزير كمال: «سنرد قريباً». وفي رده على البيان، أضاف: «الاتهامات لا أساس لها من الصحة».",
			[]want{{"سنرد قريباً", "الوزير كمال", true}, {"الاتهامات لا أساس لها من الصحة", "الوزير كمال", true}}},
		{"participants as the speaker",
			"وقال المشاركون في رسالتهم: «نريد إنهاء الحرب في أقرب وقت ممكن».",
			[]want{{"نريد إنهاء الحرب في أقرب وقت ممكن", "المشاركون", true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Find gave %d quotes, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				q := got[i]
				if q.Text.Text != w.text || q.Speaker.Text != w.speaker || q.Direct != w.direct {
					t.Errorf("quote %d = {%q, speaker %q, direct %v}, want {%q, %q, %v}", i, q.Text.Text, q.Speaker.Text, q.Direct, w.text, w.speaker, w.direct)
				}
				checkSpan(t, tt.in, q.Text)
				checkSpan(t, tt.in, q.Speaker)
			}
		})
	}
}

func checkSpan(t *testing.T, in string, s Span) {
	t.Helper()
	if s.Text == "" {
		return
	}
	rs := []rune(in)
	if s.Start < 0 || s.End > len(rs) || s.Start >= s.End {
		t.Fatalf("span [%d,%d) out of bounds (%d runes)", s.Start, s.End, len(rs))
	}
	if utf8.ValidString(in) && string(rs[s.Start:s.End]) != s.Text {
		t.Fatalf("span text %q != slice %q", s.Text, string(rs[s.Start:s.End]))
	}
}

func TestUnbalancedCap(t *testing.T) {
	in := "قال: «" + strings.Repeat("كلمة أخرى بلا نهاية ", 400)
	for _, q := range Find(in) {
		if n := q.Text.End - q.Text.Start; n > maxQuote {
			t.Errorf("quote of %d code points exceeds the cap %d", n, maxQuote)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"", "\"", "««»»", "قال: \"\"أ\" \"ب\"\"", "وقال الوزير: «نعم». وأضاف: «لا».",
		"«أ»، قال سامي.\n\"ب", "وجاء في البيان: “أ“", "\xff«\xfe»",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := -1
		for _, q := range Find(s) {
			checkSpan(t, s, q.Text)
			checkSpan(t, s, q.Speaker)
			if q.Text.Text == "" {
				t.Fatal("empty quote")
			}
			if q.Direct && q.Text.Start <= prev {
				t.Fatalf("direct quotes overlap or are out of order at %d", q.Text.Start)
			}
			if q.Direct {
				prev = q.Text.Start
			}
		}
	})
}
