package server

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/samples"
	"github.com/masar-project/masar/store"
)

// fixture is the hand-annotated version of three sample articles in
// testdata/annotated.jsonl, so that the tests do not depend on how well the
// extractor does today.
type fixture map[string]article.Result

func (f fixture) Extract(a article.Article) article.Result {
	if r, ok := f[a.ID]; ok {
		return r
	}
	return article.Result{ID: a.ID, Events: []article.Event{}, Quotes: []article.Quote{},
		Entities: []article.Entity{}, Timexes: []article.Timex{}}
}

func loadFixture(t testing.TB) fixture {
	t.Helper()
	fh, err := os.Open(filepath.Join("testdata", "annotated.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f := fixture{}
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			Article article.Article `json:"article"`
			Result  article.Result  `json:"result"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		f[line.Article.ID] = line.Result
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return f
}

// testStore is a SQLite store in a temporary directory holding the samples,
// three of them annotated, with the Astana events assigned to their rounds
// as the process engine would.
func testStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "masar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := samples.Ingest(ctx, st, loadFixture(t)); err != nil {
		t.Fatal(err)
	}
	rows, _, err := st.Events(ctx, store.EventFilter{Place: "Astana", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	rounds := map[string]int{"2017-05": 4, "2017-09": 6, "2017-10": 7}
	for _, r := range rows {
		if r.Date == nil {
			continue
		}
		round := rounds[(*r.Date)[:7]]
		if err := st.AssignProcess(ctx, r.ID, "astana", round); err != nil {
			t.Fatal(err)
		}
	}
	return st
}
