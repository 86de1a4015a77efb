package errcat_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStandardLibraryOnly proves the runtime's promise: a service that imports only
// package errcat compiles no third-party code, and of errcat's other packages only
// internal/jsontext (itself standard library only), which the templates escape with.
func TestStandardLibraryOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	want := "github.com/errcat/errcat/internal/jsontext\ngithub.com/errcat/errcat"
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("package errcat depends on non-standard packages:\n%s", got)
	}
}
