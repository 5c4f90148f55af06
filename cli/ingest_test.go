package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/masar-project/masar/extract"
	"github.com/masar-project/masar/ingest"
	"github.com/masar-project/masar/store"
)

// ingestVocab is the word list generated test articles are drawn from.
var ingestVocab = strings.Fields("أعلن قال أكد المتحدث باسم الحكومة الوزير الوفد المعارضة الجيش المدنيين " +
	"المحادثات الاجتماع العاصمة المدينة الحدود المساعدات الهدنة الجولة المقبلة الماضي اليوم أمس " +
	"في من إلى على عن مع بعد قبل خلال بين حول الأمم المتحدة الدول المنطقة الأزمة اللاجئين")

// genArticles writes n small distinct articles as .txt files under dir and
// returns their texts as ingest will read them (title line apart). salt
// makes a batch distinct from another.
func genArticles(t testing.TB, dir string, n int, salt string) []string {
	t.Helper()
	r := rand.New(rand.NewSource(int64(n)))
	texts := make([]string, n)
	for i := range n {
		words := make([]string, 40)
		for k := range words {
			words[k] = ingestVocab[r.Intn(len(ingestVocab))]
		}
		body := fmt.Sprintf("%s الخبر رقم %d %s.", strings.Join(words[:20], " "), i, salt) + "\n" + strings.Join(words[20:], " ") + "."
		texts[i] = body
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%10))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(sub, fmt.Sprintf("2020-01-%02d-%05d.txt", 1+i%28, i))
		if err := os.WriteFile(name, []byte(fmt.Sprintf("عنوان الخبر %d\n%s\n", i, body)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return texts
}

// extractFlag runs extraction when the extractor loads, and says why not
// otherwise, so that ingest tests do not fail on another package's state.
func extractFlag(t testing.TB) []string {
	t.Helper()
	if _, err := extract.New(); err != nil {
		t.Logf("extractor unavailable (%v): ingesting with --no-extract", err)
		return []string{"--no-extract"}
	}
	return nil
}

func runMain(args ...string) (int, string) {
	var stderr bytes.Buffer
	code := Main(args, strings.NewReader(""), io.Discard, &stderr)
	return code, stderr.String()
}

// TestIngestIdempotent ingests a folder twice: the second run stores
// nothing new. A copy with only punctuation changed is stored and linked as
// a near-duplicate; a corrupt file is reported, gives exit status 1, and
// costs nothing else.
func TestIngestIdempotent(t *testing.T) {
	dir := t.TempDir()
	texts := genArticles(t, dir, 30, "")
	near := strings.ReplaceAll(texts[3], " في ", "، في ")
	if err := os.WriteFile(filepath.Join(dir, "near.txt"), []byte(near), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.warc"), []byte("WARC/1.0\r\nContent-Length: x\r\n\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "masar.db")
	args := append([]string{"ingest", "--db", db}, extractFlag(t)...)
	args = append(args, dir)

	code, out := runMain(args...)
	if code != 1 || !strings.Contains(out, "broken.warc: record 1: bad WARC header") ||
		!strings.Contains(out, "read 31, new 31, duplicates 0, near-duplicates 1, errors 1") {
		t.Fatalf("first run: exit %d\n%s", code, out)
	}
	code, out = runMain(args...)
	if code != 1 || !strings.Contains(out, "read 31, new 0, duplicates 31, near-duplicates 0, errors 1") {
		t.Fatalf("second run: exit %d\n%s", code, out)
	}
	if err := os.Remove(filepath.Join(dir, "broken.warc")); err != nil {
		t.Fatal(err)
	}
	if code, out = runMain(args...); code != 0 {
		t.Fatalf("run without the corrupt file: exit %d\n%s", code, out)
	}

	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 31 || stats.NearDuplicates != 1 {
		t.Errorf("store holds %d articles, %d near-duplicates; want 31, 1", stats.Articles, stats.NearDuplicates)
	}
	rec, _, err := st.Article(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Format != "txt" || rec.Title == "" || rec.Published == "" || !strings.HasPrefix(rec.Source, dir) || rec.Charset != "utf-8" {
		t.Errorf("provenance not stored: %+v", rec)
	}
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b)
	p.last = time.Time{} // due for a line at once
	p.source("in/a.txt", 0, 4)
	p.failed("in/b.txt", fmt.Errorf("broken"))
	p.done(&ingestCounts{read: 3})
	p.summary(ingestCounts{read: 3, stored: 2, duplicates: 1})
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	want := []string{"masar ingest: in/b.txt: broken", "masar ingest: 3 articles (", "masar ingest: read 3, new 2, duplicates 1, near-duplicates 0, errors 1, "}
	if len(lines) != len(want) {
		t.Fatalf("log lines %q", lines)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start with %q", i, lines[i], w)
		}
	}
	if !strings.Contains(lines[1], "source 1/4 in/a.txt") {
		t.Errorf("progress line %q does not name the source", lines[1])
	}
	for _, tc := range []struct {
		i, n int
		want string
	}{{0, 4, "[          ] 0/4"}, {2, 4, "[=====     ] 2/4"}, {4, 4, "[==========] 4/4"}, {1, 0, ""}} {
		if got := bar(tc.i, tc.n, 10); got != tc.want {
			t.Errorf("bar(%d, %d) = %q, want %q", tc.i, tc.n, got, tc.want)
		}
	}
	b.Reset()
	p.summary(ingestCounts{read: 2, stored: 2, extractFailed: 1})
	if !strings.HasPrefix(b.String(), "masar ingest: read 2, new 2 (extraction failed on 1), duplicates 0") {
		t.Errorf("summary %q does not count failed extractions", b.String())
	}
	if got := shorten("abcdefghij", 5); got != "…ghij" {
		t.Errorf("shorten = %q", got)
	}
}

