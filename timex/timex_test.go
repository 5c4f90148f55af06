package timex

import (
	"strings"
	"testing"
	"time"
)

type want struct{ text, value string }

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// thu is a Thursday; most cases resolve against it.
const thu = "2017-07-06"

var findCases = []struct {
	name   string
	in     string
	anchor string
	want   []want
}{
	// day and month in every system, paired forms
	{"levant pair with cue", "عقد الاجتماع يوم 14 أيار/مايو الماضي في العاصمة", thu, []want{{"يوم 14 أيار/مايو الماضي", "2017-05-14"}}},
	{"pair in parentheses", "وصل الوفد في 3 آذار (مارس) 2016 إلى المدينة", thu, []want{{"3 آذار (مارس) 2016", "2016-03-03"}}},
	{"western then levant", "جرى ذلك في مايو/أيار 2015", thu, []want{{"مايو/أيار 2015", "2015-05"}}},
	{"spaced pair", "ابتداء من يوم 9 تشرين الأول/ أكتوبر", thu, []want{{"يوم 9 تشرين الأول/ أكتوبر", "2017-10-09"}}},
	{"maghreb day", "انطلقت الحملة في 9 جانفي 2020 رسميا", thu, []want{{"9 جانفي 2020", "2020-01-09"}}},
	{"maghreb month year", "تقرر ذلك في فيفري 2019", thu, []want{{"فيفري 2019", "2019-02"}}},
	{"maghreb no year", "يبدأ التسجيل يوم 12 جويلية", thu, []want{{"يوم 12 جويلية", "2017-07-12"}}},
	{"maghreb month past", "منذ أوت الماضي", thu, []want{{"أوت الماضي", "2016-08"}}},
	{"moroccan names", "في 3 شتنبر 2014 و5 نونبر 2014", thu, []want{{"3 شتنبر 2014", "2014-09-03"}, {"5 نونبر 2014", "2014-11-05"}}},
	{"western variants", "في إبريل ويونيه 2011 ثم في أغسطس 2012", thu, []want{{"إبريل", "2017-04"}, {"يونيه 2011", "2011-06"}, {"أغسطس 2012", "2012-08"}}},
	{"month range between", "بين إبريل ويونيه 2011", thu, []want{{"إبريل ويونيه 2011", "2011-04/2011-06"}}},
	{"month range from to", "من نيسان إلى حزيران الماضي", thu, []want{{"نيسان إلى حزيران الماضي", "2017-04/2017-06"}}},
	{"month range across years", "من تشرين الثاني حتى شباط المقبل", thu, []want{{"تشرين الثاني حتى شباط المقبل", "2017-11/2018-02"}}},
	{"month range with years", "من أيار 2015 حتى آذار 2016", thu, []want{{"أيار 2015 حتى آذار 2016", "2015-05/2016-03"}}},
	{"maghreb first", "من فاتح يناير 2016", thu, []want{{"فاتح يناير 2016", "2016-01-01"}}},
	{"movement name", "وقالت قوى 14 آذار إن", thu, nil},
	{"weekday pair past", "يومي السبت والأحد الماضيين", thu, []want{{"يومي السبت والأحد الماضيين", "2017-07-01/2017-07-02"}}},
	{"weekday pair future", "يومي الاثنين والثلاثاء المقبلين", thu, []want{{"يومي الاثنين والثلاثاء المقبلين", "2017-07-10/2017-07-11"}}},
	{"day of this month", "يوم 15 الجاري وفي الـ20 من الشهر الجاري", thu, []want{{"يوم 15 الجاري", "2017-07-15"}, {"الـ20 من الشهر الجاري", "2017-07-20"}}},
	{"era words", "عام 1438 للهجرة وسنة 2015 ميلادية", thu, []want{{"عام 1438 للهجرة", "2016-10-03/2017-09-21"}, {"سنة 2015 ميلادية", "2015"}}},
	{"academic year", "للعام الدراسي 2017-2018", thu, []want{{"للعام الدراسي 2017-2018", "2017/2018"}}},
	{"fiscal slash", "موازنة سنة 2017/2018", thu, []want{{"سنة 2017/2018", "2017/2018"}}},
	{"year list", "شهدت الأعوام 2011 و2012 أحداثا", thu, []want{{"الأعوام 2011", "2011"}, {"2012", "2012"}}},
	{"non-round year after fi", "ستجرى الانتخابات في 2018 وفق الدستور", thu, []want{{"2018", "2018"}}},
	{"night weekday range", "ليل الجمعة - السبت", thu, []want{{"ليل الجمعة - السبت", "2017-06-30/2017-07-01"}}},
	{"tomorrow with cue", "صباح يوم غد", thu, []want{{"صباح يوم غد", "2017-07-07"}}},
	{"prayer is no date", "بعد صلاة الجمعة وكلا الاثنين", thu, nil},
	{"weekday ordinal date", "يوم الثلاثاء الرابع من تموز", thu, []want{{"يوم الثلاثاء الرابع من تموز", "2017-07-04"}}},
	{"dateline", "دمشق - 5 تموز (وكالات)", thu, []want{{"5 تموز", "2017-07-05"}}},
	{"same year as named", "اندلعت الأزمة عام 2011، وفي 15 آذار من ذلك العام خرجت مظاهرات", thu, []want{{"عام 2011", "2011"}, {"15 آذار من ذلك العام", "2011-03-15"}}},
	{"same year alone", "في عام 2014 ثم في العام نفسه", thu, []want{{"عام 2014", "2014"}, {"العام نفسه", "2014"}}},
	{"same year unknown", "ولد في العام نفسه", thu, []want{{"العام نفسه", ""}}},
	{"future context month", "وستستضيف المدينة القمة المقبلة في شباط", thu, []want{{"شباط", "2018-02"}}},
	{"past context month", "واستضافت المدينة القمة في شباط", thu, []want{{"شباط", "2017-02"}}},
	{"future context weekday far", "ومن المقرر أن يبحث وزير الخارجية مع نظيره التركي الأزمة يوم الأحد", thu, []want{{"يوم الأحد", "2017-07-09"}}},
	{"maghreb end of month", "إلى متم يونيو المقبل", thu, []want{{"متم يونيو المقبل", "2018-06"}}},
	{"before year", "لن يكون الحل قبل 2020.", thu, []want{{"2020", "2020"}}},
	{"century and metres", "في القرن 19م تقدم بمسافة 100 م", thu, nil},
	{"old year with cue", "دخلها الفاتحون عام 641 م", thu, []want{{"عام 641 م", "0641"}}},
	{"eleven is no sunday", "خلال الأحد عشر شهرا", thu, nil},
	{"night of two days", "ليلة السبت/الأحد ونهار أمس", thu, []want{{"ليلة السبت/الأحد", "2017-07-01/2017-07-02"}, {"نهار أمس", "2017-07-05"}}},
	{"feminine modifier", "الجمعة الماضية والجمعة المقبلة", thu, []want{{"الجمعة الماضية", "2017-06-30"}, {"الجمعة المقبلة", "2017-07-07"}}},
	{"future verb after is reported speech", "وأعلن الجيش الثلاثاء أنه سيواصل عملياته", thu, []want{{"الثلاثاء", "2017-07-04"}}},
	{"day of the month", "في العاشر من الشهر", thu, []want{{"العاشر من الشهر", "2017-07-10"}}},
	{"same month", "في 12 حزيران 2006 ثم في الـ25 من الشهر ذاته", thu, []want{{"12 حزيران 2006", "2006-06-12"}, {"الـ25 من الشهر ذاته", "2006-06-25"}}},
	{"day of named month", "في 14 من شهر أيار الماضي", thu, []want{{"14 من شهر أيار الماضي", "2017-05-14"}}},
	{"hijri cross month", "من 28 رمضان إلى 2 شوال", thu, []want{{"28 رمضان إلى 2 شوال", "2017-06-23/2017-06-27"}}},
	{"hijri cross month with year", "من 28 رمضان إلى 2 شوال 1437 هـ", thu, []want{{"28 رمضان إلى 2 شوال 1437 هـ", "2016-07-04/2016-07-08"}}},
	{"unit before last", "العام قبل الماضي والأسبوع بعد المقبل", thu, []want{{"العام قبل الماضي", "2015"}, {"الأسبوع بعد المقبل", "2017-07-17/2017-07-23"}}},
	{"car maker", "تطرح نيسان طرازا جديدا", thu, nil},
	{"ambiguous month after preposition", "في نيسان ومنذ مارس", thu, []want{{"نيسان", "2017-04"}, {"مارس", "2017-03"}}},
	{"score is no month pair", "انتهت المباراة صفر - صفر", thu, nil},
	{"newspaper", "ذكرت صحيفة اليوم", thu, nil},
	{"door is not august", "في باب المدينة", thu, nil},
	{"numeric spaced", "توفي الأربعاء 30 - 8 - 2006 في القاهرة", thu, []want{{"الأربعاء 30 - 8 - 2006", "2006-08-30"}}},
	{"prayer with clitic", "أثناء تأديتهم لصلاة الجمعة", thu, nil},
	{"that day", "في مساء ذلك اليوم وفي نفس اليوم", thu, nil},
	{"arabic-indic digits", "صدر القرار في ٢٠ كانون الثاني ٢٠١٧", thu, []want{{"٢٠ كانون الثاني ٢٠١٧", "2017-01-20"}}},
	{"persian digits", "في ۵ حزيران ۲۰۱۶", thu, []want{{"۵ حزيران ۲۰۱۶", "2016-06-05"}}},
	{"glued day cue", "تنطلق الحملة يوم7 أيار/مايو", "2015-05-04", []want{{"يوم7 أيار/مايو", "2015-05-07"}}},
	{"glued month", "في 5أيار 2015", thu, []want{{"5أيار 2015", "2015-05-05"}}},
	{"with year cue", "الاتفاق المبرم في 12 شباط/فبراير عام 2014 بين الطرفين", thu, []want{{"12 شباط/فبراير عام 2014", "2014-02-12"}}},
	{"comma before year", "في 12 تموز، 2014", thu, []want{{"12 تموز، 2014", "2014-07-12"}}},
	{"prefix clitic", "وفي أيار 2015 عاد الوفد", thu, []want{{"أيار 2015", "2015-05"}}},
	{"bi clitic on month", "بأيلول 2013", thu, []want{{"بأيلول 2013", "2013-09"}}},
	{"month cue", "خلال شهر نيسان الماضي", thu, []want{{"شهر نيسان الماضي", "2017-04"}}},
	{"ordinal day", "في الخامس من حزيران 1967", thu, []want{{"الخامس من حزيران 1967", "1967-06-05"}}},
	{"compound ordinal", "في الحادي والعشرين من آذار", thu, []want{{"الحادي والعشرين من آذار", "2017-03-21"}}},
	{"first of month", "الدوحة أول سبتمبر 2020 (وكالات)", thu, []want{{"أول سبتمبر 2020", "2020-09-01"}}},
	{"ordinal of this month", "ونبدأ في العاشر من هذا الشهر", thu, []want{{"العاشر من هذا الشهر", "2017-07-10"}}},
	{"day of next month", "حتى 15 من الشهر المقبل", thu, []want{{"15 من الشهر المقبل", "2017-08-15"}}},
	{"ordinal after noun is no day", "في الأسبوع الأول من أيار", thu, []want{{"أيار", "2017-05"}}},
	{"numeric dmy", "بتاريخ 5/7/2017 صدر", thu, []want{{"5/7/2017", "2017-07-05"}}},
	{"numeric iso", "بتاريخ 2016-11-30 صدر", thu, []want{{"2016-11-30", "2016-11-30"}}},

	// year inference
	{"nearest across new year back", "التقيا في 28 كانون الأول", "2018-01-03", []want{{"28 كانون الأول", "2017-12-28"}}},
	{"nearest across new year ahead", "سيلتقيان في 5 كانون الثاني", "2017-12-20", []want{{"5 كانون الثاني", "2018-01-05"}}},
	{"future modifier", "في 10 آذار المقبل", thu, []want{{"10 آذار المقبل", "2018-03-10"}}},
	{"past modifier same month", "في 2 تموز الماضي", thu, []want{{"2 تموز الماضي", "2017-07-02"}}},
	{"month past modifier", "في تموز الماضي", thu, []want{{"تموز الماضي", "2016-07"}}},
	{"mid month next", "منتصف يوليو المقبل", "2017-03-01", []want{{"منتصف يوليو المقبل", "2017-07"}}},
	{"late month next year", "في أواخر كانون الثاني المقبل", thu, []want{{"أواخر كانون الثاني المقبل", "2018-01"}}},
	{"month of last year", "في أيار من العام الماضي", thu, []want{{"أيار من العام الماضي", "2016-05"}}},
	{"bare month", "ستجرى الانتخابات في أيلول", thu, []want{{"أيلول", "2017-09"}}},
	{"no anchor no year", "يوم 14 أيار", "", []want{{"يوم 14 أيار", ""}}},
	{"no anchor with year", "يوم 14 أيار 2015", "", []want{{"يوم 14 أيار 2015", "2015-05-14"}}},
	{"no anchor relative year", "في أيار من العام الماضي", "", []want{{"أيار من العام الماضي", ""}}},

	// ranges
	{"hyphen range", "جرت الجولة في الفترة 8-9 آب/أغسطس 2016", "", []want{{"8-9 آب/أغسطس 2016", "2016-08-08/2016-08-09"}}},
	{"dual day range", "يومي 14 و15 أيلول", thu, []want{{"يومي 14 و15 أيلول", "2017-09-14/2017-09-15"}}},
	{"from to range", "من 3 إلى 5 آذار 2018", thu, []want{{"3 إلى 5 آذار 2018", "2018-03-03/2018-03-05"}}},
	{"between range", "بين 10 و12 شباط 2016", thu, []want{{"10 و12 شباط 2016", "2016-02-10/2016-02-12"}}},
	{"cross month", "يومي 30 حزيران و1 تموز 2012", thu, []want{{"يومي 30 حزيران و1 تموز 2012", "2012-06-30/2012-07-01"}}},
	{"cross year with both years", "من 28 كانون الأول 2016 إلى 2 كانون الثاني 2017", thu, []want{{"28 كانون الأول 2016 إلى 2 كانون الثاني 2017", "2016-12-28/2017-01-02"}}},
	{"two separate dates", "في 14 أيار و20 حزيران 2015", thu, []want{{"14 أيار", "2017-05-14"}, {"20 حزيران 2015", "2015-06-20"}}},
	{"year range dual", "بين عامي 2011 و2014", thu, []want{{"عامي 2011 و2014", "2011/2014"}}},
	{"year range from to", "من عام 2003 إلى عام 2011", thu, []want{{"عام 2003 إلى عام 2011", "2003/2011"}}},
	{"bare year range", "من 2011 إلى 2014", thu, []want{{"2011 إلى 2014", "2011/2014"}}},

	// years
	{"year cues", "عام 2012 ولعام 2013 والعام 2014 وسنة 2015", thu, []want{{"عام 2012", "2012"}, {"لعام 2013", "2013"}, {"العام 2014", "2014"}, {"سنة 2015", "2015"}}},
	{"year suffix", "تأسست عام 1945م وفي 2012م", thu, []want{{"عام 1945م", "1945"}, {"2012م", "2012"}}},
	{"since year", "تسيطر عليها الفصائل منذ 2013.", thu, []want{{"2013", "2013"}}},
	{"in year then comma", "زار المدينة في 2017، ثم غادر", thu, []want{{"2017", "2017"}}},
	{"count is no year", "نشرت نحو 2000 مقاتل و1500 آلية", thu, nil},
	{"count after fi is no year", "وقع في 2000 منزل", thu, nil},
	{"resolution number", "وفق القرار 2254 الصادر", thu, nil},
	{"part with year", "منذ مطلع 2016 وحتى صيف 2017", thu, []want{{"مطلع 2016", "2016"}, {"صيف 2017", "2017"}}},
	{"hijri year", "في عام 1438 هـ", thu, []want{{"عام 1438 هـ", "2016-10-03/2017-09-21"}}},

	// hijri
	{"hijri date", "الموافق 15 رمضان 1438 هـ", thu, []want{{"15 رمضان 1438 هـ", "2017-06-10"}}},
	{"hijri glued suffix", "في 1 محرم 1440هـ", thu, []want{{"1 محرم 1440هـ", "2018-09-12"}}},
	{"hijri month year", "في ذي الحجة 1438", thu, []want{{"ذي الحجة 1438", "2017-08-24/2017-09-21"}}},
	{"hijri month no year", "خلال شهر رمضان", thu, []want{{"شهر رمضان", "2017-05-27/2017-06-25"}}},
	{"hijri day no year", "في 10 شوال", thu, []want{{"10 شوال", "2017-07-05"}}},
	{"hijri month gregorian year", "مسلسلات رمضان 2017", thu, []want{{"رمضان 2017", "2017-05-27/2017-06-25"}}},
	{"hijri two-word month", "في 12 ربيع الأول 1439", thu, []want{{"12 ربيع الأول 1439", "2017-12-01"}}},

	// weekdays
	{"weekday today", "يجتمعون يوم الخميس في جنيف", thu, []want{{"يوم الخميس", "2017-07-06"}}},
	{"weekday last", "وكان قد التقى الإثنين الماضي", thu, []want{{"الإثنين الماضي", "2017-07-03"}}},
	{"weekday next", "الأحد المقبل", thu, []want{{"الأحد المقبل", "2017-07-09"}}},
	{"same weekday next", "الخميس المقبل", thu, []want{{"الخميس المقبل", "2017-07-13"}}},
	{"same weekday last", "الخميس الماضي", thu, []want{{"الخميس الماضي", "2017-06-29"}}},
	{"bare weekday past", "وأعلن الجيش الثلاثاء سيطرته", thu, []want{{"الثلاثاء", "2017-07-04"}}},
	{"bare weekday future verb", "وسيعقد الاجتماع السبت في المدينة", thu, []want{{"السبت", "2017-07-08"}}},
	{"bare weekday future marker", "ومن المقرر أن يصل الوفد الثلاثاء", thu, []want{{"الثلاثاء", "2017-07-11"}}},
	{"weekday with date", "يوم الأربعاء 29 تشرين الثاني/نوفمبر", "2017-11-30", []want{{"يوم الأربعاء 29 تشرين الثاني/نوفمبر", "2017-11-29"}}},
	{"weekday comma date", "الأربعاء، 5 تموز 2017", thu, []want{{"الأربعاء، 5 تموز 2017", "2017-07-05"}}},
	{"weekday with clitic", "ثم أرجئ التصويت للجمعة", thu, []want{{"للجمعة", "2017-06-30"}}},
	{"conjunction left out", "والخميس المقبل", thu, []want{{"الخميس المقبل", "2017-07-13"}}},
	{"time of day weekday", "صباح يوم الأربعاء وليلة الجمعة", thu, []want{{"صباح يوم الأربعاء", "2017-07-05"}, {"ليلة الجمعة", "2017-06-30"}}},
	{"weekday no anchor", "أعلن الاثنين", "", []want{{"الاثنين", ""}}},

	// relative days
	{"today", "قال اليوم إن", thu, []want{{"اليوم", "2017-07-06"}}},
	{"yesterday with cue and weekday", "وعقد الطرفان، يوم أمس الأربعاء، لقاء مطولا", thu, []want{{"يوم أمس الأربعاء", "2017-07-05"}}},
	{"with article clitic", "وقالت بالأمس", thu, []want{{"بالأمس", "2017-07-05"}}},
	{"day before yesterday", "أول أمس وأول من أمس وأمس الأول", thu, []want{{"أول أمس", "2017-07-04"}, {"أول من أمس", "2017-07-04"}, {"أمس الأول", "2017-07-04"}}},
	{"tomorrow", "سيصل غداً وبعد غد", thu, []want{{"غداً", "2017-07-07"}, {"بعد غد", "2017-07-08"}}},
	{"tomorrow noun", "صباح الغد", thu, []want{{"صباح الغد", "2017-07-07"}}},
	{"today weekday parens", "وفقا لمصادر اليوم (الخميس).", thu, []want{{"اليوم (الخميس)", "2017-07-06"}}},
	{"yesterday quoted weekday", "أصدرت الوزارة مساء أمس «الأربعاء» بيانا", thu, []want{{"مساء أمس «الأربعاء»", "2017-07-05"}}},
	{"dawn today", "شنت الطائرات غارات فجر اليوم الخميس", thu, []want{{"فجر اليوم الخميس", "2017-07-06"}}},
	{"tonight", "قال الليلة إن", thu, []want{{"الليلة", "2017-07-06"}}},
	{"last night", "الليلة الماضية", thu, []want{{"الليلة الماضية", "2017-07-05"}}},
	{"today no anchor", "اليوم الاثنين", "", []want{{"اليوم الاثنين", ""}}},
	{"the next day", "في اليوم التالي وفي اليوم الأول", thu, nil},
	{"channel name", "نقلت قناة روسيا اليوم عن مصدر", thu, nil},

	// calendar units
	{"week next", "الأسبوع المقبل", thu, []want{{"الأسبوع المقبل", "2017-07-10/2017-07-16"}}},
	{"week last", "الأسبوع الماضي", thu, []want{{"الأسبوع الماضي", "2017-06-26/2017-07-02"}}},
	{"week current", "خلال الأسبوع الجاري", thu, []want{{"الأسبوع الجاري", "2017-07-03/2017-07-09"}}},
	{"month last", "الشهر الماضي والشهر المقبل", thu, []want{{"الشهر الماضي", "2017-06"}, {"الشهر المقبل", "2017-08"}}},
	{"month rollover", "الشهر المقبل", "2017-12-15", []want{{"الشهر المقبل", "2018-01"}}},
	{"year forms", "العام الماضي والسنة المقبلة والعام الجاري", thu, []want{{"العام الماضي", "2016"}, {"السنة المقبلة", "2018"}, {"العام الجاري", "2017"}}},
	{"this year", "هذا العام وهذه السنة والعام الحالي", thu, []want{{"هذا العام", "2017"}, {"هذه السنة", "2017"}, {"العام الحالي", "2017"}}},
	{"part of unit", "مطلع العام المقبل ونهاية الشهر الجاري", thu, []want{{"مطلع العام المقبل", "2018"}, {"نهاية الشهر الجاري", "2017-07"}}},
	{"part of bare unit", "قبل نهاية العام", thu, []want{{"نهاية العام", "2017"}}},
	{"general not year", "وقال الأمين العام الحالي", thu, nil},

	// not dates
	{"coming days", "خلال الأيام المقبلة", thu, nil},
	{"first week", "في الأسبوع الأول", thu, nil},
	{"durations", "بعد 4-6 أسابيع من القتال منذ ست سنوات", thu, nil},
	{"clock", "من الساعة 8 صباحا وحتى 15 عصرا عند الساعة العاشرة", thu, nil},
	{"ambiguous month words", "مارس الضغط على أب الشهيد، تشرين", thu, nil},
	{"decimal", "نمو 2.5 في المئة", thu, nil},
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		t.Run(c.name, func(t *testing.T) {
			got := Find(c.in, day(c.anchor))
			var g []want
			for _, e := range got {
				g = append(g, want{e.Text, e.Value})
			}
			if len(g) != len(c.want) {
				t.Fatalf("Find(%q) = %q, want %q", c.in, g, c.want)
			}
			for i := range g {
				if g[i] != c.want[i] {
					t.Errorf("Find(%q)[%d] = %q, want %q", c.in, i, g[i], c.want[i])
				}
			}
			checkInvariants(t, c.in, got)
		})
	}
}

