package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const v1 = `catalog: shop
version: 1.0.0
errors:
  - {code: "1", name: OutOfStock, status: 409, message: Out of stock., description: No units left.}
  - {code: "2", name: Gone, status: 410, message: Gone.}
`

// TestDiffGit runs errcat diff between the committed catalog and the work tree of a
// temporary git repository: a changed description is compatible (exit 0), a removed
// code breaking (exit 1), a side that cannot be read or loaded a failed run (exit 2).
func TestDiffGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		c := exec.Command("git", args...)
		c.Dir = dir
		c.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, "errors.yaml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	write(v1)
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)

	diff := func() (string, int) {
		var out, errb bytes.Buffer
		code := Main([]string{"diff", "git:HEAD:errors.yaml", "errors.yaml"}, &out, &errb)
		return out.String() + errb.String(), code
	}

	write(strings.Replace(v1, "No units left.", "None left in any store.", 1))
	if out, code := diff(); code != 0 || !strings.Contains(out, "compatible  changed  1  description text changed") || !strings.Contains(out, "suggested version bump: patch (1.0.0 → 1.0.1)") {
		t.Errorf("changed description: exit %d\n%s", code, out)
	}

	write(v1[:strings.Index(v1, `  - {code: "2"`)])
	out, code := diff()
	if code != 1 || !strings.Contains(out, "breaking  removed  2  code 2 (Gone) removed") || !strings.Contains(out, "suggested version bump: major (1.0.0 → 2.0.0)") ||
		!strings.Contains(out, "errcat: breaking changes: bump the major version, or pass --allow-breaking") {
		t.Errorf("removed code: exit %d\n%s", code, out)
	}
	var o bytes.Buffer
	if code := Main([]string{"diff", "git:HEAD:errors.yaml", "errors.yaml", "--allow-breaking", "--format", "json"}, &o, &o); code != 0 || !strings.Contains(o.String(), `"bump": "major"`) {
		t.Errorf("--allow-breaking --format json: exit %d\n%s", code, o.String())
	}
	if err := os.WriteFile("broken.yaml", []byte("catalog: shop\nerrors:\n  - {code: \"1\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A side that cannot be read or loaded exits 2, never 1: a script that gates on
	// breaking changes must not read a broken run as one.
	for _, args := range [][]string{
		{"diff", "git:nosuchref:errors.yaml", "errors.yaml"},
		{"diff", "git:HEAD:errors.yaml", "nosuchfile.yaml"},
		{"diff", "nosuchfile.yaml", "errors.yaml"},
		{"diff", "git:HEAD:errors.yaml", "broken.yaml"},
		{"diff", "errors.yaml"},
	} {
		o.Reset()
		if code := Main(args, &o, &o); code != 2 {
			t.Errorf("errcat %s: exit %d, want 2\n%s", strings.Join(args, " "), code, o.String())
		}
	}
	o.Reset()
	Main([]string{"diff", "nosuchfile.yaml", "errors.yaml"}, &o, &o)
	if got, want := o.String(), "errcat: nosuchfile.yaml: no such file or directory\n"; got != want {
		t.Errorf("missing path: got %q, want %q", got, want)
	}
}
