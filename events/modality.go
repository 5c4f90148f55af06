package events

import (
	"slices"
	"strings"
)

// Modality cues, normalised. They are read only in the trigger's clause, a
// few words before the trigger, so that "لم" in one clause does not negate
// an event in the next.
var (
	negCues  = []string{"لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "بدون", "نفي", "نفت", "ينفي", "تنفي"}
	futCues  = []string{"سوف", "المقرر", "يعتزم", "تعتزم", "ينوي", "تنوي", "يستعد", "تستعد", "سيتم", "يتم"}
	expCues  = []string{"المتوقع", "يتوقع", "يرتقب", "المرتقب"}
	hypCues  = []string{"نامل", "يامل", "امل", "تامل", "اذا", "لو", "ربما", "يمكن", "الممكن", "يجب", "ينبغي", "لعل", "عسي"}
	farNeg   = []string{"عدم", "دون"}
	denials  = []string{"نفي", "نفت", "ينفي", "تنفي", "نفوا"}
	presPref = "يتن"
)

// modality reads the cues before trigger h in clause [cf, ct): negated,
// future, expected (من المتوقع, a planned meeting for CONSULT) or
// hypothetical; asserted otherwise.
func modality(toks []tok, cf, ct int, h hit) string {
	if h.future {
		return "future"
	}
	for i := h.first - 1; i >= cf; i-- {
		// نفى أن ... : the denial covers the rest of its clause
		if in(toks[i].norm, denials) && h.t.typ != "REJECT" {
			return "negated"
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
			if t.has(futCues...) && t.norm != "يتم" {
				return "future"
			}
			if t.has(expCues...) {
				return "expected"
			}
			continue
		}
		near := h.first-i <= 3 && !(i+1 < len(toks) && toks[i+1].norm == "سيما")
		w := t.norm
		switch {
		case near && in(w, negCues), in(w, farNeg):
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
		case t.has(futCues...) && (w != "يتم" || strings.HasPrefix(strings.TrimPrefix(w, "و"), "س")):
			return "future"
		case futureLight(t):
			// سيجري مباحثات، ستعقد قمة: the light verb carries the future
			return "future"
		case t.has(expCues...):
			return "expected"
		case t.has(hypCues...):
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
		if v.future && slices.Contains(lightVerbs, v.stem) {
			return true
		}
	}
	return false
}
