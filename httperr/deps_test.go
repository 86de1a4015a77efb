package httperr

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestStandardLibraryOnly: a service that imports httperr compiles no third-party code,
// only the runtime, its common catalog and internal/jsontext.
func TestStandardLibraryOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		t.Skipf("go list: %v\n%s", err, out)
	}
	want := []string{"github.com/errcat/errcat/internal/jsontext", "github.com/errcat/errcat", "github.com/errcat/errcat/common", "github.com/errcat/errcat/httperr"}
	if got := strings.Fields(string(out)); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("package httperr depends on\n%s\nwant only\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
