package text

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"full stop and question marks", "وصل الوفد. هل بدأت المحادثات؟ نعم!", []string{"وصل الوفد.", "هل بدأت المحادثات؟", "نعم!"}},
		{"clause separators do not split", "وصل الوفد، ثم بدأ الاجتماع؛ وانتهى مساءً.", []string{"وصل الوفد، ثم بدأ الاجتماع؛ وانتهى مساءً."}},
		{"ellipsis", "انتظروا… ثم رحلوا. وبعدها...", []string{"انتظروا…", "ثم رحلوا.", "وبعدها..."}},
		{"newlines and blank lines", "السطر الأول\n\n\nالسطر الثاني\r\nالثالث", []string{"السطر الأول", "السطر الثاني", "الثالث"}},
		{"closing guillemet stays", "قال الوزير: «لن نتراجع.» ثم غادر.", []string{"قال الوزير: «لن نتراجع.»", "ثم غادر."}},
		{"closing curly quote stays", "وكتب: “انتهى الأمر!” وصمت.", []string{"وكتب: “انتهى الأمر!”", "وصمت."}},
		{"straight quote closes", "وقالت: \"سنعود.\" وغادرت.", []string{"وقالت: \"سنعود.\"", "وغادرت."}},
		{"doubled straight quotes", "وأضاف: \"\"نريد السلام.\"\" وانتهى.", []string{"وأضاف: \"\"نريد السلام.\"\"", "وانتهى."}},
		{"guillemets the other way round", "قال: »لن نتراجع.« ثم غادر.", []string{"قال: »لن نتراجع.«", "ثم غادر."}},
		{"quote followed by comma continues", "«لن نتراجع.»، قال الوزير.", []string{"«لن نتراجع.»، قال الوزير."}},
		{"decimals", "ارتفع المؤشر 2.5 نقطة و٣٫٧ بالمئة.", []string{"ارتفع المؤشر 2.5 نقطة و٣٫٧ بالمئة."}},
		{"latin abbreviation", "زار وفد من U.S. العاصمة أمس.", []string{"زار وفد من U.S. العاصمة أمس."}},
		{"arabic title abbreviation", "قال د. سامر إن الوضع صعب.", []string{"قال د. سامر إن الوضع صعب."}},
		{"agency initials", "وذكرت أ.ف.ب أن الطرفين اتفقا.", []string{"وذكرت أ.ف.ب أن الطرفين اتفقا."}},
		{"era after a year", "تأسست عام 1950 م. في المدينة.", []string{"تأسست عام 1950 م. في المدينة."}},
		{"bullets", "• البند الأول\n- البند الثاني\n* الثالث", []string{"البند الأول", "البند الثاني", "الثالث"}},
		{"numbered list", "1. افتتاح الجلسة\n2) كلمة الرئيس", []string{"افتتاح الجلسة", "كلمة الرئيس"}},
		{"inline bullet", "أولاً • ثانياً", []string{"أولاً", "ثانياً"}},
		{"surrounding whitespace", "   جملة واحدة.   ", []string{"جملة واحدة."}},
		{"web address", "راجع example.com للمزيد.", []string{"راجع example.com للمزيد."}},
		{"empty", " \n ", nil},
		{"line break after a comma", "قال الوزير إن الاتفاق،\nالذي وقع أمس، صامد.", []string{"قال الوزير إن الاتفاق،\nالذي وقع أمس، صامد."}},
		{"line break before a blank line after a comma", "أولاً،\n\nثانياً", []string{"أولاً،", "ثانياً"}},
		{"hard-wrapped text", "عقد الوفدان جولة جديدة من\nالمحادثات في جنيف يوم الاثنين. وقال\nالمبعوث إن الجولة كانت مثمرة\nوإن اللقاء المقبل\nسيعقد في الشهر القادم.\n\nوفي سياق آخر",
			[]string{"عقد الوفدان جولة جديدة من\nالمحادثات في جنيف يوم الاثنين.", "وقال\nالمبعوث إن الجولة كانت مثمرة\nوإن اللقاء المقبل\nسيعقد في الشهر القادم.", "وفي سياق آخر"}},
		{"hard-wrapped text with CRLF and a bullet", "بدأت الجولة\r\nأمس. وناقش الوفدان\r\nالبنود التالية\r\nفي جلستين\r\n• وقف النار", []string{"بدأت الجولة\r\nأمس.", "وناقش الوفدان\r\nالبنود التالية\r\nفي جلستين", "وقف النار"}},
		{"headlines stay apart", "روسيا وتركيا تتفقان على هدنة\nالمبعوث يصل إلى دمشق\nمجلس الأمن يجتمع اليوم\nجولة جديدة في أستانا", []string{"روسيا وتركيا تتفقان على هدنة", "المبعوث يصل إلى دمشق", "مجلس الأمن يجتمع اليوم", "جولة جديدة في أستانا"}},
		{"paragraphs without a final stop stay apart", longPara + "\n" + longPara + "\n" + longPara + "\n" + longPara, slices.Repeat([]string{paraStart, paraEnd}, 4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := Sentences(tt.in)
			var got []string
			for _, s := range ss {
				got = append(got, s.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
			checkSentences(t, tt.in, ss)
		})
	}
}

// longPara is a paragraph of two sentences without its final full stop,
// longer than a wrapped line.
const (
	paraStart = "بدأت المحادثات في قاعة المؤتمرات الكبرى بحضور الوفود كلها والمراقبين."
	paraEnd   = "وقال المتحدث إن الجلسة الأولى تناولت جدول الأعمال والقضايا الإنسانية العاجلة"
	longPara  = paraStart + " " + paraEnd
)

func checkSentences(t *testing.T, in string, ss []Sentence) {
	t.Helper()
	rs := []rune(in)
	prev := 0
	for _, s := range ss {
		if s.Start < prev || s.End <= s.Start || s.End > len(rs) {
			t.Fatalf("bad span [%d,%d) after %d in %d runes", s.Start, s.End, prev, len(rs))
		}
		if got := string(rs[s.Start:s.End]); utf8.ValidString(in) && got != s.Text {
			t.Fatalf("Text %q != slice %q", s.Text, got)
		}
		prev = s.End
	}
}

func TestRuneOffsets(t *testing.T) {
	got := RuneOffsets("aب\xffc")
	want := []int{0, 1, 3, 4, 5}
	if !slices.Equal(got, want) {
		t.Errorf("RuneOffsets = %v, want %v", got, want)
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"", "قال: «نعم.» ثم. ذهب؟", "1. أ\n• ب\n\n\"\"ج.\"\"", "د. 2.5 U.S. م.", "\xff.\n."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ss := Sentences(s)
		checkSentences(t, s, ss)
		bo := RuneOffsets(s)
		for _, x := range ss {
			if s[bo[x.Start]:bo[x.End]] != x.Text {
				t.Fatalf("Text %q is not the input slice", x.Text)
			}
		}
	})
}
