package cli

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"text/template"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/portal"
	"github.com/spf13/cobra"
)

func newExplain() *cobra.Command {
	var cf catalogFlag
	var locale, search string
	cmd := &cobra.Command{
		Use:   "explain CODE | --search WORDS",
		Short: "Print a code's title, message and its forms, description, causes, resolutions and statuses",
		Example: `  errcat explain 000012
  errcat explain 000037[0]
  errcat explain 2227 --catalog examples/seeds/003-identity
  errcat explain 000012 --locale vi --catalog ./errors
  errcat explain --search "locate id"
  errcat explain --search lcoate`,
		Args: args(func(cmd *cobra.Command, a []string) error {
			if search != "" && len(a) > 0 {
				return errors.New("give a CODE or --search WORDS, not both")
			}
			if search != "" {
				return nil
			}
			return cobra.ExactArgs(1)(cmd, a)
		}),
		RunE: func(cmd *cobra.Command, a []string) error {
			if search != "" {
				return explainSearch(cmd, &cf, search, locale)
			}
			c, d, err := cf.definition(cmd, a[0], locale)
			if err != nil {
				return err
			}
			return explainTmpl.Execute(cmd.OutOrStdout(), explainView(c, d, locale).printable())
		},
	}
	cf.register(cmd)
	cmd.Flags().StringVarP(&locale, "locale", "l", "", "locale of the texts, such as vi or pt-BR (default: the catalog's default locale)")
	cmd.Flags().StringVarP(&search, "search", "s", "", "list the codes whose texts hold these words (forgiving typos) instead of explaining one")
	return cmd
}

