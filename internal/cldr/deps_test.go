package cldr_test

import (
	"os/exec"
	"strings"
	"testing"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

// TestStandardLibraryOnly proves the package compiles no code outside the standard
// library but internal/langtag and internal/plural, so that the runtime may use it.
func TestStandardLibraryOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	if got, want := strings.TrimSpace(string(out)), "github.com/errcat/errcat/internal/langtag\ngithub.com/errcat/errcat/internal/plural\ngithub.com/errcat/errcat/internal/cldr"; got != want {
		t.Errorf("package cldr depends on:\n%s", got)
	}
}
