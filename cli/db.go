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

// filterFlags declares the event filters shared by the commands that select
// events (events, export) and returns the filter they fill.
func filterFlags(fs *flag.FlagSet) *store.EventFilter {
	var f store.EventFilter
	fs.StringVar(&f.Actor, "actor", "", "actor or recipient code (RUSGOV; three letters match a country: RUS)")
	fs.StringVar(&f.Type, "type", "", "PLOVER event type (CONSULT, ASSAULT, ...)")
	fs.StringVar(&f.Process, "process", "", "peace process (astana, geneva, ...)")
	fs.StringVar(&f.Place, "place", "", "place: English name, Arabic name or ISO country code")
	fs.StringVar(&f.From, "from", "", "events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")
	fs.StringVar(&f.To, "to", "", "events on or before this date")
	fs.StringVar(&f.Modality, "modality", "", "asserted, future, hypothetical or negated")
	fs.StringVar(&f.Query, "query", "", "words the evidence sentence must contain")
	return &f
}
