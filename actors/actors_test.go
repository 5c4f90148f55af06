package actors

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// render shows mentions as "text=CODE" or "text=CODE(Name)" for people.
func render(ms []Mention) string {
	var out []string
	for _, m := range ms {
		s := m.Text + "=" + m.Code
		if m.Kind == Person {
			s += "(" + m.Name + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, " | ")
}

func TestAnalyze(t *testing.T) {
	d := Default()
	for _, tc := range []struct {
		name, date, in, want string
	}{
		// Countries, nisbas, capitals.
		{"country and conjunction", "2017-01-01", "اتفقت روسيا وتركيا على الهدنة",
			"روسيا=RUSGOV | تركيا=TURGOV"},
		{"nisba forms", "2017-01-01", "رحب المسؤولون الأتراك والإيرانيون بالموقف الأميركي",
			"المسؤولون الأتراك=TURGOV | الإيرانيون=IRNGOV | الأميركي=USAGOV"},
		{"feminine and plural nisba", "2017-01-01", "قالت الخارجية الروسية إن الروس لن يقبلوا",
			"الخارجية الروسية=RUSGOV | الروس=RUSGOV"},
		{"capital as government", "2017-01-01", "ردت أنقرة على اتهامات طهران",
			"أنقرة=TURGOV | طهران=IRNGOV"},
		{"capital as place", "2017-01-01", "عقد الاجتماع في موسكو ثم بأنقرة",
			""},
		{"dateline", "2017-01-01", "موسكو - أعلنت تركيا\nدمشق، 3 آذار - ردت طهران",
			"تركيا=TURGOV | طهران=IRNGOV"},
		{"part of a place name", "2017-01-01", "هبطت الطائرة في مطار دمشق قرب بيروت", ""},
		{"country as place", "2017-01-01", "وقعت اشتباكات في سوريا وجنوب تركيا",
			""},
		{"not an actor head", "2017-01-01", "تناول اللقاء الأزمة السورية والأراضي التركية",
			""},
		{"nisba of private people", "2019-01-01", "طعن شاب فلسطيني جنديا واعتقل الجيش ثلاثة أردنيين ومواطنين مصريين",
			"فلسطيني=PSECVL | الجيش=PSEMIL | أردنيين=JORCVL | مواطنين مصريين=EGYCVL"},
		{"definite plural nisba stays a side", "2019-01-01", "رحب الفلسطينيون بالقرار", "الفلسطينيون=PSEGOV"},
		{"focus from places alone", "2019-01-01", "قتل سبعة مدنيين في قصف على مدينة تعز",
			"مدنيين=YEMCVL"},
		// Sectors.
		{"talks are not actors", "2017-01-01", "اختتمت محادثات السلام السورية ومؤتمر الحوار الوطني السوري",
			""},
		{"stop over two nisbas", "2017-01-01", "تناول اللقاء الحدود السورية التركية", ""},
		{"last body", "2017-01-01", "أعلنت وزارة الخارجية الروسية موقفها، وقالت الوزارة إن",
			"وزارة الخارجية الروسية=RUSGOV | الوزارة=RUSGOV"},
		{"source", "2017-01-01", "قال مصدر عسكري سوري", "مصدر عسكري سوري=SYRMIL"},
		{"news agency", "2017-01-01", "نقلت وكالة الصحافة الفرنسية ووكالة الأنباء السورية", ""},
		{"forces and conjoined country", "2017-01-01", "قصفت قوات النظام وروسيا البلدة",
			"قوات النظام=SYRMIL | روسيا=RUSMIL"},
		{"counted nisba", "2017-01-01", "اعتقلت القوات عشرة فلسطينيين ونزح آلاف السوريين و200 عراقي",
			"فلسطينيين=PSECVL | السوريين=SYRCVL | عراقي=IRQCVL"},
		{"his country", "2017-01-01", "قال لافروف إن بلاده لن تقبل",
			"لافروف=RUSGOV(Sergey Lavrov) | بلاده=RUSGOV"},
		{"adjective needs a nisba", "2017-01-01", "طالب بوقف الأعمال العسكرية في سوريا ونشر قطع بحرية عسكرية أمريكية",
			"عسكرية أمريكية=USAMIL"},
		{"army nisba", "2017-01-01", "قصف الجيش الروسي مواقع قرب الحدود",
			"الجيش الروسي=RUSMIL"},
		{"shared noun", "2017-01-01", "شنت الطائرات السورية والروسية غارات",
			"الطائرات السورية=SYRMIL | الروسية=RUSMIL"},
		{"parliament", "2017-01-01", "صوت البرلمان التركي على القرار",
			"البرلمان التركي=TURLEG"},
		{"ministry of defence", "2017-01-01", "أعلنت وزارة الدفاع الروسية",
			"وزارة الدفاع الروسية=RUSMIL"},
		{"civilians in a place", "2017-01-01", "فر المدنيون في إدلب من القصف",
			"المدنيون=SYRCVL"},
		{"forces of a person", "2017-01-01", "تقدمت قوات بشار الأسد",
			"قوات بشار الأسد=SYRMIL"},
		{"bare words take Syria", "2017-01-01", "دعت روسيا الحكومة والمعارضة في سوريا إلى الحوار",
			"روسيا=RUSGOV | الحكومة=SYRGOV | المعارضة=SYROPP"},
		{"delegation takes what follows", "2017-01-01", "التقى وفد الحكومة السورية ممثلين عن المعارضة",
			"وفد الحكومة السورية=SYRGOV | ممثلين عن المعارضة=SYROPP"},
		{"delegation of a country", "2017-01-01", "وصل الوفد الروسي",
			"الوفد الروسي=RUSGOV"},
		// Organisations.
		{"syrian bodies", "2017-01-01", "رفض الائتلاف الوطني وهيئة التفاوض ومنصة موسكو الورقة",
			"الائتلاف الوطني=SYROPP | هيئة التفاوض=SYROPP | منصة موسكو=SYROPP"},
		{"armed groups", "2017-01-01", "اشتبك جيش الإسلام مع هيئة تحرير الشام وداعش",
			"جيش الإسلام=SYRREB | هيئة تحرير الشام=SYRREB | داعش=IMGREB"},
		{"igos", "2017-01-01", "ناقش مجلس الأمن وجامعة الدول العربية والاتحاد الأوروبي وحلف الناتو",
			"مجلس الأمن=IGOUNO | جامعة الدول العربية=IGOARL | الاتحاد الأوروبي=IGOEUR | حلف الناتو=IGONAT"},
		{"un agency after lam-lam", "2017-01-01", "تابعة للأمم المتحدة",
			"للأمم المتحدة=IGOUNO"},
		{"base is not al-qaeda", "2017-01-01", "استهدف القصف القاعدة الجوية وتنظيم القاعدة",
			"تنظيم القاعدة=IMGREB"},
		// People and titles.
		{"full title and name", "2017-01-01", "قال وزير الخارجية الروسي سيرغي لافروف",
			"وزير الخارجية الروسي سيرغي لافروف=RUSGOV(Sergey Lavrov)"},
		{"geneva representative 2015", "2015-05-04", "أكد مندوب روسيا الدائم لدى الأمم المتحدة في جنيف",
			"مندوب روسيا الدائم لدى الأمم المتحدة في جنيف=RUSGOV(Alexey Borodavkin)"},
		{"geneva representative 2019", "2019-05-04", "أكد مندوب روسيا الدائم لدى الأمم المتحدة في جنيف",
			"مندوب روسيا الدائم لدى الأمم المتحدة في جنيف=RUSGOV(Gennady Gatilov)"},
		{"new york representative", "2016-05-04", "أكد المندوب الروسي لدى الأمم المتحدة",
			"المندوب الروسي لدى الأمم المتحدة=RUSGOV(Vitaly Churkin)"},
		{"ambassador by host", "2016-01-01", "قال السفير الروسي في دمشق",
			"السفير الروسي في دمشق=RUSGOV(Alexander Kinshchak)"},
		{"ambassador by host 2019", "2019-01-01", "قال السفير الروسي لدى سوريا",
			"السفير الروسي لدى سوريا=RUSGOV(Alexander Yefimov)"},
		{"minister in a capital", "2016-01-01", "قال وزير الخارجية الروسي في دمشق",
			"وزير الخارجية الروسي=RUSGOV(Sergey Lavrov)"},
		{"un envoy 2016", "2016-03-01", "قال المبعوث الأممي إلى سوريا",
			"المبعوث الأممي إلى سوريا=IGOUNO(Staffan de Mistura)"},
		{"un envoy 2020", "2020-03-01", "قال المبعوث الخاص للأمم المتحدة إلى سوريا",
			"المبعوث الخاص للأمم المتحدة إلى سوريا=IGOUNO(Geir Pedersen)"},
		{"joint envoy", "2015-03-01", "قال المبعوث الخاص للأمم المتحدة والجامعة العربية إلى سوريا",
			"المبعوث الخاص للأمم المتحدة والجامعة العربية إلى سوريا=IGOUNO(Staffan de Mistura)"},
		{"un envoy 2012", "2012-04-01", "وصل المبعوث الدولي",
			"المبعوث الدولي=IGOUNO(Kofi Annan)"},
		{"secretary-general by date", "2018-01-01", "دعا الأمين العام للأمم المتحدة",
			"الأمين العام للأمم المتحدة=IGOUNO(António Guterres)"},
		{"turkish fm 2015 gap", "2015-10-01", "قال وزير الخارجية التركي",
			"وزير الخارجية التركي=TURGOV(Feridun Sinirlioğlu)"},
		{"head of a body", "2017-06-01", "قال رئيس الائتلاف الوطني",
			"رئيس الائتلاف الوطني=SYROPP(Riad Seif)"},
		{"administration of a person", "2017-06-01", "فرضت إدارة ترامب عقوبات",
			"إدارة ترامب=USAGOV"},
		{"several holders", "2018-06-01", "قال نائب وزير الخارجية الروسي",
			"نائب وزير الخارجية الروسي=RUSGOV"},
		{"leader of a group by date", "2016-06-01", "قال زعيم تنظيم داعش",
			"زعيم تنظيم داعش=IMGREB(Abu Bakr al-Baghdadi)"},
		{"commander with name", "2020-06-01", "قال قائد قوات سوريا الديمقراطية مظلوم عبدي",
			"قائد قوات سوريا الديمقراطية مظلوم عبدي=SYRREB(Mazloum Abdi)"},
		{"officer rank and nisba", "2020-06-01", "قتل عقيد روسي وأصيب العميد الإيراني",
			"عقيد روسي=RUSMIL | العميد الإيراني=IRNMIL"},
		{"title without holder", "2017-01-01", "قال وزير الخارجية البرازيلي",
			"وزير الخارجية البرازيلي=BRAGOV"},
		{"person code changes", "2026-01-01", "استقبل أحمد الشرع الوفد",
			"أحمد الشرع=SYRGOV(Ahmed al-Sharaa)"},
		{"person code before", "2020-01-01", "قال أبو محمد الجولاني",
			"أبو محمد الجولاني=SYRREB(Ahmed al-Sharaa)"},
		{"spelling variants", "2016-01-01", "التقى دي مستورا وستيفان دي ميستورا",
			"دي مستورا=IGOUNO(Staffan de Mistura) | ستيفان دي ميستورا=IGOUNO(Staffan de Mistura)"},
		// Coreference.
		{"short name after full", "2016-01-01", "التقى وليد المعلم الوفد، وقال المعلم إن",
			"وليد المعلم=SYRGOV(Walid Muallem) | المعلم=SYRGOV(Walid Muallem)"},
		{"short name alone", "2016-01-01", "قال المعلم إن الدرس انتهى", ""},
		{"title after name", "2018-01-01", "وصل ألكسندر لافرنتييف، وقال المبعوث الروسي إن",
			"ألكسندر لافرنتييف=RUSGOV(Alexander Lavrentiev) | المبعوث الروسي=RUSGOV(Alexander Lavrentiev)"},
		{"bare title after name", "2017-03-01", "قال خيرت عبد الرحمنوف إن الجولة انتهت، وأضاف الوزير",
			"خيرت عبد الرحمنوف=KAZGOV(Kairat Abdrakhmanov) | الوزير=KAZGOV(Kairat Abdrakhmanov)"},
		{"bare title alone", "2017-03-01", "وأضاف الوزير أن", ""},
		{"qualified title skips other post", "2015-05-04", "قال فيتالي تشوركين إن مندوب روسيا لدى الأمم المتحدة في جنيف سيحضر",
			"فيتالي تشوركين=RUSGOV(Vitaly Churkin) | مندوب روسيا لدى الأمم المتحدة في جنيف=RUSGOV(Alexey Borodavkin)"},
		{"title of a body named next is no earlier person", "2017-09-12",
			"التقى رئيس وفد الحكومة السورية بشار الجعفري المبعوث، ثم اتهم رئيس وفد المعارضة المسلحة الحكومة",
			"رئيس وفد الحكومة السورية بشار الجعفري=SYRGOV(Bashar Jaafari) | رئيس وفد المعارضة المسلحة=SYRREB | الحكومة=SYRGOV"},
		{"post in a government", "2023-04-10", "قال خيرت عبد الرحمنوف إن الجولة انتهت، واتهم وزير الخارجية في الحكومة اليمنية الجماعة",
			"خيرت عبد الرحمنوف=KAZGOV(Kairat Abdrakhmanov) | وزير الخارجية في الحكومة اليمنية=YEMGOV"},
		{"a minister is the government whatever his portfolio", "2019-01-01", "قال وزير الداخلية التركي إن",
			"وزير الداخلية التركي=TURGOV"},
		{"residents of a named town", "2017-09-12", "تظاهر مئات من سكان مدينة حلب",
			"سكان=SYRCVL"},
		// Groups.
		{"counted group with members", "2017-05-01", "قال الجانبين الروسي والتركي",
			"الروسي=RUSGOV | التركي=TURGOV"},
		{"guarantors", "2017-05-01", "وقعت الدول الضامنة المذكرة",
			"الدول الضامنة=RUSGOV | الدول الضامنة=TURGOV | الدول الضامنة=IRNGOV"},
		{"counted group", "2017-05-01", "اجتمعت روسيا وتركيا وإيران واتفقت الدول الثلاث",
			"روسيا=RUSGOV | تركيا=TURGOV | إيران=IRNGOV | الدول الثلاث=RUSGOV | الدول الثلاث=TURGOV | الدول الثلاث=IRNGOV"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := d.Analyze(tc.in, day(tc.date))
			if got := render(doc.Mentions()); got != tc.want {
				t.Errorf("Analyze(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	d := Default()
	s := "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مفيدة، وأكد مسؤولون روس ذلك. وقال المبعوث الأممي إن الجولة المقبلة في جنيف."
	doc := d.Analyze(s, day("2017-02-01"))
	for _, tc := range []struct {
		phrase string
		at     int
		want   string
		ok     bool
	}{
		{"لافروف", 80, "Sergey Lavrov", true},
		{"الوزير الروسي", 80, "Sergey Lavrov", true},
		{"المبعوث الأممي", 80, "Staffan de Mistura", true},
		{"المعلم", 80, "", false},
		{"أحد المسؤولين", 80, "Russia", true},
		{"الكاتب", 80, "", false},
	} {
		m, ok := doc.Resolve(tc.phrase, tc.at)
		if ok != tc.ok || m.Name != tc.want {
			t.Errorf("Resolve(%q) = %q %v, want %q %v", tc.phrase, m.Name, ok, tc.want, tc.ok)
		}
		if n := utf8.RuneCountInString(tc.phrase); ok && (m.Start < tc.at || m.End > tc.at+n) {
			t.Errorf("Resolve(%q) span [%d,%d), want inside [%d,%d)", tc.phrase, m.Start, m.End, tc.at, tc.at+n)
		}
	}
}

func TestResolveConference(t *testing.T) {
	d := Default()
	for _, tc := range []struct {
		name, text, phrase string
		at                 int // -1: after the text
		want               string
	}{
		{"participants of the conference named before",
			"انطلقت أعمال مؤتمر الحوار الوطني السوري في منتجع ساحلي بحضور مئات الشخصيات.", "المشاركون", -1, "SYRCVL"},
		{"participants named with their conference",
			"وصل الوزير إلى المدينة أمس.", "مشاركو مؤتمر الرياض للمعارضة السورية", -1, "SYROPP"},
		{"final statement of the conference",
			"اختتم مؤتمر القاهرة للمعارضة السورية أعماله مساء الأحد.", "البيان الختامي للمؤتمر", -1, "SYROPP"},
		{"conference named only after the phrase",
			"أكد البيان الختامي ضرورة الحل السياسي. وكان مؤتمر سوتشي قد بدأ صباحاً.", "البيان الختامي", 0, "SYRCVL"},
		{"the nearest conference before wins",
			"عقد مؤتمر بروكسل لدعم سوريا في الربيع، ثم مؤتمر الرياض في الخريف.", "المشاركين في المؤتمر", -1, "SYROPP"},
		{"national dialogue of the focus country",
			"بدأ في صنعاء مؤتمر الحوار الوطني بمشاركة الأحزاب اليمنية.", "المؤتمرون", -1, "YEMCVL"},
		{"a conference of states has no speaker",
			"عقد مؤتمر المانحين في العاصمة البريطانية.", "المشاركون", -1, ""},
		{"no conference in the article",
			"وصل الوفد إلى المدينة أمس.", "المشاركون", -1, ""},
		{"a statement word alone is not a conference",
			"اختتم مؤتمر الرياض أعماله.", "الكاتب", -1, ""},
		{"an actor in the phrase comes first",
			"اختتم مؤتمر الرياض أعماله.", "المشاركون من الحكومة التركية", -1, "TURGOV"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := d.Analyze(tc.text, day("2018-01-30"))
			at := tc.at
			if at < 0 {
				at = utf8.RuneCountInString(tc.text)
			}
			m, ok := doc.Resolve(tc.phrase, at)
			if ok != (tc.want != "") || m.Code != tc.want {
				t.Errorf("Resolve(%q) = %q %v, want %q", tc.phrase, m.Code, ok, tc.want)
			}
			if ok && m.Kind == Conference && (m.Start != at || m.End != at+utf8.RuneCountInString(tc.phrase)) {
				t.Errorf("Resolve(%q) span [%d,%d), want the phrase at %d", tc.phrase, m.Start, m.End, at)
			}
		})
	}
}

func TestConferenceIsNotAnActor(t *testing.T) {
	doc := Default().Analyze("شاركت روسيا في مؤتمر الرياض ومؤتمر بروكسل", day("2018-01-30"))
	if got := render(doc.Mentions()); got != "روسيا=RUSGOV" {
		t.Errorf("Mentions = %q, want only روسيا=RUSGOV", got)
	}
}

func TestIn(t *testing.T) {
	s := "قالت روسيا. وردت تركيا."
	doc := Default().Analyze(s, time.Time{})
	if got := render(doc.In(0, 11)); got != "روسيا=RUSGOV" {
		t.Errorf("In(0,11) = %q", got)
	}
	if got := render(doc.In(11, utf8.RuneCountInString(s))); got != "تركيا=TURGOV" {
		t.Errorf("In(11,end) = %q", got)
	}
}

func TestFocus(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"قالت تركيا إن الحكومة التركية والمعارضة التركية اتفقتا", "TUR"},
		{"قالت روسيا وروسيا وروسيا إن الحكومة في سوريا والمعارضة في إدلب", "SYR"},
		{"قالت روسيا وروسيا وروسيا وروسيا إن الحكومة في سوريا", "RUS"},
		{"انعقد الاجتماع", ""},
	} {
		if got := Default().Analyze(tc.in, time.Time{}).Focus(); got != tc.want {
			t.Errorf("Focus(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	s := "أعلنت وزارة الخارجية الروسية، وقال المندوب السوري بشار الجعفري إن دمشق ترفض."
	rs := []rune(s)
	for _, m := range Default().Analyze(s, day("2017-01-01")).Mentions() {
		if string(rs[m.Start:m.End]) != m.Text {
			t.Errorf("mention %q at [%d,%d) reads %q", m.Text, m.Start, m.End, string(rs[m.Start:m.End]))
		}
	}
}

func TestActors(t *testing.T) {
	es := Default().Actors()
	seen := map[string]bool{}
	for _, e := range es {
		seen[e.Code+"/"+e.Name] = true
		if len(e.Arabic) == 0 {
			t.Errorf("%s %s has no Arabic names", e.Code, e.Name)
		}
	}
	for _, k := range []string{"RUSGOV/Russia", "IGOUNO/United Nations", "SYROPP/National Coalition", "IMGREB/Islamic State", "RUSGOV/Alexey Borodavkin"} {
		if !seen[k] {
			t.Errorf("Actors() lacks %s", k)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"قال وزير الخارجية الروسي سيرغي لافروف", "وفد", "الدول الثلاث", "مندوب روسيا لدى", "للأمم المتحدة في جنيف", ""} {
		f.Add(s)
	}
	d := Default()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		rs := []rune(s)
		for _, m := range d.Analyze(s, day("2017-01-01")).Mentions() {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End || string(rs[m.Start:m.End]) != m.Text {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
			if !codeRE.MatchString(m.Code) {
				t.Fatalf("bad code %q", m.Code)
			}
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	d := Default()
	s := strings.Repeat("قال وزير الخارجية الروسي سيرغي لافروف إن روسيا وتركيا وإيران اتفقت مع المبعوث الأممي على عقد جولة جديدة في أستانا، فيما قصف الجيش السوري مواقع الفصائل في ريف إدلب وأدان الائتلاف الوطني الهجوم الذي أودى بحياة مدنيين. ", 12)
	b.SetBytes(int64(len(s)))
	on := day("2017-01-01")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Analyze(s, on)
	}
}
