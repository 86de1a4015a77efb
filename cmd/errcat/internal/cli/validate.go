package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/spf13/cobra"
)

func newValidate() *cobra.Command {
	return &cobra.Command{
		Use:   "validate PATH...",
		Short: "Load catalogs and report every problem as file:line:col: message",
		Long: `validate loads each catalog and reports every problem it finds, one a line, as
file:line:col: message. A PATH is a catalog file or directory; DIR/... stands for every
catalog below DIR, each loaded on its own. The exit status is 1 when any catalog has a
problem, 2 when a path cannot be read.`,
		Example: `  errcat validate ./errors
  errcat validate examples/seeds/...`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			paths, err := findCatalogs(a)
			if err != nil {
				return err
			}
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			bad := 0
			for _, p := range paths {
				c, err := catalog.LoadFiles(p)
				var probs catalog.Problems
				switch {
				case errors.As(err, &probs):
					bad++
					printError(stderr, probs)
					hintSubdirs(stderr, p)
					fmt.Fprintf(stdout, "%s: %s\n", printable(p), count(len(probs), "problem"))
					continue
				case err != nil:
					bad++
					fmt.Fprintf(stderr, "%s: %s\n", printable(p), printable(err.Error()))
					continue
				}
				variants := 0
				for _, e := range c.Errors {
					variants += len(e.Variants)
				}
				fmt.Fprintf(stdout, "%s: ok: catalog %s, %s, %s, %s %s\n", printable(p), printable(c.Name),
					count(len(c.Errors), "code"), count(variants, "variant"), plural(len(c.Set().Locales()), "locale"), printable(strings.Join(c.Set().Locales(), ", ")))
			}
			if bad > 0 {
				return errSilent
			}
			return nil
		},
	}
}
