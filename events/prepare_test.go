package events

import (
	"slices"
	"strings"
	"testing"

	"github.com/masar-project/masar/actors"
	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/geo"
)

// TestPreparation checks that a meeting being prepared is coded as an
// announced meeting (AGREE, asserted; CODING.md) whose actors are all who
// work on it, lists in brackets included, with its place and date.
func TestPreparation(t *testing.T) {
	c := New(actors.Default(), geo.Default())
	for _, tc := range []struct {
		name, text string
		types      string   // all coded types, in order
		codes      []string // the AGREE's participant codes, sorted
		place      string   // the AGREE's place, "" for none
		date       string   // the AGREE's date, "" for none
	}{
		{"subject and مع list across commas",
			"وأعلنت وزارة الخارجية المصرية، أن مصر تعمل بالتنسيق مع كل من الدول الوسيطة، وقطر، والحكومة اليمنية على بذل مساع حثيثة للتحضير للاجتماع الثالث في القاهرة.",
			"AGREE", []string{"EGYGOV", "QATGOV", "YEMGOV"}, "Cairo", ""},
		{"bracketed lists in a quote",
			"وقال البيان: \"تعمل مصر حاليا، بالتعاون مع الدولتين الوسيطتين [قطر، الأردن] والأطراف الداعمة [فرنسا، ألمانيا، والاتحاد الأوروبي]، والحكومة اليمنية، على بذل جهود من أجل التحضير للاجتماع الدولي الثالث حول اليمن\".",
			"AGREE", []string{"DEUGOV", "EGYGOV", "FRAGOV", "IGOEUR", "JORGOV", "QATGOV", "YEMGOV"}, "", ""},
		{"parenthesised list and a date",
			"وتعمل روسيا وتركيا (إيران والأردن) على الإعداد لمؤتمر دولي حول اللاجئين الشهر المقبل.",
			"AGREE", []string{"IRNGOV", "JORGOV", "RUSGOV", "TURGOV"}, "", "2020-04"},
		{"preparations to hold the next round, one meeting",
			"تجري الاستعدادات لعقد الجولة المقبلة من المحادثات في جنيف.",
			"AGREE", nil, "Geneva", ""},
		{"the parties of the prepared talks take part",
			"بدأت الأمم المتحدة التحضيرات لجولة جديدة من المفاوضات بين الحكومة اليمنية والحوثيين.",
			"AGREE", []string{"IGOUNO", "YEMGOV", "YEMREB"}, "", ""},
		{"readiness to meet is the meeting announced",
			"وتواصل الأمم المتحدة استعداداتها لانعقاد مؤتمر المانحين في جنيف يوم 15 نيسان/أبريل.",
			"AGREE", []string{"IGOUNO"}, "Geneva", "2020-04-15"},
		{"one meeting prepared, told twice",
			"تعمل تركيا مع قطر على التحضير للقاء الرابع في الدوحة. وقال البيان: \"تعمل تركيا بالتعاون مع [قطر، الكويت] على الإعداد للقاء الرابع\".",
			"AGREE", []string{"KWTGOV", "QATGOV", "TURGOV"}, "Doha", ""},
		{"a preparation demanded is the demand",
			"دعا الوزير إلى التحضير لاجتماع طارئ لمجلس الجامعة.",
			"REQUEST", nil, "", ""},
		{"resuming talks stays a purpose",
			"أفرجت الحكومة عن عشرين معتقلاً تمهيداً لاستئناف المفاوضات.",
			"RETREAT", nil, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := codeText(c, tc.text)
			var types []string
			var agree *article.Event
			for i, e := range evs {
				types = append(types, e.Type)
				if e.Type == "AGREE" {
					agree = &evs[i]
				}
			}
			if strings.Join(types, " ") != tc.types {
				t.Fatalf("types %v, want %q", types, tc.types)
			}
			if agree == nil {
				return
			}
			if agree.Modality != "asserted" {
				t.Errorf("modality %s, want asserted", agree.Modality)
			}
			var codes []string
			for _, a := range append(slices.Clone(agree.Actors), agree.Recipients...) {
				codes = append(codes, a.Code)
			}
			slices.Sort(codes)
			if strings.Join(codes, " ") != strings.Join(tc.codes, " ") {
				t.Errorf("participants %v, want %v", codes, tc.codes)
			}
			place := ""
			if agree.Location != nil {
				place = agree.Location.Name
			}
			if place != tc.place {
				t.Errorf("place %q, want %q", place, tc.place)
			}
			date := ""
			if agree.Date != nil {
				date = *agree.Date
			}
			if date != tc.date {
				t.Errorf("date %q, want %q", date, tc.date)
			}
		})
	}
}

// TestOrdinal checks the round number read from a meeting's clause,
// masculine ordinals after the meeting noun included, month names not.
func TestOrdinal(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"انطلقت الجولة الرابعة من المحادثات", "الرابعه"},
		{"للتحضير للقاء الدولي السادس", "السادسه"},
		{"عقد الاجتماع الثاني للجنة", "الثانيه"},
		{"اجتماع كانون الثاني الماضي", ""},
		{"اجتماع الوزراء", ""},
	} {
		rs := []rune(tc.text)
		toks := tokenize(rs, 0, len(rs), nil)
		hits := defaultLex.find(toks)
		k := slices.IndexFunc(hits, func(h hit) bool { return h.t.flags["meet"] && h.t.flags["noun"] })
		if k < 0 {
			t.Fatalf("%s: no meeting noun", tc.text)
		}
		if got := ordinal(toks, 0, len(toks), hits[k]); got != tc.want {
			t.Errorf("%s: ordinal %q, want %q", tc.text, got, tc.want)
		}
	}
}
