package cli

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/portal"
	"github.com/spf13/cobra"
)

// messageOnly is the --envelope value that prints the message alone.
const messageOnly = "message"

// exampleRequestID is the request id of rendered bodies unless --request-id gives
// one, so that the same command prints the same body; the docs show the same.
const exampleRequestID = "4bf92f3577b34da6a3ce929d"

func newRender() *cobra.Command {
	var cf catalogFlag
	var locale, envelope, field, requestID string
	var params []string
	var title, include bool
	cmd := &cobra.Command{
		Use:   "render CODE",
		Short: "Print a code's message, or the response body a client receives for it",
		Long: `render prints CODE as a client sees it. With --envelope it prints the response body
in that envelope (problem, simple, bulk or google), as an errcat HTTP server writes it;
with --envelope message, the message alone. The default is the envelope the catalog
declares in its response field, with its options, else the message.

Parameters are given by --param NAME=VALUE, where NAME is the parameter's name or its
index ({0} is 0); values are parsed by the parameter's type. A parameter left out shows
as {name?}, or selects the variant written for its absence (000037 without a field
renders 000037[0]). A body rendered with no --param and no --field shows the code's
first example, as the docs do.`,
		Example: `  errcat render 000012 --param 0=project --param 1=42
  errcat render 000012 --param kind=project --param id=42 --locale vi
  errcat render 000037
  errcat render 4005 --catalog examples/seeds/004-bulk
  errcat render 2004 --catalog examples/seeds/003-identity --include
  errcat render 000012 --envelope problem --param kind=project --param id=42`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if envelope != "" && envelope != messageOnly && httperr.EnvelopeByName(envelope) == nil {
				return usageErrorf("--envelope %q: want problem, simple, bulk, google or message", envelope)
			}
			c, d, err := cf.definition(cmd, a[0], locale)
			if err != nil {
				return err
			}
			if envelope == "" && !title && c.Response != nil {
				envelope = c.Response.Envelope
			}
			if envelope == "" || envelope == messageOnly {
				if field != "" || include {
					return usageErrorf("--field and --include show a response body: give --envelope")
				}
				return renderMessage(cmd, d, params, locale, title)
			}
			if title {
				return usageErrorf("--title prints a message: leave out --envelope, or give --envelope message")
			}
			e, err := renderError(c, d, params, field)
			if err != nil {
				return err
			}
			return writeResponse(cmd, c, e, envelope, locale, requestID, include)
		},
	}
	cf.register(cmd)
	cmd.Flags().StringVarP(&locale, "locale", "l", "", "locale of the message, such as vi or pt-BR")
	cmd.Flags().StringArrayVarP(&params, "param", "p", nil, "parameter value as NAME=VALUE or INDEX=VALUE; repeat for each")
	cmd.Flags().BoolVar(&title, "title", false, "print the title instead of the message")
	cmd.Flags().StringVar(&envelope, "envelope", "", "print the response body in this envelope: problem, simple, bulk or google; message for the message alone (default: the catalog's response envelope, else message)")
	cmd.Flags().StringVar(&field, "field", "", "render the error as concerning this request field, as a validation error does")
	cmd.Flags().StringVar(&requestID, "request-id", exampleRequestID, "the X-Request-ID a body names as its instance (problem envelope)")
	cmd.Flags().BoolVarP(&include, "include", "i", false, "print the HTTP status line and Content-Type before the body")
	return cmd
}

// renderMessage prints the message (or title) of d with the given params.
func renderMessage(cmd *cobra.Command, d *errcat.Definition, params []string, locale string, title bool) error {
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
}

// renderError returns the error a body is rendered for: the catalog's example of d
// when neither params nor field are given, else d with them.
func renderError(c *catalog.Catalog, d *errcat.Definition, params []string, field string) (*errcat.Error, error) {
	if len(params) == 0 && field == "" {
		return c.Example(d)
	}
	values, err := portal.ParseParams(d, params)
	if err != nil {
		return nil, usageErrorf("--param %v", err)
	}
	e := d.New(values...)
	if field != "" {
		e.AddField(field, d.New(values...))
	}
	return e, nil
}

// writeResponse writes the response of e in the envelope called name, configured as
// the catalog declares it when it is the declared one; httperr answers in the
// catalog's transport status when it declares one.
func writeResponse(cmd *cobra.Command, c *catalog.Catalog, e *errcat.Error, name, locale, requestID string, include bool) error {
	env := httperr.EnvelopeByName(name)
	if r := c.Set().Response(); r.Envelope == name {
		env = httperr.Declared(r)
	}
	r := portal.Render(e, env, locale, 0, requestID)
	var b strings.Builder
	if include {
		fmt.Fprintf(&b, "HTTP/1.1 %d %s\nContent-Type: %s\n\n", r.Status, http.StatusText(r.Status), r.ContentType())
	}
	b.WriteString(printable(string(r.Body)))
	b.WriteByte('\n')
	_, err := fmt.Fprint(cmd.OutOrStdout(), b.String())
	return err
}
