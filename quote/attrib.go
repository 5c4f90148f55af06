package quote

import (
	"sort"

	"github.com/masar-project/masar/text"
)

// maxSpeaker caps a speaker phrase in tokens.
const maxSpeaker = 10

// clauseWindow is how far, in code points, attribution is looked for before
// the opening mark and after the closing one.
const clauseWindow = 400

// tokens tokenises the article slice [a, b), with article offsets. Callers
// keep their slices short (a sentence, a bounded window), so that memory
// stays proportional to a sentence and not to the article.
func (d *doc) tokens(a, b int) []text.Token {
	if a >= b {
		return nil
	}
	if d.toks != nil {
		// The article's own tokens: those wholly inside [a, b). The capacity
		// limit keeps a caller's append from overwriting the shared slice.
		i := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= a })
		j := i
		for j < len(d.toks) && d.toks[j].End <= b {
			j++
		}
		return d.toks[i:j:j]
	}
	ts := text.Tokenize(d.s[d.bo[a]:d.bo[b]])
	for i := range ts {
		ts[i].Start += a
		ts[i].End += a
	}
	return ts
}

// attribution is what the text around a quote says about its speaker.
type attribution struct {
	found   bool   // a cue was found
	speaker Span   // empty: continue the previous speaker
	verb    string // the cue as written
}

// direct decides whether a pair of marks is a quotation and attributes it.
func (d *doc) direct(p pair, pairs []pair) (Quote, bool) {
	in := d.span(p.inStart, p.inEnd)
	if in.Text == "" {
		return Quote{}, false
	}
	words := countWords(d.tokens(in.Start, in.End))
	if p.inEnd == p.close && words < 4 {
		return Quote{}, false // an unclosed short mark is noise
	}
	sStart, sEnd := d.sentenceAt(p.open)
	if p.open < sStart {
		sStart = p.open
	}
	whole := p.open <= d.firstNonBlank(sStart) && words >= 4
	// attribution is looked for near the quote only, so that an article
	// without sentence ends costs linear time
	sStart = max(sStart, p.open-clauseWindow)
	sEnd = min(max(sEnd, p.close), p.close+clauseWindow)
	// the clause: from the sentence start or the previous quote in it
	cStart := sStart
	// pairs do not overlap and are in text order: the one before p is the
	// last that closes before it opens
	if k := sort.Search(len(pairs), func(i int) bool { return pairs[i].close > p.open }); k > 0 && pairs[k-1].close > cStart {
		cStart = pairs[k-1].close
	}
	before := d.tokens(cStart, p.open)
	var prev text.Token
	if len(before) > 0 {
		prev = before[len(before)-1]
	}
	colon := prev.Kind == text.Punct && (prev.Norm == ":")
	if colon && len(before) > 1 {
		prev = before[len(before)-2]
	}
	if cueOf(prev)&name != 0 {
		return Quote{}, false
	}
	a := d.attribute(before)
	if !a.found && cStart > sStart {
		a = d.attribute(d.tokens(sStart, p.open)) // a cue earlier in the sentence
	}
	if !a.found {
		a = d.attributeAfter(p.close, sEnd)
	}
	if !a.found && colon {
		a = attribution{found: true, speaker: d.headline(before)}
	}
	if !a.found && !whole {
		return Quote{}, false
	}
	if words <= 3 && !colon && !complement(prev) {
		return Quote{}, false
	}
	if words <= 7 && !colon && d.continuesAfter(p.close, sEnd) {
		return Quote{}, false // أن "جبهة الإنقاذ" شنت هجوماً: a name used in a clause
	}
	if words <= 7 && !colon && prev.Kind == text.Word && isPreposition(prev.Norm) {
		return Quote{}, false // أشار إلى "هيئة ..." names a body
	}
	// an empty speaker continues the previous one (Find)
	return Quote{Text: in, Direct: true, Speaker: a.speaker, Verb: a.verb}, true
}

// continuesAfter reports whether the sentence goes on with a word right
// after the closing mark, other than an attribution (، قال).
func (d *doc) continuesAfter(close, sEnd int) bool {
	ts := d.tokens(close, min(sEnd, close+40)) // the first word is enough
	if len(ts) == 0 || ts[0].Kind != text.Word {
		return false
	}
	return cueOf(ts[0])&(verb|adverbial|according) == 0
}

