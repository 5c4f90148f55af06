package ingest

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// page is what an HTML document yields: the article's text and metadata.
type page struct {
	Title, Published, Byline, Canonical, Lang, Text string
}

// decodeHTML turns an HTML document into UTF-8, using the HTTP header's
// charset, else the page's own declaration, else the bytes themselves.
func decodeHTML(raw []byte, contentType string) (string, string, error) {
	declared := contentTypeCharset(contentType)
	if declared == "" {
		head := raw
		if len(head) > 1024 {
			head = head[:1024]
		}
		if bytes.Contains(bytes.ToLower(head), []byte("charset")) {
			_, declared, _ = charset.DetermineEncoding(head, "")
		}
	}
	return decodeText(raw, declared)
}

// parsePage reads an article out of an HTML document; base resolves relative
// canonical links and may be nil.
func parsePage(doc string, base *url.URL) page {
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil { // html.Parse only fails on reader errors
		return page{}
	}
	var m metaScan
	m.scan(root)
	p := page{
		Title:     firstNonEmpty(m.ogTitle, m.ldHeadline, m.h1, cleanTitle(m.title)),
		Published: firstNonEmpty(parseDate(m.published), parseDate(m.ldPublished), parseDate(m.timePub), parseDate(m.modified), parseDate(m.timeAny)),
		Byline:    firstNonEmpty(m.byline, m.ldAuthor, m.bylineText),
		Canonical: resolve(base, firstNonEmpty(m.canonical, m.ogURL)),
		Lang:      primaryLang(firstNonEmpty(m.lang, m.ogLocale)),
	}
	p.Text = mainText(root, p.Title)
	return p
}

// fragmentText renders an HTML fragment (a feed item's content) as text with
// one paragraph per line.
func fragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	return renderText(root, "")
}

// metaScan collects metadata candidates from one pass over the tree.
type metaScan struct {
	title, ogTitle, ldHeadline, h1   string
	published, ldPublished, modified string
	timePub, timeAny                 string
	byline, ldAuthor, bylineText     string
	canonical, ogURL, lang, ogLocale string
	inArticle                        int
}

var publishedKeys = map[string]bool{
	"article:published_time": true, "og:article:published_time": true, "og:published_time": true,
	"datepublished": true, "pubdate": true, "publishdate": true, "publish-date": true,
	"publish_date": true, "date": true, "dc.date": true, "dc.date.issued": true,
	"dcterms.created": true, "dcterms.issued": true, "sailthru.date": true,
	"parsely-pub-date": true, "article.published": true, "citation_publication_date": true,
	"release_date": true, "original-publish-date": true,
}

var modifiedKeys = map[string]bool{
	"article:modified_time": true, "og:updated_time": true, "datemodified": true,
	"last-modified": true, "dcterms.modified": true,
}

var authorKeys = map[string]bool{
	"author": true, "article:author": true, "dc.creator": true, "byl": true,
	"sailthru.author": true, "parsely-author": true,
}

func (m *metaScan) scan(n *html.Node) {
	if n.Type == html.ElementNode {
		m.element(n)
		if n.DataAtom == atom.Article {
			m.inArticle++
			defer func() { m.inArticle-- }()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.scan(c)
	}
}

func (m *metaScan) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Html:
		m.lang = attr(n, "lang")
	case atom.Title:
		if m.title == "" {
			m.title = collapse(textOf(n))
		}
	case atom.H1:
		if m.h1 == "" && (m.inArticle > 0 || hasItemprop(n, "headline")) {
			m.h1 = collapse(textOf(n))
		}
	case atom.Link:
		if hasToken(attr(n, "rel"), "canonical") && m.canonical == "" {
			m.canonical = attr(n, "href")
		}
	case atom.Meta:
		m.meta(n)
		return
	case atom.Time:
		dt := firstNonEmpty(attr(n, "datetime"), collapse(textOf(n)))
		if hasItemprop(n, "datePublished") || hasAttr(n, "pubdate") {
			if m.timePub == "" {
				m.timePub = dt
			}
		} else if m.timeAny == "" {
			m.timeAny = dt
		}
	case atom.Script:
		if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
			m.jsonLD(textOf(n))
		}
		return
	}
	if hasItemprop(n, "datePublished") && m.published == "" {
		m.published = firstNonEmpty(attr(n, "datetime"), attr(n, "content"), collapse(textOf(n)))
	}
	if m.bylineText == "" && (hasItemprop(n, "author") || hasToken(attr(n, "rel"), "author") || classHint(n, bylineHints, true)) {
		if t := collapse(textOf(n)); t != "" && utf8.RuneCountInString(t) <= 80 {
			m.bylineText = t
		}
	}
}

