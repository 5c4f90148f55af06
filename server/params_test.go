package server

import (
	"html"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

func TestEventFilter(t *testing.T) {
	tests := []struct {
		query   string
		wantErr string
		check   func(t *testing.T, got any)
	}{
		{"type=assault&modality=Asserted&from=2017&to=2017-06", "", nil},
		{"actor=+RUSGOV+&place=Astana&q=" + urlq("وقف إطلاق النار"), "", nil},
		{"type=WAR", "not a PLOVER event type", nil},
		{"modality=likely", "not one of", nil},
		{"from=2017-13-01", "want YYYY-MM-DD", nil},
		{"to=17", "want YYYY-MM-DD", nil},
		{"from=2017-06-02&to=2017-06", "", nil}, // to= a month covers its last day
		{"from=2017-07-01&to=2017-06", "is after", nil},
		{"colour=red", "unknown parameter", nil},
		{"type=AID&type=AID", "given 2 times", nil},
		{"limit=7", "", nil},
		{"limit=501", "from 1 to 500", nil},
		{"offset=-3", "non-negative", nil},
		{"q=%zz", "malformed", nil},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/api/events?"+tc.query, nil)
			f, err := pagedFilter(r)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("error %v, want one with %q", err, tc.wantErr)
			case tc.wantErr == "":
				if f.Type != "" && !slices.Contains(eventTypes, f.Type) || f.Actor != strings.TrimSpace(f.Actor) {
					t.Errorf("filter not normalised: %+v", f)
				}
			}
		})
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		in   string
		want []segment
	}{
		{"", []segment{}},
		{"no match", []segment{{Text: "no match"}}},
		{"… بدأت <mark>المشاورات</mark> في &quot;جنيف&quot; …", []segment{
			{Text: "… بدأت "}, {Text: "المشاورات", Mark: true}, {Text: ` في "جنيف" …`}}},
		{"<mark>a</mark><mark>b</mark>", []segment{{Text: "a", Mark: true}, {Text: "b", Mark: true}}},
		{"في <mark>وقف</mark> <mark>إطلاق</mark> <mark>النار</mark> الآن", []segment{
			{Text: "في "}, {Text: "وقف إطلاق النار", Mark: true}, {Text: " الآن"}}},
		{"x <mark>unclosed", []segment{{Text: "x "}, {Text: "unclosed", Mark: true}}},
	}
	for _, tc := range tests {
		if got := segments(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("segments(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

// FuzzEventFilter feeds arbitrary query strings to the parameter parser: it
// must never panic, and what it accepts must be within the vocabularies.
func FuzzEventFilter(f *testing.F) {
	for _, s := range []string{"type=AID", "from=2017&to=2018-02", "limit=500&offset=0", "q=%D9%82%D8%B5%D9%81", "a=b&a=c", "%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		r := httptest.NewRequest("GET", "/api/events", nil)
		r.URL.RawQuery = q
		fl, err := pagedFilter(r)
		if err != nil {
			return
		}
		if fl.Type != "" && !slices.Contains(eventTypes, fl.Type) {
			t.Errorf("accepted type %q", fl.Type)
		}
		if fl.Modality != "" && !slices.Contains(modalities, fl.Modality) {
			t.Errorf("accepted modality %q", fl.Modality)
		}
		if fl.Limit < 1 || fl.Limit > MaxPageSize || fl.Offset < 0 {
			t.Errorf("accepted page %d+%d", fl.Offset, fl.Limit)
		}
	})
}

// FuzzSegments checks that splitting a snippet loses no text.
func FuzzSegments(f *testing.F) {
	for _, s := range []string{"a <mark>b</mark> c", "&amp;<mark>&lt;</mark>", "<mark>", "</mark>x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		for _, seg := range segments(s) {
			if seg.Text == "" {
				t.Fatal("empty segment")
			}
			b.WriteString(seg.Text)
		}
		// Only well-formed snippets (marks alternate, no stray tags) round-trip.
		plain := strings.ReplaceAll(strings.ReplaceAll(s, "<mark>", ""), "</mark>", "")
		if strings.Count(s, "<mark>")+strings.Count(s, "</mark>") == 0 && b.String() != html.UnescapeString(plain) {
			t.Errorf("segments lost text: %q -> %q", s, b.String())
		}
	})
}