// complement reports a word after which even a one-word quote is what was
// said: إن/أن "...", كان "...", وصفه بـ"...".
func complement(t text.Token) bool {
	switch t.Norm {
	case "ان", "بان", "انه", "انها", "كان", "كانت", "ب", "بانه", "بانها", "يكون", "تكون":
		return true
	}
	return t.Kind == text.Punct && (t.Norm == "," || t.Norm == "-")
}

func isPreposition(w string) bool {
	switch w {
	case "الي", "في", "من", "عن", "مع", "حول", "ضد", "لدي":
		return true
	}
	return false
}

func countWords(ts []text.Token) int {
	n := 0
	for _, t := range ts {
		if t.Kind == text.Word || t.Kind == text.Number || t.Kind == text.Latin {
			n++
		}
	}
	return n
}

func (d *doc) firstNonBlank(i int) int {
	for i < len(d.rs) && isBlank(d.rs[i]) {
		i++
	}
	return i
}

// attribute looks for the last cue in the tokens before a quote and reads
// its speaker.
func (d *doc) attribute(ts []text.Token) attribution {
	for i := len(ts) - 1; i >= 0; i-- {
		c := cueOf(ts[i])
		switch {
		case c&verb != 0:
			return attribution{found: true, verb: ts[i].Text, speaker: d.subjectOrEarlier(ts, i)}
		case c&according != 0:
			j := i + 1
			if j < len(ts) && ts[j].Norm == "ما" {
				continue // حسب ما ذكر X: the verb after it carries the subject
			}
			if j < len(ts) && ts[j].Kind == text.Punct {
				continue
			}
			return attribution{found: true, verb: ts[i].Text, speaker: d.phrase(ts, j)}
		case c&adverbial != 0:
			// مضيفاً، معتبرةً: the participle goes on with the clause's subject
			return attribution{found: true, verb: ts[i].Text, speaker: d.earlierOrMain(ts, i)}
		}
	}
	return attribution{}
}

// subjectOrEarlier is the subject of the verb at ts[i] or, for a bare verb
// (ورأى أن، وقال إن), the subject of an earlier verb in the same sentence.
func (d *doc) subjectOrEarlier(ts []text.Token, i int) Span {
	if s := d.subject(ts, i); s.Text != "" {
		return s
	}
	return d.earlierOrMain(ts, i)
}

// earlierOrMain is the speaker of an earlier speech verb before ts[i] or,
// without one, the subject of the verb that opens the sentence: in "رحب
// المبعوث بالجولة، وقال:" and "رفضت الوزارة الانتقادات، معتبرة أن" the
// speaker is the sentence's subject, not the previous quote's speaker.
func (d *doc) earlierOrMain(ts []text.Token, i int) Span {
	if s := d.earlier(ts, i); s.Text != "" {
		return s
	}
	return d.mainSubject(ts, i)
}

// maxFronted caps the fronted phrase (وفي جنيف، من جهته، ميدانياً،) that
// may precede a sentence's first verb.
const maxFronted = 4

// mainSubject is the phrase after the first word of the sentence ts[:i]
// (after a fronted phrase closed by a comma): in news Arabic that word is
// the verb and the phrase its subject. Empty when that word is ts[i] itself
// or a word that starts no clause of its own (أن، قد); كان is read as the
// verb it carries.
func (d *doc) mainSubject(ts []text.Token, i int) Span {
	v := 0
	for k := 0; k < i && k <= maxFronted; k++ {
		if ts[k].Kind == text.Punct && ts[k].Norm == "," {
			v = k + 1
			break
		}
	}
	if v >= i || ts[v].Kind != text.Word {
		return Span{}
	}
	if w, _ := cutConj(ts[v].Norm); cueOf(ts[v])&(stop|according|adverbial) != 0 && w != "كان" && w != "كانت" {
		return Span{} // وكان X قد رفض: the subject follows كان
	}
	sp, k := d.phraseEnd(ts, v+1)
	if k > i {
		return Span{}
	}
	return sp
}