// checkInvariants asserts what every result of Find must satisfy.
func checkInvariants(t *testing.T, s string, got []Expr) {
	t.Helper()
	r := []rune(s)
	prev := 0
	for _, e := range got {
		if e.Start < prev || e.End <= e.Start || e.End > len(r) {
			t.Fatalf("bad span [%d,%d) after %d in %d runes", e.Start, e.End, prev, len(r))
		}
		if string(r[e.Start:e.End]) != e.Text {
			t.Fatalf("Text %q is not input[%d:%d] = %q", e.Text, e.Start, e.End, string(r[e.Start:e.End]))
		}
		prev = e.End
		if e.Value == "" {
			if e.First != "" || e.Last != "" {
				t.Fatalf("unresolved %q has ends %q %q", e.Text, e.First, e.Last)
			}
			continue
		}
		if !wellFormed(e.First) || (e.Last != "" && !wellFormed(e.Last)) {
			t.Fatalf("malformed ends %q %q", e.First, e.Last)
		}
		want := e.First
		if e.Last != "" {
			want += "/" + e.Last
			if len(e.Last) != len(e.First) || e.Last <= e.First {
				t.Fatalf("range %q not increasing", e.Value)
			}
		}
		if e.Value != want {
			t.Fatalf("Value %q, ends %q %q", e.Value, e.First, e.Last)
		}
	}
}

