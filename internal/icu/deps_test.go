package icu_test

import (
	"os/exec"
	"strings"
	"testing"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

// TestStandardLibraryOnly proves the package compiles no code outside the standard
// library but internal/cldr, internal/jsontext, internal/langtag and internal/plural, so that the
// runtime may use it.
func TestStandardLibraryOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	want := "github.com/errcat/errcat/internal/langtag\ngithub.com/errcat/errcat/internal/plural\ngithub.com/errcat/errcat/internal/cldr\ngithub.com/errcat/errcat/internal/jsontext\ngithub.com/errcat/errcat/internal/icu"
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("package icu depends on non-standard packages:\n%s", got)
	}
}
