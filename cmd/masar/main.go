// Command masar turns Arabic news into structured political event data.
// See the README for the subcommands; the work is done in package cli.
package main

import (
	"os"

	"github.com/masar-project/masar/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
