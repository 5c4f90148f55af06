package ingest

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParsePageText(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"densest block wins over menus and sidebars", `<body>
<div class="top"><a href="/1">سياسة</a> <a href="/2">اقتصاد</a> <a href="/3">رياضة</a></div>
<div class="side"><p>إعلان قصير.</p></div>
<div class="col"><p>الفقرة الأولى من الخبر وفيها ما يكفي من الكلمات لتكون نصاً.</p><p>الفقرة الثانية من الخبر تكمل الأولى.</p></div>
<div class="col2"><p>خبر آخر قصير.</p></div></body>`,
			"الفقرة الأولى من الخبر وفيها ما يكفي من الكلمات لتكون نصاً.\nالفقرة الثانية من الخبر تكمل الأولى."},
		{"br-separated prose", `<body><td><a href="/">الرئيسية</a></td><div>السطر الأول من الخبر المنشور في الصحيفة.<br>السطر الثاني من الخبر نفسه.<br/><br/>السطر الثالث.</div></body>`,
			"السطر الأول من الخبر المنشور في الصحيفة.\nالسطر الثاني من الخبر نفسه.\nالسطر الثالث."},
		{"br inside p wraps, two end a paragraph", `<body><p>جملة تبدأ هنا<br>وتنتهي هنا.<br><br>فقرة ثانية.</p></body>`,
			"جملة تبدأ هنا وتنتهي هنا.\nفقرة ثانية."},
		{"the longest article element", `<body><article><p>عنوان خبر مقترح قصير.</p></article>
<article><p>نص الخبر الرئيسي الطويل بما يكفي ليكون هو المقال المقصود في الصفحة.</p><p>وفقرته الثانية.</p></article>
<article><p>خبر مقترح آخر.</p></article></body>`,
			"نص الخبر الرئيسي الطويل بما يكفي ليكون هو المقال المقصود في الصفحة.\nوفقرته الثانية."},
		{"a teaser article yields to the story block", `<body><article><p>خبر مقترح قصير.</p></article>
<div class="story"><p>` + strings.Repeat("نص القصة الرئيسية المكتوبة خارج عنصر المقال ", 8) + `</p><p>فقرة ثانية من القصة.</p></div></body>`,
			strings.TrimSpace(strings.Repeat("نص القصة الرئيسية المكتوبة خارج عنصر المقال ", 8)) + "\nفقرة ثانية من القصة."},
		{"articleBody over a longer article element", `<body><article><p>` + strings.Repeat("تعليق القراء الطويل ", 20) + `</p>
<div itemprop="articleBody"><p>النص الموسوم بأنه جسم المقال.</p></div></article></body>`,
			"النص الموسوم بأنه جسم المقال."},
		{"hidden and furniture dropped", `<body><article><p>النص الظاهر من الخبر.</p><p style="display: none">نص مخفي</p>
<p hidden>نص مخفي آخر</p><div class="social-share">شارك على الشبكات</div><div class="post-tags">وسوم</div>
<div role="navigation">تنقل</div><script>var x = 1;</script><noscript>فعّل الجافاسكربت</noscript></article></body>`,
			"النص الظاهر من الخبر."},
		{"content class outweighs a furniture word", `<body><div class="post-content ad-free"><p>نص داخل حاوية المحتوى.</p></div></body>`,
			"نص داخل حاوية المحتوى."},
		{"link-dense lines after prose are dropped", `<body><article><p>جملة الخبر الأولى الطويلة نسبياً.</p>
<p>اقرأ أيضاً: <a href="/x">عنوان خبر آخر منشور في الموقع نفسه</a></p><p><a href="/y">رابط</a> في أول السطر لكن السطر طويل بما يكفي.</p></article></body>`,
			"جملة الخبر الأولى الطويلة نسبياً.\nرابط في أول السطر لكن السطر طويل بما يكفي."},
		{"entities and inline markup", `<body><p>قال &quot;نعم&quot;&nbsp;و<b>أكد</b> <i>ذلك</i> &amp; غادر.</p></body>`,
			"قال \"نعم\" وأكد ذلك & غادر."},
		{"headline repeated in the body is dropped", `<head><meta property="og:title" content="العنوان"></head><body><article><h1>العنوان</h1><p>النص.</p></article></body>`,
			"النص."},
		{"no body text at all", `<html><head><title>فارغ</title></head><body><nav><a href="/">الرئيسية</a></nav></body></html>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parsePage(tc.html, nil).Text; got != tc.want {
				t.Errorf("text:\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestParsePageMeta(t *testing.T) {
	base, _ := url.Parse("https://n.example/section/page.html")
	tests := []struct {
		name, html string
		want       page
	}{
		{"title cleaned of the site name", `<title>وزير الخارجية يصل إلى العاصمة - موقع الأخبار</title><p>نص</p>`,
			page{Title: "وزير الخارجية يصل إلى العاصمة", Text: "نص"}},
		{"short title kept whole", `<title>خبر - موقع</title><p>نص</p>`, page{Title: "خبر - موقع", Text: "نص"}},
		{"itemprop date and author, og locale, relative canonical", `<head><meta property="og:locale" content="ar_AR">
<link rel="canonical" href="../story/1"></head><body><span itemprop="datePublished" content="2020-01-02T10:00:00+02:00">2 يناير</span>
<span itemprop="author">رنا</span><p>نص</p></body>`,
			page{Published: "2020-01-02", Byline: "رنا", Lang: "ar", Canonical: "https://n.example/story/1", Text: "نص"}},
		{"time pubdate over other times", `<body><time datetime="2019-01-01">قديم</time><time pubdate datetime="2019-05-06T08:00">جديد</time><p>نص</p></body>`,
			page{Published: "2019-05-06", Text: "نص"}},
		{"meta date name", `<meta name="Date" content="2015-05-04"><p>نص</p>`, page{Published: "2015-05-04", Text: "نص"}},
		{"modified time only as a fallback", `<meta property="article:modified_time" content="2016-03-01T00:00:00Z"><p>نص</p>`,
			page{Published: "2016-03-01", Text: "نص"}},
		{"og:url when there is no canonical link", `<meta property="og:url" content="https://n.example/a"><p>نص</p>`,
			page{Canonical: "https://n.example/a", Text: "نص"}},
		{"author profile URL is not a byline", `<meta property="article:author" content="https://social.example/someone"><p>نص</p>`,
			page{Text: "نص"}},
		{"byline class", `<body><div class="article-byline">كتب: سامي</div><article><p>نص</p></article></body>`,
			page{Byline: "كتب: سامي", Text: "نص"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parsePage(tc.html, base); got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestFragmentText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"نص عادي بلا وسوم", "نص عادي بلا وسوم"},
		{"<p>فقرة أولى</p><p>فقرة <b>ثانية</b></p>", "فقرة أولى\nفقرة ثانية"},
		{"سطر&nbsp;مع &amp; رمز", "سطر مع & رمز"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := fragmentText(tc.in); got != tc.want {
			t.Errorf("fragmentText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzParsePage runs the HTML article extractor on arbitrary documents: it
// must not panic, and its output must be valid, trimmed UTF-8 lines.
func FuzzParsePage(f *testing.F) {
	for _, name := range []string{"testdata/in/web/utf8-bom.html", "testdata/in/web/jsonld.html"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(`<body><div>سطر<br>سطر</div><p>فقرة<br><br>أخرى</p></body>`)
	f.Add(`<script type="application/ld+json">[{"@graph":[{"headline":"x","author":[{"name":"y"}]}]}]</script>`)
	f.Fuzz(func(t *testing.T, doc string) {
		p := parsePage(doc, nil)
		for _, s := range []string{p.Text, p.Title, p.Published, p.Byline, p.Lang} {
			if !utf8.ValidString(s) && utf8.ValidString(doc) {
				t.Fatalf("invalid UTF-8 out of valid input: %q", s)
			}
		}
		for _, line := range strings.Split(p.Text, "\n") {
			if p.Text != "" && (line == "" || strings.TrimSpace(line) != line) {
				t.Fatalf("empty or untrimmed line %q in %q", line, p.Text)
			}
		}
		if p.Published != "" && parseDate(p.Published) != p.Published {
			t.Fatalf("published %q is not an ISO date", p.Published)
		}
	})
}

func BenchmarkParsePage(b *testing.B) {
	raw, err := os.ReadFile("testdata/in/web/utf8-bom.html")
	if err != nil {
		b.Fatal(err)
	}
	// A page of realistic size: the fixture's article repeated to ~60 KB.
	doc := strings.Replace(string(raw), "</article>", strings.Repeat("<p>"+strings.Repeat("كلمة عربية ", 40)+"</p>\n", 60)+"</article>", 1)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		parsePage(doc, nil)
	}
}
