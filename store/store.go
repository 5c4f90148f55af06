// Package store is masar's system of record: articles with their provenance
// and annotations, merged events across articles, and Arabic full-text search,
// on embedded SQLite (the default) or on PostgreSQL with the same behaviour.
//
// Each Put is one transaction, so a killed process loses nothing committed.
// SQLite runs in WAL mode (readers never wait for the writer; writers wait up
// to a busy timeout, then fail with ErrLocked); PostgreSQL writers of one
// schema are serialised by an advisory lock. The SQL that differs between the
// two lives in dialect.go and in migrations/{sqlite,postgres}.
//
// Search indexes the normalised, clitic-stripped stems of package text
// (FTS5 with bm25 on SQLite, a 'simple' tsvector with ts_rank on
// PostgreSQL); snippets are cut from the original text by shared Go code.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"modernc.org/sqlite"
)

// ErrLocked is returned when another process holds the SQLite write lock for
// longer than the busy timeout.
var ErrLocked = errors.New("database is locked by another masar process")

// ErrReadOnly is returned when the database file or its directory cannot be
// written (SQLite's WAL needs to create files next to the database).
var ErrReadOnly = errors.New("database is read-only")

// ErrNotFound is returned by lookups of a missing row.
var ErrNotFound = errors.New("not found")

// busyTimeout is how long a SQLite writer waits for another one; a variable so
// that the locked-database test does not wait five seconds.
var busyTimeout = 5 * time.Second

// Store is an open masar database. It is safe for concurrent use.
type Store struct {
	db *sql.DB
	d  dialect

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // prepared write statements, by query (wtx)
}

// DefaultPath is $MASAR_DB if set, else masar.db in the working directory.
func DefaultPath() string {
	if p := os.Getenv("MASAR_DB"); p != "" {
		return p
	}
	return "masar.db"
}

// Open opens or creates the store and brings its schema up to date. An empty
// dsn means DefaultPath(); "postgres://" and "postgresql://" URLs select
// PostgreSQL; anything else is a SQLite file path.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if dsn == "" {
		dsn = DefaultPath()
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err := openPostgres(ctx, dsn)
		if err != nil {
			return nil, err
		}
		if err := s.migrateOrClose(ctx); err != nil {
			return nil, err
		}
		return s, nil
	}
	// Switching a new file to WAL while another process does the same fails
	// at once with SQLITE_BUSY, without SQLite's busy handler: retry for as
	// long as a busy handler would wait.
	deadline := time.Now().Add(busyTimeout)
	for {
		s, err := openSQLite(ctx, dsn)
		if err == nil {
			err = s.migrateOrClose(ctx)
		}
		if err == nil {
			return s, nil
		}
		if !errors.Is(err, ErrLocked) || time.Now().After(deadline) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// migrateOrClose brings the schema up to date, closing the store on failure.
func (s *Store) migrateOrClose(ctx context.Context) error {
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return err
	}
	return nil
}

func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: cannot connect: %w", err)
	}
	return &Store{db: db, d: dialect{postgres: true}, stmts: map[string]*sql.Stmt{}}, nil
}

func openSQLite(ctx context.Context, path string) (*Store, error) {
	if strings.Contains(path, "?") || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("database path %q: a SQLite path may not contain '?' nor start with file:", path)
	}
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	// A plain path (not a file: URI), so that no character of it is decoded.
	// A 32 MB page cache and memory-mapped reads: filtered queries over 100,000
	// events were three times slower with SQLite's 2 MB default.
	dsn := fmt.Sprintf("%s?_busy_timeout=%d&_journal_mode=WAL&_synchronous=NORMAL&_foreign_keys=1&_txlock=immediate"+
		"&_pragma=cache_size(-32768)&_pragma=mmap_size(268435456)",
		path, busyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	s := &Store{db: db, d: dialect{}, stmts: map[string]*sql.Stmt{}}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, s.wrap(fmt.Errorf("sqlite %s: %w", path, err))
	}
	return s, nil
}

// checkWritable turns permission problems into one clear error before SQLite
// reports them as an obscure "unable to open database file" or, worse, only
// on the first write.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("database directory %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("database directory %s is not a directory", dir)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		if isReadOnlyErr(err) {
			return fmt.Errorf("%w: cannot write %s: %v", ErrReadOnly, path, err)
		}
		return fmt.Errorf("database %s: %w", path, err)
	}
	f.Close()
	probe, err := os.CreateTemp(dir, ".masar-probe-*")
	if err != nil {
		if isReadOnlyErr(err) {
			return fmt.Errorf("%w: cannot create files in %s (SQLite needs its -wal and -shm files there): %v", ErrReadOnly, dir, err)
		}
		return fmt.Errorf("database directory %s: %w", dir, err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

func isReadOnlyErr(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// Close closes the database.
func (s *Store) Close() error {
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.mu.Unlock()
	return s.db.Close()
}

// Dialect names the backend: "sqlite" or "postgres".
func (s *Store) Dialect() string {
	if s.d.postgres {
		return "postgres"
	}
	return "sqlite"
}

// wrap translates backend errors that users meet into the package's errors.
func (s *Store) wrap(err error) error {
	if err == nil || s.d.postgres {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
			return fmt.Errorf("%w (waited %s): %v", ErrLocked, busyTimeout, err)
		case 8: // SQLITE_READONLY
			return fmt.Errorf("%w: %v", ErrReadOnly, err)
		case 26: // SQLITE_NOTADB
			return fmt.Errorf("not a masar database: %v", err)
		}
	}
	return err
}