func (m *metaScan) meta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, k := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")} {
		k = strings.ToLower(strings.TrimSpace(k))
		switch {
		case k == "":
		case k == "og:title" || k == "twitter:title":
			setOnce(&m.ogTitle, content)
		case k == "og:url":
			setOnce(&m.ogURL, content)
		case k == "og:locale" || k == "content-language" || k == "language":
			setOnce(&m.ogLocale, content)
		case publishedKeys[k]:
			setOnce(&m.published, content)
		case modifiedKeys[k]:
			setOnce(&m.modified, content)
		case authorKeys[k]:
			// article:author is often a profile URL rather than a name.
			if !isURL(content) {
				setOnce(&m.byline, content)
			}
		}
	}
}

// jsonLD reads schema.org metadata: the first object with a publication
// date or headline, looking inside arrays and @graph.
func (m *metaScan) jsonLD(src string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if s, ok := x["datePublished"].(string); ok {
				setOnce(&m.ldPublished, s)
			}
			if s, ok := x["headline"].(string); ok {
				setOnce(&m.ldHeadline, collapse(html.UnescapeString(s)))
			}
			if a := ldName(x["author"]); a != "" {
				setOnce(&m.ldAuthor, a)
			}
		}
	}
	visit(v, 0)
}

// ldName reads a schema.org author: a string, an object with a name, or a
// list of those, joined with " و".
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		s, _ := x["name"].(string)
		return strings.TrimSpace(s)
	case []any:
		var names []string
		for _, e := range x {
			if s := ldName(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, " و")
	}
	return ""
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

// dropped elements never hold article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Aside: true, atom.Footer: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Form: true, atom.Button: true, atom.Select: true,
	atom.Input: true, atom.Textarea: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Head: true, atom.Figcaption: true, atom.Menu: true,
	atom.Dialog: true,
}

var droppedRoles = map[string]bool{
	"navigation": true, "complementary": true, "banner": true, "contentinfo": true,
	"menu": true, "menubar": true, "search": true, "dialog": true,
}

// boilerHints are class or id words of page furniture around an article.
var boilerHints = map[string]bool{
	"share": true, "sharing": true, "social": true, "related": true, "comments": true,
	"comment": true, "tags": true, "breadcrumb": true, "breadcrumbs": true, "ad": true,
	"ads": true, "advert": true, "advertisement": true, "newsletter": true,
	"subscribe": true, "promo": true, "sidebar": true, "widget": true, "popup": true,
	"cookie": true, "cookies": true, "nav": true, "navbar": true, "menu": true,
	"footer": true, "masthead": true, "most-read": true, "trending": true,
	// the article's own furniture: byline, date line, captions
	"byline": true, "meta": true, "dateline": true, "timestamp": true, "date": true,
	"author": true, "caption": true, "credit": true, "credits": true,
}

// contentHints are whole class or id words of an article's own container;
// they outweigh boilerHints, which also match parts of words ("post-tags"
// is furniture, "post-content" is not).
var contentHints = map[string]bool{
	"article": true, "content": true, "body": true, "text": true, "articlebody": true,
	"article-body": true, "article-content": true, "article-text": true, "entry-content": true,
	"post-content": true, "post-body": true, "story-body": true, "story-content": true,
	"news-content": true, "news-text": true, "main-content": true,
}

var bylineHints = map[string]bool{"byline": true, "author": true, "writer": true, "author-name": true}

