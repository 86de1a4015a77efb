package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestI18nImport exports what German lacks in a copy of a catalog, translates it as a
// tool would, imports it and checks that nothing is left and that a broken
// translation is refused at its line and column without writing.
func TestI18nImport(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"errors.yaml", "errors.de.yaml", "errors.fr.yaml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "translation", "testdata", "shop", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	run := func(args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		code := Main(args, &stdout, &stderr)
		return stdout.String(), stderr.String(), code
	}
	xlf := filepath.Join(dir, "de.xlf")
	if _, stderr, code := run("i18n", "export", dir, "--locale", "de", "-o", xlf); code != 0 || stderr != "4 texts to translate into de\n" {
		t.Fatalf("export: exit %d, stderr %q", code, stderr)
	}
	data, _ := os.ReadFile(xlf)
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(string(data), "<segment>", `<segment state="translated">`), "\n") {
		out = append(out, l)
		if src, ok := strings.CutPrefix(strings.TrimSpace(l), "<source>"); ok {
			out = append(out, "        <target>[de] "+strings.TrimSuffix(src, "</source>")+"</target>")
		}
	}
	bad := strings.Replace(strings.Join(out, "\n"), "[de] The name &#34;{name}&#34;", "[de] The name {nme}", 1)
	badFile := filepath.Join(dir, "bad.xlf")
	os.WriteFile(badFile, []byte(bad), 0o644)
	before, _ := os.ReadFile(filepath.Join(dir, "errors.de.yaml"))
	_, stderr, code := run("i18n", "import", dir, badFile)
	if want := badFile + ":21:17: USER-002|message: the translation uses {nme} but the source text uses {name}: keep every placeholder and add none\n"; code != 1 || stderr != want {
		t.Errorf("import of a broken file: exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "errors.de.yaml")); !bytes.Equal(after, before) {
		t.Error("a refused import changed errors.de.yaml")
	}
	os.WriteFile(xlf, []byte(strings.Join(out, "\n")), 0o644)
	if _, stderr, code := run("i18n", "import", dir, xlf); code != 0 || stderr != "merged 4 texts into de\n" {
		t.Fatalf("import: exit %d, stderr %q", code, stderr)
	}
	stdout, _, code := run("i18n", "status", dir, "--min-coverage", "100")
	if want := "  locale  current  changed  missing  coverage\n      de       11        0        0    100.0%\n      fr        4        0        7     36.4%\n"; code != 1 || stdout != want {
		t.Errorf("status: exit %d, stdout:\n%s\nwant:\n%s", code, stdout, want)
	}
	if _, _, code := run("lint", dir); code != 0 {
		t.Errorf("lint after import: exit %d, want 0", code)
	}
}
