package ner

import "strings"

// tagNames is the fixed tag set; the index of a tag is its id everywhere.
var tagNames = [numTags]string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

const numTags = 9

// tagO is the id of the outside tag.
const tagO = 0

// tagID maps a tag name to its id; unknown names become O.
func tagID(s string) int {
	for i, n := range tagNames {
		if n == s {
			return i
		}
	}
	return tagO
}

// isInside reports whether tag t is an I- tag.
func isInside(t int) bool { return t != tagO && t%2 == 0 }

// allowed reports whether tag t may follow tag prev (prev < 0 is the sentence
// start): an I-X continues only a B-X or I-X, so every decoded entity is well
// formed.
func allowed(prev, t int) bool {
	if !isInside(t) {
		return true
	}
	return prev == t || prev == t-1
}

// transOK[p][t] is allowed(p, t), with row numTags for the sentence start.
var transOK = func() (ok [numTags + 1][numTags]bool) {
	for p := range numTags + 1 {
		for t := range numTags {
			prev := p
			if p == numTags {
				prev = -1
			}
			ok[p][t] = allowed(prev, t)
		}
	}
	return ok
}()

// prevTags[t] lists the tags that t may follow, for Viterbi's inner loop.
var prevTags = func() (out [numTags][]int) {
	for t := range numTags {
		for p := range numTags {
			if transOK[p][t] {
				out[t] = append(out[t], p)
			}
		}
	}
	return out
}()

// repairTags rewrites tags in place the way conlleval reads them: an I-X that
// does not continue an X entity starts one, so it becomes B-X.
func repairTags(tags []int) {
	prev := -1
	for i, t := range tags {
		if !allowed(prev, t) {
			tags[i] = t - 1
		}
		prev = tags[i]
	}
}

// span is one entity as token indexes [start, end) with its type.
type span struct {
	start, end int
	typ        string
}

// spans reads entities from a tag sequence, conlleval style.
func spans(tags []string) []span {
	var out []span
	cur := -1
	curType := ""
	for i, t := range tags {
		pfx, typ, _ := strings.Cut(t, "-")
		cont := pfx == "I" && typ == curType && cur >= 0
		if cur >= 0 && !cont {
			out = append(out, span{cur, i, curType})
			cur, curType = -1, ""
		}
		if !cont && (pfx == "B" || pfx == "I") && typ != "" {
			cur, curType = i, typ
		}
	}
	if cur >= 0 {
		out = append(out, span{cur, len(tags), curType})
	}
	return out
}
