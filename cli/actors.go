package cli

import (
	"context"
	"strconv"
)

func init() {
	register(Command{Name: "actors", Summary: "list actor codes by the number of stored events", Run: runActors})
}

type actorJSON struct {
	Code        string `json:"code"`
	Name        string `json:"name,omitempty"`
	Events      int    `json:"events"`
	AsActor     int    `json:"as_actor"`
	AsRecipient int    `json:"as_recipient"`
}

func runActors(env *Env) error {
	fs := newFlags(env, "actors", "[flags]")
	db := dbFlag(fs)
	format := formatFlag(fs)
	limit := fs.Int("limit", 0, "most actors to show (0: all)")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	as, err := st.Actors(ctx, *limit)
	if err != nil {
		return err
	}
	items := make([]actorJSON, len(as))
	rows := make([][]string, len(as))
	for i, a := range as {
		items[i] = actorJSON(a)
		rows[i] = []string{a.Code, a.Name, strconv.Itoa(a.Events), strconv.Itoa(a.AsActor), strconv.Itoa(a.AsRecipient)}
	}
	return writeRows(env.Stdout, *format, []string{"CODE", "NAME", "EVENTS", "AS ACTOR", "AS RECIPIENT"}, rows, items)
}
