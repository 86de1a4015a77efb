package openapi

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/internal/golden"
	"github.com/goccy/go-yaml"
)

func TestGenerateGolden(t *testing.T) {
	for _, tt := range []struct {
		name, path string
		env        httperr.Envelope
	}{
		{"common.problem", "../../common/source", httperr.Problem},
		{"seed001.problem", "../../examples/seeds/001-devdocs", httperr.Problem},
		{"seed002.problem", "../../examples/seeds/002-backend", httperr.Problem},
		{"seed003.simple", "../../examples/seeds/003-identity", httperr.Simple},
		{"seed004.bulk", "../../examples/seeds/004-bulk", httperr.Bulk},
		{"shop.google", "../../catalog/testdata/load/ok-merged/input", httperr.Google},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Generate(catalogtest.Load(t, tt.path), Options{Envelope: tt.env})
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".json"), out)
		})
	}
}

func TestMerge(t *testing.T) {
	c := catalogtest.Load(t, "../../examples/seeds/002-backend")
	doc, err := os.ReadFile("testdata/backend-api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	merged, err := Merge(c, Options{}, doc)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "backend-api.merged.yaml"), merged)

	again, err := Merge(c, Options{}, merged)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, merged) {
		t.Error("merging into the merged document changed it; Merge must be idempotent")
	}

	var v any
	if err := yaml.Unmarshal(merged, &v); err != nil {
		t.Fatal(err)
	}
	reg := get(v, "paths", "/users", "post", "responses")
	var enum []int
	for _, x := range get(reg, "400", "content", "application/problem+json", "schema", "allOf").([]any)[1].(map[string]any)["properties"].(map[string]any)["code"].(map[string]any)["enum"].([]any) {
		enum = append(enum, int(x.(uint64)))
	}
	// 107's 400 variants are returned by Create and Update field, not RegisterUser;
	// 107 itself ("All", no status) is answered with 500.
	if !equal(enum, []int{201, 202, 203, 204, 207, 211, 213, 214, 215, 216, 217, 601, 615, 660}) {
		t.Errorf("RegisterUser 400 codes = %v", enum)
	}
	if get(reg, "500", "content", "application/problem+json", "examples", "107") == nil {
		t.Error("RegisterUser 500 does not list 107")
	}
	if get(reg, "201") == nil {
		t.Error("RegisterUser lost its own 201 response")
	}
	own := get(v, "paths", "/items/{id}", "get", "responses", "404")
	if got := get(own, "description"); got != "Our own not-found answer, which errcat must keep." || get(own, "content") != nil {
		t.Errorf("ReadByID's own 404 was changed: %v", own)
	}
	if get(v, "paths", "/health", "get", "responses", "500") == nil {
		t.Error(`Health did not get the 500 of codes returned by "*"`)
	}
	for _, want := range []string{"# The Backend Services API, before errcat adds its error responses.", "# returns 201, 202, 203, …"} {
		if !strings.Contains(string(merged), want) {
			t.Errorf("merged document lost the comment %q", want)
		}
	}
}

func TestMergeJSONKeepsOrder(t *testing.T) {
	c := catalogtest.Load(t, "../../examples/seeds/002-backend")
	doc := []byte(`{"openapi": "3.1.0", "info": {"version": "1", "title": "T"}, "paths": {"/login": {"post": {"operationId": "Login", "responses": {"200": {"description": "ok"}}}}}}`)
	merged, err := Merge(c, Options{Envelope: httperr.Simple}, doc)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(merged) {
		t.Fatal("merged JSON document is not JSON")
	}
	s := string(merged)
	if i, j := strings.Index(s, `"version"`), strings.Index(s, `"title"`); i < 0 || j < i {
		t.Error("merge reordered the document's keys")
	}
	if !strings.Contains(s, `"403"`) || !strings.Contains(s, `"#/components/examples/Error205"`) {
		t.Error("Login did not get its 403 with example 205")
	}
}

func TestMergeConflict(t *testing.T) {
	c := catalogtest.Load(t, "../../examples/seeds/002-backend")
	doc := []byte("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  responses:\n    Error400:\n      description: ours\n")
	_, err := Merge(c, Options{}, doc)
	if err == nil || !strings.Contains(err.Error(), "components.responses.Error400 is already defined by the document") {
		t.Errorf("Merge = %v, want a conflict on Error400", err)
	}
}

// TestValidateChecksExamples proves that Validate rejects an example that does not
// fit its schema, so that the generated examples are really checked.
func TestValidateChecksExamples(t *testing.T) {
	out, err := Generate(catalogtest.Load(t, "../../common/source"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(out, []byte(`"status": 404,`), []byte(`"status": "404",`), 1)
	if bytes.Equal(bad, out) {
		t.Fatal("test did not change the document")
	}
	if err := Validate(bad); err == nil {
		t.Error("Validate accepted an example whose status is a string")
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// get walks nested maps by key; nil when a key is missing.
func get(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
