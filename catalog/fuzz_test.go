package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/goccy/go-yaml/ast"
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

// FuzzJSONStream holds the JSON scanner to encoding/json's grammar: it must accept
// exactly what json.Valid accepts, streaming a top-level "errors" or not.
func FuzzJSONStream(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"errors": [1, {"a": "b"}]}`, `{"errors": [1,]}`, `{"errors": {"E1": {}}, "locale": "vi"}`,
		`{"a" "b"}`, `{"a": 01}`, `{"a": -0.5e+10}`, `{"a": "\u00e9\n\t\"\\\/"}`, `{"a": "\x"}`, `"\u12"`, `[1 2]`, `{"a":1,}`,
		`nul`, `true false`, `  "x"  `, "{\"a\": \"\x01\"}", `{"errors": []} x`, `-`, `1.`, `1e`, `[[[[]]]]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want := json.Valid(data)
		if _, got := jsonStream(data, nil, nil); got != want {
			t.Fatalf("jsonStream(%q) valid = %v, json.Valid = %v", data, got, want)
		}
		var saw bool
		if _, got := jsonStream(data, &saw, func(key, value ast.Node) {}); got != want {
			t.Fatalf("jsonStream(%q) streaming valid = %v, json.Valid = %v", data, got, want)
		}
	})
}

func TestJSONStreamDepth(t *testing.T) {
	for _, n := range []int{maxDepth, maxDepth + 1} {
		data := []byte(strings.Repeat("[", n) + strings.Repeat("]", n))
		if _, got := jsonStream(data, nil, nil); got != json.Valid(data) {
			t.Errorf("depth %d: valid = %v, json.Valid = %v", n, got, json.Valid(data))
		}
	}
}

// TestJSONPositions checks lines and columns, counted in characters.
func TestJSONPositions(t *testing.T) {
	data := []byte("{\"a\": \"é\", \"b\": 1,\n  \"c\": [true,\r\n null]}")
	root, ok := jsonStream(data, nil, nil)
	if !ok {
		t.Fatal("valid JSON refused")
	}
	m := root.(*ast.MappingNode)
	var got []string
	for _, kv := range m.Values {
		p := kv.Key.GetToken().Position
		got = append(got, fmt.Sprintf("%s@%d:%d", kv.Key.GetToken().Value, p.Line, p.Column))
	}
	for _, n := range m.Values[2].Value.(*ast.SequenceNode).Values {
		p := n.GetToken().Position
		got = append(got, fmt.Sprintf("%s@%d:%d", n.GetToken().Value, p.Line, p.Column))
	}
	if want := "a@1:2 b@1:12 c@2:3 true@2:9 null@3:2"; strings.Join(got, " ") != want {
		t.Errorf("positions %s, want %s", strings.Join(got, " "), want)
	}
}
