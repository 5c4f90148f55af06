package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// walkAll runs Walk and returns the documents and the reported errors as
// "source: message" lines.
func walkAll(t *testing.T, opt Options, inputs ...string) ([]Doc, []string) {
	t.Helper()
	var docs []Doc
	var errs []string
	err := Walk(context.Background(), inputs, opt, func(d Doc) error {
		docs = append(docs, d)
		return nil
	}, func(src string, err error) {
		errs = append(errs, src+": "+err.Error())
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return docs, errs
}

// TestWalkGolden reads every fixture format (txt in four encodings, jsonl,
// HTML in UTF-8 with BOM, declared and undeclared windows-1256, JSON-LD
// metadata, RSS 2.0 and Atom) and compares the documents and errors with
// testdata/golden/walk.jsonl.
func TestWalkGolden(t *testing.T) {
	docs, errs := walkAll(t, Options{}, "testdata/in")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range errs {
		if err := enc.Encode(map[string]string{"error": e}); err != nil {
			t.Fatal(err)
		}
	}
	golden := filepath.Join("testdata", "golden", "walk.jsonl")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("Walk output differs from %s (go test -update rewrites it):\n%s", golden, b.String())
	}
}

// TestFormats checks the fields each reader is responsible for, so that a
// golden update cannot silently accept a regression.
func TestFormats(t *testing.T) {
	docs, errs := walkAll(t, Options{}, "testdata/in")
	bySource := map[string]Doc{}
	for _, d := range docs {
		bySource[strings.TrimPrefix(filepath.ToSlash(d.Source), "testdata/in/")] = d
	}
	tests := []struct {
		source, format, charset, title, published, byline, url string
		lines                                                  int
		has, hasNot                                            []string
	}{
		{source: "txt/2017-07-05-astana-meeting.txt", format: "txt", charset: "utf-8",
			title: "وزراء خارجية ثلاث دول يلتقون في العاصمة الكازاخية", published: "2017-07-05", lines: 3,
			has: []string{"التقى وزراء خارجية"}},
		{source: "txt/notitle.txt", format: "txt", charset: "utf-8", lines: 3, has: []string{"أعلنت وزارة الدفاع"}},
		{source: "txt/iso-8859-6.txt", format: "txt", charset: "iso-8859-6", title: "الجامعة العربية تدعو إلى وقف القتال",
			lines: 2, has: []string{"فوراً", "المحاصرين"}},
		{source: "txt/utf16.txt", format: "txt", charset: "utf-16le", title: "الجامعة العربية تدعو إلى وقف القتال",
			lines: 2, has: []string{"دعت جامعة الدول العربية"}, hasNot: []string{"\r"}},
		{source: "txt/windows-1256.txt", format: "txt", charset: "windows-1256", lines: 2,
			title: "الحكومة تنفي تلقي دعوة لحضور المؤتمر", has: []string{"نفى المتحدث"}},
		{source: "web/utf8-bom.html", format: "html", charset: "utf-8",
			title: "مجلس الأمن يناقش مشروع قرار جديد حول المساعدات", published: "2019-12-20", byline: "سامر الحلبي", lines: 3,
			has:    []string{"ناقش مجلس الأمن الدولي", "\"لن تقبل\"", "المشروع خلال الأسبوع"},
			hasNot: []string{"الرئيسية", "أخبار محلية", "tracker", "color", "الأكثر قراءة", "حقوق", "شارك", "اقرأ أيضاً", "صورة من أرشيف", "بقلم", "الأمم المتحدة"}},
		{source: "web/windows-1256.html", format: "html", charset: "windows-1256", published: "2008-03-11",
			title: "اجتماع لوزراء الداخلية العرب", lines: 3,
			has: []string{"عقد وزراء الداخلية العرب", "تبادل المعلومات"}, hasNot: []string{"الأرشيف", "الجريدة"}},
		{source: "web/undeclared-1256.htm", format: "html", charset: "windows-1256", title: "وفد المعارضة يصل إلى جنيف",
			lines: 2, has: []string{"وصل وفد المعارضة"}},
		{source: "web/jsonld.html", format: "html", charset: "utf-8", published: "2021-10-18",
			title: "البرلمان يصادق على اتفاقية التعاون الاقتصادي", byline: "ليلى حداد وكريم يوسف", lines: 2,
			has: []string{"صادق البرلمان"}, hasNot: []string{"الشريط الجانبي"}},
		{source: "feeds/news.rss#1", format: "rss", charset: "utf-8", published: "2018-01-31",
			title: "رئيس الوزراء يستقبل وفداً أوروبياً", byline: "قسم الأخبار", lines: 2,
			url: "https://news.example.org/2018/01/31/pm-eu-delegation", has: []string{"برامج الدعم"}},
		{source: "feeds/news.rss#2", format: "rss", charset: "utf-8", published: "2018-02-01",
			title: "تظاهرة أمام مقر البرلمان", lines: 1, url: "https://news.example.org/2018/02/01/protest",
			has: []string{"تظاهر مئات"}, hasNot: []string{"<p>"}},
		{source: "feeds/bulletin.atom#1", format: "atom", charset: "windows-1256", published: "2016-02-27",
			title: "بدء سريان الهدنة في عدة مناطق", byline: "مراسل الشبكة", lines: 2, url: "https://atom.example.net/truce",
			has: []string{"بدأ منتصف الليل"}},
		{source: "feeds/bulletin.atom#2", format: "atom", charset: "windows-1256", published: "2016-02-28",
			title: "لجنة دولية تزور مخيمات اللاجئين", lines: 1, url: "https://atom.example.net/camps", has: []string{"زارت لجنة دولية"}},
		{source: "jsonl/batch.jsonl#1", format: "jsonl", title: "وصول قافلة مساعدات", published: "2020-03-05",
			url: "https://j.example.com/a/1", lines: 2, has: []string{"قافلة مساعدات غذائية"}},
		{source: "jsonl/batch.jsonl#5", format: "jsonl", published: "2020-03-08", byline: "هدى وسليم", lines: 1},
		{source: "jsonl/batch.jsonl#6", format: "jsonl", published: "2019-08-01", lines: 1,
			url: "https://j.example.com/2019/0801/c1-99.html"},
	}
	for _, tc := range tests {
		t.Run(tc.source, func(t *testing.T) {
			d, ok := bySource[tc.source]
			if !ok {
				t.Fatalf("no document from %s", tc.source)
			}
			for _, f := range []struct{ name, got, want string }{
				{"Format", d.Format, tc.format}, {"Charset", d.Charset, tc.charset}, {"Title", d.Title, tc.title},
				{"Published", d.Published, tc.published}, {"Byline", d.Byline, tc.byline}, {"Lang", d.Lang, "ar"},
				{"URL", d.URL, tc.url},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			if n := len(strings.Split(d.Text, "\n")); n != tc.lines {
				t.Errorf("text has %d lines, want %d:\n%s", n, tc.lines, d.Text)
			}
			for _, s := range tc.has {
				if !strings.Contains(d.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, d.Text)
				}
			}
			for _, s := range tc.hasNot {
				if strings.Contains(d.Text, s) {
					t.Errorf("text holds %q, which is not article text:\n%s", s, d.Text)
				}
			}
			if d.ID == "" {
				t.Error("empty ID")
			}
		})
	}
	jl := bySource["jsonl/batch.jsonl#5"]
	if jl.ID != "42" {
		t.Errorf("numeric jsonl id read as %q, want 42", jl.ID)
	}
	if m := bySource["jsonl/batch.jsonl#1"].Meta; m["source"] != "وكالة تجريبية" || m["tags"] != `["مساعدات","حصار"]` {
		t.Errorf("extra jsonl fields not kept: %v", m)
	}
	wantErrs := []string{
		"feeds/news.rss#3: feed item has no text",
		"jsonl/batch.jsonl#3: not a JSON object",
		"jsonl/batch.jsonl#4: no \"text\" field",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %q, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(filepath.ToSlash(errs[i]), "testdata/in/"+w) {
			t.Errorf("error %d = %q, want it to start with %q", i, errs[i], w)
		}
	}
}

// TestWalkIDsAreStable checks that reading the same inputs twice gives the
// same ids, and that ids are unique.
func TestWalkIDsAreStable(t *testing.T) {
	a, _ := walkAll(t, Options{}, "testdata/in")
	b, _ := walkAll(t, Options{}, "./testdata/in/")
	if len(a) != len(b) {
		t.Fatalf("%d then %d documents", len(a), len(b))
	}
	seen := map[string]bool{}
	for i := range a {
		if a[i].ID != b[i].ID {
			t.Errorf("%s: id %q then %q", a[i].Source, a[i].ID, b[i].ID)
		}
		if seen[a[i].ID] {
			t.Errorf("id %q given twice", a[i].ID)
		}
		seen[a[i].ID] = true
	}
}

// TestCorruptInputs checks that each bad input is reported once and skipped
// while the good ones around it are read.
func TestCorruptInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a-good.txt", []byte("عنوان قصير\nنص الخبر الأول في هذا المجلد."))
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7 % 256)
	}
	write("b-binary.txt", bin)
	gz := buildWARC(true, htmlRecord("https://w.example/1", "text/html; charset=utf-8", testPage("الأول")),
		htmlRecord("https://w.example/2", "text/html; charset=utf-8", testPage("الثاني")))
	write("c-truncated.warc.gz", gz[:len(gz)-40])
	write("d-broken.warc", []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nbody"))
	write("e-notwarc.warc", []byte("hello, this is not an archive\n"))
	write("f-big.html", []byte("<html><body><p>"+strings.Repeat("كلمة ", 500)+"</p></body></html>"))
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "g-dangling.txt")); err != nil {
		t.Fatal(err)
	}
	locked := write("h-locked.txt", []byte("نص لا يمكن قراءته"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	write("i-empty.txt", nil)
	write("z-good.txt", []byte("نص الخبر الأخير في هذا المجلد بعد الملفات التالفة."))
	docs, errs := walkAll(t, Options{MaxBytes: 2000}, dir)

	want := []struct{ file, msg string }{
		{"b-binary.txt", "binary"},
		{"c-truncated.warc.gz", "unexpected EOF"},
		{"d-broken.warc", "Content-Length"},
		{"e-notwarc.warc", "version line"},
		{"f-big.html", "size limit"},
		{"g-dangling.txt", "no such file"},
		{"h-locked.txt", "permission denied"},
		{"i-empty.txt", "empty"},
	}
	if os.Geteuid() == 0 {
		// root reads any file whatever its mode; the case cannot happen.
		want = append(want[:6], want[7:]...)
		docs = dropSource(docs, "h-locked.txt")
	}
	if len(errs) != len(want) {
		t.Errorf("%d errors, want %d: %q", len(errs), len(want), errs)
	}
	for i, w := range want {
		if i >= len(errs) {
			break
		}
		if !strings.Contains(errs[i], w.file) || !strings.Contains(errs[i], w.msg) {
			t.Errorf("error %d = %q, want one about %s saying %q", i, errs[i], w.file, w.msg)
		}
	}
	var got []string
	for _, d := range docs {
		got = append(got, filepath.Base(d.Source))
	}
	wantDocs := []string{"a-good.txt", "c-truncated.warc.gz#1", "z-good.txt"}
	if strings.Join(got, " ") != strings.Join(wantDocs, " ") {
		t.Errorf("documents from %q, want %q", got, wantDocs)
	}
}

func dropSource(docs []Doc, base string) []Doc {
	var out []Doc
	for _, d := range docs {
		if filepath.Base(d.Source) != base {
			out = append(out, d)
		}
	}
	return out
}

// TestWalkStops checks that an error from fn or a cancelled context ends the
// walk with that error, and that unknown files, JSON Lines files that are not
// articles and linked folders inside a folder are passed over while named
// ones are reported.
func TestWalkStops(t *testing.T) {
	errStop := errors.New("stop here")
	n := 0
	err := Walk(context.Background(), []string{"testdata/in"}, Options{}, func(Doc) error {
		n++
		if n == 2 {
			return errStop
		}
		return nil
	}, nil)
	if !errors.Is(err, errStop) || n != 2 {
		t.Errorf("Walk = %v after %d documents, want %v after 2", err, n, errStop)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Walk(ctx, []string{"testdata/in"}, Options{}, func(Doc) error { t.Error("fn called after cancel"); return nil }, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Walk on a cancelled context = %v", err)
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "photo.jpg"), []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10}, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("نص مخفي"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	results := filepath.Join(dir, "results.jsonl")
	if err := os.WriteFile(results, []byte(`{"id":"a1","events":[]}`+"\n"+`{"id":"a2","events":[]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, errs := walkAll(t, Options{}, dir)
	if len(docs) != 0 || len(errs) != 0 {
		t.Errorf("folder of non-articles gave %d documents and errors %q", len(docs), errs)
	}
	_, errs = walkAll(t, Options{}, filepath.Join(dir, "photo.jpg"))
	if len(errs) != 1 || !strings.Contains(errs[0], "not a format") {
		t.Errorf("named unknown file: errors %q", errs)
	}
	_, errs = walkAll(t, Options{}, results)
	if len(errs) != 1 || !strings.Contains(errs[0], "not a file of articles") {
		t.Errorf("named JSON Lines file of results: errors %q", errs)
	}
}

// TestSourcesProgress checks the OnSource callback sees every source once,
// in order, with the total.
func TestSourcesProgress(t *testing.T) {
	var seen []string
	opt := Options{OnSource: func(src string, i, n int) {
		seen = append(seen, fmt.Sprintf("%d/%d %s", i+1, n, filepath.Base(src)))
	}}
	walkAll(t, opt, "testdata/in/txt", "testdata/in/web/jsonld.html")
	want := []string{
		"1/6 2017-07-05-astana-meeting.txt", "2/6 iso-8859-6.txt", "3/6 notitle.txt",
		"4/6 utf16.txt", "5/6 windows-1256.txt", "6/6 jsonld.html",
	}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("OnSource saw %q, want %q", seen, want)
	}
}
