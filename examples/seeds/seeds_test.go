package seeds

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/lint"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

func TestCatalogsLoad(t *testing.T) {
	cats, err := Catalogs()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"devdocs", "backend", "identity", "bulk"}
	for i, c := range cats {
		if c.Name != want[i] || c.Set() == nil || len(c.Errors) == 0 {
			t.Errorf("catalog %d: name %q, %d errors, set %v; want %q with a set", i, c.Name, len(c.Errors), c.Set() != nil, want[i])
		}
	}
}

// TestLintFindsListedMistakes lints each example catalog and compares the findings
// with the list in its comments ("#   lint: RULE ID", where ID is the code or variant
// the finding points at, or "#   lint: none"): lint reports each listed mistake and
// nothing else.
func TestLintFindsListedMistakes(t *testing.T) {
	for _, dir := range []string{"000-common", "001-devdocs", "002-backend", "003-identity", "004-bulk"} {
		t.Run(dir, func(t *testing.T) {
			c, err := catalog.LoadFiles(dir)
			if err != nil {
				t.Fatal(err)
			}
			want := listedMistakes(t, c)
			var got []string
			for _, f := range lint.Run(c, nil, lint.Options{}) {
				got = append(got, f.Rule+" "+entryAt(c, f.Pos))
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("lint %s:\n got %q\nwant %q (the list in the catalog's comments)", dir, got, want)
			}
		})
	}
}

// listedMistakes reads the "#   lint: RULE ID" lines of the catalog's files, sorted.
func listedMistakes(t *testing.T, c *catalog.Catalog) []string {
	t.Helper()
	var out []string
	none := false
	for _, file := range c.Files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			rest, ok := strings.CutPrefix(strings.TrimSpace(line), "#   lint: ")
			if !ok {
				continue
			}
			f := strings.Fields(rest)
			if f[0] == "none" {
				none = true
				continue
			}
			out = append(out, f[0]+" "+f[1])
		}
	}
	if len(out) == 0 && !none {
		t.Fatalf("the catalog's comments list no mistakes: add \"#   lint: RULE ID\" lines, or \"#   lint: none\"")
	}
	slices.Sort(out)
	return out
}

// entryAt returns the id of the code or variant whose definition holds p: the last
// one that starts at or before it in its file.
func entryAt(c *catalog.Catalog, p catalog.Pos) string {
	id, line := "?", 0
	check := func(e *catalog.Entry) {
		if e.Pos.File == p.File && e.Pos.Line <= p.Line && e.Pos.Line >= line {
			id, line = e.ID(), e.Pos.Line
		}
	}
	for _, e := range c.Errors {
		check(e)
		for _, v := range e.Variants {
			check(v)
		}
	}
	return id
}
