package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/lint"
	"github.com/errcat/errcat/lint/usage"
	"github.com/spf13/cobra"
)

func newLint() *cobra.Command {
	var format string
	var disable []string
	var list bool
	var usagePatterns []string
	cmd := &cobra.Command{
		Use:   "lint PATH...",
		Short: "Report mistakes in catalogs: missing statuses, disagreeing variants, duplicate texts…",
		Long: `lint loads each catalog (DIR/... stands for every catalog below DIR), reports its load
problems, then applies every rule, one finding a line as file:line:col: rule: message.
The exit status is 1 when any finding is an error. --rules lists the rules.`,
		Example: `  errcat lint examples/seeds/...
  errcat lint ./errors --format json --disable numeric-gap
  errcat lint ./errors --format sarif > errcat.sarif
  errcat lint ./errors --usage ./...`,
		RunE: func(cmd *cobra.Command, a []string) error {
			out := cmd.OutOrStdout()
			if list {
				tw := tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)
				for _, r := range lint.Rules() {
					fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Doc)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", usage.OrphanRule, lint.SeverityWarning, "with --usage: a code the Go code never raises")
				fmt.Fprintf(tw, "%s\t%s\t%s\n", usage.UndefinedRule, lint.SeverityError, "with --usage: the Go code raises a code the catalog does not define")
				return tw.Flush()
			}
			if len(a) == 0 {
				return usageErrorf("lint: name at least one catalog path; see 'errcat lint --help'")
			}
			if format != "text" && format != "json" && format != "sarif" {
				return usageErrorf("--format %q: want text, json or sarif", format)
			}
			known := lint.Rules()
			for _, id := range disable {
				if id != lint.LoadRule && id != usage.OrphanRule && id != usage.UndefinedRule && !slices.ContainsFunc(known, func(r *lint.Rule) bool { return r.ID == id }) {
					return usageErrorf("--disable %q: no such rule; errcat lint --rules lists them", id)
				}
			}
			paths, err := catalog.FindFiles(a...)
			if err != nil {
				return findingsErrorf("%v", err)
			}
			var raises []usage.Raise
			if len(usagePatterns) > 0 {
				if raises, err = usage.Find(".", usagePatterns...); err != nil {
					return findingsErrorf("--usage: %v", err)
				}
			}
			var findings []lint.Finding
			for _, p := range paths {
				c, err := catalog.LoadFiles(p)
				var probs catalog.Problems
				if err != nil && !errors.As(err, &probs) {
					return findingsErrorf("%s: %v", p, err)
				}
				findings = append(findings, lint.Run(c, probs, lint.Options{Disable: disable})...)
				if len(usagePatterns) > 0 && c != nil {
					for _, f := range usage.Check(c, raises) {
						if !slices.Contains(disable, f.Rule) {
							findings = append(findings, f)
						}
					}
				}
			}
			lint.Sort(findings)
			if format == "sarif" {
				log, err := lint.SARIF(findings)
				if err != nil {
					return err
				}
				fmt.Fprintf(out, "%s\n", log)
			} else if format == "json" {
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
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(js); err != nil {
					return err
				}
			} else {
				counts := map[lint.Severity]int{}
				for _, f := range findings {
					fmt.Fprintln(out, f)
					counts[f.Severity]++
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "%s\n", summary(counts))
			}
			if lint.Failed(findings) {
				return errSilent
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or sarif (SARIF 2.1.0, for code-scanning tools)")
	cmd.Flags().StringArrayVar(&disable, "disable", nil, "rule id not to apply; repeat for several")
	cmd.Flags().BoolVar(&list, "rules", false, "list the rules and exit")
	cmd.Flags().StringArrayVar(&usagePatterns, "usage", nil, "Go package pattern (as ./...) whose code raises the catalog's errors: report codes never raised and codes raised but not defined")
	return cmd
}

func summary(counts map[lint.Severity]int) string {
	var parts []string
	for _, s := range []lint.Severity{lint.SeverityError, lint.SeverityWarning, lint.SeverityInfo} {
		n := counts[s]
		word := s.String() + "s"
		if n == 1 {
			word = s.String()
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, word))
	}
	return strings.Join(parts, ", ")
}
