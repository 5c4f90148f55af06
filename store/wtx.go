package store

import (
	"context"
	"database/sql"
)

// wtx is a write transaction whose statements are prepared once per Store and
// reused: parsing SQL was a third of the cost of Put on SQLite.
type wtx struct {
	tx *sql.Tx
	s  *Store
}

func (w wtx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	q := w.s.d.q(query)
	w.s.mu.Lock()
	st, ok := w.s.stmts[q]
	w.s.mu.Unlock()
	if !ok {
		var err error
		if st, err = w.s.db.PrepareContext(ctx, q); err != nil {
			return nil, err
		}
		w.s.mu.Lock()
		if prev, dup := w.s.stmts[q]; dup { // another Put prepared it meanwhile
			st.Close()
			st = prev
		} else {
			w.s.stmts[q] = st
		}
		w.s.mu.Unlock()
	}
	return w.tx.StmtContext(ctx, st), nil
}

// exec runs a statement written with ? placeholders.
func (w wtx) exec(ctx context.Context, query string, args ...any) error {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

// scan runs a query that returns one row into dest.
func (w wtx) scan(ctx context.Context, query string, args []any, dest ...any) error {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

func (w wtx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}
