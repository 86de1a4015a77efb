package errcat_test

import (
	"os"
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

// TestAdaptersStayOut proves that the gRPC, Connect and OpenTelemetry adapters, each
// a module of its own, add nothing to this module's graph: a service that requires
// only errcat never downloads them or what they need.
func TestAdaptersStayOut(t *testing.T) {
	cmd := exec.Command("go", "list", "-m", "all")
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("go list -m all: %v\n%s", err, out)
		}
		t.Skipf("go list -m all: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		path, _, _ := strings.Cut(line, " ")
		for _, banned := range []string{
			"google.golang.org/grpc", "google.golang.org/genproto", "connectrpc.com/",
			"go.opentelemetry.io/", "github.com/prometheus/",
			"github.com/errcat/errcat/grpcerr", "github.com/errcat/errcat/connecterr", "github.com/errcat/errcat/otelerr",
		} {
			if strings.HasPrefix(path, banned) {
				t.Errorf("go list -m all lists %s", line)
			}
		}
	}
}
