package events

import (
	"slices"
	"sort"
)

// codes returns the sorted distinct actor codes of a draft.
func (d draft) codes() []string {
	var cs []string
	for _, p := range d.parts {
		if !slices.Contains(cs, p.code) {
			cs = append(cs, p.code)
		}
	}
	sort.Strings(cs)
	return cs
}

// mergeInto folds b, another telling of a's action, into a: participants are
// united, a keeps its evidence, and missing date or place are taken from b.
func mergeInto(a, b draft) draft {
	for _, p := range b.parts {
		if !slices.ContainsFunc(a.parts, func(q participant) bool { return q.code == p.code }) {
			a.parts = append(a.parts, p)
		}
	}
	if a.date == nil {
		a.date = b.date
	}
	if a.loc == nil {
		a.loc = b.loc
	}
	if a.ordinal == "" {
		a.ordinal = b.ordinal
	}
	a.weak = a.weak && b.weak
	return a
}

// sameAction reports whether b retells a: same type and modality, the same
// participants (or none named), compatible dates and the same round.
func sameAction(a, b draft) bool {
	if a.typ != b.typ || a.modality != b.modality {
		return false
	}
	if b.also {
		return false
	}
	ac, bc := a.codes(), b.codes()
	switch {
	case b.definite && b.ordinal == "":
		// الضربة، المحادثات: the action told before
	case a.ordinal != "" && a.ordinal == b.ordinal:
		// الجولة الرابعة told twice
	case slices.Equal(ac, bc):
	case verbal[a.typ] && len(bc) == 0:
		if a.row != b.row {
			return false
		}
	case !verbal[a.typ] && len(bc) == 0:
	case !verbal[a.typ] && len(ac) == 0 && b.sent.start-a.sent.end <= 2:
		// the next sentence names who did it
	case material[a.typ] && (subset(ac, bc) || subset(bc, ac)):
	default:
		return false
	}
	if a.date != nil && b.date != nil && a.date.first != b.date.first {
		return false
	}
	if a.ordinal != "" && b.ordinal != "" && a.ordinal != b.ordinal {
		return false
	}

	return true
}

// merge joins the drafts of an article that tell one action in several
// sentences, keeping the first telling as the evidence.
func merge(ds []draft) []draft {
	var out []draft
	for _, d := range ds {
		if i := slices.IndexFunc(out, func(x draft) bool { return x.sent != d.sent && sameAction(x, d) }); i >= 0 {
			out[i] = mergeInto(out[i], d)
			continue
		}
		out = append(out, d)
	}
	return out
}

// verbal marks the verbal types, whose retellings often name fewer parties.
var verbal = map[string]bool{"AGREE": true, "SUPPORT": true, "REQUEST": true, "ACCUSE": true,
	"REJECT": true, "THREATEN": true, "CONCEDE": true}

// subset reports whether every code of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
