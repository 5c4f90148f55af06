package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
)

func testServer(t *testing.T, opts Options) *httptest.Server {
	t.Helper()
	if opts.Store == nil {
		opts.Store = testStore(t)
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

// do sends a request and decodes a JSON answer into a generic value.
func do(t *testing.T, ts *httptest.Server, method, path, body string) (int, http.Header, any) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") && method != http.MethodHead {
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatalf("%s %s: body is not JSON: %v\n%s", method, path, err, raw)
		}
	} else {
		v = string(raw)
	}
	return res.StatusCode, res.Header, v
}

// get walks a decoded JSON value along keys and array indexes.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

func TestAPI(t *testing.T) {
	ts := testServer(t, Options{Extractor: loadFixture(t)})
	// The Astana signing event, to address by id below.
	_, _, signing := do(t, ts, "GET", "/api/events?type=SUPPORT&place=Astana", "")
	eventID := num(get(signing, "items", 0, "id"))
	articleID := num(get(signing, "items", 0, "article_id"))
	if eventID == 0 || articleID == 0 {
		t.Fatalf("no SUPPORT event in Astana: %v", signing)
	}
	itoa := func(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + jsonNum(n)) }
	tests := []struct {
		name, method, path, body string
		status                   int
		check                    func(t *testing.T, v any)
	}{
		{"stats", "GET", "/api/stats", "", 200, func(t *testing.T, v any) {
			if num(get(v, "articles")) != 15 || num(get(v, "events")) != 11 {
				t.Errorf("stats = %v", v)
			}
			if num(get(v, "by_quad", "material_conflict")) != 4 {
				t.Errorf("material_conflict = %v, want 4", get(v, "by_quad"))
			}
		}},
		{"articles page", "GET", "/api/articles?limit=5&offset=5", "", 200, func(t *testing.T, v any) {
			if num(get(v, "total")) != 15 || len(get(v, "items").([]any)) != 5 || num(get(v, "offset")) != 5 {
				t.Errorf("articles = %v", v)
			}
		}},
		{"article", "GET", "/api/articles/" + itoa(articleID), "", 200, func(t *testing.T, v any) {
			if get(v, "article", "ext_id") != "s03" || !strings.Contains(get(v, "article", "text").(string), "مذكرة تفاهم") {
				t.Errorf("article = %v", get(v, "article"))
			}
			if len(get(v, "annotations", "events").([]any)) != 4 || len(get(v, "event_ids").([]any)) != 4 {
				t.Errorf("annotations = %v", get(v, "annotations"))
			}
		}},
		{"article missing", "GET", "/api/articles/99999", "", 404, nil},
		{"article bad id", "GET", "/api/articles/abc", "", 400, nil},
		{"events all", "GET", "/api/events", "", 200, func(t *testing.T, v any) {
			if num(get(v, "total")) != 11 || num(get(v, "limit")) != defaultPageSize {
				t.Errorf("total %v limit %v", get(v, "total"), get(v, "limit"))
			}
			// latest first
			if get(v, "items", 0, "article_title") == "" || get(v, "items", 0, "date") != "2019-05-07" {
				t.Errorf("first event = %v", get(v, "items", 0))
			}
		}},
		{"events by type and actor prefix", "GET", "/api/events?type=assault&actor=SYR", "", 200, func(t *testing.T, v any) {
			if num(get(v, "total")) != 2 || get(v, "items", 0, "quad") != "material_conflict" {
				t.Errorf("events = %v", v)
			}
		}},
		{"events by process and dates", "GET", "/api/events?process=astana&from=2017-09&to=2017-09-30", "", 200, func(t *testing.T, v any) {
			if num(get(v, "total")) != 2 {
				t.Errorf("total = %v, want 2", get(v, "total"))
			}
		}},
		{"events by modality", "GET", "/api/events?modality=future", "", 200, func(t *testing.T, v any) {
			if num(get(v, "total")) != 1 || get(v, "items", 0, "type") != "MOBILIZE" {
				t.Errorf("events = %v", v)
			}
		}},
		{"events by evidence words", "GET", "/api/events?q=" + urlq("وقعت"), "", 200, func(t *testing.T, v any) {
			if num(get(v, "total")) != 1 || get(v, "items", 0, "trigger") != "وقعت" {
				t.Errorf("events = %v", v)
			}
		}},
		{"events page", "GET", "/api/events?limit=3&offset=9", "", 200, func(t *testing.T, v any) {
			if len(get(v, "items").([]any)) != 2 || num(get(v, "total")) != 11 {
				t.Errorf("page = %v", v)
			}
		}},
		{"events limit too big", "GET", "/api/events?limit=501", "", 400, nil},
		{"events limit zero", "GET", "/api/events?limit=0", "", 400, nil},
		{"events negative offset", "GET", "/api/events?offset=-1", "", 400, nil},
		{"events bad type", "GET", "/api/events?type=BOMB", "", 400, nil},
		{"events bad modality", "GET", "/api/events?modality=maybe", "", 400, nil},
		{"events bad date", "GET", "/api/events?from=05/04/2017", "", 400, nil},
		{"events reversed dates", "GET", "/api/events?from=2018&to=2017", "", 400, nil},
		{"events unknown parameter", "GET", "/api/events?actr=RUS", "", 400, nil},
		{"events repeated parameter", "GET", "/api/events?type=AID&type=AID", "", 400, nil},
		{"events q without words", "GET", "/api/events?q=" + urlq("!!"), "", 400, nil},
		{"event", "GET", "/api/events/" + itoa(eventID), "", 200, func(t *testing.T, v any) {
			if get(v, "trigger") != "وقعت" || len(get(v, "actors").([]any)) != 3 || get(v, "location", "name") != "Astana" {
				t.Errorf("event = %v", v)
			}
			if get(v, "processes", 0, "process") != "astana" || num(get(v, "processes", 0, "round")) != 4 {
				t.Errorf("processes = %v", get(v, "processes"))
			}
		}},
		{"event missing", "GET", "/api/events/424242", "", 404, nil},
		{"event bad id", "GET", "/api/events/0", "", 400, nil},
		{"merged events", "GET", "/api/merged-events?type=SUPPORT", "", 200, func(t *testing.T, v any) {
			if num(get(v, "total")) < 1 || num(get(v, "items", 0, "mentions")) < 1 || get(v, "items", 0, "mention_ids") == nil {
				t.Errorf("merged = %v", v)
			}
		}},
		{"merged events bad limit", "GET", "/api/merged-events?limit=x", "", 400, nil},
		{"actors", "GET", "/api/actors?limit=3", "", 200, func(t *testing.T, v any) {
			items := get(v, "items").([]any)
			if len(items) != 3 || num(get(items, 0, "events")) < num(get(items, 2, "events")) {
				t.Errorf("actors = %v", v)
			}
		}},
		{"actors bad limit", "GET", "/api/actors?limit=100000", "", 400, nil},
		{"processes", "GET", "/api/processes", "", 200, func(t *testing.T, v any) {
			if get(v, "items", 0, "id") != "astana" || num(get(v, "items", 0, "rounds")) != 3 || num(get(v, "items", 0, "events")) != 5 {
				t.Errorf("processes = %v", v)
			}
		}},
		{"process by Arabic name", "GET", "/api/processes/" + urlq("أستانا"), "", 200, func(t *testing.T, v any) {
			if get(v, "id") != "astana" || get(v, "rounds", 1, "outcomes", 0, "kind") != "zones" {
				t.Errorf("process = %v", v)
			}
		}},
		{"process", "GET", "/api/processes/Astana", "", 200, func(t *testing.T, v any) {
			if num(get(v, "rounds", 0, "number")) != 4 || get(v, "rounds", 1, "date") != "2017-09-14" || get(v, "first") != "2017-05-04" {
				t.Errorf("process = %v", v)
			}
		}},
		{"process missing", "GET", "/api/processes/lausanne", "", 404, nil},
		{"search", "GET", "/api/search?q=" + urlq("المذكرة"), "", 200, func(t *testing.T, v any) {
			if num(get(v, "total")) < 1 {
				t.Fatalf("search = %v", v)
			}
			marked := false
			for _, seg := range get(v, "items", 0, "snippet").([]any) {
				if get(seg, "mark") == true && strings.Contains(get(seg, "text").(string), "مذكرة") {
					marked = true
				}
			}
			if !marked {
				t.Errorf("no highlighted مذكرة in %v", get(v, "items", 0, "snippet"))
			}
		}},
		{"search without q", "GET", "/api/search", "", 400, nil},
		{"search bad offset", "GET", "/api/search?q=x&offset=y", "", 400, nil},
		{"timeline", "GET", "/api/stats/timeline", "", 200, func(t *testing.T, v any) {
			items := get(v, "items").([]any)
			if get(items, 0, "date") != "2017-05-04" || num(get(items, 0, "verbal_coop")) != 2 || num(get(items, 0, "material_conflict")) != 1 {
				t.Errorf("first day = %v", get(items, 0))
			}
		}},
		{"timeline filtered", "GET", "/api/stats/timeline?type=ASSAULT", "", 200, func(t *testing.T, v any) {
			if len(get(v, "items").([]any)) != 1 || num(get(v, "items", 0, "material_conflict")) != 1 {
				t.Errorf("timeline = %v", v)
			}
		}},
		{"timeline bad filter", "GET", "/api/stats/timeline?to=tomorrow", "", 400, nil},
		{"network", "GET", "/api/stats/network", "", 200, func(t *testing.T, v any) {
			found := false
			for _, e := range get(v, "edges").([]any) {
				if get(e, "source") == "SYRMIL" && get(e, "target") == "SYRCVL" && num(get(e, "weight")) == 1 {
					found = true
				}
			}
			if !found || len(get(v, "nodes").([]any)) < 5 {
				t.Errorf("network = %v", v)
			}
		}},
		{"network limit", "GET", "/api/stats/network?limit=101", "", 400, nil},
		{"places", "GET", "/api/stats/places", "", 200, func(t *testing.T, v any) {
			if get(v, "items", 0, "name") != "Astana" || num(get(v, "items", 0, "count")) != 5 || get(v, "items", 0, "lat") == 0.0 {
				t.Errorf("places = %v", v)
			}
		}},
		{"openapi", "GET", "/api/openapi.json", "", 200, func(t *testing.T, v any) {
			if get(v, "openapi") != "3.0.3" {
				t.Errorf("openapi = %v", get(v, "openapi"))
			}
		}},
		{"extract", "POST", "/api/extract", `{"id":"s04","text":"نص"}`, 200, func(t *testing.T, v any) {
			if get(v, "id") != "s04" || len(get(v, "events").([]any)) != 4 {
				t.Errorf("extract = %v", v)
			}
		}},
		{"extract not json", "POST", "/api/extract", `{"text":`, 400, nil},
		{"extract no text", "POST", "/api/extract", `{"id":"a"}`, 400, nil},
		{"extract too large", "POST", "/api/extract", `{"text":"` + strings.Repeat("ب", MaxBodyBytes/2) + `"}`, 413, nil},
		{"unknown api route", "GET", "/api/nothing", "", 404, nil},
		{"wrong method", "DELETE", "/api/events", "", 405, nil},
		{"wrong method on extract", "GET", "/api/extract", "", 405, nil},
		{"query string too long", "GET", "/api/events?q=" + strings.Repeat("a", MaxQueryLen), "", 414, nil},
		{"ui", "GET", "/", "", 200, func(t *testing.T, v any) {
			if s, _ := v.(string); !strings.Contains(s, `dir="rtl"`) || !strings.Contains(s, `lang="ar"`) {
				t.Errorf("index.html is not Arabic right-to-left: %.200s", s)
			}
		}},
		{"ui deep link", "GET", "/events/3", "", 200, nil},
		{"ui wrong method", "POST", "/", "x", 405, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, hdr, v := do(t, ts, tc.method, tc.path, tc.body)
			if status != tc.status {
				t.Fatalf("%s %s: status %d, want %d (%v)", tc.method, tc.path, status, tc.status, v)
			}
			if status >= 400 {
				msg, _ := get(v, "error").(string)
				if msg == "" || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
					t.Errorf("error response is not {\"error\": ...} JSON: %v", v)
				}
			}
			if status == 405 && hdr.Get("Allow") == "" {
				t.Error("405 without an Allow header")
			}
			if tc.check != nil {
				tc.check(t, v)
			}
		})
	}
}

