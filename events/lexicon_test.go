package events

import "testing"

func TestTriggerTable(t *testing.T) {
	lex, err := parseTriggers(triggersTSV)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]bool{}
	for _, ts := range lex {
		for _, tr := range ts {
			types[tr.typ] = true
		}
	}
	for typ := range plover {
		if !types[typ] {
			t.Errorf("no trigger for %s", typ)
		}
	}
}

func TestCues(t *testing.T) {
	// every list the rules read must be in data/cues.tsv
	for _, name := range []string{"locative", "speech", "source", "counterpart", "recipient-prep",
		"coordinated-prep", "dropped-prep", "topic", "topic-before", "purpose", "light", "texts",
		"demonstrative", "ordinal", "also", "also-start", "ceasefire-violated", "ceasefire-holding",
		"ceasefire-announced", "negation", "negation-far", "denial", "not-negation", "future",
		"future-after", "expected", "hypothetical", "venue", "not-venue", "ordinal-masc", "month-head",
		"prepare", "prepare-hold"} {
		if len(cues[name]) == 0 {
			t.Errorf("cue list %q is missing", name)
		}
	}
	if len(cues["ordinal-masc"]) != len(cues["ordinal"]) {
		t.Error("ordinal-masc must pair each ordinal with its masculine")
	}
	if _, err := parseCues("light\tعقد\nlight\tجرى\n"); err == nil {
		t.Error("parseCues accepted a list twice")
	}
	if !isCue("negation", "لم") || isCue("negation", "قال") {
		t.Error("isCue(negation) is wrong")
	}
}

func TestParseModes(t *testing.T) {
	ms, err := parseModes(modesTSV)
	if err != nil || len(ms) == 0 {
		t.Fatalf("parseModes: %d cues, %v", len(ms), err)
	}
	if _, err := parseModes("ASSAULT\tرصاص\n"); err == nil {
		t.Error("parseModes accepted a row without a mode")
	}
	c := &Coder{modes: ms}
	for _, tc := range []struct{ typ, text, want string }{
		{"ASSAULT", "قتل ثلاثة برصاص قناص", "firearms"},
		{"ASSAULT", "سقطت قذائف هاون", "heavy-weapons"},
		{"ASSAULT", "انفجرت عبوة ناسفة", "explosives"},
		{"PROTEST", "برصاص", ""},
	} {
		rs := []rune(tc.text)
		if got := c.modeFrom(tc.typ, tokenize(rs, 0, len(rs), nil)); got != tc.want {
			t.Errorf("%s: mode %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestParseTriggersErrors(t *testing.T) {
	for _, src := range []string{
		"التقى\tCONSULT\t-\t-\t040\n",
		"التقى\tMEET\t-\t-\t040\t1\t-\n",
		"التقى\tCONSULT\t-\t-\t040\tx\t-\n",
		"…\tCONSULT\t-\t-\t040\t1\t-\n",
	} {
		if _, err := parseTriggers(src); err == nil {
			t.Errorf("parseTriggers(%q) = nil error", src)
		}
	}
}

func TestExpandForms(t *testing.T) {
	got := expandForms("v:قصف/يقصف|غارة")
	want := []string{"قصف", "قصفت", "قصفا", "قصفتا", "قصفوا", "قصفنا",
		"يقصف", "تقصف", "نقصف", "أقصف", "يقصفان", "تقصفان", "يقصفون", "تقصفون", "غارة"}
	if len(got) != len(want) {
		t.Fatalf("expandForms = %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("form %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		text, typ, trigger string
		future             bool
	}{
		{"التقى الوزير نظيره", "CONSULT", "التقى", false},
		{"وسيلتقي الرئيسان غدا", "CONSULT", "وسيلتقي", true},
		{"يلتقون في القاهرة", "CONSULT", "يلتقون", false},
		{"أجرى الوزير مباحثات مع نظيره", "CONSULT", "مباحثات", false},
		{"عقب زيارته إلى بغداد", "CONSULT", "زيارته", false},
		{"جرى اتصال هاتفي بين الرئيسين", "CONSULT", "اتصال هاتفي", false},
		{"وقّعت الحكومتان مذكرة تفاهم", "SUPPORT", "وقّعت", false},
		{"أعرب الوزير عن قلقه", "ACCUSE", "أعرب الوزير عن قلقه", false},
		{"فرضت واشنطن عقوبات جديدة", "COERCE", "فرضت واشنطن عقوبات", false},
		{"شنت الطائرات غارات على القرية", "ASSAULT", "شنت", false},
		{"أطلقت السلطات سراح المعتقلين", "RETREAT", "", false},
		{"أفرجت الشرطة عن عشرة معتقلين", "RETREAT", "أفرجت الشرطة عن", false},
		{"وتظاهر آلاف الطلاب", "PROTEST", "وتظاهر", false},
		{"للمطالبة بالإفراج", "REQUEST", "للمطالبة", false},
		{"دعت الحكومة إلى الحوار", "REQUEST", "دعت", false},
	} {
		rs := []rune(tc.text)
		toks := tokenize(rs, 0, len(rs), nil)
		hits := defaultLex.find(toks)
		found := false
		for _, h := range hits {
			if h.t.typ != tc.typ {
				continue
			}
			found = true
			got := string(rs[toks[h.first].start:toks[h.last].end])
			if tc.trigger != "" && got != tc.trigger {
				t.Errorf("%s: trigger %q, want %q", tc.text, got, tc.trigger)
			}
			if h.future != tc.future {
				t.Errorf("%s: future %v, want %v", tc.text, h.future, tc.future)
			}
			break
		}
		if !found {
			t.Errorf("%s: no %s trigger in %d hits", tc.text, tc.typ, len(hits))
		}
	}
}

func TestModality(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"التقى الوزير نظيره", "asserted"},
		{"لم يلتق الوزير نظيره", "negated"},
		{"لن يلتقي الوزير نظيره، بل التقى مساعده", "negated"},
		{"وسيلتقي الوزير نظيره", "future"},
		{"سوف يلتقي الوزير نظيره", "future"},
		{"ومن المقرر أن يلتقي الوزير نظيره", "future"},
		{"ومن المتوقع أن يلتقي الوزير نظيره", "expected"},
		{"نأمل أن يلتقي الوزير نظيره", "hypothetical"},
		{"قد يلتقي الوزير نظيره", "hypothetical"},
		{"قد التقى الوزير نظيره", "asserted"},
		{"نفت الوزارة أن يكون الوزير التقى نظيره", "negated"},
		{"لم يحضر، لكنه التقى نظيره", "asserted"},
		{"لا يزال الوزير يلتقي نظيره", "asserted"},
	} {
		rs := []rune(tc.text)
		toks := tokenize(rs, 0, len(rs), nil)
		var h *hit
		for _, x := range defaultLex.find(toks) {
			if x.t.typ == "CONSULT" {
				h = &x
				break
			}
		}
		if h == nil {
			t.Errorf("%s: no trigger", tc.text)
			continue
		}
		cf, ct := clause(toks, h.first)
		if got := modality(toks, cf, ct, *h); got != tc.want {
			t.Errorf("%s: modality %s, want %s", tc.text, got, tc.want)
		}
	}
}
