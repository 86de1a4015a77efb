// Package lint checks a catalog for mistakes the format allows but clients suffer
// from: missing statuses, variants that disagree, identical texts on different codes,
// placeholders that differ between texts and translations, and more. Each rule has a
// stable id, a severity and a one-line doc; findings carry the position of what they
// are about.
package lint

import (
	"cmp"
	"slices"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/internal/parallel"
)

// Severity ranks findings. Only Error findings fail a lint run.
type Severity int

// The severities, least severe first.
const (
	SeverityInfo Severity = iota
	SeverityWarning
	SeverityError
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	}
	return "error"
}

// Finding is one thing a rule found.
type Finding struct {
	Pos      catalog.Pos
	Rule     string
	Severity Severity
	Message  string
}

// String returns "file:line:col: rule: message".
func (f Finding) String() string { return f.Pos.String() + ": " + f.Rule + ": " + f.Message }

// Rule is a check with a stable id.
type Rule struct {
	// ID names the rule in findings and in --disable.
	ID string
	// Doc says what the rule reports, in one line.
	Doc      string
	Severity Severity
	check    func(c *catalog.Catalog, report func(pos catalog.Pos, msg string))
}

// Rules returns every rule, in id order.
func Rules() []*Rule {
	out := slices.Clone(rules)
	slices.SortFunc(out, func(a, b *Rule) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// LoadRule is the id under which Run reports the catalog's load problems.
const LoadRule = "load"

// Options select the rules a run applies.
type Options struct {
	// Disable lists rule ids not to apply.
	Disable []string
}

// Run applies the rules to c and returns the findings sorted by position. Load
// problems (as catalog.Load returns them) come first, as errors of the rule "load";
// the rules then run on what could be loaded.
func Run(c *catalog.Catalog, loadProblems catalog.Problems, opts Options) []Finding {
	var out []Finding
	if !slices.Contains(opts.Disable, LoadRule) {
		for _, p := range loadProblems {
			out = append(out, Finding{Pos: p.Pos, Rule: LoadRule, Severity: SeverityError, Message: p.Msg})
		}
	}
	if c != nil {
		// Rules only read the catalog: they run on every core, each into its own
		// slice, joined in rule order so that the outcome is the same as in turn.
		found := make([][]Finding, len(rules))
		parallel.Each(len(rules), func(i int) {
			r := rules[i]
			if slices.Contains(opts.Disable, r.ID) {
				return
			}
			r.check(c, func(pos catalog.Pos, msg string) {
				found[i] = append(found[i], Finding{Pos: pos, Rule: r.ID, Severity: r.Severity, Message: msg})
			})
		})
		for _, f := range found {
			out = append(out, f...)
		}
	}
	Sort(out)
	return out
}

// Sort orders findings by file, line, column and rule, keeping the order of equal ones.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col), strings.Compare(a.Rule, b.Rule))
	})
}

// Failed reports whether findings hold an Error.
func Failed(findings []Finding) bool {
	return slices.ContainsFunc(findings, func(f Finding) bool { return f.Severity == SeverityError })
}
