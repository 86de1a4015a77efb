// Command errcat reads an error catalog and explains, renders and validates its codes.
// Run "errcat help" for the sub-commands.
package main

import (
	"os"

	"github.com/errcat/errcat/cmd/errcat/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
