package catalog

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// instance reads a YAML or JSON file as the JSON value the schema checks.
func instance(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// TestSchemaAcceptsExamples checks every example catalog and translation file of the
// repository against the schema.
func TestSchemaAcceptsExamples(t *testing.T) {
	s := compileSchema(t)
	var files []string
	for _, pat := range []string{"../common/source/*.yaml", "../examples/seeds/*/*.yaml", "../examples/seeds/*/*.json", "../examples/*/errors/*.yaml", "../gen/typescript/testdata/kinds/*.yaml", "testdata/load/ok-merged/input/*.yaml", "testdata/load/response-ok/input/*.yaml", "testdata/load/ok-merged/input/*/*.*"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 8 {
		t.Fatalf("found only %d example files: %v", len(files), files)
	}
	for _, f := range files {
		if err := s.Validate(instance(t, f)); err != nil {
			t.Errorf("%s does not validate:\n%v", f, err)
		}
	}
}

func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	tests := []struct {
		doc  string
		want string
	}{
		{`{"catalog": "x", "errors": [{"code": "1", "name": "A", "message": "m", "stauts": 4}]}`, "stauts"},
		{`{"catalog": "x", "errors": [{"code": "1", "name": "a", "message": "m"}]}`, "/errors/0/name"},
		{`{"catalog": "x", "errors": [{"code": "1", "name": "A"}]}`, "message"},
		{`{"catalog": "x", "wire_code": "text"}`, "/wire_code"},
		{`{"catalog": "x", "errors": [{"code": "1", "name": "A", "message": "m", "params": [{"name": "p", "type": "strng"}]}]}`, "/errors/0/params/0/type"},
		{`{"locale": "vi", "errors": {"1": {"mesage": "x"}}}`, "mesage"},
		{`{"catalog": "x", "code_pattern": "[a-"}`, "/code_pattern"},
		{`{"catalog": "x", "response": {"envelope": "bulkk"}}`, "/response/envelope"},
		{`{"catalog": "x", "response": {"status": 200}}`, "envelope"},
		{`{"catalog": "x", "response": {"envelope": "simple", "bulk": {"status_code": 4000}}}`, "/response/envelope"},
		{`{"catalog": "x", "errors": [{"code": "1", "name": "A", "message": "m", "omit_message": "yes"}]}`, "/errors/0/omit_message"},
	}
	for _, tt := range tests {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(tt.doc))
		if err != nil {
			t.Fatal(err)
		}
		err = s.Validate(inst)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Validate(%s) = %v, want an error naming %q", tt.doc, err, tt.want)
		}
	}
}
