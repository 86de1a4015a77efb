package errcat_test

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

// TestStandardLibraryOnly proves the runtime's promise: a service that imports only
// package errcat compiles no third-party code, and of errcat's other packages only
// internal/jsontext, internal/langtag, internal/plural, internal/cldr, internal/icu
// and internal/parallel (themselves standard library only), with which templates escape,
// choose plural forms, format values for a locale and render, and large sets compile
// on every processor.
func TestStandardLibraryOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	want := []string{
		"github.com/errcat/errcat",
		"github.com/errcat/errcat/internal/cldr",
		"github.com/errcat/errcat/internal/icu",
		"github.com/errcat/errcat/internal/jsontext",
		"github.com/errcat/errcat/internal/langtag",
		"github.com/errcat/errcat/internal/parallel",
		"github.com/errcat/errcat/internal/plural",
	}
	got := strings.Fields(string(out))
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("package errcat depends on non-standard packages:\n%s", out)
	}
}

// TestInternalPackagesAreLeaves holds the layout's promise that internal/ holds leaf
// helpers only: a library package under internal/ (not one under cmd/, and not a
// command such as internal/tools/synthetic, which sits at the top of the graph as
// cmd/ does) imports no package of the project outside internal/. The helpers stay
// usable from every layer without an import cycle, and the folder list keeps telling
// where the top of the graph is.
func TestInternalPackagesAreLeaves(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{.Name}} {{join .Imports \" \"}}", "./internal/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	const module = "github.com/errcat/errcat"
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, name, imports := fields[0], fields[1], fields[2:]
		if name == "main" {
			continue
		}
		checked++
		for _, imp := range imports {
			if (imp == module || strings.HasPrefix(imp, module+"/")) && !strings.HasPrefix(imp, module+"/internal/") {
				t.Errorf("%s imports %s: a package under internal/ is a leaf and imports only other internal/ packages", pkg, imp)
			}
		}
	}
	if checked == 0 {
		t.Error("go list found no library package under internal/")
	}
}

// TestEveryTestAcceptsUpdate holds that "go test ./... -update" runs: the go command
// passes -update to every test binary, and one that does not define the flag fails.
// internal/golden defines it, so every package with tests links it.
func TestEveryTestAcceptsUpdate(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}} {{join .TestImports \" \"}} {{join .XTestImports \" \"}}{{end}}", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if !slices.Contains(fields[1:], "github.com/errcat/errcat/internal/golden") {
			t.Errorf("the tests of %s do not import internal/golden, so go test ./... -update fails there: add _ \"github.com/errcat/errcat/internal/golden\"", fields[0])
		}
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
