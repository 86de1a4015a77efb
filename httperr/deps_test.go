package httperr

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestStandardLibraryOnly: a service that imports httperr compiles no third-party code,
// only the runtime, its common catalog and the runtime's internal leaves.
func TestStandardLibraryOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		t.Skipf("go list: %v\n%s", err, out)
	}
	const module = "github.com/errcat/errcat"
	for _, dep := range strings.Fields(string(out)) {
		switch {
		case dep == module, dep == module+"/common", dep == module+"/httperr":
		case strings.HasPrefix(dep, module+"/internal/"):
		default:
			t.Errorf("package httperr depends on %s: it may use only the standard library, the runtime, common and internal leaves", dep)
		}
	}
}
