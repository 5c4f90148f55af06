package ingest

import (
	"bufio"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitTitle(t *testing.T) {
	long := strings.Repeat("كلمة ", 40)
	tests := []struct{ in, title, text string }{
		{"عنوان الخبر\n\nالنص هنا.", "عنوان الخبر", "النص هنا."},
		{"سطر ينتهي بنقطة.\nسطر ثان.", "", "سطر ينتهي بنقطة.\nسطر ثان."},
		{"قال المتحدث:\nنص القول.", "", "قال المتحدث:\nنص القول."},
		{"سطر وحيد", "", "سطر وحيد"},
		{"\n\n  عنوان بعد أسطر فارغة  \nالنص", "عنوان بعد أسطر فارغة", "النص"},
		{strings.TrimSpace(long) + "\nالنص", "", strings.TrimSpace(long) + "\nالنص"},
	}
	for _, tc := range tests {
		title, text := splitTitle(tc.in)
		if title != tc.title || text != tc.text {
			t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", tc.in, title, text, tc.title, tc.text)
		}
	}
}

func TestJSONLDoc(t *testing.T) {
	tests := []struct {
		name, in, err string
		want          Doc
	}{
		{name: "contract shape", in: `{"id":"a1","text":"نص","published":"2017-07-06","url":"https://x.example/a","title":"ع"}`,
			want: docOf("a1", "نص", "2017-07-06", "https://x.example/a", "ع")},
		{name: "aliases", in: `{"_id":7,"body":"نص","pubDate":"Thu, 06 Jul 2017 09:00:00 +0000","link":"https://x.example/b","headline":"ع","author":"س","language":"ar-EG"}`,
			want: Doc{Article: docOf("7", "نص", "2017-07-06", "https://x.example/b", "ع").Article, Byline: "س", Lang: "ar", Format: "jsonl"}},
		{name: "unreadable date kept in Meta", in: `{"text":"نص","published":"منتصف الشهر"}`,
			want: Doc{Article: docOf("", "نص", "", "", "").Article, Format: "jsonl", Meta: map[string]string{"published": "منتصف الشهر"}}},
		{name: "CRLF in text", in: `{"text":"سطر\r\nسطر"}`, want: docOf("", "سطر\nسطر", "", "", "")},
		{name: "null text", in: `{"id":"x","text":null}`, err: `no "text"`},
		{name: "blank text", in: `{"text":"  "}`, err: "empty text"},
		{name: "array", in: `["text"]`, err: "not a JSON object"},
		{name: "truncated", in: `{"text":"نص`, err: "not a JSON object"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := jsonlDoc([]byte(tc.in))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Article != tc.want.Article || d.Byline != tc.want.Byline || d.Lang != tc.want.Lang || d.Format != "jsonl" ||
				len(d.Meta) != len(tc.want.Meta) || d.Meta["published"] != tc.want.Meta["published"] {
				t.Errorf("got  %+v\nwant %+v", d, tc.want)
			}
		})
	}
}

func docOf(id, text, published, url, title string) Doc {
	d := Doc{Format: "jsonl"}
	d.ID, d.Text, d.Published, d.URL, d.Title = id, text, published, url, title
	return d
}

func TestReadLine(t *testing.T) {
	in := "قصير\n" + strings.Repeat("x", 100) + "\nالأخير"
	br := bufio.NewReaderSize(strings.NewReader(in), 16)
	var got []string
	for {
		line, err := readLine(br, 50)
		if errors.Is(err, ErrTooLarge) {
			got = append(got, "!")
			continue
		}
		got = append(got, strings.TrimSuffix(string(line), "\n"))
		if err != nil {
			break
		}
	}
	if strings.Join(got, "|") != "قصير|!|الأخير" {
		t.Errorf("lines %q", got)
	}
}

// FuzzJSONL checks the JSON Lines reader on arbitrary lines: an error or a
// document with text, valid UTF-8 and an ISO date or none.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"نص","published":"2017-07-06","extra":{"k":[1,2]}}`))
	f.Add([]byte(`{"id":1e3,"content":"x","date":"2017/7/6","authors":["a","b"]}`))
	f.Add([]byte(`{"text":"\ud800"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		d, err := jsonlDoc(line)
		if err != nil {
			return
		}
		if strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) {
			t.Errorf("text %q", d.Text)
		}
		if d.Published != "" && parseDate(d.Published) != d.Published {
			t.Errorf("published %q", d.Published)
		}
	})
}

// FuzzTxt checks the plain-text reader: any bytes give an error or a
// document whose title and text are valid UTF-8 and hold no carriage return.
func FuzzTxt(f *testing.F) {
	f.Add([]byte("عنوان\r\nنص\r\n"))
	f.Add([]byte("\xFF\xFEA\x00\r\x00\n\x00B\x00"))
	f.Add([]byte("\xC7\xE1\xDA\xD1\xC8\n\xC7\xE1\xDA\xD1\xC8"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := txtDoc(raw, "2020-01-02-x.txt")
		if err != nil {
			return
		}
		for _, s := range []string{d.Title, d.Text} {
			if !utf8.ValidString(s) || strings.Contains(s, "\r") {
				t.Errorf("bad output %q", s)
			}
		}
		if d.Published != "2020-01-02" {
			t.Errorf("published %q", d.Published)
		}
	})
}