// skip reports an element whose subtree is not article text.
func skip(n *html.Node) bool {
	if n.Type == html.CommentNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	if dropped[n.DataAtom] || droppedRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	for _, p := range []string{"author", "datePublished", "dateModified", "publisher"} {
		if hasItemprop(n, p) {
			return true // metadata shown on the page, read by metaScan
		}
	}
	if st := strings.ToLower(attr(n, "style")); strings.Contains(strings.ReplaceAll(st, " ", ""), "display:none") {
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false // page-wide classes like "nav-open" say nothing about the text
	}
	return classHint(n, boilerHints, true) && !classHint(n, contentHints, false)
}

// classHint reports whether a class or id word of n is one of hints; with
// parts, the pieces of a word split on '-' and '_' count too.
func classHint(n *html.Node, hints map[string]bool, parts bool) bool {
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		for _, w := range strings.Fields(strings.ToLower(v)) {
			if hints[w] {
				return true
			}
			if !parts {
				continue
			}
			for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '_' }) {
				if hints[p] {
					return true
				}
			}
		}
	}
	return false
}

// minArticleRunes is the paragraph text below which an <article> element
// is doubted as the page's story.
const minArticleRunes = 200

// mainText finds the element that holds the article and renders it: an
// element marked itemprop=articleBody, else the <article> with the most
// paragraph text, else the densest block of paragraphs; failing all, the
// whole body.
func mainText(root *html.Node, title string) string {
	var body, best *html.Node
	var articles []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case skip(n):
				return
			case body == nil && n.DataAtom == atom.Body:
				body = n
			case best == nil && hasItemprop(n, "articleBody"):
				best = n
			case n.DataAtom == atom.Article:
				articles = append(articles, n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if best == nil {
		bestLen := 0
		for _, a := range articles {
			if l := paragraphText(a); l > bestLen {
				best, bestLen = a, l
			}
		}
		// Some sites wrap only teasers in <article> and write the story
		// elsewhere: a short <article> yields to a much denser block.
		if bestLen < minArticleRunes {
			if d := densest(root); d != nil && contentLen(d) > 2*bestLen {
				best = d
			}
		}
	}
	if best != nil {
		if t := renderText(best, title); t != "" {
			return t
		}
	}
	if body == nil {
		body = root
	}
	return renderText(body, title)
}

// paragraphText measures the non-link text in the <p> elements under n.
func paragraphText(n *html.Node) int {
	total := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if skip(n) {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			total += contentLen(n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return total
}

// densest scores every paragraph-like piece of text (a <p>, or text written
// straight into a <div> or <td> with <br> breaks) by its length without
// links, credits its parent in full and its grandparent by half, and returns
// the best-credited element: the block where the article's prose sits.
func densest(root *html.Node) *html.Node {
	score := map[*html.Node]int{}
	var order []*html.Node
	credit := func(n *html.Node, v int) {
		if n == nil || n.Type != html.ElementNode {
			return
		}
		if _, ok := score[n]; !ok {
			order = append(order, n)
		}
		score[n] += v
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if skip(n) {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.P, atom.Pre, atom.Blockquote:
				if l := contentLen(n); l > 0 {
					credit(n.Parent, l)
					if n.Parent != nil {
						credit(n.Parent.Parent, l/2)
					}
				}
				return
			case atom.Div, atom.Td, atom.Section, atom.Main, atom.Span, atom.Font, atom.Center:
				if l := directTextLen(n); l >= 25 {
					credit(n, l)
					credit(n.Parent, l/2)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	var best *html.Node
	for _, n := range order { // document order breaks ties the same way every run
		if best == nil || score[n] > score[best] {
			best = n
		}
	}
	return best
}

// contentLen is the length in runes of the text under n outside links.
func contentLen(n *html.Node) int {
	l := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case skip(n):
			return
		case n.Type == html.TextNode:
			l += utf8.RuneCountInString(strings.TrimSpace(n.Data))
		case n.Type == html.ElementNode && n.DataAtom == atom.A:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return l
}

// directTextLen is the length of the text nodes that are n's own children,
// plus its inline non-link children, the shape of <br>-separated prose.
func directTextLen(n *html.Node) int {
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			l += utf8.RuneCountInString(strings.TrimSpace(c.Data))
		case c.Type == html.ElementNode && inline[c.DataAtom] && c.DataAtom != atom.A:
			l += contentLen(c)
		}
	}
	return l
}

// inline elements continue the current line of text.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.Font: true, atom.I: true, atom.Kbd: true, atom.Mark: true, atom.Q: true,
	atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strong: true,
	atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
	atom.Ins: true, atom.Del: true, atom.Label: true, atom.Img: true, atom.Wbr: true,
}

// renderText writes the text under n, one paragraph per line: block
// elements and <br> end a line, inline elements continue it. The heading
// that repeats the title and link-dense lines ("read also: ...") are left out.
func renderText(n *html.Node, title string) string {
	r := textRenderer{title: collapse(title)}
	r.walk(n)
	r.flush()
	return strings.Join(r.paras, "\n")
}

type textRenderer struct {
	title    string
	paras    []string
	line     strings.Builder
	linkRune int  // runes of link text in line
	inP      int  // depth of <p> elements
	lastBR   bool // nothing but white space since a <br> inside <p>
}

func (r *textRenderer) walk(n *html.Node) {
	if skip(n) {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.line.WriteString(n.Data)
		if strings.TrimSpace(n.Data) != "" {
			r.lastBR = false
		}
		return
	case html.ElementNode:
		if n.DataAtom == atom.Hr {
			r.flush()
			return
		}
		if n.DataAtom == atom.Br {
			// Inside <p> one <br> only wraps a line and two end a
			// paragraph; in <br>-separated prose one ends a paragraph.
			if r.inP == 0 || r.lastBR {
				r.flush()
			} else {
				r.line.WriteByte(' ')
				r.lastBR = true
			}
			return
		}
		if n.DataAtom == atom.Time && r.inP == 0 {
			return // a date line, not a date inside a sentence
		}
		if n.DataAtom == atom.P {
			r.inP++
			defer func() { r.inP-- }()
		}
		if n.DataAtom == atom.A {
			before := r.line.Len()
			r.children(n)
			if r.line.Len() >= before { // a block inside the link may have flushed the line
				r.linkRune += utf8.RuneCountInString(strings.TrimSpace(r.line.String()[before:]))
			}
			return
		}
		if !inline[n.DataAtom] {
			r.flush()
			r.children(n)
			if n.DataAtom == atom.H1 && collapse(r.line.String()) == r.title {
				r.line.Reset() // the headline is the title, not body text
				r.linkRune = 0
			}
			r.flush()
			return
		}
	}
	r.children(n)
}

func (r *textRenderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

func (r *textRenderer) flush() {
	s := collapse(r.line.String())
	links := r.linkRune
	r.line.Reset()
	r.linkRune, r.lastBR = 0, false
	if s == "" {
		return
	}
	if n := utf8.RuneCountInString(s); links*10 > n*6 && len(r.paras) > 0 {
		return // a line that is mostly links is navigation, once prose has begun
	}
	r.paras = append(r.paras, s)
}

// collapse trims s and turns every run of white space (and zero-width
// space or stray BOM) into one space.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// textOf is all the text under n, as written.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasItemprop(n *html.Node, prop string) bool {
	for _, p := range strings.Fields(attr(n, "itemprop")) {
		if strings.EqualFold(p, prop) {
			return true
		}
	}
	return false
}

// hasToken reports whether the space-separated list v holds tok.
func hasToken(v, tok string) bool {
	for _, f := range strings.Fields(v) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// cleanTitle removes a site name that follows the headline in <title>.
func cleanTitle(t string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " « "} {
		if i := strings.LastIndex(t, sep); i > 0 && utf8.RuneCountInString(t[:i]) >= 15 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

// primaryLang turns "ar-SY", "ar_AR" or "AR" into "ar".
func primaryLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_ ,;"); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	return s
}

// resolve makes ref absolute against base; it returns ref unchanged when it
// cannot.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || base == nil {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return base.ResolveReference(u).String()
}
