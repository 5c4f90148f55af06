// Package samples holds the demo articles that `masar serve --demo` ingests:
// short Arabic news reports written for masar itself (no third-party text)
// about the Syrian peace processes and a few field events.
package samples

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"time"

	"github.com/masar-project/masar/article"
	"github.com/masar-project/masar/store"
)

//go:embed articles.jsonl
var articlesJSONL []byte

// Articles returns the sample articles in file order.
func Articles() ([]article.Article, error) {
	var out []article.Article
	sc := bufio.NewScanner(bytes.NewReader(articlesJSONL))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var a article.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("samples line %d: %w", n, err)
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

// Extractor annotates an article (extract.Extractor does).
type Extractor interface {
	Extract(article.Article) article.Result
}

// Ingest extracts and stores the samples that st does not hold yet (by
// content hash), so that running it again adds nothing. It returns how many
// articles it added.
func Ingest(ctx context.Context, st *store.Store, x Extractor) (int, error) {
	as, err := Articles()
	if err != nil {
		return 0, err
	}
	added := 0
	for _, a := range as {
		hash := store.ContentHash(a.Text)
		have, err := st.HasContent(ctx, hash)
		if err != nil {
			return added, err
		}
		if have {
			continue
		}
		rec := store.ArticleRecord{Article: a, Source: "masar:samples/articles.jsonl", Format: "jsonl",
			Fetched: time.Now().UTC(), ContentHash: hash}
		if _, err := st.Put(ctx, rec, x.Extract(a)); err != nil {
			return added, fmt.Errorf("sample %s: %w", a.ID, err)
		}
		added++
	}
	return added, nil
}
