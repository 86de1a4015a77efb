package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/lint"
	"github.com/errcat/errcat/lint/usage"
	"github.com/spf13/cobra"
)

// lintFlags are the lint command's flags.
type lintFlags struct {
	format  string
	disable []string
	rules   bool
	usage   []string
}

func newLint() *cobra.Command {
	var f lintFlags
	cmd := &cobra.Command{
		Use:   "lint PATH...",
		Short: "Report mistakes in catalogs: missing statuses, disagreeing variants, duplicate texts…",
		Long: `lint loads each catalog (DIR/... stands for every catalog below DIR), reports its load
problems, then applies every rule, one finding a line as file:line:col: rule: message.
The exit status is 1 when any finding is an error, 2 when the arguments are wrong or
a path cannot be read. --rules lists the rules.`,
		Example: `  errcat lint examples/seeds/...
  errcat lint ./errors --format json --disable numeric-gap
  errcat lint ./errors --format sarif > errcat.sarif
  errcat lint ./errors --usage ./...`,
		RunE: func(cmd *cobra.Command, a []string) error {
			if f.rules {
				return writeRules(cmd.OutOrStdout())
			}
			if err := f.check(a); err != nil {
				return err
			}
			findings, err := runLint(cmd.ErrOrStderr(), a, f)
			if err != nil {
				return err
			}
			if err := writeFindings(cmd.OutOrStdout(), cmd.ErrOrStderr(), f.format, findings); err != nil {
				return err
			}
			if lint.Failed(findings) {
				return errSilent
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&f.format, "format", "text", "output format: text, json or sarif (SARIF 2.1.0, for code-scanning tools)")
	cmd.Flags().StringArrayVar(&f.disable, "disable", nil, "rule id not to apply; repeat for several")
	cmd.Flags().BoolVar(&f.rules, "rules", false, "list the rules and exit")
	cmd.Flags().StringArrayVar(&f.usage, "usage", nil, "Go package pattern (as ./...) whose code raises the catalog's errors: report codes never raised and codes raised but not defined")
	return cmd
}

// check reports a usage error in the arguments or flags.
func (f *lintFlags) check(a []string) error {
	if len(a) == 0 {
		return usageErrorf("lint: name at least one catalog path; see 'errcat lint --help'")
	}
	if f.format != "text" && f.format != "json" && f.format != "sarif" {
		return usageErrorf("--format %q: want text, json or sarif", f.format)
	}
	known := lint.Rules()
	for _, id := range f.disable {
		if id != lint.LoadRule && id != usage.OrphanRule && id != usage.UndefinedRule && !slices.ContainsFunc(known, func(r *lint.Rule) bool { return r.ID == id }) {
			return usageErrorf("--disable %q: no such rule; errcat lint --rules lists them", id)
		}
	}
	return nil
}

// writeRules lists the rules, their severity and what they report.
func writeRules(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, r := range lint.Rules() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Doc)
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\n", usage.OrphanRule, lint.SeverityWarning, "with --usage: a code the Go code never raises")
	fmt.Fprintf(tw, "%s\t%s\t%s\n", usage.UndefinedRule, lint.SeverityError, "with --usage: the Go code raises a code the catalog does not define")
	return tw.Flush()
}

// runLint loads each catalog the paths name and returns the findings of all of them,
// sorted. A hint goes to stderr when a directory was likely meant as DIR/....
func runLint(stderr io.Writer, paths []string, f lintFlags) ([]lint.Finding, error) {
	files, err := findCatalogs(paths)
	if err != nil {
		return nil, err
	}
	var raises []usage.Raise
	if len(f.usage) > 0 {
		if raises, err = usage.Find(".", f.usage...); err != nil {
			return nil, findingsErrorf("--usage: %v", err)
		}
	}
	var findings []lint.Finding
	for _, p := range files {
		c, err := catalog.LoadFiles(p)
		var probs catalog.Problems
		if err != nil && !errors.As(err, &probs) {
			return nil, ioErrorf("%s: %v", p, err)
		}
		if len(probs) > 0 {
			hintSubdirs(stderr, p)
		}
		findings = append(findings, lint.Run(c, probs, lint.Options{Disable: f.disable})...)
		if len(f.usage) > 0 && c != nil {
			for _, u := range usage.Check(c, raises) {
				if !slices.Contains(f.disable, u.Rule) {
					findings = append(findings, u)
				}
			}
		}
	}
	lint.Sort(findings)
	return findings, nil
}

// writeFindings writes findings in format: text (one a line, escaped by printable,
// with a count of each severity on stderr), json or sarif.
func writeFindings(stdout, stderr io.Writer, format string, findings []lint.Finding) error {
	switch format {
	case "sarif":
		log, err := lint.SARIF(findings)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", log)
		return err
	case "json":
		type jsonFinding struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Col      int    `json:"col"`
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		}
		js := make([]jsonFinding, len(findings))
		for i, f := range findings {
			js[i] = jsonFinding{f.Pos.File, f.Pos.Line, f.Pos.Col, f.Rule, f.Severity.String(), f.Message}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(js)
	}
	counts := map[lint.Severity]int{}
	for _, f := range findings {
		fmt.Fprintln(stdout, printable(f.String()))
		counts[f.Severity]++
	}
	_, err := fmt.Fprintln(stderr, summary(counts))
	return err
}

// summary counts findings by severity: "1 error, 2 warnings, 0 infos".
func summary(counts map[lint.Severity]int) string {
	var parts []string
	for _, s := range []lint.Severity{lint.SeverityError, lint.SeverityWarning, lint.SeverityInfo} {
		parts = append(parts, count(counts[s], s.String()))
	}
	return strings.Join(parts, ", ")
}