// earlier is the speaker of the nearest speech verb before ts[i] that has an
// explicit subject, or a document that is the subject of the clause (أن
// البيان الختامي لم يتطرق ...، واكتفى بالإشارة إلى): the document, not a
// person the sentence mentions, is what speaks.
func (d *doc) earlier(ts []text.Token, i int) Span {
	for k := i - 1; k >= 0; k-- {
		if cueOf(ts[k])&verb != 0 {
			if s := d.documentBefore(ts, k); s.Text != "" {
				return s // البيان الختامي جاء عاماً: the document is the subject
			}
			if s := d.subject(ts, k); s.Text != "" {
				return s
			}
		}
		if s := d.document(ts, k); s.Text != "" {
			return s
		}
	}
	return Span{}
}

// documentBefore is a document phrase that ends right before ts[k].
func (d *doc) documentBefore(ts []text.Token, k int) Span {
	for j := k - 1; j >= 0 && k-j <= 3; j-- {
		if s := d.document(ts, j); s.Text != "" && s.End == ts[k-1].End {
			return s
		}
	}
	return Span{}
}

// document reads a document that is a clause's subject at ts[k]: a definite
// البيان، الإعلان، الوثيقة or الرسالة at the start of a clause (after a comma,
// أن, لكن, كما or كان), with its definite adjectives (الختامي) and what it
// belongs to (للمؤتمر، لمؤتمر الرياض). After a preposition (ورد على البيان)
// the document is not the subject.
func (d *doc) document(ts []text.Token, k int) Span {
	t := ts[k]
	p := t.Proclitics
	if hasConj(t) {
		p = p[1:]
	}
	if t.Kind != text.Word || !isDocument(t.Stem) || len(p) != 1 || p[0] != "ال" {
		return Span{} // not بالبيان، للبيان: a preposition's object
	}
	if k > 0 && !opensClause(ts[k-1]) {
		return Span{}
	}
	e := k + 1
	for e < len(ts) && e-k < maxSpeaker && ts[e].Kind == text.Word && cueOf(ts[e]) == 0 {
		p := ts[e].Proclitics
		if len(p) == 1 && p[0] == "ال" {
			e++ // الختامي
			continue
		}
		if len(p) > 0 && p[0] == "ل" && isGathering(ts[e].Stem) {
			// للمؤتمر، لمؤتمر الرياض: the gathering's name goes with it
			_, e = d.phraseEnd(ts, e)
		}
		break
	}
	return d.span(t.Start, ts[e-1].End)
}

func isDocument(stem string) bool {
	switch stem {
	case "بيان", "اعلان", "وثيقه", "رساله":
		return true
	}
	return false
}

func isGathering(stem string) bool {
	switch stem {
	case "موتمر", "اجتماع", "قمه", "ملتقي", "منتدي":
		return true
	}
	return false
}

// opensClause reports whether a word or mark before a noun makes the noun
// the start of a clause, where it is the subject.
func opensClause(t text.Token) bool {
	if t.Kind == text.Punct {
		return t.Norm == "," || t.Norm == "." || t.Norm == ":"
	}
	w, _ := cutConj(t.Norm)
	switch w {
	case "ان", "لكن", "كما", "كان", "كانت", "ثم", "اما", "بينما", "فيما":
		return true
	}
	return false
}

// attributeAfter reads «...»، قال X: a speech verb right after the closing
// mark, possibly after a comma.
func (d *doc) attributeAfter(from, to int) attribution {
	ts := d.tokens(from, to)
	i := 0
	for i < len(ts) && ts[i].Kind == text.Punct && ts[i].Norm == "," {
		i++
	}
	if i >= len(ts) {
		return attribution{}
	}
	c := cueOf(ts[i])
	if c&verb != 0 {
		return attribution{found: true, verb: ts[i].Text, speaker: d.subject(ts, i)}
	}
	if c&according != 0 {
		// «...»، وفق ما نقلت الوكالة عن الوزير / بحسب الوزير
		if i+2 < len(ts) && ts[i+1].Norm == "ما" && cueOf(ts[i+2])&verb != 0 {
			return attribution{found: true, verb: ts[i+2].Text, speaker: d.subject(ts, i+2)}
		}
		return attribution{found: true, verb: ts[i].Text, speaker: d.phrase(ts, i+1)}
	}
	return attribution{}
}

