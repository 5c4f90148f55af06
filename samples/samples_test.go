package samples

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
)

func TestArticles(t *testing.T) {
	as, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) < 12 || len(as) > 15 {
		t.Fatalf("got %d sample articles, want 12 to 15", len(as))
	}
	seen := map[string]bool{}
	for _, a := range as {
		switch {
		case a.ID == "" || seen[a.ID]:
			t.Errorf("missing or duplicate id %q", a.ID)
		case a.Title == "" || a.Text == "":
			t.Errorf("%s: empty title or text", a.ID)
		case !strings.Contains(a.URL, ".example.org/"):
			t.Errorf("%s: url %q is not an example.org address", a.ID, a.URL)
		}
		if _, err := time.Parse("2006-01-02", a.Published); err != nil {
			t.Errorf("%s: published %q is not an ISO date", a.ID, a.Published)
		}
		seen[a.ID] = true
	}
}

func TestIngestIdempotent(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	as, _ := Articles()
	x := oneEvent{}
	for i, want := range []int{len(as), 0} {
		n, err := Ingest(ctx, st, x)
		if err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("run %d added %d articles, want %d", i+1, n, want)
		}
	}
	st2, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st2.Articles != len(as) || st2.Events != len(as) {
		t.Errorf("store holds %d articles and %d events, want %d of each", st2.Articles, st2.Events, len(as))
	}
}

// oneEvent is an extractor that codes every article as one event, enough to
// see that what Ingest stores is what the extractor returned.
type oneEvent struct{}

func (oneEvent) Extract(a article.Article) article.Result {
	return article.Result{ID: a.ID, Events: []article.Event{{Type: "CONSULT", Modality: "asserted",
		Actors: []article.Actor{{Text: "x", Code: "SYRGOV"}}, Evidence: article.Span{Text: a.Text, End: len([]rune(a.Text))}}}}
}
