package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const chromiumPath = "/usr/bin/chromium"

// TestBrowser drives the web UI in a real headless Chromium against a server
// with the samples ingested: every page, a search, a filter, an event with
// its highlighted evidence. Screenshots go to $MASAR_SCREENSHOTS, else to a
// temporary directory.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s is missing: install Debian's chromium package", chromiumPath)
		}
		t.Skipf("skipping the browser test: %s is not installed (apt-get install chromium)", chromiumPath)
	}
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	shots := os.Getenv("MASAR_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Store: testStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	// The deadline bounds the whole session, browser included.
	root, cancelRoot := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancelRoot()
	actx, cancelAlloc := chromedp.NewExecAllocator(root, opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	defer cancel()

	b := &browser{t: t, ctx: ctx, url: ts.URL, shots: shots}
	b.do("search",
		chromedp.Navigate(ts.URL+"/#/search"),
		chromedp.WaitVisible(chromedp.CSS(".stats")))
	if dir, lang := b.eval("document.documentElement.dir"), b.eval("document.documentElement.lang"); dir != "rtl" || lang != "ar" {
		t.Errorf("page is dir=%q lang=%q, want rtl ar", dir, lang)
	}
	b.do("search query",
		chromedp.SendKeys(chromedp.CSS("#q"), "المذكرة"),
		chromedp.Click(chromedp.CSS("#search-btn")),
		chromedp.WaitVisible(chromedp.CSS(".hit mark")))
	b.shot("01-search")
	if n := b.count(".hit"); n == 0 {
		t.Error("search found nothing")
	}
	if marked := b.text(".hit mark"); !strings.Contains(marked, "مذكرة") {
		t.Errorf("highlighted %q, want a form of مذكرة", marked)
	}

	b.do("article from a hit",
		chromedp.Click(chromedp.CSS(`.hit a[href^="#/article/"]`)),
		chromedp.WaitVisible(chromedp.CSS(".article-text mark.evidence")))
	b.shot("02-article")
	if n := b.count(".article-text mark.evidence"); n == 0 {
		t.Error("article page marks no evidence")
	}

	b.do("events",
		chromedp.Navigate(ts.URL+"/#/events"),
		chromedp.WaitVisible(chromedp.CSS("#events-table tbody tr.ev-row")))
	b.shot("03-events")
	if n := b.count("#events-table tbody tr.ev-row"); n != 11 {
		t.Errorf("events table has %d rows, want 11", n)
	}
	b.do("filter",
		chromedp.SetValue(chromedp.CSS("#f-type"), "ASSAULT"),
		chromedp.Click(chromedp.CSS("#apply")),
		b.poll(`location.hash.includes("type=ASSAULT") && document.querySelectorAll("#events-table tbody tr.ev-row").length === 2`))
	b.shot("04-events-filtered")

	b.do("event detail",
		chromedp.Click(chromedp.CSS("#events-table tbody tr.ev-row")),
		chromedp.WaitVisible(chromedp.CSS("mark.evidence.main")))
	b.shot("05-event")
	evidence, trigger := b.text("mark.evidence.main"), b.text("mark.evidence.main mark.trigger")
	if !strings.Contains(evidence, "لقصف مدفعي") || trigger != "لقصف" {
		t.Errorf("evidence %q with trigger %q, want the shelling sentence with trigger لقصف", evidence, trigger)
	}
	if n := b.count("mark.evidence.main mark.hl-actor, mark.evidence.main mark.hl-recipient"); n < 2 {
		t.Errorf("%d actor/recipient highlights in the evidence, want 2", n)
	}
	if place := b.text("mark.evidence.main mark.hl-place"); place != "ريف إدلب الجنوبي" {
		t.Errorf("place highlight %q", place)
	}
	if date := b.text("mark.evidence.main mark.hl-date"); date != "أمس الثلاثاء" {
		t.Errorf("date highlight %q", date)
	}

	b.do("timeline",
		chromedp.Navigate(ts.URL+"/#/timeline"),
		chromedp.WaitVisible(chromedp.CSS("#timeline-chart svg")))
	b.shot("06-timeline")
	if n := b.count("#timeline-chart rect.bar"); n == 0 {
		t.Error("timeline has no bars")
	}
	b.do("network",
		chromedp.Navigate(ts.URL+"/#/network"),
		chromedp.WaitVisible(chromedp.CSS("#network-chart svg")),
		chromedp.Sleep(1500*time.Millisecond)) // let the force layout settle
	b.shot("07-network")
	if n := b.count("#network-chart .node"); n < 5 {
		t.Errorf("network has %d nodes", n)
	}
	b.do("map",
		chromedp.Navigate(ts.URL+"/#/map"),
		chromedp.WaitVisible(chromedp.CSS("#map-chart svg")))
	b.shot("08-map")
	if markers, land := b.count("#map-chart .marker"), b.count("#map-chart path.land"); markers != 2 || land < 50 {
		t.Errorf("map has %d markers and %d countries", markers, land)
	}
	if markers := b.count("#syria-chart .marker"); markers != 1 {
		t.Errorf("Syria map has %d markers, want 1 (Idlib)", markers)
	}
	b.do("processes",
		chromedp.Navigate(ts.URL+"/#/processes"),
		chromedp.WaitVisible(chromedp.CSS("#process-list a")))
	b.shot("09-processes")
	b.do("process",
		chromedp.Click(chromedp.CSS("#process-list a")),
		chromedp.WaitVisible(chromedp.CSS("#rounds-table")))
	b.shot("10-process")
	if rounds, roles := b.count("#rounds-table tbody tr"), b.count(".roles .role"); rounds != 3 || roles != 4 {
		t.Errorf("process page: %d rounds, %d roles; want 3 and 4 (host, guarantors, observers, parties)", rounds, roles)
	}
	b.do("english",
		chromedp.Click(chromedp.CSS("#lang-toggle")),
		b.poll(`document.documentElement.dir === "ltr" && !!document.querySelector("#rounds-table")`))
	b.shot("11-process-en")
	b.do("back to arabic",
		chromedp.Click(chromedp.CSS("#lang-toggle")),
		b.poll(`document.documentElement.dir === "rtl"`))
	t.Logf("screenshots in %s", shots)
}

// browser runs the steps of TestBrowser and fails the test on errors.
type browser struct {
	t     *testing.T
	ctx   context.Context
	url   string
	shots string
}

func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

func (b *browser) poll(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(20*time.Second))
}

func (b *browser) eval(expr string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func (b *browser) count(sel string) int {
	b.t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel)))
	if err != nil {
		b.t.Fatalf("count %s: %v", sel, err)
	}
	return n
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	if b.count(sel) == 0 {
		b.t.Errorf("no %s on the page", sel)
		return ""
	}
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

func (b *browser) shot(name string) {
	b.t.Helper()
	// Chromium's beyond-viewport capture shifts right-to-left pages sideways,
	// so grow the viewport to the page instead and capture that.
	h, err := chromedp.Run(b.ctx, chromedp.Evaluate[int64]("Math.max(900, document.documentElement.scrollHeight)"))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	b.do("viewport for "+name, chromedp.EmulateViewport(1280, h))
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	b.do("viewport after "+name, chromedp.EmulateViewport(1280, 900))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
