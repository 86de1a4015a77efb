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
problem.`,
		Example: `  errcat validate ./errors
  errcat validate examples/seeds/...`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			paths, err := catalog.FindFiles(a...)
			if err != nil {
				return findingsErrorf("%v", err)
			}
			bad := 0
			for _, p := range paths {
				c, err := catalog.LoadFiles(p)
				var probs catalog.Problems
				switch {
				case errors.As(err, &probs):
					bad++
					fmt.Fprintln(cmd.ErrOrStderr(), probs)
					fmt.Fprintf(cmd.OutOrStdout(), "%s: %d problems\n", p, len(probs))
					continue
				case err != nil:
					bad++
					fmt.Fprintf(cmd.ErrOrStderr(), "%s: %v\n", p, err)
					continue
				}
				codes, variants := 0, 0
				for _, e := range c.Errors {
					codes++
					variants += len(e.Variants)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: ok: catalog %s, %d codes, %d variants, locales %s\n", p, c.Name, codes, variants, strings.Join(c.Set().Locales(), ", "))
			}
			if bad > 0 {
				return errSilent
			}
			return nil
		},
	}
}