// explainSearch lists the codes that match words, one a line: code, status, title.
func explainSearch(cmd *cobra.Command, cf *catalogFlag, words, locale string) error {
	c, err := cf.load(cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	ix, err := portal.NewIndex(locale, c)
	if err != nil {
		return findingsErrorf("%v", err)
	}
	res := ix.Search(words)
	out := cmd.OutOrStdout()
	if len(res.Hits) == 0 {
		return findingsErrorf("no code of catalog %s matches %q", c.Name, words)
	}
	if res.Fuzzy {
		fmt.Fprintf(out, "No code matches %q; codes with %s:\n", words, printable(strings.Join(res.Suggestions, ", ")))
	}
	width := 0
	for _, h := range res.Hits {
		width = max(width, len(h.ID))
	}
	for _, h := range res.Hits {
		status := "   "
		if h.Status != 0 {
			status = strconv.Itoa(h.Status)
		}
		fmt.Fprintf(out, "%-*s  %s  %s\n", width, printable(h.ID), status, printable(h.Title))
	}
	return nil
}

// explainData is what the explain template shows of one definition.
type explainData struct {
	ID, Name, Title, Message, Summary, Description string
	Status, GRPC, Category, Catalog, Docs          string
	Wire                                           string // the declared wire shape, or ""
	Retryable, Internal                            bool
	Params                                         []string
	FormsLocale                                    string   // the locale whose rules choose the forms
	Forms                                          []string // each form of the texts, rendered
	Causes, Resolutions, ReturnedBy, Variants      []string
	Deprecated                                     string
	Parent                                         string
}

// printable returns x with every text escaped by printable: each stays on its line.
func (x explainData) printable() explainData {
	for _, s := range []*string{&x.ID, &x.Name, &x.Title, &x.Message, &x.Summary, &x.Description, &x.Status, &x.GRPC, &x.Category, &x.Catalog, &x.Docs, &x.Wire, &x.Deprecated, &x.Parent, &x.FormsLocale} {
		*s = printable(*s)
	}
	for _, list := range []*[]string{&x.Params, &x.Forms, &x.Causes, &x.Resolutions, &x.ReturnedBy, &x.Variants} {
		out := make([]string, len(*list))
		for i, s := range *list {
			out[i] = printable(s)
		}
		*list = out
	}
	return x
}

func explainView(c *catalog.Catalog, d *errcat.Definition, locale string) explainData {
	x := explainData{
		ID: d.ID(), Name: d.Name(),
		Title:       d.Title(locale).String(),
		Message:     d.Message(locale).String(),
		Summary:     d.Summary(locale).String(),
		Description: d.Description(locale).String(),
		GRPC:        d.GRPC(), Category: d.Category(),
		Catalog:   strings.TrimSpace(c.Name + " " + c.Version),
		Docs:      d.DocsURL(),
		Retryable: d.Retryable(), Internal: !d.Public(),
	}
	r := c.Set().Response()
	switch {
	case r.Status != 0:
		x.Status = strings.TrimSpace(fmt.Sprintf("%d %s, as every error of the catalog (its response status)", r.Status, http.StatusText(r.Status)))
	case d.Status() == 0:
		x.Status = "none given (lint reports this)"
	default:
		x.Status = strings.TrimSpace(fmt.Sprintf("%d %s", d.Status(), http.StatusText(d.Status())))
	}
	x.Wire = wireShape(r, d.OmitMessage())
	width := 0
	for _, p := range d.Params() {
		width = max(width, len(p.Name))
	}
	for i, p := range d.Params() {
		line := fmt.Sprintf("{%d} %-*s  %-8s  %s", i, width, p.Name, p.Kind, p.Description)
		if p.Example != "" {
			line += fmt.Sprintf(" (e.g. %s)", p.Example)
		}
		if p.Sensitive {
			line += " [sensitive: redacted in logs]"
		}
		x.Params = append(x.Params, strings.TrimRight(line, " "))
	}
	x.FormsLocale, x.Forms = formLines(c, d, locale)
	for _, t := range d.Causes(locale) {
		x.Causes = append(x.Causes, t.String())
	}
	for _, t := range d.Resolutions(locale) {
		x.Resolutions = append(x.Resolutions, t.String())
	}
	for _, id := range d.ReturnedBy() {
		if id == "*" {
			x.ReturnedBy = append(x.ReturnedBy, "every operation")
			continue
		}
		if op := c.Operation(id); op != nil && op.Title != "" {
			id += " (" + op.Title + ")"
		}
		x.ReturnedBy = append(x.ReturnedBy, id)
	}
	for _, v := range d.Variants() {
		text := v.Title(locale)
		if text.IsZero() {
			text = v.Message(locale)
		}
		x.Variants = append(x.Variants, v.ID()+"  "+text.String())
	}
	if p := d.Parent(); p != nil {
		x.Parent = p.ID()
	}
	if dep := d.Deprecated(); dep != nil {
		x.Deprecated = "yes"
		if dep.Since != "" {
			x.Deprecated = "since " + dep.Since
		}
		if dep.ReplacedBy != "" {
			x.Deprecated += ", use " + dep.ReplacedBy
		}
		if dep.Note != "" {
			x.Deprecated += ": " + dep.Note
		}
	}
	return x
}

// formLines returns each form of d's texts in locale (see catalog.Forms) as a line:
// its name, the parameter's value that selects it, and the message it renders (the
// title too when the title chooses), with the locale whose rules choose them. It
// returns none when the texts do not choose, or their example cannot be made.
func formLines(c *catalog.Catalog, d *errcat.Definition, locale string) (string, []string) {
	ex, err := c.Example(d)
	if err != nil {
		return "", nil
	}
	forms, err := catalog.Forms(d, ex, locale)
	if err != nil || len(forms) == 0 {
		return "", nil
	}
	title, message := ex.Texts(locale)
	width, vwidth := 0, 0
	for _, f := range forms {
		width = max(width, len(f.Name))
		vwidth = max(vwidth, len(f.Param)+1+len(f.Value))
	}
	var lines []string
	for _, f := range forms {
		line := fmt.Sprintf("%-*s  %-*s  %s", width, f.Name, vwidth, f.Param+"="+f.Value, f.Error.Message(locale))
		if !title.Plain() && title.String() != message.String() {
			line += "  (title: " + f.Error.Title(locale) + ")"
		}
		lines = append(lines, line)
	}
	rulesOf := message.Locale()
	if message.Plain() {
		rulesOf = title.Locale()
	}
	return rulesOf, lines
}

// wireShape describes the wire shape r declares for a code, whose message omit
// leaves out: "" when the catalog declares none and the code leaves nothing out.
func wireShape(r errcat.ResponseSpec, omit bool) string {
	if r.Envelope == "" && !omit {
		return ""
	}
	env := r.Envelope
	if env == "" {
		env = "problem"
	}
	parts := []string{env + " envelope"}
	if r.BulkStatusCode != 0 {
		parts = append(parts, "status_code "+strconv.Itoa(r.BulkStatusCode))
	}
	if r.OmitFieldMessage {
		parts = append(parts, "field entries without their message")
	}
	if omit {
		parts = append(parts, "this code's message left out where the envelope allows")
	}
	return strings.Join(parts, ", ")
}

var explainTmpl = template.Must(template.New("explain").Parse(`{{.ID}}  {{.Name}}
{{if .Title}}{{.Title}}
{{end}}
HTTP status  {{.Status}}
{{- if .GRPC}}
gRPC status  {{.GRPC}}{{end}}
{{- if .Category}}
Category     {{.Category}}{{end}}
{{- if .Retryable}}
Retryable    yes{{end}}
{{- if .Internal}}
Public       no: clients see only the generic text of the status{{end}}
{{- if .Deprecated}}
Deprecated   {{.Deprecated}}{{end}}
{{- if .Parent}}
Variant of   {{.Parent}}{{end}}
Catalog      {{.Catalog}}
{{- if .Wire}}
Wire shape   {{.Wire}}{{end}}
{{- if .Docs}}
Docs         {{.Docs}}{{end}}

Message
  {{.Message}}
{{- if .Forms}}

Forms ({{.FormsLocale}} plural rules; each with the other parameters' examples)
{{- range .Forms}}
  {{.}}{{end}}{{end}}
{{- if .Params}}

Parameters
{{- range .Params}}
  {{.}}{{end}}{{end}}
{{- if .Description}}

Description
  {{.Description}}{{end}}
{{- if .Causes}}

Root Cause
{{- range .Causes}}
  - {{.}}{{end}}{{end}}
{{- if .Resolutions}}

Resolution
{{- range .Resolutions}}
  - {{.}}{{end}}{{end}}
{{- if .ReturnedBy}}

Returned By
{{- range .ReturnedBy}}
  - {{.}}{{end}}{{end}}
{{- if .Variants}}

Variants
{{- range .Variants}}
  {{.}}{{end}}{{end}}
`))
