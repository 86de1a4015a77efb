package openapi

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/internal/golden"
	"github.com/goccy/go-yaml"
)

func TestGenerateGolden(t *testing.T) {
	for _, tt := range []struct {
		name, path string
		env        httperr.Envelope
		omit       bool
	}{
		{"common.problem", "../../common/source", httperr.Problem, false},
		{"seed001.problem", "../../examples/seeds/001-devdocs", httperr.Problem, true},
		{"seed002.problem", "../../examples/seeds/002-backend", httperr.Problem, true},
		{"seed003.simple", "../../examples/seeds/003-identity", nil, false}, // the declared envelope
		{"seed004.bulk", "../../examples/seeds/004-bulk", nil, true},        // the declared envelope
		{"shop.google", "../../catalog/testdata/load/ok-merged/input", httperr.Google, false},
		{"petstore.problem", "../../examples/petstore/errors", httperr.Problem, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Generate([]*catalog.Catalog{catalogtest.Load(t, tt.path)}, Options{Envelope: tt.env, OmitHTTPCodes: tt.omit})
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
	merged, err := Merge([]*catalog.Catalog{c}, Options{OmitHTTPCodes: true}, doc)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "backend-api.merged.yaml"), merged)

	again, err := Merge([]*catalog.Catalog{c}, Options{OmitHTTPCodes: true}, merged)
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
	for code := range get(reg, "400", "content", "application/problem+json", "examples").(map[string]any) {
		n, _ := strconv.Atoi(code)
		enum = append(enum, n)
	}
	slices.Sort(enum)
	// 107's 400 variants are returned by Create and Update field, not RegisterUser;
	// 107 itself ("All", no status) is answered with 500.
	if !slices.Equal(enum, []int{201, 202, 203, 204, 207, 211, 213, 214, 215, 216, 217, 601, 615, 660}) {
		t.Errorf("RegisterUser 400 codes = %v", enum)
	}
	if n := len(get(reg, "400", "content", "application/problem+json", "schema", "oneOf").([]any)); n != len(enum) {
		t.Errorf("RegisterUser 400 schema has %d branches, want one per code", n)
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
	merged, err := Merge([]*catalog.Catalog{c}, Options{OmitHTTPCodes: true, Envelope: httperr.Simple}, doc)
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
	_, err := Merge([]*catalog.Catalog{c}, Options{OmitHTTPCodes: true}, doc)
	if err == nil || !strings.Contains(err.Error(), "components.responses.Error400 is already defined by the document") {
		t.Errorf("Merge = %v, want a conflict on Error400", err)
	}
}

// TestValidateChecksExamples proves that Validate rejects an example that does not
// fit its schema, so that the generated examples are really checked.
func TestValidateChecksExamples(t *testing.T) {
	out, err := Generate([]*catalog.Catalog{catalogtest.Load(t, "../../common/source")}, Options{})
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

// TestGenerateChecksExamples proves that the validation of generated documents,
// which loads the example bodies apart, rejects a body that does not fit its code's
// schema.
func TestGenerateChecksExamples(t *testing.T) {
	c := catalogtest.Load(t, "../../examples/petstore/errors")
	all, err := entries([]*catalog.Catalog{c}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	comps := components(sortedEntries(all), httperr.Problem)
	doc := obj{"openapi": "3.1.0", "info": obj{"title": "T", "version": "1"}, "paths": obj{}, "components": comps}
	if err := validateGenerated(doc, comps); err != nil {
		t.Fatalf("the document as generated: %v", err)
	}
	ex := comps["examples"].(obj)["ErrorPET-404"].(obj)
	ex["value"] = json.RawMessage(bytes.Replace(ex["value"].(json.RawMessage), []byte(`{"id":99}`), []byte(`{"id":"99"}`), 1))
	if err := validateGenerated(doc, comps); err == nil || !strings.Contains(err.Error(), "ErrorPET-404") {
		t.Errorf("validateGenerated = %v, want the example of PET-404 rejected", err)
	}
}

// TestMarshalDocument checks that the parallel writer writes what
// json.MarshalIndent does.
func TestMarshalDocument(t *testing.T) {
	doc := obj{
		"openapi": "3.1.0",
		"paths":   obj{},
		"components": obj{
			"schemas":   obj{},
			"examples":  obj{"b<&>": obj{"value": json.RawMessage(`{"z":1,"a":[1,2]}`)}, "a": obj{"summary": "é\u2028"}},
			"responses": obj{"Error404": obj{"content": []any{}}},
		},
	}
	want, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got, err := marshalDocument(doc)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want)+"\n" {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestValidateChecksOwnExamples shows that the examples of the document's own
// operations are still validated against their media type's schema.
func TestValidateChecksOwnExamples(t *testing.T) {
	doc := `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/pets": {"post": {
		"requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["name"]}, "examples": {"bad": {"value": {"species": "cat"}}}}}},
		"responses": {"201": {"description": "ok"}}}}}}`
	err := Validate([]byte(doc))
	if err == nil || !strings.Contains(err.Error(), "POST /pets requestBody application/json: example bad does not fit the schema") {
		t.Errorf("Validate = %v, want the example bad rejected", err)
	}
}

// TestShallowResponsesCheckRefs holds that every reference a generated response
// lists is checked to name a component, though kin-openapi sees only the first.
func TestShallowResponsesCheckRefs(t *testing.T) {
	comps := obj{
		"schemas":  obj{"ErrorA": obj{}, "ErrorB": obj{}},
		"examples": obj{"ErrorA": obj{}, "ErrorB": obj{}},
	}
	response := func(schemas, examples []string) obj {
		one := []any{}
		for _, s := range schemas {
			one = append(one, obj{"$ref": "#/components/schemas/" + s})
		}
		exs := obj{}
		for _, e := range examples {
			exs[e] = obj{"$ref": "#/components/examples/" + e}
		}
		return obj{"description": "d", "content": obj{"application/json": obj{"schema": obj{"oneOf": one}, "examples": exs}}}
	}
	out, err := shallowResponses(obj{"Error400": response([]string{"ErrorA", "ErrorB"}, []string{"ErrorA", "ErrorB"})}, comps)
	if err != nil {
		t.Fatal(err)
	}
	mt := out["Error400"].(obj)["content"].(obj)["application/json"].(obj)
	if got := mt["schema"].(obj)["$ref"]; got != "#/components/schemas/ErrorA" || len(mt["examples"].(obj)) != 1 {
		t.Errorf("shallow response: %v", mt)
	}
	for _, tc := range []struct {
		schemas, examples []string
		want              string
	}{
		{[]string{"ErrorA", "ErrorC"}, []string{"ErrorA"}, `components.responses.Error400.content.application/json.schema: "#/components/schemas/ErrorC" names no component`},
		{[]string{"ErrorA", "ErrorB"}, []string{"ErrorB", "ErrorD"}, `components.responses.Error400.content.application/json.examples.ErrorD: "#/components/examples/ErrorD" names no component`},
	} {
		_, err := shallowResponses(obj{"Error400": response(tc.schemas, tc.examples)}, comps)
		if err == nil || err.Error() != tc.want {
			t.Errorf("shallowResponses = %v, want %s", err, tc.want)
		}
	}
}
