package cli

import (
	"context"
	"flag"

	"github.com/masar-project/masar/store"
)

// dbFlag adds the --db flag that every store command takes.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database: a SQLite file or postgres://... (default $MASAR_DB, else masar.db)")
}

// openStore opens the database named by a --db value.
func openStore(ctx context.Context, dsn string) (*store.Store, error) {
	return store.Open(ctx, dsn)
}

// parseInterspersed parses flags that may come before or after the positional
// arguments (masar search QUERY --limit 5) and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
