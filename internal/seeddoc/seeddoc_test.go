package seeddoc

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

// TestReadFindsAbove finds a document in shared/seeds of a folder above the working
// directory, as the repository's packages are below the folder that holds it.
func TestReadFindsAbove(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "shared", "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "shared", "seeds", Bulk), []byte("Common Error Codes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(root, "repo", "pkg")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(deep)
	if got := Read(t, Bulk); got != "Common Error Codes\n" {
		t.Errorf("Read = %q", got)
	}
	if got, want := Dir(), filepath.Join(root, "shared", "seeds")+string(filepath.Separator); got != want {
		t.Errorf("Dir() = %q, want %q", got, want)
	}
}

// TestReadMissing: a missing document skips the test outside CI and fails it under
// CI, with a message that names where it was looked for.
func TestReadMissing(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		rec := &recorder{TB: t}
		done := make(chan struct{})
		go func() {
			defer close(done)
			Read(rec, "nope.txt")
		}()
		<-done
		if ci == "true" && (!rec.failed || rec.skipped) || ci == "" && (!rec.skipped || rec.failed) {
			t.Errorf("CI=%q: failed %v, skipped %v", ci, rec.failed, rec.skipped)
		}
		if !strings.Contains(rec.msg, "nope.txt") || !strings.Contains(rec.msg, dir) {
			t.Errorf("CI=%q: message %q does not say where it looked (%s)", ci, rec.msg, dir)
		}
	}
}

// recorder records how a test ends instead of ending it.
type recorder struct {
	testing.TB
	failed, skipped bool
	msg             string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (r *recorder) Skip(args ...any) {
	r.skipped, r.msg = true, fmt.Sprint(args...)
	runtime.Goexit()
}
