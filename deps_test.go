package errcat_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStandardLibraryOnly proves the runtime's promise: a service that imports only
// package errcat compiles no third-party code and none of errcat's other packages.
func TestStandardLibraryOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "github.com/errcat/errcat" {
		t.Errorf("package errcat depends on non-standard packages:\n%s", got)
	}
}