func wellFormed(v string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) == len(layout) {
			_, err := time.Parse(layout, v)
			return err == nil
		}
	}
	return false
}

func TestDirection(t *testing.T) {
	cases := []struct {
		in                     string
		anchor                 string
		relative, future, past bool
	}{
		{"الأحد المقبل", thu, true, true, false},
		{"أمس", thu, true, false, true},
		{"أمس", "", true, false, true},
		{"غدا", "", true, true, false},
		{"اليوم", thu, true, false, false},
		{"عام 2012", thu, false, false, true},
		{"عام 2020", thu, false, true, false},
		{"عام 2017", thu, false, false, false},
		{"يوم 14 أيار", thu, true, false, true},
		{"الشهر المقبل", "", true, true, false},
		{"الأسبوع الجاري", thu, true, false, false},
	}
	for _, c := range cases {
		got := Find(c.in, day(c.anchor))
		if len(got) != 1 {
			t.Fatalf("Find(%q) = %+v, want one", c.in, got)
		}
		e := got[0]
		if e.Relative != c.relative || e.Future != c.future || e.Past != c.past {
			t.Errorf("Find(%q, %q): relative %v future %v past %v, want %v %v %v",
				c.in, c.anchor, e.Relative, e.Future, e.Past, c.relative, c.future, c.past)
		}
	}
}

