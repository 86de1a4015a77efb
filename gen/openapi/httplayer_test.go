package openapi

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/httperr"
)

// TestHTTPFailuresCoverCodes keeps the generator's list of the HTTP layer's failures
// in step with httperr.Codes: every field that names one code. (ByStatus maps the
// statuses of errors a framework reports; their codes default to ones listed here.)
func TestHTTPFailuresCoverCodes(t *testing.T) {
	var fields []string
	for f := range reflect.TypeFor[httperr.Codes]().Fields() {
		if f.Type == reflect.TypeFor[*errcat.Definition]() {
			fields = append(fields, f.Name)
		}
	}
	got := append(HTTPFailures(), fieldFailures...)
	slices.Sort(got)
	slices.Sort(fields)
	if !slices.Equal(got, fields) {
		t.Errorf("failures %v, httperr.Codes fields %v", got, fields)
	}
}

// TestHTTPCodes shows which codes of the HTTP layer a document describes: by default
// the common catalog's, remapped ones replaced, none when left out; and which
// operations answer them.
func TestHTTPCodes(t *testing.T) {
	petstore := catalogtest.Load(t, "../../examples/petstore/errors")
	doc := []byte(`{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {
		"/pets": {"get": {"operationId": "ListPets", "responses": {"200": {"description": "ok"}}},
		          "post": {"operationId": "CreatePet", "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}, "responses": {"201": {"description": "ok"}}}}}}`)
	for _, tt := range []struct {
		name       string
		opts       Options
		has, hasnt []string
		list, post []string // the 404 codes, the 400 codes of CreatePet
		get400     bool     // ListPets answers 400
	}{
		{"default", Options{}, []string{"Error000029", "Error000003", "Error000001"}, nil, []string{"000029", "PET-404"}, []string{"000003", "000011"}, false},
		{"remapped", Options{HTTPCodes: map[string]string{"NotFound": "PET-404", "MalformedJSON": "PET-422"}}, []string{"Error000011"}, []string{"Error000029", "Error000003"}, []string{"PET-404"}, []string{"000011"}, false},
		{"left out", Options{OmitHTTPCodes: true}, nil, []string{"Error000029", "Error000001"}, []string{"PET-404"}, nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Merge([]*catalog.Catalog{petstore}, tt.opts, doc)
			if err != nil {
				t.Fatal(err)
			}
			var v any
			json.Unmarshal(out, &v)
			examples, _ := get(v, "components", "examples").(map[string]any)
			for _, name := range tt.has {
				if examples[name] == nil {
					t.Errorf("no example %s", name)
				}
			}
			for _, name := range tt.hasnt {
				if examples[name] != nil {
					t.Errorf("an example %s", name)
				}
			}
			codes := func(r any) []string {
				m, _ := get(r, "content", "application/json", "examples").(map[string]any)
				var out []string
				for code := range m {
					out = append(out, code)
				}
				slices.Sort(out)
				return out
			}
			if got := codes(get(v, "components", "responses", "Error404")); !slices.Equal(got, tt.list) {
				t.Errorf("Error404 lists %v, want %v", got, tt.list)
			}
			if got := codes(get(v, "paths", "/pets", "post", "responses", "400")); !slices.Equal(got, tt.post) {
				t.Errorf("CreatePet 400 lists %v, want %v", got, tt.post)
			}
			if get(v, "paths", "/pets", "get", "responses", "400") != nil {
				t.Error("ListPets, which takes no body, answers 400")
			}
			if want := !tt.opts.OmitHTTPCodes; (get(v, "paths", "/pets", "get", "responses", "500") != nil) != want {
				t.Errorf("ListPets answers 500: %v, want %v", !want, want)
			}
		})
	}
}

func TestHTTPCodesErrors(t *testing.T) {
	petstore := catalogtest.Load(t, "../../examples/petstore/errors")
	fake, err := catalog.Load(fstest.MapFS{"errors.yaml": {Data: []byte("catalog: common\nerrors:\n  - {code: \"000001\", name: Internal, status: 500, message: Internal.}\n")}}, "errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		cats []*catalog.Catalog
		opts Options
		want string
	}{
		{"unknown failure", []*catalog.Catalog{petstore}, Options{HTTPCodes: map[string]string{"Nope": "PET-404"}}, `no HTTP layer failure "Nope"`},
		{"unknown code", []*catalog.Catalog{petstore}, Options{HTTPCodes: map[string]string{"NotFound": "PET-999"}}, `NotFound is remapped to code "PET-999", which no catalog given defines`},
		{"common without the code", []*catalog.Catalog{fake}, Options{}, "catalog common has no code 000029, which the HTTP layer answers NotFound with"},
	} {
		_, err := Generate(tt.cats, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Generate = %v, want %q", tt.name, err, tt.want)
		}
	}
}
