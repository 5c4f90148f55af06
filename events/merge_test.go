package events

import "testing"

func TestSameAction(t *testing.T) {
	rus := participant{code: "RUSGOV"}
	tur := participant{code: "TURGOV"}
	day := &when{first: "2020-01-02"}
	other := &when{first: "2020-01-05"}
	for _, tc := range []struct {
		name string
		a, b draft
		want bool
	}{
		{"same parties", draft{typ: "ASSAULT", parts: []participant{rus}}, draft{typ: "ASSAULT", parts: []participant{rus}}, true},
		{"other type", draft{typ: "ASSAULT", parts: []participant{rus}}, draft{typ: "COERCE", parts: []participant{rus}}, false},
		{"other modality", draft{typ: "ASSAULT", modality: "asserted"}, draft{typ: "ASSAULT", modality: "future"}, false},
		{"no parties named again", draft{typ: "ASSAULT", parts: []participant{rus}}, draft{typ: "ASSAULT"}, true},
		{"other parties", draft{typ: "CONSULT", parts: []participant{rus}}, draft{typ: "CONSULT", parts: []participant{tur}}, false},
		{"more parties of an attack", draft{typ: "ASSAULT", parts: []participant{rus}}, draft{typ: "ASSAULT", parts: []participant{rus, tur}}, true},
		{"more parties of a meeting", draft{typ: "CONSULT", parts: []participant{rus}}, draft{typ: "CONSULT", parts: []participant{rus, tur}}, false},
		{"more parties, same day", draft{typ: "CONSULT", parts: []participant{rus}, date: day}, draft{typ: "CONSULT", parts: []participant{rus, tur}, date: day}, true},
		{"other day", draft{typ: "ASSAULT", date: day}, draft{typ: "ASSAULT", date: other}, false},
		{"another round", draft{typ: "CONSULT", ordinal: "الثالثه"}, draft{typ: "CONSULT", ordinal: "الرابعه"}, false},
		{"a round after talks", draft{typ: "CONSULT"}, draft{typ: "CONSULT", ordinal: "الرابعه"}, false},
		{"the talks after a round", draft{typ: "CONSULT", ordinal: "الرابعه"}, draft{typ: "CONSULT", definite: true}, true},
		{"كما adds one", draft{typ: "ASSAULT", parts: []participant{rus}}, draft{typ: "ASSAULT", parts: []participant{rus}, also: true}, false},
	} {
		if got := sameAction(tc.a, tc.b, tc.a.codes(), tc.b.codes()); got != tc.want {
			t.Errorf("%s: sameAction = %v, want %v", tc.name, got, tc.want)
		}
	}
}
