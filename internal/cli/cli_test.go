package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden runs the errcat command and compares its output and exit status with
// testdata/<case>.txt.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args string
	}{
		{"explain-000012", "explain 000012"},
		{"explain-variant", "explain 000037[0]"},
		{"explain-seed002-107", "explain 107 --catalog ../../examples/seeds/002-backend"},
		{"explain-unknown", "explain 00001"},
		{"explain-locale-missing", "explain 000001 --locale fr"},
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
		{"validate-seeds", "validate ../../examples/seeds/..."},
		{"validate-bad", "validate ../../catalog/testdata/load/fields/input"},
		{"unknown-flag", "explain 000012 --colour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main(strings.Fields(tt.args), &stdout, &stderr)
			got := fmt.Sprintf("$ errcat %s\n--- stdout\n%s--- stderr\n%s--- exit %d\n", tt.args, stdout.String(), stderr.String(), code)
			golden := filepath.Join("testdata", tt.name+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
