package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
)

// Synthetic record for the latency benchmark: articles written from a few
// sentence patterns, each sentence one coded event.
var (
	benchActors = []article.Actor{{Text: "روسيا", Code: "RUSGOV"}, {Text: "تركيا", Code: "TURGOV"}, {Text: "إيران", Code: "IRNGOV"},
		{Text: "الجيش السوري", Code: "SYRMIL"}, {Text: "فصائل المعارضة", Code: "SYRREB"}, {Text: "الأمم المتحدة", Code: "IGOUNO"},
		{Text: "الولايات المتحدة", Code: "USAGOV"}, {Text: "الأردن", Code: "JORGOV"}, {Text: "هيئة المفاوضات", Code: "SYROPP"}}
	benchPlaces = []article.Location{{Text: "أستانا", Name: "Astana", Country: "KAZ", Lat: 51.17, Lon: 71.45},
		{Text: "جنيف", Name: "Geneva", Country: "CHE", Lat: 46.2, Lon: 6.15}, {Text: "إدلب", Name: "Idlib", Country: "SYR", Lat: 35.93, Lon: 36.63},
		{Text: "حلب", Name: "Aleppo", Country: "SYR", Lat: 36.2, Lon: 37.16}, {Text: "درعا", Name: "Daraa", Country: "SYR", Lat: 32.62, Lon: 36.1}}
	benchVerbs = []struct{ typ, verb, obj string }{
		{"CONSULT", "بحث", "سبل تثبيت وقف إطلاق النار خلال المشاورات"}, {"ASSAULT", "قصف", "مواقع في الريف الجنوبي بالمدفعية الثقيلة"},
		{"REQUEST", "طالب", "بفتح ممرات إنسانية للمدنيين المحاصرين"}, {"ACCUSE", "اتهم", "الطرف الآخر بخرق الهدنة مرات عدة"},
		{"AID", "أرسل", "قافلة مساعدات غذائية وطبية إلى المخيمات"}, {"AGREE", "تعهد", "بحضور الجولة المقبلة من المحادثات"},
		{"PROTEST", "نظم", "مظاهرة حاشدة في الساحة الرئيسية للمدينة"}, {"REJECT", "رفض", "المقترح الجديد بشأن اللجنة الدستورية"},
	}
)

func benchArticle(i, events int) (store.ArticleRecord, article.Result) {
	var text strings.Builder
	res := article.Result{ID: fmt.Sprint("b", i)}
	day := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%2500)
	at := 0
	for k := range events {
		a, r := benchActors[(i+k)%len(benchActors)], benchActors[(i*7+k*3+1)%len(benchActors)]
		v := benchVerbs[(i*3+k)%len(benchVerbs)]
		p := benchPlaces[(i+k*5)%len(benchPlaces)]
		sent := fmt.Sprintf("%s %s %s في %s ضمن التقرير رقم %d والفقرة %d.", v.verb, a.Text, v.obj, p.Text, i, k)
		n := len([]rune(sent))
		date := day.Format("2006-01-02")
		ev := article.Event{Type: v.typ, Modality: "asserted", Actors: []article.Actor{a}, Recipients: []article.Actor{r},
			Date: &date, Location: &p, Evidence: article.Span{Text: sent, Start: at, End: at + n}, Trigger: v.verb}
		res.Events = append(res.Events, ev)
		text.WriteString(sent)
		text.WriteString(" ")
		at += n + 1
	}
	rec := store.ArticleRecord{Article: article.Article{ID: res.ID, Text: text.String(), Title: fmt.Sprint("تقرير ", i),
		Published: day.Format("2006-01-02"), URL: fmt.Sprintf("https://news%d.example.org/%d", i%7, i)}}
	return rec, res
}

// BenchmarkAPILatency measures /api/events and /api/search over a store of
// 100,000 events and reports the 50th and 99th percentile latencies.
func BenchmarkAPILatency(b *testing.B) {
	const articles, perArticle = 5000, 20
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	for i := range articles {
		rec, res := benchArticle(i, perArticle)
		if _, err := st.Put(ctx, rec, res); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d events in %s", articles*perArticle, time.Since(start).Round(time.Second))
	s, err := New(Options{Store: st})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, bc := range []struct {
		name  string
		paths []string
	}{
		{"events", []string{"/api/events", "/api/events?type=ASSAULT", "/api/events?actor=SYR&from=2017&to=2017-06",
			"/api/events?place=Idlib&offset=2000", "/api/events?process=astana", "/api/events?q=" + urlq("المشاورات") + "&limit=20"}},
		{"search", []string{"/api/search?q=" + urlq("المشاورات"), "/api/search?q=" + urlq("قافلة مساعدات"),
			"/api/search?q=" + urlq("اللجنة الدستورية") + "&offset=100", "/api/search?q=" + urlq("الهدنة")}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var lat []time.Duration
			i := 0
			for b.Loop() {
				path := bc.paths[i%len(bc.paths)]
				i++
				t0 := time.Now()
				res, err := ts.Client().Get(ts.URL + path)
				if err != nil {
					b.Fatal(err)
				}
				res.Body.Close()
				lat = append(lat, time.Since(t0))
				if res.StatusCode != http.StatusOK {
					b.Fatalf("%s: status %d", path, res.StatusCode)
				}
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
