// Package golden compares test output with golden files under testdata, and rewrites
// them when tests run with -update.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Check compares got with the file at path, or writes got there under -update. On a
// difference it reports the file and how to refresh it; it shows both texts when they
// are short enough to read.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	if len(got)+len(want) < 4000 {
		t.Errorf("output differs from %s:\n got:\n%s\nwant:\n%s", path, got, want)
		return
	}
	t.Errorf("output differs from %s; run go test -update and review the diff", path)
}
