// Package quote finds quotations in an Arabic news article and attributes
// them to their speakers: direct quotes in every mark style, and reported
// speech (قال إن ...).
package quote

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/masar-project/masar/text"
)

// Span is a piece of the article text; Start and End count code points, End
// exclusive.
type Span struct {
	Text       string
	Start, End int
}

// Quote is one quotation.
type Quote struct {
	Text    Span   // the quoted words, without the marks
	Direct  bool   // false for reported speech (قال إن ...)
	Speaker Span   // the speaker phrase as written; zero when unknown
	Verb    string // the attribution verb as written
}

// maxQuote caps a quote whose closing mark never comes, so that a stray mark
// cannot swallow the article.
const maxQuote = 1500

// doc is an article prepared for attribution.
type doc struct {
	s     string
	rs    []rune
	bo    []int32 // byte offset of each code point, and len(s)
	sents []text.Sentence
	toks  []text.Token // the article's tokens when the caller has them, else nil
	idx   *bodies      // built on first use
}

func newDoc(s string) *doc {
	n := utf8.RuneCountInString(s)
	d := &doc{s: s, rs: make([]rune, 0, n), bo: make([]int32, 0, n+1)}
	for i, r := range s {
		d.rs = append(d.rs, r)
		d.bo = append(d.bo, int32(i))
	}
	d.bo = append(d.bo, int32(len(s)))
	return d
}

func (d *doc) span(a, b int) Span {
	for a < b && isBlank(d.rs[a]) {
		a++
	}
	for b > a && isBlank(d.rs[b-1]) {
		b--
	}
	if a >= b {
		return Span{}
	}
	return Span{Text: d.s[d.bo[a]:d.bo[b]], Start: a, End: b}
}

// Find returns the quotes of s in text order: direct quotes between marks of
// any style (« » “ ” " and doubled ""), and reported speech after a speech
// verb and إن/أن. Marks around names and titles (بعنوان "..."، حزب "...")
// are not quotes. The speaker is the subject of the attribution verb before
// or after the quote; a bare verb or participle (وأضاف، مضيفاً) continues
// the previous speaker, whose Span is then repeated; a bare "البيان" becomes
// the body that issued the statement, and a bare head such as "الوزارة" the
// body's full name where the article gives it.
func Find(s string) []Quote {
	return FindIn(s, text.Sentences(s), nil)
}

// FindIn is Find for a caller that already has text.Sentences(s) and
// text.Tokenize(s) of s, so that the pipeline analyses an article once; with
// nil tokens it tokenises the pieces it reads itself.
func FindIn(s string, sents []text.Sentence, toks []text.Token) []Quote {
	d := newDoc(s)
	d.toks = toks
	d.sents = logicalSentences(d, sents)
	pairs := findPairs(d.rs)
	var items []item
	var quoted []pair // pairs that hold a quote, not a name or a stray mark
	for _, p := range pairs {
		if q, ok := d.direct(p, pairs); ok {
			quoted = append(quoted, p)
			items = append(items, item{pair: p, direct: true, q: q})
		}
	}
	items = append(items, d.reported(quoted)...)
	sortItems(items)

	var out []Quote
	var last Span
	for _, it := range items {
		q := it.q
		if q.Speaker.Text == "" {
			q.Speaker = last
		}
		q.Speaker = d.fullName(d.resolveStatement(q.Speaker, last))
		if q.Speaker.Text != "" {
			last = q.Speaker
		}
		out = append(out, q)
	}
	return out
}

// item is a direct-quote candidate or a reported-speech quote, in text order.
type item struct {
	pair   pair
	direct bool
	q      Quote
}

func (it item) pos() int {
	if it.direct {
		return it.pair.open
	}
	return it.q.Text.Start
}

func sortItems(items []item) {
	slices.SortStableFunc(items, func(a, b item) int { return a.pos() - b.pos() })
}

// logicalSentences merges sentences that a hard line wrap split: a line that
// does not end in a terminator or closing mark continues on the next line.
func logicalSentences(d *doc, ss []text.Sentence) []text.Sentence {
	var out []text.Sentence
	for _, s := range ss {
		if n := len(out); n > 0 {
			prev := out[n-1]
			gap := d.rs[prev.End:s.Start]
			if !endsSentence(d.rs[prev.End-1]) && countNewlines(gap) == 1 {
				out[n-1] = text.Sentence{Text: d.s[d.bo[prev.Start]:d.bo[s.End]], Start: prev.Start, End: s.End}
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func endsSentence(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '…', '»', '”', '"', ')', ':':
		return true
	}
	return false
}

func countNewlines(rs []rune) int {
	n := 0
	for _, r := range rs {
		if r == '\n' {
			n++
		}
	}
	return n
}

// sentenceAt returns the logical sentence that contains offset p.
func (d *doc) sentenceAt(p int) (int, int) {
	k := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].End > p })
	if k < len(d.sents) && d.sents[k].Start <= p {
		return d.sents[k].Start, d.sents[k].End
	}
	return p, p
}

func isBlank(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0xA0 || r == 0x200F || r == 0x200E
}
