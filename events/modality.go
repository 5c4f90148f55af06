package events

import (
	"slices"
	"strings"
)

// presPref holds the prefixes of present-tense verbs (after قد: "may").
const presPref = "يتن"

// modality reads the cues (data/cues.tsv) before trigger h in clause
// [cf, ct): negated, future, expected (من المتوقع, a planned meeting for
// CONSULT) or hypothetical; asserted otherwise. Cues are read only in the
// trigger's clause, a few words before it, so that "لم" in one clause does
// not negate an event in the next.
func modality(toks []tok, cf, ct int, h hit) string {
	if h.future {
		return "future"
	}
	for i := h.first - 1; i >= cf; i-- {
		// نفى أن ... : the denial covers the rest of its clause
		if in(toks[i].norm, cues["denial"]) && h.t.typ != "REJECT" {
			return "negated"
		}
	}
	if material[h.t.typ] {
		// ستستأنف توزيع المساعدات إذا سمحت الظروف: a condition after the
		// action makes it hypothetical
		for i := h.last + 1; i < ct; i++ {
			if in(toks[i].norm, cues["conditional"]) {
				return "hypothetical"
			}
		}
	}
	if h.t.flags["noun"] || h.t.flags["sign"] {
		// التوقيع ... قد يتم، الاجتماع لن يتم: the verb after the noun
		for i := h.last + 1; i < ct && i <= h.last+6; i++ {
			if !toks[i].has(cues["passive-light"]...) {
				continue
			}
			switch {
			case strings.HasPrefix(toks[i].norm, "س"):
				return "future"
			case in(toks[i-1].norm, []string{"قد"}):
				return "hypothetical"
			case in(toks[i-1].norm, []string{"لم", "لن"}):
				return "negated"
			}
		}
	}
	// a verbal noun is negated through the verb that holds it (لم يعقد
	// المجلس جلسته) or a negative-polarity أي (لم تشهد المدينة أي اشتباكات)
	lv := -1
	if h.t.flags["noun"] {
		for j := h.first - 1; j >= cf && j >= h.first-4; j-- {
			if toks[j].has(cues["light"]...) {
				lv = j
				break
			}
		}
	}
	if h.first > cf && toks[h.first-1].has(cues["polarity"]...) {
		for j := h.first - 2; j >= cf; j-- {
			if in(toks[j].norm, cues["negation"]) {
				return "negated"
			}
		}
	}
	for i := h.first - 1; i >= 0 && i >= h.first-6; i-- {
		t := &toks[i]
		if t.punct {
			continue
		}
		if i < cf {
			// across a comma only the cues of a planned event reach
			// ("ومن المتوقع، أن يبحث")
			if t.has(cues["future"]...) && t.norm != "يتم" {
				return "future"
			}
			if t.has(cues["expected"]...) {
				return "expected"
			}
			continue
		}
		// لا سيما، لا يزال، لا بد are not negations
		near := (h.first-i <= 3 || (i < lv && lv-i <= 3)) && !(i+1 < len(toks) && toks[i+1].has(cues["not-negation"]...))
		w := t.norm
		switch {
		case near && in(w, cues["negation"]), in(w, cues["negation-far"]):
			if h.t.typ == "REJECT" || h.t.typ == "SANCTION" {
				// "لن يقبل" is itself a rejection
				return "asserted"
			}
			return "negated"
		case in(w, []string{"قد"}) && i+1 < len(toks):
			// قد + present is "may"; قد + past is "has"
			if v := []rune(toks[i+1].norm); len(v) > 2 && strings.ContainsRune(presPref, v[0]) {
				return "hypothetical"
			}
		case t.has(cues["future"]...) && (w != "يتم" || strings.HasPrefix(strings.TrimPrefix(w, "و"), "س")):
			return "future"
		case futureLight(t):
			// سيجري مباحثات، ستعقد قمة: the light verb carries the future
			return "future"
		case t.has(cues["expected"]...):
			return "expected"
		case t.has(cues["hypothetical"]...):
			return "hypothetical"
		}
	}
	return "asserted"
}

func in(w string, set []string) bool {
	w = strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")
	for _, s := range set {
		if s == w {
			return true
		}
	}
	return false
}

// futureLight reports a light verb with the future prefix: سيجري، ستعقد.
func futureLight(t *tok) bool {
	for _, v := range t.variants() {
		if v.future && slices.Contains(cues["light"], v.stem) {
			return true
		}
	}
	return false
}
