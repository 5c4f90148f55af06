package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/masar-project/masar/article"
)

// backends runs fn against a fresh SQLite store and, when MASAR_TEST_POSTGRES
// is set, against a fresh schema on that PostgreSQL server.
func backends(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, openSQLiteTest(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, openPostgresTest(t)) })
}

func openSQLiteTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "masar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// postgresDSN is the test server, or a skip (a failure under CI, where
// .ci/run always starts one).
func postgresDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("MASAR_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but MASAR_TEST_POSTGRES is not set: run the tests through .ci/run, which starts PostgreSQL")
		}
		t.Skip("MASAR_TEST_POSTGRES not set: skipping PostgreSQL (eval \"$(bash .ci/postgres.sh)\" to run it)")
	}
	return dsn
}

var unsafeSchemaChars = regexp.MustCompile(`[^a-z0-9_]+`)

// openPostgresTest opens the store in a new schema that is dropped afterwards,
// so that tests do not see each other's rows.
func openPostgresTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), newPostgresSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newPostgresSchema creates an empty schema for one test and returns the DSN
// that selects it.
func newPostgresSchema(t testing.TB) string {
	t.Helper()
	dsn := postgresDSN(t)
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	name := unsafeSchemaChars.ReplaceAllString(strings.ToLower(t.Name()), "_")
	name = fmt.Sprintf("t_%.40s_%08x", name, rand.Uint32())
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.ExecContext(ctx, `DROP SCHEMA `+name+` CASCADE`) })
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + name
}

func str(s string) *string { return &s }

func actor(code string) article.Actor { return article.Actor{Text: code, Code: code} }

// ev builds an event; date "" means unknown, place "" no location.
func ev(typ, modality string, actors, recipients []string, date, place, country, evidence string) article.Event {
	e := article.Event{Type: typ, Modality: modality, Actors: []article.Actor{}, Recipients: []article.Actor{},
		Evidence: article.Span{Text: evidence, Start: 0, End: len([]rune(evidence))}}
	for _, c := range actors {
		e.Actors = append(e.Actors, actor(c))
	}
	for _, c := range recipients {
		e.Recipients = append(e.Recipients, actor(c))
	}
	if date != "" {
		e.Date = str(date)
	}
	if place != "" || country != "" {
		e.Location = &article.Location{Text: place, Name: place, Country: country}
	}
	return e
}

// put stores an article with the given events and fails the test on error.
func put(t testing.TB, s *Store, id, url, published, body string, events ...article.Event) PutResult {
	t.Helper()
	rec := ArticleRecord{Article: article.Article{ID: id, Text: body, Published: published, URL: url, Title: "عنوان " + id},
		Source: url, Format: "jsonl"}
	res := article.Result{ID: id, Events: events, Quotes: []article.Quote{}, Entities: []article.Entity{}, Timexes: []article.Timex{}}
	r, err := s.Put(context.Background(), rec, res)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
