package openapi

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/httperr"
)

// TestMergeOrderIndependent merges two catalogs into a document one after the other,
// in both orders, and both at once: the documents are the same, and merging again
// changes nothing. The code lists of the statuses both catalogs answer are merged.
func TestMergeOrderIndependent(t *testing.T) {
	a := catalogtest.Load(t, "../../examples/seeds/002-backend")
	b := catalogtest.Load(t, "../../examples/petstore/errors")
	yamlDoc, err := os.ReadFile("testdata/backend-api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	jsonDoc := []byte(`{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/users": {"post": {"operationId": "RegisterUser", "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}, "responses": {"201": {"description": "ok"}}}}}}`)
	for _, tt := range []struct {
		name string
		doc  []byte
		opts Options
	}{
		{"yaml", yamlDoc, Options{}},
		{"json", jsonDoc, Options{}},
		{"json-simple-no-http", jsonDoc, Options{Envelope: httperr.Simple, OmitHTTPCodes: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			merge := func(doc []byte, cats ...*catalog.Catalog) []byte {
				t.Helper()
				out, err := Merge(cats, tt.opts, doc)
				if err != nil {
					t.Fatal(err)
				}
				return out
			}
			ab := merge(merge(tt.doc, a), b)
			ba := merge(merge(tt.doc, b), a)
			both := merge(tt.doc, a, b)
			if !bytes.Equal(ab, ba) {
				t.Errorf("merging A then B differs from B then A:\n%s", firstDiff(ab, ba))
			}
			if !bytes.Equal(ab, both) {
				t.Errorf("merging A then B differs from A and B at once:\n%s", firstDiff(ab, both))
			}
			if again := merge(ab, a, b); !bytes.Equal(again, ab) {
				t.Errorf("merging twice differs from merging once:\n%s", firstDiff(ab, again))
			}
			if again := merge(ab, b); !bytes.Equal(again, ab) {
				t.Errorf("merging B again changed the document:\n%s", firstDiff(ab, again))
			}
			// Both catalogs' codes are listed where their statuses meet.
			for _, code := range []string{"ErrorPET-404", "Error107"} {
				if !bytes.Contains(ab, []byte(code)) {
					t.Errorf("merged document lacks %s", code)
				}
			}
		})
	}
}

// TestMergeReplacesOwnCodes shows that a catalog merged again replaces what it wrote:
// a code it no longer has leaves the document.
func TestMergeReplacesOwnCodes(t *testing.T) {
	full := catalogtest.Load(t, "../../examples/petstore/errors")
	smaller, err := catalog.Load(fstest.MapFS{"errors.yaml": {Data: []byte(petstoreWithout409)}}, "errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := []byte(`{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/pets": {"post": {"operationId": "CreatePet", "responses": {"201": {"description": "ok"}}}}}}`)
	first, err := Merge([]*catalog.Catalog{full}, Options{}, doc)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Merge([]*catalog.Catalog{smaller}, Options{}, first)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(first, []byte("PET-409")) || bytes.Contains(second, []byte("PET-409")) {
		t.Error("PET-409, dropped from the catalog, stayed in the document merged again")
	}
	direct, err := Merge([]*catalog.Catalog{smaller}, Options{}, doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(second, direct) {
		t.Errorf("merging the smaller catalog over the full one differs from merging it alone:\n%s", firstDiff(second, direct))
	}
}

const petstoreWithout409 = `catalog: petstore
code_pattern: '^PET-\d{3}$'
operations:
  CreatePet: Create a pet
errors:
  - code: PET-422
    name: UnknownSpecies
    status: 422
    message: The store does not sell {species}.
    params: [{name: species}]
    returned_by: [CreatePet]
`

func TestMergeRefusesOtherEnvelope(t *testing.T) {
	c := catalogtest.Load(t, "../../examples/petstore/errors")
	doc := []byte(`{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}`)
	first, err := Merge([]*catalog.Catalog{c}, Options{}, doc)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Merge([]*catalog.Catalog{c}, Options{Envelope: httperr.Google}, first)
	if err == nil || !strings.Contains(err.Error(), "in the problem envelope") {
		t.Errorf("Merge in another envelope = %v, want a refusal naming the problem envelope", err)
	}
}

// TestCodeInTwoCatalogs checks that a code two catalogs define is refused, as
// clients could not tell them apart.
func TestCodeInTwoCatalogs(t *testing.T) {
	a := catalogtest.Load(t, "../../examples/petstore/errors")
	b, err := catalog.Load(fstest.MapFS{"errors.yaml": {Data: []byte(strings.Replace(petstoreWithout409, "catalog: petstore", "catalog: other", 1))}}, "errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Generate([]*catalog.Catalog{a, b}, Options{})
	if err == nil || !strings.Contains(err.Error(), `code "PET-422" is defined by catalogs petstore and other`) {
		t.Errorf("Generate = %v, want the code refused", err)
	}
}

// firstDiff returns the first line where a and b differ, with its number.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + la[i] + "\n+ " + lb[i]
		}
	}
	return "lengths " + strconv.Itoa(len(la)) + " and " + strconv.Itoa(len(lb))
}

// TestGenerateOrderIndependent generates one document from two catalogs given in
// either order: the documents are the same.
func TestGenerateOrderIndependent(t *testing.T) {
	a := catalogtest.Load(t, "../../examples/seeds/002-backend")
	b := catalogtest.Load(t, "../../examples/petstore/errors")
	ab, err := Generate([]*catalog.Catalog{a, b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ba, err := Generate([]*catalog.Catalog{b, a}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ab, ba) {
		t.Errorf("the order of the catalogs changed the document:\n%s", firstDiff(ab, ba))
	}
}