func jsonNum(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func urlq(s string) string { return strings.NewReplacer(" ", "+").Replace(urlEscape(s)) }

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(hex2(c)))
		}
	}
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

func TestExportDownload(t *testing.T) {
	ts := testServer(t, Options{})
	status, hdr, v := do(t, ts, "GET", "/api/export?format=plover&type=ASSAULT", "")
	if status != 200 || hdr.Get("Content-Type") != "application/x-ndjson" ||
		!strings.Contains(hdr.Get("Content-Disposition"), "masar-events.jsonl") {
		t.Fatalf("export: %d %v", status, hdr)
	}
	lines := strings.Split(strings.TrimSpace(v.(string)), "\n")
	if len(lines) != 2 {
		t.Fatalf("export has %d lines, want the 2 ASSAULT events:\n%s", len(lines), v)
	}
	for _, l := range lines {
		var ev map[string]any
		if err := json.Unmarshal([]byte(l), &ev); err != nil || !strings.Contains(l, "ASSAULT") {
			t.Errorf("export line %q: %v", l, err)
		}
	}
	status, hdr, _ = do(t, ts, "GET", "/api/export?format=gdelt&actor=RUS", "")
	if status != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/tab-separated-values") {
		t.Errorf("gdelt export: %d %v", status, hdr)
	}
	for _, bad := range []string{"/api/export?format=xml", "/api/export", "/api/export?format=plover&type=X"} {
		if status, _, _ := do(t, ts, "GET", bad, ""); status != 400 {
			t.Errorf("%s: status %d, want 400", bad, status)
		}
	}
	if _, _, st := do(t, ts, "GET", "/api/stats", ""); get(st, "export_formats", 0) != "plover" {
		t.Errorf("stats export_formats = %v", get(st, "export_formats"))
	}
}

// TestAggregateCache checks that cached aggregates follow the store: a new
// article shows up at once.
func TestAggregateCache(t *testing.T) {
	st := testStore(t)
	ts := testServer(t, Options{Store: st})
	count := func() int {
		_, _, v := do(t, ts, "GET", "/api/stats/places?place=Astana", "")
		return num(get(v, "items", 0, "count"))
	}
	if a, b := count(), count(); a != 5 || b != 5 {
		t.Fatalf("Astana events = %d then %d, want 5", a, b)
	}
	text := "اجتمع الوفدان في أستانا."
	date := "2018-01-01"
	_, err := st.Put(context.Background(), store.ArticleRecord{Article: article.Article{ID: "new", Text: text}},
		article.Result{ID: "new", Events: []article.Event{{Type: "CONSULT", Modality: "asserted", Date: &date,
			Actors:   []article.Actor{{Text: "الوفدان", Code: "SYRGOV"}},
			Location: &article.Location{Text: "أستانا", Name: "Astana", Country: "KAZ"},
			Evidence: article.Span{Text: text, End: len([]rune(text))}}}})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 6 {
		t.Errorf("after a new article: %d Astana events, want 6", n)
	}
}
