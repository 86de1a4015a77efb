// Package cli implements the errcat command, one file per sub-command.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit statuses of the errcat command.
const (
	exitOK       = 0
	exitFindings = 1 // problems in a catalog, an unknown code, a breaking change
	exitUsage    = 2 // wrong flags or arguments, a path that cannot be read
)

// exitError carries an exit status; its message, if any, has been printed or is
// printed by Main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// ioErrorf reports a path that cannot be read or written: like a usage error, the
// command could not do its work, which a caller must not take for a finding.
func ioErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func findingsErrorf(format string, args ...any) error {
	return &exitError{code: exitFindings, err: fmt.Errorf(format, args...)}
}

// errSilent is returned when the command has already printed what went wrong.
var errSilent = &exitError{code: exitFindings}

// Main runs the errcat command with args and returns its exit status: 0 on success,
// 1 for findings (catalog problems, unknown codes, breaking changes), 2 for usage
// errors and paths that cannot be read. What it prints of a catalog's text goes
// through printable.
func Main(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if !errors.As(err, &ee) {
		// cobra's own errors: unknown command or flag.
		fmt.Fprintf(stderr, "errcat: %s\nRun 'errcat help' for usage.\n", printable(err.Error()))
		return exitUsage
	}
	if ee.err != nil {
		fmt.Fprintf(stderr, "errcat: %s\n", printable(ee.err.Error()))
	}
	return ee.code
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "errcat",
		Short: "errcat keeps an API's error codes consistent, documented, translated and safe",
		Long: `errcat reads an error catalog (YAML or JSON files that define every error an API
returns) and explains, renders and validates its codes. Without --catalog, commands
use the built-in "common" catalog.`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: err}
	})
	root.AddCommand(newExplain(), newRender(), newValidate(), newGen(), newLint(), newDiff(), newImport(), newDocs(), newServe(), newI18n(), newVersion())
	return root
}

// args returns a cobra argument check whose failure is a usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("%s: %v; see 'errcat %s --help'", cmd.Name(), err, cmd.Name())}
		}
		return nil
	}
}
