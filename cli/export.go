package cli

import (
	"bufio"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/masar-project/masar/export"
)

func init() {
	register(Command{Name: "export", Summary: "export stored events as PLOVER JSON Lines, GDELT 2.0 TSV or Parquet", Run: runExport})
}

func runExport(env *Env) error {
	fs := newFlags(env, "export", "--format plover|gdelt|parquet [--out FILE] [filters]")
	db := dbFlag(fs)
	format := fs.String("format", export.PLOVER, "plover (JSON Lines), gdelt (GDELT 2.0 event TSV) or parquet")
	out := fs.String("out", "-", "output file; - is standard output")
	f := filterFlags(fs)
	fs.IntVar(&f.Limit, "limit", 0, "most events to export (0: all)")
	fs.IntVar(&f.Offset, "offset", 0, "events to skip")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	known := false
	for _, ef := range export.Formats {
		known = known || ef.Name == strings.ToLower(*format)
	}
	if !known {
		return usageError("--format %q: want plover, gdelt or parquet", *format)
	}
	if f.Limit < 0 || f.Offset < 0 {
		return usageError("--limit and --offset must not be negative")
	}
	if f.Offset > 0 && f.Limit == 0 {
		f.Limit = math.MaxInt32 // the store applies an offset only with a limit
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *out == "-" {
		bw := bufio.NewWriter(env.Stdout)
		if err := export.Write(ctx, st, *format, *f, bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return writeFileAtomic(*out, func(w *bufio.Writer) error {
		return export.Write(ctx, st, *format, *f, w)
	})
}

// writeFileAtomic writes a file through a temporary file in the same
// directory, so that a failed export leaves no partial file behind.
func writeFileAtomic(path string, write func(*bufio.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { // CreateTemp makes it private
		return err
	}
	return os.Rename(tmp.Name(), path)
}
