package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/internal/golden"
)

func run(t *testing.T, dir string, opts Options) []Finding {
	t.Helper()
	c, err := catalog.Load(os.DirFS("testdata"), dir)
	var probs catalog.Problems
	if err != nil && !errors.As(err, &probs) {
		t.Fatal(err)
	}
	return Run(c, probs, opts)
}

func text(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Severity.String() + " " + f.String() + "\n")
	}
	return b.String()
}

// TestMistakes runs every rule on a catalog made to trip each of them.
func TestMistakes(t *testing.T) {
	fs := run(t, "mistakes", Options{})
	golden.Check(t, filepath.Join("testdata", "mistakes.want.txt"), []byte(text(fs)))
	fired := map[string]bool{}
	for _, f := range fs {
		fired[f.Rule] = true
	}
	for _, r := range Rules() {
		if !fired[r.ID] {
			t.Errorf("rule %s found nothing in testdata/mistakes", r.ID)
		}
	}
	if !Failed(fs) {
		t.Error("Failed = false, want true: there are errors")
	}
}

func TestClean(t *testing.T) {
	if fs := run(t, "clean", Options{}); len(fs) != 0 {
		t.Errorf("findings on a clean catalog:\n%s", text(fs))
	}
}

func TestDisable(t *testing.T) {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	ids = append(ids, LoadRule)
	if fs := run(t, "mistakes", Options{Disable: ids}); len(fs) != 0 {
		t.Errorf("findings with every rule disabled:\n%s", text(fs))
	}
}

func TestRulesDocumented(t *testing.T) {
	for _, r := range Rules() {
		if r.ID == "" || r.Doc == "" || strings.ToLower(r.ID) != r.ID {
			t.Errorf("rule %+v needs a lower-case id and a doc line", r)
		}
	}
}

// TestNoiseRules holds the rules that must stay quiet where a catalog is laid out on
// purpose, and speak once where one decision fixes many codes.
func TestNoiseRules(t *testing.T) {
	for _, tt := range []struct{ dir, want string }{
		// The API answers every error with one transport status: no code needs one.
		{"fixed-status", ""},
		// More than ten codes without a status: one finding that lists them.
		{"many-missing", "error many-missing/errors.yaml:4:13: missing-status: 14 codes have no HTTP status: 1000–1011, 1020, 1030; add status: to each (servers answer them with 500 meanwhile), or declare response: status: when the API answers every error with one status\n"},
		// Only the gap inside the 2000–2004 block; not 2005–2099 between blocks, nor
		// 3003 across declared ranges.
		{"blocks", "info blocks/errors.yaml:11:13: numeric-gap: 2002 is not assigned, between 2001 and 2003\n"},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			if got := text(run(t, tt.dir, Options{})); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
