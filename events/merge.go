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
	if a.loc == nil || (a.loc.kind == "country" && b.loc != nil && b.loc.country == a.loc.country) {
		a.loc = b.loc // the town says more than the country
	}
	if a.ordinal == "" {
		a.ordinal = b.ordinal
	}
	return a
}

// sameAction reports whether b retells a: same type and modality, the same
// participants (or none named), compatible dates and the same round. ac and
// bc are their codes.
func sameAction(a, b draft, ac, bc []string) bool {
	if a.typ != b.typ || a.modality != b.modality {
		return false
	}
	if b.also {
		return false
	}
	switch {
	case b.definite && b.ordinal == "" && !(b.next && a.row != b.row):
		// الضربة، المحادثات: the action told before; "الجولة المقبلة"
		// retells only a telling of the same kind
	case a.ordinal != "" && a.ordinal == b.ordinal:
		// الجولة الرابعة told twice
	case slices.Equal(ac, bc):
	case a.date != nil && b.date != nil && a.date.first == b.date.first && overlap(ac, bc):
		// the same parties' action on the same day
	case verbal[a.typ] && len(bc) == 0:
		if a.row != b.row {
			return false
		}
	case !verbal[a.typ] && len(bc) == 0:
	case !verbal[a.typ] && len(ac) == 0 && b.lead && b.sent.start-a.sent.end <= 2:
		// the next sentence names who did it
	case material[a.typ] && len(ac) > 0 && len(bc) > 0 && (subset(ac, bc) || subset(bc, ac)):
	default:
		return false
	}
	if a.date != nil && b.date != nil && a.date.first != b.date.first {
		return false
	}
	if a.ordinal != b.ordinal && (b.ordinal != "" || !b.definite) {
		return false // الجولة السابعة is not the talks told before
	}

	return true
}

// merge joins the drafts of an article that tell one action in several
// sentences, keeping the first telling as the evidence.
func merge(ds []draft) []draft {
	var out []draft
	var codes [][]string // of out
next:
	for _, d := range ds {
		dc := d.codes()
		for i := range out {
			if out[i].sent != d.sent && sameAction(out[i], d, codes[i], dc) {
				out[i] = mergeInto(out[i], d)
				codes[i] = out[i].codes()
				continue next
			}
		}
		out = append(out, d)
		codes = append(codes, dc)
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

// overlap reports whether a and b share a code.
func overlap(a, b []string) bool {
	return slices.ContainsFunc(a, func(x string) bool { return slices.Contains(b, x) })
}
