package portal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// TestWriteDirRefusesForeignDir: a directory errcat did not write is refused untouched,
// even one that looks like a site (an index.html, a .git); Force replaces it.
func TestWriteDirRefusesForeignDir(t *testing.T) {
	c := catalogtest.Load(t, "../examples/petstore/errors")
	dir := filepath.Join(t.TempDir(), "public")
	for name, data := range map[string]string{"index.html": "<h1>my site</h1>", ".git/HEAD": "ref: refs/heads/main\n"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := WriteDir([]*catalog.Catalog{c}, Options{}, dir)
	if err == nil || !strings.Contains(err.Error(), "public holds files errcat did not write (it has no .errcat-site): give an empty or new directory, or --force") {
		t.Fatalf("writing over a foreign directory: %v", err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, ".git/HEAD")); err != nil || string(data) != "ref: refs/heads/main\n" {
		t.Fatalf(".git was touched: %v", err)
	}
	if _, err := WriteDir([]*catalog.Catalog{c}, Options{Force: true}, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); !os.IsNotExist(err) {
		t.Errorf("forced: .git is still there (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(dir, SiteMarker)); err != nil {
		t.Errorf("no marker: %v", err)
	}
	// Now errcat's: replaced without force.
	if _, err := WriteDir([]*catalog.Catalog{c}, Options{}, dir); err != nil {
		t.Fatal(err)
	}
}

// TestWriteDirAfterKill: what a killed build left beside the site is cleaned up by
// the next build, and a site left under its old name between two renames is put back
// before anything else.
func TestWriteDirAfterKill(t *testing.T) {
	c := catalogtest.Load(t, "../examples/petstore/errors")
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	if _, err := WriteDir([]*catalog.Catalog{c}, Options{}, dir); err != nil {
		t.Fatal(err)
	}
	tmp, old := siblings(dir)
	if filepath.Base(tmp) != ".site.errcat-new" || filepath.Base(old) != ".site.errcat-old" {
		t.Fatalf("siblings %s %s", tmp, old)
	}

	// Killed while writing: a half-written new site beside the old one.
	os.MkdirAll(filepath.Join(tmp, "errors"), 0o755)
	// Killed between the renames: no site, the last one under the old name.
	if err := os.Rename(dir, old); err != nil {
		t.Fatal(err)
	}
	if err := recoverDir(dir, old); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "errors/PET-404/index.html")); err != nil {
		t.Fatalf("the last site was not put back: %v", err)
	}
	if _, err := WriteDir([]*catalog.Catalog{c}, Options{}, dir); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 || entries[0].Name() != "site" {
		t.Errorf("beside the site: %v", entries)
	}
}

// TestExchange: where the system swaps directories in one step, WriteDir's swap
// leaves no moment without a site.
func TestExchange(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	os.MkdirAll(a, 0o755)
	os.MkdirAll(b, 0o755)
	os.WriteFile(filepath.Join(a, "x"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(b, "x"), []byte("b"), 0o644)
	if err := exchange(a, b); err != nil {
		t.Skipf("this system cannot exchange directories: %v", err)
	}
	if x, _ := os.ReadFile(filepath.Join(a, "x")); string(x) != "b" {
		t.Errorf("a holds %q after the exchange", x)
	}
}
