package cli

import (
	"fmt"

	"github.com/errcat/errcat/portal"
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
			values, err := portal.ParseParams(d, params)
			if err != nil {
				return usageErrorf("--param %v", err)
			}
			e := d.New(values...)
			out := e.Message(locale)
			if title {
				out = e.Title(locale)
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), printable(out))
			return err
		},
	}
	cf.register(cmd)
	cmd.Flags().StringVarP(&locale, "locale", "l", "", "locale of the message, such as vi or pt-BR")
	cmd.Flags().StringArrayVarP(&params, "param", "p", nil, "parameter value as NAME=VALUE or INDEX=VALUE; repeat for each")
	cmd.Flags().BoolVar(&title, "title", false, "print the title instead of the message")
	return cmd
}
