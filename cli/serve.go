package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/masar-project/masar/extract"
	"github.com/masar-project/masar/samples"
	"github.com/masar-project/masar/server"
	"github.com/masar-project/masar/store"
)

func init() {
	register(Command{Name: "serve", Summary: "serve the web UI and the JSON API (--demo: with sample articles)", Run: runServe})
}

func runServe(env *Env) error {
	fs := newFlags(env, "serve", "[--addr HOST:PORT] [--db PATH|postgres://...] [--demo]")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (loopback by default)")
	db := fs.String("db", "", "database: a SQLite path or a postgres:// URL (default "+store.DefaultPath()+")")
	demo := fs.Bool("demo", false, "ingest the embedded sample articles first (once; idempotent)")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := extract.New()
	if err != nil {
		return err
	}
	if *demo {
		n, err := samples.Ingest(ctx, st, x)
		if err != nil {
			return fmt.Errorf("ingesting the samples: %w", err)
		}
		if n > 0 {
			fmt.Fprintf(env.Stderr, "masar: ingested %d sample articles\n", n)
		}
		// Extraction assigns events to processes as they are stored; only a
		// store written without that needs a pass.
		if err := ensureAssigned(ctx, env, st, false); err != nil {
			return err
		}
	}
	log := slog.New(slog.NewTextHandler(env.Stderr, nil))
	h, err := server.New(server.Options{Store: st, Extractor: x, Logger: log})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		fmt.Fprintf(env.Stderr, "masar: warning: listening on %s, reachable from other machines\n", ln.Addr())
	}
	fmt.Fprintf(env.Stdout, "masar: serving http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if err := server.Serve(ctx, ln, h, 10*time.Second); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, "masar: stopped")
	return nil
}
