package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/internal/golden"
)

// TestGolden runs the errcat command and compares its output and exit status with
// testdata/<case>.txt.
func TestGolden(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	tests := []struct {
		name string
		args string
	}{
		{"explain-000012", "explain 000012"},
		{"explain-variant", "explain 000037[0]"},
		{"explain-seed002-107", "explain 107 --catalog ../../../../examples/seeds/002-backend"},
		{"explain-unknown", "explain 00001"},
		{"explain-locale-missing", "explain 000001 --locale ko"},
		{"explain-locale-ja", "explain 000012 --locale ja"},
		{"explain-forms", "explain F-1 --catalog ../../../../gen/openapi/testdata/forms"},
		{"explain-forms-select", "explain F-3 --catalog ../../../../gen/openapi/testdata/forms"},
		{"explain-forms-fr", "explain F-4 --catalog ../../../../gen/openapi/testdata/forms --locale fr"},
		{"render-positional", "render 000012 --param 0=project --param 1=42"},
		{"render-named", "render 000012 --param kind=project --param id=42"},
		{"render-variant", "render 000037"},
		{"render-marker", "render 000012 --param kind=project"},
		{"render-title", "render 000008 --title --param action=delete --param privilege=ADMIN"},
		{"render-typed", "render 000017 --param limit_mb=5"},
		{"render-bad-int", "render 000017 --param limit_mb=five"},
		{"render-unknown-param", "render 000012 --param nope=1"},
		{"render-bad-flag", "render 000012 --param nope"},
		{"render-no-code", "render"},
		{"render-declared-bulk", "render 4005 --catalog ../../../../examples/seeds/004-bulk"},
		{"render-declared-omit", "render 4013 --catalog ../../../../examples/seeds/004-bulk --include"},
		{"render-declared-status", "render 2227 --catalog ../../../../examples/seeds/003-identity --include"},
		{"render-envelope-message", "render 4010 --catalog ../../../../examples/seeds/004-bulk --envelope message --param field=status"},
		{"render-envelope-problem", "render 000012 --envelope problem --param kind=project --param id=42 --include"},
		{"render-envelope-field", "render 000012 --envelope simple --param kind=project --param id=42 --field /id"},
		{"render-envelope-example", "render 000012 --envelope bulk"},
		{"render-bad-envelope", "render 000012 --envelope xml"},
		{"render-title-envelope", "render 000012 --envelope bulk --title"},
		{"validate-seeds", "validate ../../../../examples/seeds/..."},
		{"validate-bad", "validate ../../../../catalog/testdata/load/fields/input"},
		{"unknown-flag", "explain 000012 --colour"},
		{"gen-bad-envelope", "gen openapi --envelope xml"},
		{"gen-openapi-bad-remap", "gen openapi --http-code Missing=000001"},
		{"gen-openapi-remap-unknown-code", "gen openapi ../../../../examples/petstore/errors --http-code NotFound=PET-999"},
		{"lint-seeds", "lint ../../../../examples/seeds/..."},
		{"lint-json", "lint ../../../../lint/testdata/mistakes --format json --disable missing-translation"},
		{"lint-clean", "lint ../../../../lint/testdata/clean"},
		{"lint-rules", "lint --rules"},
		{"import-bad-format", "import --from docx x.docx -o out"},
		{"lint-usage", "lint ../../../../examples/petstore/errors --usage ../../../../examples/petstore/... --disable missing-translation"},
		{"lint-bad-disable", "lint ../../../../lint/testdata/clean --disable no-such-rule"},
		{"gen-bad-catalog", "gen go ../../../../catalog/testdata/load/fields/input"},
		{"explain-search", "explain --search locate"},
		{"explain-search-fuzzy", "explain --search lcoate"},
		{"explain-search-none", "explain --search zzqxv"},
		{"explain-search-and-code", "explain 000012 --search id"},
		{"docs-markdown", "docs markdown ../../../../examples/petstore/errors --locale vi"},
		{"docs-build-no-output", "docs build"},
		{"docs-build-bad", "docs build ../../../../catalog/testdata/load/fields/input -o never-written"},
		{"docs-build-missing", "docs build /nonexistent -o never-written"},
		{"lint-forged", "lint testdata/forged"},
		{"explain-forged", "explain F-1 --catalog testdata/forged"},
		{"render-forged", "render F-1 --catalog testdata/forged"},
		{"lint-missing", "lint /nonexistent"},
		{"validate-nested", "validate testdata/nested"},
		{"validate-one", "validate testdata/nested/a"},
		{"validate-missing", "validate /nonexistent testdata/nested/a"},
		{"explain-typo", "explain 00012"},
		{"explain-typo-name", "explain AUTH-041 --catalog ../../../../examples/seeds/001-devdocs"},
		{"explain-missing-catalog", "explain 1 --catalog /nonexistent"},
		{"serve-missing", "serve /nonexistent --addr 127.0.0.1:0"},
		{"i18n-status", "i18n status ../../../../translation/testdata/shop --locale ja"},
		{"i18n-status-below", "i18n status ../../../../translation/testdata/shop --min-coverage 50"},
		{"i18n-export-no-locale", "i18n export ../../../../translation/testdata/shop"},
		{"i18n-export-po", "i18n export ../../../../translation/testdata/shop --locale fr --format po"},
		{"serve-bad", "serve ../../../../catalog/testdata/load/fields/input --addr 127.0.0.1:0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main(strings.Fields(tt.args), &stdout, &stderr)
			got := fmt.Sprintf("$ errcat %s\n--- stdout\n%s--- stderr\n%s--- exit %d\n", tt.args, stdout.String(), stderr.String(), code)
			golden.Check(t, filepath.Join("testdata", tt.name+".txt"), []byte(got))
		})
	}
}