// subject is the speaker of the verb at ts[i]: the phrase after it (جاء في
// البيان: the phrase after في), or, when the verb has none, a short noun
// phrase right before it (مسؤولون أمريكيون قالوا).
func (d *doc) subject(ts []text.Token, i int) Span {
	j := i + 1
	if w, _ := cutConj(ts[i].Norm); (w == "جاء" || ts[i].Norm == "جاء") && j < len(ts) && ts[j].Norm == "في" {
		j++
	}
	s, k := d.phraseEnd(ts, j)
	if w, _ := cutConj(ts[i].Norm); (w == "نقل" || w == "نقلت") && k+1 < len(ts) && ts[k].Norm == "عن" {
		// نقلت الوكالة عن الوزير قوله: the one quoted is after عن
		if x := d.phrase(ts, k+1); x.Text != "" {
			return x
		}
	}
	if s.Text != "" {
		return s
	}
	if hasConj(ts[i]) {
		return Span{}
	}
	// كان X قد قال، فيما كان مسؤولون قالوا: a subject before a verb
	// without a conjunction, back to the clause start or a stop word
	e := i
	if e > 0 && ts[e-1].Norm == "قد" {
		e--
	}
	k = e
	for k > 0 && e-k < 5 {
		t := ts[k-1]
		if t.Kind != text.Word || cueOf(t)&(stop|verb|according|adverbial) != 0 || hasConj(t) {
			break
		}
		k--
	}
	if k < e && (k == 0 || ts[k-1].Kind == text.Punct || cueOf(ts[k-1])&stop != 0 && !isThat(ts[k-1].Norm) && ts[k-1].Norm != "بان") {
		return d.span(ts[k].Start, ts[e-1].End)
	}
	return Span{}
}

// phrase reads a speaker phrase starting at ts[j]: it ends at punctuation
// (except a hyphen), أن/إن, a preposition starting a complement (في، خلال،
// لوكالة) or another cue.
func (d *doc) phrase(ts []text.Token, j int) Span {
	sp, _ := d.phraseEnd(ts, j)
	return sp
}

// phraseEnd is phrase that also returns the index of the token after it.
func (d *doc) phraseEnd(ts []text.Token, j int) (Span, int) {
	k := j
	for ; k < len(ts) && k-j < maxSpeaker; k++ {
		t := ts[k]
		if t.Norm == "\"" && k > j && cueOf(ts[k-1])&name != 0 {
			// صحيفة "الوطن": the outlet's name in marks belongs to the phrase
			if e := closingMark(ts, k); e > 0 {
				k = e
				continue
			}
		}
		if t.Kind == text.Punct && t.Norm != "-" || t.Kind == text.Symbol || t.Kind == text.Number {
			break
		}
		c := cueOf(t)
		if c&(verb|according|adverbial) != 0 {
			break
		}
		if c&stop != 0 {
			if t.Norm == "الي" && !(k+1 < len(ts) && cueOf(ts[k+1])&stop != 0 && isThat(ts[k+1].Norm)) {
				continue // مبعوث الأمم المتحدة إلى سوريا
			}
			break
		}
		if len(t.Proclitics) > 0 && t.Proclitics[0] == "ل" && cues[t.Stem]&medium != 0 {
			break // لوكالة، للصحفيين
		}
		if len(t.Proclitics) > 0 && t.Proclitics[0] == "ب" && (len(t.Enclitics) > 0 || cues[t.Stem]&stop != 0) {
			break // بدوره، بنفسه، بشأن; a name such as بوريس goes on
		}
	}
	if k == j {
		return Span{}, k
	}
	return d.span(ts[j].Start, ts[k-1].End), k
}

// closingMark finds the mark that closes a short name opened at ts[k].
func closingMark(ts []text.Token, k int) int {
	for e := k + 1; e < len(ts) && e-k <= 6; e++ {
		if ts[e].Norm == "\"" {
			return e
		}
		if ts[e].Kind == text.Punct {
			return -1
		}
	}
	return -1
}

func isThat(w string) bool {
	switch w {
	case "ان", "انه", "انها", "انهم":
		return true
	}
	return false
}

// headline reads 'لافروف: "..."' without a verb: up to four words before the
// colon.
func (d *doc) headline(before []text.Token) Span {
	n := len(before) - 1 // the colon
	k := n
	for k > 0 && n-k < 4 && before[k-1].Kind == text.Word && cueOf(before[k-1])&stop == 0 {
		k--
	}
	if k < n-1 && hasConj(before[k]) {
		k++ // وتساءل النائب: a verb we do not list
	}
	if k == n {
		return Span{}
	}
	return d.span(before[k].Start, before[n-1].End)
}
