// Package seeddoc finds the published error-code documents that errcat's example
// catalogs are written from, for the tests that compare errcat with them. The
// documents live in shared/seeds/ beside the repository, not in it.
package seeddoc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcat/errcat/internal/testenv"
)

// The documents, by the example catalog written from each.
const (
	Common   = "000_6de86d8b8021aa0c.txt" // examples/seeds/000-common
	Devdocs  = "001_9881c3a16e00bd21.txt" // examples/seeds/001-devdocs
	Backend  = "002_e0902bd68a58a9a2.txt" // examples/seeds/002-backend
	Identity = "003_a961ab40638abd9b.txt" // examples/seeds/003-identity
	Bulk     = "004_a0a8781b5b7fed72.txt" // examples/seeds/004-bulk
)

// Dir returns the documents' directory, with a trailing separator: shared/seeds in
// the working directory or the nearest folder above it that has one. When none has,
// it returns where the first was looked for, so that reading from it fails with a
// path that says where.
func Dir() string {
	wd, err := os.Getwd()
	if err != nil {
		return filepath.Join("shared", "seeds") + string(filepath.Separator)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared", "seeds")
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p + string(filepath.Separator)
		}
		if filepath.Dir(dir) == dir {
			return filepath.Join(wd, "shared", "seeds") + string(filepath.Separator)
		}
	}
}

// Read returns the document called file. When it cannot be found the test ends with
// a message that says where it was looked for: skipped, or failed under CI=true
// (see [testenv.Missing]).
func Read(tb testing.TB, file string) string {
	tb.Helper()
	dir := Dir()
	data, err := os.ReadFile(dir + file)
	if err != nil {
		wd, _ := os.Getwd()
		testenv.Missing(tb, "seed document %s: %v (looked in shared/seeds of %s and of every folder above it)", file, err, wd)
		return ""
	}
	return string(data)
}

// SquashJSON removes the white space between the tokens of a JSON text, leaving
// strings as they are. Unlike encoding/json's Compact it needs no valid JSON, for the
// documents' bodies hold mistakes that tests correct after squashing.
func SquashJSON(s string) string {
	var b strings.Builder
	in, esc := false, false
	for _, c := range strings.TrimSpace(s) {
		switch {
		case in && esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case !in && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}
