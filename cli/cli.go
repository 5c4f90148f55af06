// Package cli implements masar's subcommands. Each subcommand lives in its own
// file and registers itself in init, so that the domains stay independent.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Env is what a subcommand may touch: its arguments and standard streams.
type Env struct {
	Args   []string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// Command is one masar subcommand.
type Command struct {
	Name    string
	Summary string // one line for `masar help`
	Run     func(env *Env) error
}

var commands = map[string]Command{}

func register(c Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cli: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// errUsage marks an error whose message is a usage problem (exit status 2).
var errUsage = errors.New("usage")

// usageError wraps a message as a usage problem.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

// Main runs masar with the given arguments and returns the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "masar: unknown command %q (see 'masar help')\n", args[0])
		return 2
	}
	err := cmd.Run(&Env{Args: args[1:], Stdin: stdin, Stdout: stdout, Stderr: stderr})
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "masar %s: %v\n", cmd.Name, err)
		return 2
	default:
		fmt.Fprintf(stderr, "masar %s: %v\n", cmd.Name, err)
		return 1
	}
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "masar: Arabic news to structured political event data")
	fmt.Fprintln(w, "\nusage: masar COMMAND [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].Summary)
	}
	fmt.Fprintln(w, "\n'masar COMMAND -h' shows a command's flags.")
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(env *Env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("masar "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "usage: masar %s %s\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError("%v", strings.TrimSpace(err.Error()))
	}
	return nil
}
