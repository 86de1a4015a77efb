package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"
)

var problemLine = regexp.MustCompile(`^errors\.(yaml|json)(:\d+(:\d+)?)?: \S`)

// FuzzLoad feeds arbitrary bytes to the loader as a YAML and as a JSON file. Load must
// not panic, must report problems as positioned Problems in the fuzzed file, and must
// return a runtime set exactly when there are none.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/load/*/input/*.*")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data, filepath.Ext(s) == ".json")
		}
	}
	f.Add([]byte("catalog: x\nerrors:\n  - {code: '1', name: A, message: 'a {0}', params: [{name: p}]}\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		// Large inputs make the engine's minimization crawl (golang/go#51484)
		// without finding more; a catalog's structure shows in a few KiB.
		if len(data) > 4<<10 {
			t.Skip()
		}
		name := "errors.yaml"
		if asJSON {
			name = "errors.json"
		}
		c, err := Load(fstest.MapFS{name: {Data: data}}, name)
		if err == nil {
			if c.Set() == nil {
				t.Fatal("no problems but no set")
			}
			return
		}
		var probs Problems
		if !errors.As(err, &probs) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		if c == nil || c.Set() != nil {
			t.Fatal("problems, yet a set or no catalog")
		}
		for _, p := range probs {
			if !problemLine.MatchString(p.Error()) {
				t.Fatalf("problem not of the form file:line:col: message: %q", p.Error())
			}
		}
	})
}
