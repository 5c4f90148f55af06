package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/masar-project/masar/process"
	"github.com/masar-project/masar/store"
)

func init() {
	register(Command{Name: "process", Summary: "show a peace process's rounds (masar process astana), or list the processes", Run: runProcess})
}

func runProcess(env *Env) error {
	fs := newFlags(env, "process", "[NAME] [flags]")
	db := dbFlag(fs)
	format := formatFlag(fs)
	reassign := fs.Bool("reassign", false, "recompute every event's process and round from the stored articles first")
	args, err := parseInterspersed(fs, env.Args)
	if err != nil {
		return err
	}
	if len(args) > 1 {
		return usageError("one process name at most, got %q", strings.Join(args, " "))
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if len(args) == 1 {
		if _, ok := process.Default().Lookup(args[0]); !ok {
			return usageError("unknown process %q (see 'masar process' for the list)", args[0])
		}
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := ensureAssigned(ctx, env, st, *reassign); err != nil {
		return err
	}
	if len(args) == 0 {
		return listProcesses(ctx, env, st, *format)
	}
	v, err := process.View(ctx, st, args[0])
	if err != nil {
		return err
	}
	return writeProcess(env.Stdout, *format, v)
}

// ensureAssigned assigns events to processes when asked, or when the store
// holds events but no assignment (a store filled before ingest assigned them).
func ensureAssigned(ctx context.Context, env *Env, st *store.Store, force bool) error {
	if !force {
		assigned, err := st.ProcessRounds(ctx, "")
		if err != nil || len(assigned) > 0 {
			return err
		}
		_, total, err := st.Events(ctx, store.EventFilter{Limit: 1})
		if err != nil || total == 0 {
			return err
		}
	}
	n, err := process.Reassign(ctx, st)
	if err != nil {
		return fmt.Errorf("assigning events to processes: %w", err)
	}
	fmt.Fprintf(env.Stderr, "masar process: assigned %d events to processes\n", n)
	return nil
}

func listProcesses(ctx context.Context, env *Env, st *store.Store, format string) error {
	list, err := process.List(ctx, st)
	if err != nil {
		return err
	}
	rows := make([][]string, len(list))
	for i, s := range list {
		rows[i] = []string{s.ID, s.Name, s.NameAr, strconv.Itoa(s.Rounds), strconv.Itoa(s.Events), s.First, s.Last}
	}
	return writeRows(env.Stdout, format, []string{"ID", "NAME", "ARABIC", "ROUNDS", "EVENTS", "FIRST", "LAST"}, rows, list)
}

// writeProcess prints a process view: in a table, a heading with the
// process's actors by role, then one row per round.
func writeProcess(w io.Writer, format string, v process.ProcessView) error {
	if format == formatJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	}
	rows := make([][]string, len(v.Rounds))
	for i, r := range v.Rounds {
		venue := ""
		if r.Venue != nil {
			venue = place(r.Venue)
		}
		rows[i] = []string{strconv.Itoa(r.Number), r.Label, r.Status, dateRange(r.Date, r.DateEnd), venue,
			byRole(r.Participants), outcomes(r.Outcomes), strconv.Itoa(r.Events), strconv.Itoa(r.Articles)}
	}
	header := []string{"ROUND", "LABEL", "STATUS", "DATES", "VENUE", "PARTICIPANTS", "OUTCOMES", "EVENTS", "ARTICLES"}
	if format == formatTable {
		fmt.Fprintf(w, "%s (%s), venue %s\n", v.Name, v.NameAr, place(&v.Venue))
		fmt.Fprintf(w, "%d events in %d articles", v.Events, v.Articles)
		if v.First != "" {
			fmt.Fprintf(w, ", %s", dateRange(v.First, v.Last))
		}
		fmt.Fprintf(w, "; %d outside a known round\n", v.Other)
		fmt.Fprintf(w, "roles: %s\n\n", byRole(v.Roles))
		if len(rows) == 0 {
			_, err := fmt.Fprintln(w, "no rounds found in the store")
			return err
		}
	}
	return writeRows(w, format, header, rows, nil)
}

func dateRange(from, to string) string {
	if to == "" || to == from {
		return from
	}
	return from + "/" + to
}

// byRole groups participants by role: "guarantor: Russia, Turkey, Iran;
// observer: Jordan".
func byRole(ps []process.Participant) string {
	var parts []string
	for i := 0; i < len(ps); {
		j := i
		var names []string
		for ; j < len(ps) && ps[j].Role == ps[i].Role; j++ {
			names = append(names, participantName(ps[j]))
		}
		parts = append(parts, ps[i].Role+": "+strings.Join(names, ", "))
		i = j
	}
	return strings.Join(parts, "; ")
}

// participantName is the country or organisation name, with the code when
// the code is not the government or the organisation itself.
func participantName(p process.Participant) string {
	switch {
	case p.Name == "":
		return p.Code
	case strings.HasPrefix(p.Code, "IGO") || strings.HasSuffix(p.Code, "GOV"):
		return p.Name
	}
	return p.Name + " (" + p.Code + ")"
}

func outcomes(os []process.Outcome) string {
	parts := make([]string, len(os))
	for i, o := range os {
		parts[i] = o.Kind + ": " + o.Text
	}
	return strings.Join(parts, "; ")
}