// TestGenWritesFiles checks that every generator writes its file whole, leaving no
// temporary file behind.
func TestGenWritesFiles(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ args, file, prefix string }{
		{"gen go --package common -o", "common.go", "// Code generated by errcat; DO NOT EDIT."},
		{"gen ts -o", "errors.ts", "// Code generated by errcat; DO NOT EDIT."},
		{"gen openapi -o", "errors.yaml", "components:"},
		{"gen openapi ../../../../examples/seeds/002-backend --merge ../../../../gen/openapi/testdata/backend-api.yaml -o", "api.yaml", "# The Backend Services API"},
		{"gen openapi ../../../../examples/petstore/errors ../../../../common/source --http-code NotFound=PET-404 -o", "both.json", "{"},
	} {
		path := filepath.Join(dir, tt.file)
		var stdout, stderr bytes.Buffer
		if code := Main(append(strings.Fields(tt.args), path), &stdout, &stderr); code != 0 {
			t.Fatalf("errcat %s: exit %d: %s", tt.args, code, stderr.String())
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), tt.prefix) {
			t.Errorf("%s starts %q, want %q", tt.file, string(data[:min(len(data), 60)]), tt.prefix)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 5 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only the five outputs", names)
	}
}

// TestDocsBuild builds the site of every seed catalog (dir/... expands as for
// validate) and checks its layout and the figures the command prints.
func TestDocsBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"docs", "build", "../../../../examples/seeds/...", "-o", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var files int
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
		}
		return nil
	})
	if want := fmt.Sprintf("errcat: wrote %s: %d files, ", dir, files); !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q; want it to start %q", stderr.String(), want)
	}
	for _, name := range []string{"common", "devdocs", "backend", "identity", "bulk"} {
		if _, err := os.Stat(filepath.Join(dir, "catalogs", name, "index.html")); err != nil {
			t.Error(err)
		}
	}
}

// TestBuiltinCodesInOrder holds that the built-in catalog lists its codes in
// ascending order, as every overview (explain --search, the portal, Markdown) shows
// them, and that its count is the one the README states.
func TestBuiltinCodesInOrder(t *testing.T) {
	c, err := source.Load()
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	variants := 0
	for _, e := range c.Errors {
		codes = append(codes, e.Code)
		variants += len(e.Variants)
	}
	if !slices.IsSorted(codes) {
		t.Errorf("codes not in order: %v", codes)
	}
	if got, want := fmt.Sprintf("%d codes, %d variants", len(codes), variants), "51 codes, 3 variants"; got != want {
		t.Errorf("built-in catalog: %s, want %s (as README.md says)", got, want)
	}
}

// TestDocsBuildEnvelope: pages show the example response in the envelope asked for;
// an unknown one is a usage error naming those there are.
func TestDocsBuildEnvelope(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"docs", "build", "../../../../examples/petstore/errors", "-o", dir, "--envelope", "simple"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	page, err := os.ReadFile(filepath.Join(dir, "errors/PET-404/index.html"))
	if err != nil || !bytes.Contains(page, []byte("<summary><code>simple</code>")) || bytes.Contains(page, []byte("<summary><code>problem</code>")) {
		t.Errorf("the page does not show the simple envelope only: %v", err)
	}
	stderr.Reset()
	if code := Main([]string{"docs", "build", "../../../../examples/petstore/errors", "-o", dir, "--envelope", "xml"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), `--envelope "xml": use one of problem, simple, bulk, google`) {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}
