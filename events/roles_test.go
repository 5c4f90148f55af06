package events

import (
	"strings"
	"testing"

	"github.com/masar-project/masar/actors"
	"github.com/masar-project/masar/geo"
)

// TestRoles checks who acts and who is acted on: VSO and SVO objects,
// passive readings of attack verbs, civilians as targets, reciprocal fights,
// participants named by بمشاركة, and و before a verb that starts with و;
// victims inside a gapped trigger (لقي ... مصرعهم) and the body a
// demonstration is held before (أمام البرلمان).
func TestRoles(t *testing.T) {
	c := New(actors.Default(), geo.Default())
	for _, tc := range []struct {
		text, typ, actors, recips string
	}{
		{"اعتقلت الشرطة المصرية عشرات المتظاهرين في القاهرة أمس.", "COERCE", "EGYCOP", "EGYCVL"},
		{"الشرطة الإسرائيلية اعتقلت شابين فلسطينيين في القدس.", "COERCE", "ISRCOP", "PSECVL"},
		{"قتل خمسة جنود أتراك في هجوم انتحاري بسيارة مفخخة.", "ASSAULT", "", "TURMIL"},
		{"أصيب ثلاثة فلسطينيين برصاص الجيش الإسرائيلي في الخليل.", "ASSAULT", "ISRMIL", "PSECVL"},
		{"أدانت فرنسا القصف الذي استهدف المدنيين في إدلب.", "ASSAULT", "", "SYRCVL"},
		{"اتهمت الحكومة اليمنية الحوثيين بعرقلة المفاوضات.", "ACCUSE", "YEMGOV", "YEMREB"},
		{"ودانت وزارة الخارجية الفرنسية القصف.", "ACCUSE", "FRAGOV", ""},
		{"ووقعت الدول الضامنة روسيا وتركيا وإيران على مذكرة في أستانا.", "SUPPORT", "RUSGOV,TURGOV,IRNGOV", ""},
		{"اندلعت اشتباكات بين الجيش الليبي ومسلحين في بنغازي.", "ASSAULT", "LBYMIL,LBYREB", ""},
		{"لقي ثلاثة جنود باكستانيين مصرعهم في كمين نصبه مسلحون قرب الحدود.", "ASSAULT", "PAKREB", "PAKMIL"},
		{"اعتصم عشرات المعلمين أمام مبنى البرلمان الأردني للمطالبة بزيادة الأجور.", "PROTEST", "JORCVL", "JORLEG"},
		{"اختطف مسلحون مجهولون ثلاثة صحفيين عراقيين على طريق كركوك.", "ASSAULT", "IRQREB", "IRQMED"},
		{"اختتمت في أستانا الجولة الخامسة من المحادثات حول سوريا، بمشاركة وفد الحكومة السورية ووفد المعارضة.", "CONSULT", "SYRGOV,SYROPP", ""},
	} {
		evs := codeText(c, tc.text)
		found := false
		for _, e := range evs {
			if e.Type != tc.typ {
				continue
			}
			found = true
			if got := actorCodes(e.Actors); got != tc.actors {
				t.Errorf("%s: actors %q, want %q", tc.text, got, tc.actors)
			}
			if got := actorCodes(e.Recipients); got != tc.recips {
				t.Errorf("%s: recipients %q, want %q", tc.text, got, tc.recips)
			}
		}
		if !found {
			var types []string
			for _, e := range evs {
				types = append(types, e.Type)
			}
			t.Errorf("%s: no %s event (got %s)", tc.text, tc.typ, strings.Join(types, " "))
		}
	}
}