// TestIngestPrint checks that --print writes the extract input shape with
// provenance and stores nothing.
func TestIngestPrint(t *testing.T) {
	dir := t.TempDir()
	texts := genArticles(t, dir, 3, "")
	db := filepath.Join(t.TempDir(), "x.db")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"ingest", "--print", "--db", db, dir}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), stdout.String())
	}
	for i, l := range lines {
		var d ingest.Doc
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		if d.Text != texts[i] || d.ID == "" || d.Published != fmt.Sprintf("2020-01-%02d", 1+i%28) || d.Format != "txt" || d.Source == "" {
			t.Errorf("line %d: %+v", i, d)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("--print created the database (%v)", err)
	}
}

func TestIngestUsage(t *testing.T) {
	if code, out := runMain("ingest", "--db", filepath.Join(t.TempDir(), "x.db")); code != 2 || !strings.Contains(out, "no PATH or URL") {
		t.Errorf("no inputs: exit %d %q", code, out)
	}
}

// TestIngestKill kills a real `masar ingest` with SIGKILL part-way through
// 2000 articles, runs it again, and checks that every article is stored
// exactly once.
func TestIngestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the masar binary")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "masar")
	build := exec.Command("go", "build", "-o", bin, "../cmd/masar")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := filepath.Join(tmp, "articles")
	const n = 2000
	texts := genArticles(t, dir, n, "")
	db := filepath.Join(tmp, "masar.db")
	// Without extraction the run is I/O-bound, so that the kill lands
	// amid commits rather than amid extraction.
	args := []string{"ingest", "--db", db, "--workers", "2", "--no-extract", dir}

	count := func() int {
		conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_busy_timeout=2000")
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var c int
		if err := conn.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&c); err != nil {
			return 0 // not created yet
		}
		return c
	}

	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for count() < n/10 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("no progress in 60s:\n%s", stderr.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killedAt := count()
	if killedAt >= n {
		t.Fatalf("the run finished (%d articles) before it could be killed", killedAt)
	}
	t.Logf("killed after %d of %d articles were committed", killedAt, n)

	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("re-run: %v\n%s", err, out)
	}
	want := fmt.Sprintf("read %d, new %d, duplicates %d", n, n-killedAt, killedAt)
	if !strings.Contains(string(out), want) {
		t.Errorf("re-run summary lacks %q:\n%s", want, out)
	}

	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT content_hash FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	stored := map[string]int{}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			t.Fatal(err)
		}
		stored[h]++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	missing := 0
	for i, text := range texts {
		switch c := stored[store.ContentHash(text)]; c {
		case 1:
		case 0:
			missing++
		default:
			t.Errorf("article %d stored %d times", i, c)
		}
	}
	if missing > 0 || len(stored) != n {
		t.Errorf("%d articles missing; %d distinct stored, want %d", missing, len(stored), n)
	}
}

// BenchmarkIngest measures ingest throughput in articles per second: 200
// small articles from files into a fresh store per iteration, with and
// without extraction, on SQLite and (when MASAR_TEST_POSTGRES is set) on
// PostgreSQL.
func BenchmarkIngest(b *testing.B) {
	backends := []struct{ name, dsn string }{{"sqlite", ""}}
	if dsn := os.Getenv("MASAR_TEST_POSTGRES"); dsn != "" {
		backends = append(backends, struct{ name, dsn string }{"postgres", dsn})
	}
	const n = 200
	for _, be := range backends {
		for _, withExtract := range []bool{true, false} {
			name := be.name + "/no-extract"
			if withExtract {
				name = be.name + "/extract"
			}
			b.Run(name, func(b *testing.B) {
				var x *extract.Extractor
				if withExtract {
					var err error
					if x, err = extract.New(); err != nil {
						b.Skipf("extractor unavailable: %v", err)
					}
				}
				ctx := context.Background()
				total, iter := time.Duration(0), 0
				for b.Loop() {
					b.StopTimer()
					dir := b.TempDir()
					// A salt per iteration keeps a shared PostgreSQL from
					// seeing the previous iteration's articles as duplicates.
					genArticles(b, dir, n, fmt.Sprintf("%s-%d-%d", name, time.Now().UnixNano(), iter))
					dsn := be.dsn
					if dsn == "" {
						dsn = filepath.Join(b.TempDir(), "masar.db")
					}
					st, err := store.Open(ctx, dsn)
					if err != nil {
						b.Fatal(err)
					}
					in := ingester{st: st, x: x, workers: 2, prog: newProgress(io.Discard)}
					b.StartTimer()
					start := time.Now()
					if err := in.run(ctx, []string{dir}); err != nil {
						b.Fatal(err)
					}
					total += time.Since(start)
					iter++
					if in.counts.stored != n {
						b.Fatalf("stored %d of %d", in.counts.stored, n)
					}
					b.StopTimer()
					st.Close()
					b.StartTimer()
				}
				b.ReportMetric(float64(n*iter)/total.Seconds(), "articles/s")
			})
		}
	}
}