func TestOffsetsAfterDiacritics(t *testing.T) {
	// diacritics and tatweel inside and after the span stay in Text
	s := "وصلَ الوفدُ غداً، ثم عادَ يومَ الخمـيس."
	got := Find(s, day(thu))
	if len(got) != 2 || got[0].Text != "غداً" || got[1].Text != "يومَ الخمـيس" {
		t.Fatalf("got %+v", got)
	}
	checkInvariants(t, s, got)
}

func TestEmpty(t *testing.T) {
	for _, s := range []string{"", " ", "\n\t", "لا تاريخ هنا", strings.Repeat("و", 100)} {
		if got := Find(s, day(thu)); len(got) != 0 {
			t.Errorf("Find(%q) = %+v", s, got)
		}
	}
}

// TestAppendDate checks the hand-written formatter against time.Format,
// including years that need padding or fall outside four digits.
func TestAppendDate(t *testing.T) {
	layouts := map[gran]string{gDay: "2006-01-02", gMonth: "2006-01", gYear: "2006"}
	for _, y := range []int{-3, 0, 5, 622, 1999, 2017, 9999, 10000} {
		for _, d := range []time.Time{time.Date(y, 1, 9, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)} {
			for g, layout := range layouts {
				if got, want := string(appendDate(nil, d, g)), d.Format(layout); got != want {
					t.Errorf("appendDate(%v, %q) = %q, want %q", d, layout, got, want)
				}
			}
		}
	}
}
