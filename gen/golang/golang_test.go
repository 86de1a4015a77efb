package golang

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/gen/internal/hostile"
	"github.com/errcat/errcat/internal/golden"
)

// catalogs are the generator's inputs: the built-in catalog and every seed catalog.
var catalogs = []struct{ name, path, pkg string }{
	{"common", "../../common/source", "common"},
	{"seed000", "../../examples/seeds/000-common", "platform"},
	{"seed001", "../../examples/seeds/001-devdocs", "devdocs"},
	{"seed002", "../../examples/seeds/002-backend", "backend"},
	{"seed003", "../../examples/seeds/003-identity", "identity"},
	{"seed004", "../../examples/seeds/004-bulk", "bulk"},
	{"shop", "../../catalog/testdata/load/ok-merged/input", "shop"},
}

func generate(t *testing.T, path, pkg string) []byte {
	t.Helper()
	src, err := Generate(catalogtest.Load(t, path), Options{Package: pkg, Source: filepath.Base(path)})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestGolden(t *testing.T) {
	for _, c := range catalogs {
		t.Run(c.name, func(t *testing.T) {
			got := generate(t, c.path, c.pkg)
			if again := generate(t, c.path, c.pkg); !bytes.Equal(got, again) {
				t.Fatal("two runs generate different bytes")
			}
			golden.Check(t, filepath.Join("testdata", c.name+".go.golden"), got)
		})
	}
}

// e2eModule writes a module that uses the generated packages of every catalog and
// returns its directory.
func e2eModule(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a module; skipped in -short mode")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module e2e\n\ngo 1.24\n\nrequire github.com/errcat/errcat v0.0.0\n\nreplace github.com/errcat/errcat => "+root+"\n"))
	write("go.sum", sum)
	for _, c := range catalogs {
		write(filepath.Join(c.pkg, "errors.go"), generate(t, c.path, c.pkg))
	}
	src, err := Generate(hostileCatalog(t), Options{Package: "hostile", Source: hostile.Text()})
	if err != nil {
		t.Fatal(err)
	}
	write("hostile/errors.go", src)
	return dir
}

func goCmd(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestEndToEnd builds the generated code of every catalog, vets it, and runs a program
// that raises and renders errors through the generated constructors.
func TestEndToEnd(t *testing.T) {
	dir := e2eModule(t)
	main := `package main

import (
	"errors"
	"fmt"
	"time"

	"e2e/backend"
	"e2e/bulk"
	"e2e/common"
	"e2e/devdocs"
	"e2e/hostile"
	"e2e/identity"
	"e2e/platform"
	"e2e/shop"
)

func main() {
	nf := common.UnableToLocate("project", "42").WithCause(errors.New("no rows"))
	fmt.Println(nf.Code(), nf.Status(), nf.Message("en"), errors.Is(fmt.Errorf("w: %w", nf), common.ErrUnableToLocate))
	fmt.Println(common.ImageTooLarge(5).Message(""))
	fmt.Println(common.ValueAlreadyExists("").Message(""))
	fmt.Println(platform.MissingPrivilege("delete", "ADMIN", "owner").Title(""))
	fmt.Println(devdocs.AuthenticationFailed().Status(), backend.DatabaseError().Message(""))
	fmt.Println(identity.UserNotExist().Code(), identity.Set.NumericCodes(), identity.Set.Response())
	fmt.Println(bulk.InvalidValue("title").Message(""), bulk.Set.Response(), bulk.ErrUnsupportedContentType.OmitMessage())
	e := shop.OutOfStock("socks", 72*time.Hour)
	fmt.Println(e.Message("vi"), "|", e.Message("en"))
	h := hostile.Hostile("v")
	fmt.Println(hostile.CodeHostile == "A\"\x60*/\u2028\\", h.Status(), hostile.Set.Lookup(hostile.CodeHostile) == hostile.ErrHostile, errors.Is(h, hostile.ErrHostile))
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := goCmd(t, dir, "vet", "./..."); err != nil {
		t.Fatalf("go vet of generated code: %v\n%s", err, out)
	}
	out, err := goCmd(t, dir, "run", ".")
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	want := `000012 404 Unable to locate project with id 42. true
Image must smaller than 5MB!
A value already exists, and duplicates are not allowed.
You cannot delete — missing privilege ADMIN
401 General database error.
2004 true {simple 200 0 false}
Value given for title is not valid {bulk 0 4000 true} true
Sản phẩm socks đã hết hàng. | Item socks is out of stock; {restock} in 72h.
true 400 true true
`
	if out != want {
		t.Errorf("program printed:\n%s\nwant:\n%s", out, want)
	}
}

// TestWrongCallsDoNotCompile proves that generated constructors are typed: a call with
// the wrong number or type of arguments fails to build.
func TestWrongCallsDoNotCompile(t *testing.T) {
	dir := e2eModule(t)
	for _, tt := range []struct{ call, want string }{
		{`common.UnableToLocate("project")`, "not enough arguments in call to common.UnableToLocate"},
		{`common.UnableToLocate("project", "42", "x")`, "too many arguments in call to common.UnableToLocate"},
		{`common.ImageTooLarge("5")`, `cannot use "5" (untyped string constant) as int value in argument to common.ImageTooLarge`},
		{`shop.OutOfStock("socks", "72h")`, `cannot use "72h" (untyped string constant) as time.Duration value`},
	} {
		src := fmt.Sprintf("package main\n\nimport (\n\t\"time\"\n\n\t\"e2e/common\"\n\t\"e2e/shop\"\n)\n\nvar _ = time.Second\nvar _ = shop.Set\nvar _ = common.Set\n\nfunc main() { _ = %s }\n", tt.call)
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := goCmd(t, dir, "build", "-o", os.DevNull, ".")
		if err == nil {
			t.Errorf("%s compiled, want a compile error", tt.call)
			continue
		}
		if !strings.Contains(out, tt.want) {
			t.Errorf("%s: build output\n%s\ndoes not contain %q", tt.call, out, tt.want)
		}
	}
}

// TestCanonical proves that the templates write gofmt's layout, so that skipping
// go/format for large catalogs changes no byte.
func TestCanonical(t *testing.T) {
	defer func(l int) { formatLimit = l }(formatLimit)
	formatLimit = 0
	hostileSrc, err := Generate(hostileCatalog(t), Options{Package: "hostile", Source: hostile.Text()})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range append(catalogs, struct{ name, path, pkg string }{name: "hostile"}) {
		raw := hostileSrc
		if c.path != "" {
			raw = generate(t, c.path, c.pkg)
		}
		formatted, err := format.Source(raw)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !bytes.Equal(raw, formatted) {
			t.Errorf("%s: template output is not gofmt'ed; first difference near %q", c.name, firstDiff(raw, formatted))
		}
	}
}

func firstDiff(a, b []byte) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			lo := max(0, i-60)
			return string(a[lo:min(len(a), i+40)])
		}
	}
	return "(one is a prefix of the other)"
}
