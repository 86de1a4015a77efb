package catalog

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
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
	for _, h := range hostile { // small enough to stay within the limits, or to just go over
		f.Add([]byte(h.data(200)), strings.HasSuffix(h.file, ".json"))
	}
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
		_, got, over := jsonStream(data, nil, nil)
		if over == nil && got != want {
			t.Fatalf("jsonStream(%q) valid = %v, json.Valid = %v", data, got, want)
		}
		if over != nil && got {
			t.Fatalf("jsonStream(%q) went over a limit (%s) but reports valid", data, over.Msg)
		}
		var saw bool
		_, got, over = jsonStream(data, &saw, func(key, value ast.Node) {})
		if over == nil && got != want {
			t.Fatalf("jsonStream(%q) streaming valid = %v, json.Valid = %v", data, got, want)
		}
	})
}

// TestJSONPositions checks lines and columns, counted in characters.
func TestJSONPositions(t *testing.T) {
	data := []byte("{\"a\": \"é\", \"b\": 1,\n  \"c\": [true,\r\n null]}")
	root, ok, _ := jsonStream(data, nil, nil)
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

// loadYAMLParts loads data as one YAML file, read in parts from min bytes on, entries
// at a time; it restores the settings.
func loadYAMLParts(data []byte, min, entries int) (*Catalog, string) {
	defer func(m, e int) { yamlChunkMin, yamlChunkEntries = m, e }(yamlChunkMin, yamlChunkEntries)
	yamlChunkMin, yamlChunkEntries = min, entries
	c, err := Load(fstest.MapFS{"errors.yaml": {Data: data}}, "errors.yaml")
	if err != nil {
		return c, err.Error()
	}
	return c, ""
}

// FuzzYAMLChunks holds the reading of large YAML files in parts to the ordinary
// reading: on any input, the same catalog, positions and problems.
func FuzzYAMLChunks(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/load/*/input/*.yaml")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add(syntheticYAML(5, false))
	f.Add(syntheticYAML(5, true))
	f.Add([]byte("catalog: x\nerrors:\n- code: '1'\n  name: A\n  message: m\n- code: '2'\n  name: B\n  message: n\n# end\nversion: 1.0.0\n"))
	f.Add([]byte("locale: vi\nerrors:\n  '1': {message: a}\n  '2':\n    message: b\n  '1': {message: c}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 8<<10 {
			t.Skip()
		}
		whole, wantErr := loadYAMLParts(data, 1<<40, 256)
		parts, gotErr := loadYAMLParts(data, 0, 2)
		if gotErr != wantErr {
			t.Fatalf("problems read in parts:\n%s\nread whole:\n%s", gotErr, wantErr)
		}
		if (whole == nil) != (parts == nil) {
			t.Fatal("a catalog one way only")
		}
		if whole == nil {
			return
		}
		if !reflect.DeepEqual(whole.Errors, parts.Errors) || !reflect.DeepEqual(whole.Translations, parts.Translations) ||
			!reflect.DeepEqual(whole.Pos, parts.Pos) || whole.Name != parts.Name || whole.Version != parts.Version {
			t.Fatalf("catalogs differ:\nwhole %+v\nparts %+v", whole, parts)
		}
	})
}

// TestYAMLChunksUsed checks that a large synthetic catalog is read in parts, with the
// same outcome as whole.
func TestYAMLChunksUsed(t *testing.T) {
	for _, translation := range []bool{false, true} {
		data := syntheticYAML(3000, translation)
		name := "errors.yaml"
		var probs Problems
		if _, ok := parseYAMLChunks(name, data, false, &probs); !ok && len(data) >= yamlChunkMin {
			t.Errorf("%s (%d bytes) was not read in parts", name, len(data))
		}
		// Read whole, a document is held to MaxTokens: compare on fewer codes.
		data = syntheticYAML(2000, translation)
		whole, wantErr := loadYAMLParts(data, 1<<40, 256)
		parts, gotErr := loadYAMLParts(data, 0, 256)
		if gotErr != wantErr || !reflect.DeepEqual(whole.Errors, parts.Errors) || !reflect.DeepEqual(whole.Translations, parts.Translations) {
			t.Errorf("%s: read in parts differs from whole (%q, %q)", name, gotErr, wantErr)
		}
	}
}

// syntheticYAML writes n codes as a catalog file, or as a translation file, in the
// layout of catalogtest.Synthetic (which imports this package, so cannot be used here).
func syntheticYAML(n int, translation bool) []byte {
	var b strings.Builder
	if translation {
		b.WriteString("locale: vi\n# the codes\nerrors:\n")
		for i := range n {
			fmt.Fprintf(&b, "  E%06d:\n    title: \"[vi] Thing {kind} number %d\"\n    message: \"[vi] The thing {0} with id {1} failed.\"\n\n", i, i)
		}
		return []byte(b.String())
	}
	b.WriteString("catalog: synthetic\nerrors:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - code: E%06d\n    name: Synthetic%d\n    status: 404\n    message: |\n      The thing {0} with id {1}\n      failed with error %d.\n    params:\n      - {name: kind}\n      - {name: id, type: int}\n    causes: [\"Cause of %d.\"]\n", i, i, i, i)
	}
	b.WriteString("# the rest\nversion: 1.0.0\n")
	return []byte(b.String())
}
