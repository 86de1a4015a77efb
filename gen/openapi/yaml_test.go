package openapi

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/goccy/go-yaml"
)

// tricky are strings YAML 1.1 or 1.2 parsers read as another type when plain.
var tricky = []string{
	"000018", "0o17", "017", "1e3", "1E3", "1_000", "0x1F", "0b101", "12:30", "190:20:30",
	"3.1.0", ".5", "-.5", "+1", "-1", ".inf", "-.Inf", ".NaN", "2024-01-01", "2001-12-14t21:59:43.10-05:00",
	"yes", "Yes", "YES", "no", "on", "Off", "y", "N", "true", "False", "~", "null", "Null", "", "=", "<<",
}

func TestAmbiguous(t *testing.T) {
	for _, s := range tricky {
		if !Ambiguous(s) {
			t.Errorf("Ambiguous(%q) = false", s)
		}
	}
	for _, s := range []string{"PET-404", "Error000018", "application/json", "E000001", "about:blank", "-", "a1", "nope", "yesterday", "#/components/x"} {
		if Ambiguous(s) {
			t.Errorf("Ambiguous(%q) = true", s)
		}
	}
}

// trickyDoc returns an OpenAPI document holding every tricky string as a key and as
// a value, as JSON.
func trickyDoc(t *testing.T) []byte {
	t.Helper()
	m := map[string]any{}
	for _, s := range tricky {
		m["v"+strconv.Itoa(len(m))] = s
		if s != "<<" && s != "=" { // keys goccy's parser cannot read back
			m[s] = []any{s, "x"}
		}
	}
	b, err := json.Marshal(map[string]any{"openapi": "3.1.0", "info": map[string]any{"title": "T", "version": "1.0"}, "x-tricky": m})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// yamlCases returns JSON documents and their YAML as errcat writes them: generated
// from the common catalog (whose codes start with zeros), merged, and the tricky one.
func yamlCases(t *testing.T) map[string][2][]byte {
	t.Helper()
	out := map[string][2][]byte{}
	gen, err := Generate([]*catalog.Catalog{catalogtest.Load(t, "../../common/source")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string][]byte{"common": gen, "tricky": trickyDoc(t)} {
		y, err := YAML(doc)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = [2][]byte{doc, y}
	}
	api, err := os.ReadFile("testdata/backend-api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cats := []*catalog.Catalog{catalogtest.Load(t, "../../examples/seeds/002-backend"), catalogtest.Load(t, "../../common/source")}
	merged, err := Merge(cats, Options{}, api)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(merged, &v); err != nil {
		t.Fatal(err)
	}
	asJSON, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out["merged"] = [2][]byte{asJSON, merged}
	return out
}

// TestYAMLReadsAsJSON reads errcat's YAML with a YAML 1.1 style parser (goccy's) and
// compares it with the JSON it was written from.
func TestYAMLReadsAsJSON(t *testing.T) {
	for name, c := range yamlCases(t) {
		var fromJSON, fromYAML any
		if err := json.Unmarshal(c[0], &fromJSON); err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(c[1], &fromYAML); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(fromYAML)
		json.Unmarshal(b, &fromYAML)
		if !reflect.DeepEqual(fromJSON, fromYAML) {
			t.Errorf("%s: the YAML does not read as the JSON", name)
		}
	}
}

// TestYAMLParsers reads errcat's YAML with the npm yaml package, as YAML 1.1 and as
// YAML 1.2, and compares both with the JSON it was written from. scripts/test.sh
// installs the package; the test fails without it under CI=true.
func TestYAMLParsers(t *testing.T) {
	mod := os.Getenv("ERRCAT_NODE_YAML")
	if mod == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("ERRCAT_NODE_YAML not set: scripts/test.sh installs the npm yaml package")
		}
		t.Skip("ERRCAT_NODE_YAML not set (the npm yaml package's directory)")
	}
	dir := t.TempDir()
	for name, c := range yamlCases(t) {
		os.WriteFile(filepath.Join(dir, name+".json"), c[0], 0o644)
		os.WriteFile(filepath.Join(dir, name+".yaml"), c[1], 0o644)
	}
	script := `
const YAML = require(process.argv[1]);
const fs = require('fs'), path = require('path');
const sort = v => Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sort(v[k])])) : v;
let bad = 0;
for (const f of fs.readdirSync(process.argv[2]).filter(f => f.endsWith('.yaml'))) {
  const want = JSON.stringify(sort(JSON.parse(fs.readFileSync(path.join(process.argv[2], f.replace(/yaml$/, 'json')), 'utf8'))));
  for (const version of ['1.1', '1.2']) {
    const got = JSON.stringify(sort(YAML.parse(fs.readFileSync(path.join(process.argv[2], f), 'utf8'), {version, maxAliasCount: -1})));
    if (got !== want) {
      let i = 0; while (got[i] === want[i]) i++;
      console.log(f + ' as YAML ' + version + ' differs at: ' + got.slice(Math.max(0, i - 60), i + 40) + '\n  want: ' + want.slice(Math.max(0, i - 60), i + 40));
      bad++;
    }
  }
}
process.exit(bad ? 1 : 0);
`
	out, err := exec.Command("node", "-e", script, mod, dir).CombinedOutput()
	if err != nil {
		t.Errorf("node yaml: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("differs")) {
		t.Log(string(out))
	}
}

// FuzzYAMLString checks that any string errcat writes into YAML reads back as the
// same string, as key and as value.
func FuzzYAMLString(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := json.Marshal(map[string]any{"key": s, "list": []any{s}})
		if err != nil {
			return
		}
		y, err := YAML(doc)
		if err != nil {
			t.Skip() // a string goccy cannot read back in JSON (invalid UTF-8…)
		}
		var got, want map[string]any
		if err := yaml.Unmarshal(y, &got); err != nil {
			t.Fatalf("%q: reading the YAML back: %v\n%s", s, err, y)
		}
		json.Unmarshal(doc, &want) // as JSON wrote it: invalid UTF-8 replaced
		if got["key"] != want["key"] {
			t.Errorf("%q: read back as %#v\n%s", s, got["key"], y)
		}
	})
}
