package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
	"github.com/spf13/cobra"
)

func newRender() *cobra.Command {
	var cf catalogFlag
	var locale string
	var params []string
	var title bool
	cmd := &cobra.Command{
		Use:   "render CODE",
		Short: "Print a code's message rendered with parameter values",
		Long: `render prints the message of CODE as a client would see it, with the parameters
given by --param NAME=VALUE, where NAME is the parameter's name or its index ({0} is 0).
Values are parsed by the parameter's type. A parameter left out shows as {name?}, or
selects the variant written for its absence (000037 without a field renders 000037[0]).`,
		Example: `  errcat render 000012 --param 0=project --param 1=42
  errcat render 000012 --param kind=project --param id=42 --locale vi
  errcat render 000037`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			_, d, err := cf.definition(cmd, a[0], locale)
			if err != nil {
				return err
			}
			values, err := parseParams(d, params)
			if err != nil {
				return err
			}
			e := d.New(values...)
			out := e.Message(locale)
			if title {
				out = e.Title(locale)
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), out)
			return err
		},
	}
	cf.register(cmd)
	cmd.Flags().StringVarP(&locale, "locale", "l", "", "locale of the message, such as vi or pt-BR")
	cmd.Flags().StringArrayVarP(&params, "param", "p", nil, "parameter value as NAME=VALUE or INDEX=VALUE; repeat for each")
	cmd.Flags().BoolVar(&title, "title", false, "print the title instead of the message")
	return cmd
}

// parseParams turns NAME=VALUE flags into values in d's parameter order.
func parseParams(d *errcat.Definition, flags []string) ([]errcat.Value, error) {
	ps := d.Params()
	values := make([]errcat.Value, len(ps))
	for _, f := range flags {
		name, text, ok := strings.Cut(f, "=")
		if !ok {
			return nil, usageErrorf("--param %q: want NAME=VALUE, such as --param id=42", f)
		}
		i := -1
		if n, err := strconv.Atoi(name); err == nil {
			i = n
		} else {
			for j, p := range ps {
				if p.Name == name {
					i = j
				}
			}
		}
		if i < 0 || i >= len(ps) {
			return nil, usageErrorf("--param %q: %s has no parameter %s; it has %s", f, d.ID(), name, paramList(ps))
		}
		v, err := errcat.ParseValue(ps[i].Kind, text)
		if err != nil {
			return nil, usageErrorf("--param %s: %v", name, err)
		}
		values[i] = v
	}
	return values, nil
}

func paramList(ps []errcat.Param) string {
	if len(ps) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "{%d} %s (%s)", i, p.Name, p.Kind)
	}
	return b.String()
}
