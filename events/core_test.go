package events

import (
	"strings"
	"testing"

	"github.com/masar-project/masar/actors"
	"github.com/masar-project/masar/geo"
)

func TestQuoteSpeaker(t *testing.T) {
	text := "وقال لافروف: \"سنلتقي غدا. ونأمل أن ننجح\". ثم غادر."
	rs := []rune(text)
	lav := participant{start: 5, end: 11, code: "RUSGOV"}
	in := input{runes: rs, actors: []participant{lav}}
	var open []participant
	var got []string
	for _, s := range spans(sentencesOf(text)) {
		toks := tokenize(rs, s.start, s.end, nil)
		open = quoteSpeaker(in, toks, open)
		code := "-"
		if len(open) > 0 {
			code = open[0].code
		}
		got = append(got, code)
	}
	// open after the first sentence, closed by the second
	if want := "RUSGOV - -"; strings.Join(got, " ") != want {
		t.Errorf("open quote speakers %v, want %s", got, want)
	}
}

func TestAbsorbAndCeasefire(t *testing.T) {
	for _, tc := range []struct {
		text  string
		types string // the triggers that are events, in order
	}{
		{"دعت فرنسا إلى وقف إطلاق النار", "REQUEST"},
		{"أعلنت تركيا وقف إطلاق النار", "CONCEDE"},
		{"دخل وقف إطلاق النار يومه الثالث", "RETREAT"},
		{"خرقت القوات وقف إطلاق النار", "ASSAULT"},
		{"آلية لمراقبة وقف إطلاق النار", ""},
		{"اجتمع الوزراء لبحث الأزمة", "CONSULT"},
		{"وقعت الحكومة مذكرة تفاهم", "SUPPORT"},
		{"وقعت اشتباكات عنيفة", "ASSAULT"},
		{"ووقعت مصر والأردن والعراق على اتفاقية للطاقة", "SUPPORT"},
		{"ووقعت اشتباكات عنيفة، بعد ساعات من إعلان الاتفاق", "ASSAULT"},
		{"ودانت الخارجية الهجوم على القافلة", "ACCUSE"},
	} {
		rs := []rune(tc.text)
		toks := tokenize(rs, 0, len(rs), nil)
		hits := defaultLex.find(toks)
		absorbed, _ := absorb(input{runes: rs}, toks, hits)
		var got []string
		for k, h := range hits {
			if absorbed[k] {
				continue
			}
			typ := h.t.typ
			switch {
			case h.t.flags["ceasefire"]:
				typ, _ = ceasefire(toks, max(0, h.first-12), min(len(toks), h.last+6))
			case h.t.flags["sign"] && !signed(toks, h, 10, true):
				typ = ""
			}
			if typ != "" {
				got = append(got, typ)
			}
		}
		if strings.Join(got, " ") != tc.types {
			t.Errorf("%s: events %v, want %q", tc.text, got, tc.types)
		}
	}
}

// TestOneAction checks that complements, purposes and hypothetical objects
// of an event are not coded as events of their own (CODING.md: one
// reported action).
func TestOneAction(t *testing.T) {
	c := New(actors.Default(), geo.Default())
	for _, tc := range []struct {
		text  string
		types string // the coded types, in order
	}{
		{"تظاهر مئات من سكان مدينة حلب رفضاً للاتفاق الجديد.", "PROTEST"},
		{"تظاهر العمال في تونس ورفعوا لافتات تطالب بزيادة الأجور.", "PROTEST"},
		{"خرج الطلاب في مسيرة للمطالبة بإطلاق سراح زملائهم.", "PROTEST"},
		{"هدد الوزير بالرد على أي هجوم يستهدف قوات بلاده.", "THREATEN"},
		{"نفى المتحدث أن تكون بلاده قد تلقت أي طلب بهذا الشأن.", ""},
		{"قال الوزير إن بلاده لن تسمح بانهيار الهدنة.", ""},
		{"اتهم رئيس وفد المعارضة قوات النظام مجدداً بخرق الهدنة.", "ACCUSE"},
		{"دعا الأمين العام الأطراف إلى احترام القانون وتسهيل وصول المساعدات.", "REQUEST"},
		{"وأكدت الوزارة أن وجود قواتها جاء بطلب من الحكومة.", ""},
		{"اعتقلت الشرطة صحفيين بعد تغطيتهم مظاهرات في العاصمة.", "COERCE"},
	} {
		var got []string
		for _, e := range codeText(c, tc.text) {
			got = append(got, e.Type)
		}
		if strings.Join(got, " ") != tc.types {
			t.Errorf("%s: events %v, want %q", tc.text, got, tc.types)
		}
	}
}
