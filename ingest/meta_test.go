package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/masar-project/masar/article"
)

func articleURL(u string) article.Article { return article.Article{URL: u} }

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2017-07-05", "2017-07-05"},
		{"2017-07-05T23:30:00+03:00", "2017-07-05"},
		{"2017-07-05T23:30:00.123Z", "2017-07-05"},
		{"2017-07-05T01:30:00-0500", "2017-07-05"},
		{"2017-07-05 14:00:00", "2017-07-05"},
		{"2017/07/05", "2017-07-05"},
		{"2017/7/5 بعد الظهر", "2017-07-05"},
		{"Wed, 05 Jul 2017 10:00:00 +0300", "2017-07-05"},
		{"Wed, 5 Jul 2017 10:00:00 GMT", "2017-07-05"},
		{"July 5, 2017", "2017-07-05"},
		{"٢٠١٧-٠٧-٠٥", "2017-07-05"},
		{"  2017-07-05  ", "2017-07-05"},
		{"2017-02-30", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"05/07/2017", ""}, // day and month order is ambiguous
		{"أمس", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := parseDate(tc.in); got != tc.want {
			t.Errorf("parseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDateFromURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://n.example/2017/07/05/slug/", "2017-07-05"},
		{"https://n.example/story/2018/1/31/slug/3625502", "2018-01-31"},
		{"https://n.example/20171031/slug-1027101813.html", "2017-10-31"},
		{"https://n.example/n3/2019/0801/c31662-9602610.html", "2019-08-01"},
		{"https://n.example/news/2021-10-18-slug", "2021-10-18"},
		{"https://n.example/?p=9465", ""},
		{"https://n.example/News/324753.aspx", ""},
		{"https://n.example/2017/13/40/x", ""},
		{"https://n.example/12345678/x", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := dateFromURL(tc.in); got != tc.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := dateFromFilename("dir/2017-07-05-astana.txt"); got != "2017-07-05" {
		t.Errorf("dateFromFilename = %q", got)
	}
	if got := dateFromFilename("2017-07-055.txt"); got != "" {
		t.Errorf("dateFromFilename of a non-date = %q", got)
	}
}

func TestStableID(t *testing.T) {
	tests := []struct {
		d    Doc
		want string
	}{
		{Doc{Source: "in/a.txt"}, "a-"},
		{Doc{Source: "in/feed.jsonl#3"}, "feed-"},
		{Doc{Article: articleURL("https://n.example/2020/05/ceasefire-talks.html")}, "ceasefire-talks-"},
		{Doc{Article: articleURL("https://n.example/%D8%AE%D8%A8%D8%B1")}, ""},
	}
	for _, tc := range tests {
		id := stableID(tc.d)
		if !strings.HasPrefix(id, tc.want) || len(id) != len(tc.want)+12 {
			t.Errorf("stableID(%+v) = %q, want %q and 12 hex digits", tc.d, id, tc.want)
		}
	}
	if stableID(Doc{Source: "in/./a.txt"}) != stableID(Doc{Source: "in/a.txt"}) {
		t.Error("the same path written two ways gives two ids")
	}
	if stableID(Doc{Source: "x.jsonl#1"}) == stableID(Doc{Source: "x.jsonl#2"}) {
		t.Error("two records of a file share an id")
	}
}

func TestDecodeText(t *testing.T) {
	arabic := "أعلنت اللجنة نتائج الانتخابات البلدية في المحافظات الشمالية"
	win, _ := charmap.Windows1256.NewEncoder().String(arabic)
	iso, _ := charmap.ISO8859_6.NewEncoder().String(arabic)
	tests := []struct {
		name, in, declared, want, charset string
		err                               bool
	}{
		{"utf-8", arabic, "", arabic, "utf-8", false},
		{"utf-8 bom", "\xEF\xBB\xBF" + arabic, "windows-1256", arabic, "utf-8", false},
		{"utf-16be bom", "\xFE\xFF\x06\x27\x06\x44", "", "ال", "utf-16be", false},
		{"windows-1256 guessed", win, "", arabic, "windows-1256", false},
		{"iso-8859-6 guessed", iso, "", arabic, "iso-8859-6", false},
		{"declared iso-8859-6", iso, "ISO-8859-6", arabic, "iso-8859-6", false},
		{"declared 1256 but utf-8", arabic, "windows-1256", arabic, "utf-8", false},
		{"declared utf-8 but 1256", win, "utf-8", arabic, "windows-1256", false},
		{"declared latin-1 stays latin-1 for ASCII", "plain text", "iso-8859-1", "plain text", "windows-1252", false},
		{"declared latin-1 over windows-1256", win, "iso-8859-1", arabic, "windows-1256", false},
		{"declared latin-1 over French", "d\xe9j\xe0 vu, \xe7a va", "iso-8859-1", "déjà vu, ça va", "windows-1252", false},
		{"unknown label", arabic, "x-no-such-charset", arabic, "utf-8", false},
		{"binary", "\x00\x01\x02\x03PK\x03\x04\x00\x00", "", "", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, cs, err := decodeText([]byte(tc.in), tc.declared)
			if tc.err {
				if err == nil {
					t.Errorf("no error for binary input, got %q", got)
				}
				return
			}
			if err != nil || got != tc.want || cs != tc.charset {
				t.Errorf("got %q %q %v, want %q %q", got, cs, err, tc.want, tc.charset)
			}
		})
	}
}

func TestDecodeXML(t *testing.T) {
	body := `<rss><channel><title>عنوان</title></channel></rss>`
	win, _ := charmap.Windows1256.NewEncoder().String(`<?xml version="1.0" encoding="windows-1256"?>` + body)
	got, cs, err := decodeXML([]byte(win), "")
	if err != nil || cs != "windows-1256" || got != `<?xml version="1.0" encoding="utf-8"?>`+body {
		t.Errorf("decodeXML = %q %q %v", got, cs, err)
	}
}

// FuzzParseDate checks that any input gives "" or a real YYYY-MM-DD date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2017-07-05T23:30:00+03:00", "Wed, 05 Jul 2017 10:00:00 +0300", "٢٠١٧/٧/٥", "July 5, 2017", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := parseDate(s)
		if d != "" && (len(d) != 10 || parseDate(d) != d) {
			t.Errorf("parseDate(%q) = %q, not a stable ISO date", s, d)
		}
	})
}

// FuzzDecodeText checks that decoding always yields valid UTF-8 and never
// panics, whatever the bytes and the declared label.
func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("\xEF\xBB\xBFنص"), "")
	f.Add([]byte("\xFF\xFE'\x06D\x06"), "")
	f.Add([]byte("\xC7\xE1\xDA\xD1\xC8"), "windows-1256")
	f.Add([]byte("abc\x00def"), "utf-8")
	f.Fuzz(func(t *testing.T, raw []byte, label string) {
		s, _, err := decodeText(raw, label)
		if err == nil && !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 from %q", raw)
		}
	})
}

func TestGuessLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أعلنت الحكومة اليوم عن خطة جديدة", "ar"},
		{"قال المتحدث إن اجتماع (UN) سيعقد في Geneva", "ar"},
		{"The talks resumed in Geneva on Monday", ""},
		{"گفتگوها در ژنو از سر گرفته شد و یک پیشنهاد تازه", ""},
		{"2017 - 12", ""},
	}
	for _, tc := range tests {
		if got := guessLang(tc.in); got != tc.want {
			t.Errorf("guessLang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
