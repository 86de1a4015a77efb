package openapi

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/internal/golden"
	"github.com/goccy/go-yaml"
)

// TestFormsGolden holds the documents of a catalog whose texts choose by plurals,
// ordinals and selects, in its default locale and in French, whose rules add "many".
func TestFormsGolden(t *testing.T) {
	c := catalogtest.Load(t, "testdata/forms")
	for _, tt := range []struct{ name, locale string }{{"forms.problem", ""}, {"forms.fr.problem", "fr"}} {
		out, err := Generate([]*catalog.Catalog{c}, Options{Locale: tt.locale, OmitHTTPCodes: true})
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", tt.name+".json"), out)
	}
}

// TestFormExamples checks the text of every example of a form, and that each
// response lists the examples of its codes' forms.
func TestFormExamples(t *testing.T) {
	c := catalogtest.Load(t, "testdata/forms")
	for _, tt := range []struct {
		locale string
		want   map[string]string // example name: detail
	}{
		{"", map[string]string{
			"ErrorF-1":             "5 files were not deleted.",
			"ErrorF-1-one":         "1 file was not deleted.",
			"ErrorF-1-other":       "2 files were not deleted.", // 0 is =0's, and reads as a case of its own
			"ErrorF-2":             "Your 22nd attempt failed.",
			"ErrorF-2-one":         "Your 1st attempt failed.",
			"ErrorF-2-two":         "Your 2nd attempt failed.",
			"ErrorF-2-few":         "Your 3rd attempt failed.",
			"ErrorF-2-other":       "Your 4th attempt failed.",
			"ErrorF-3":             "You and 2 others Granted.",
			"ErrorF-3-role-admin":  "You and 2 others Granted.",
			"ErrorF-3-role-other":  "Ask an admin. Granted.",
			"ErrorF-3-count-one":   "You and 1 other Granted.", // offset:1, so count is 2
			"ErrorF-3-count-other": "You and 2 others Granted.",
			"ErrorF-3-ok-true":     "You and 2 others Granted.",
			"ErrorF-3-ok-other":    "You and 2 others Refused.",
			"ErrorF-4":             "The file is 2.5 megabytes too large.",
			"ErrorF-4-one":         "The file is 1 megabyte too large.",
			"ErrorF-4-other":       "The file is 2 megabytes too large.",
			"ErrorF-5":             "Nothing to choose.",
		}},
		{"fr", map[string]string{
			"ErrorF-1":             "5 fichiers non supprimés.",
			"ErrorF-1-one":         "1 fichier non supprimé.",
			"ErrorF-1-many":        "1\u202f000\u202f000 de fichiers non supprimés.",
			"ErrorF-1-other":       "2 fichiers non supprimés.",
			"ErrorF-2":             "Votre 22e tentative a échoué.",
			"ErrorF-2-one":         "Votre 1re tentative a échoué.",
			"ErrorF-2-other":       "Votre 2e tentative a échoué.",
			"ErrorF-3":             "You and 2 others Granted.", // untranslated: English, by English rules
			"ErrorF-3-role-admin":  "You and 2 others Granted.",
			"ErrorF-3-role-other":  "Ask an admin. Granted.",
			"ErrorF-3-count-one":   "You and 1 other Granted.",
			"ErrorF-3-count-other": "You and 2 others Granted.",
			"ErrorF-3-ok-true":     "You and 2 others Granted.",
			"ErrorF-3-ok-other":    "You and 2 others Refused.",
			"ErrorF-4":             "Le fichier a 2,5 mégaoctets de trop.",
			"ErrorF-4-one":         "Le fichier a 1 mégaoctet de trop.",
			"ErrorF-4-many":        "Le fichier a 1\u202f000\u202f000 de mégaoctets de trop.",
			"ErrorF-4-other":       "Le fichier a 2 mégaoctets de trop.",
			"ErrorF-5":             "Nothing to choose.",
		}},
	} {
		out, err := Generate([]*catalog.Catalog{c}, Options{Locale: tt.locale, OmitHTTPCodes: true})
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Components struct {
				Examples map[string]struct {
					Summary string
					Value   struct{ Detail string }
					Meta    map[string]any `json:"x-errcat"`
				}
				Responses map[string]struct {
					Content map[string]struct {
						Examples map[string]struct {
							Ref string `json:"$ref"`
						}
					}
				}
			}
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for name, ex := range doc.Components.Examples {
			got[name] = ex.Value.Detail
			want := "Error" + ex.Meta["code"].(string)
			if form, ok := ex.Meta["form"].(string); ok {
				want += "-" + form
			}
			if name != want {
				t.Errorf("%s %s: x-errcat = %v", tt.locale, name, ex.Meta)
			}
		}
		for name, w := range tt.want {
			if got[name] != w {
				t.Errorf("%s %s: detail %q, want %q", tt.locale, name, got[name], w)
			}
		}
		for name := range got {
			if _, ok := tt.want[name]; !ok {
				t.Errorf("%s: unexpected example %s: %q", tt.locale, name, got[name])
			}
		}
		var listed []string
		for ref := range doc.Components.Responses["Error409"].Content["application/problem+json"].Examples {
			listed = append(listed, ref)
		}
		slices.Sort(listed)
		want := []string{"F-1", "F-1-one", "F-1-other"}
		if tt.locale == "fr" {
			want = []string{"F-1", "F-1-many", "F-1-one", "F-1-other"}
		}
		if !slices.Equal(listed, want) {
			t.Errorf("%s: the 409 response lists %v, want %v", tt.locale, listed, want)
		}
		if s := doc.Components.Examples["ErrorF-1-one"].Summary; s != map[string]string{"": "F-1 (count one): File not deleted", "fr": "F-1 (count one): Fichier non supprimé(s)"}[tt.locale] {
			t.Errorf("%s: summary of ErrorF-1-one = %q", tt.locale, s)
		}
	}
}

// TestMergeForms merges the forms catalog into a document twice, and the common
// catalog after it: the forms' examples are listed once, and kept.
func TestMergeForms(t *testing.T) {
	c := catalogtest.Load(t, "testdata/forms")
	doc := []byte("openapi: 3.1.0\ninfo: {title: T, version: \"1\"}\npaths:\n  /files:\n    delete:\n      operationId: DeleteFiles\n      responses:\n        \"204\": {description: deleted}\n")
	merged, err := Merge([]*catalog.Catalog{c}, Options{OmitHTTPCodes: true}, doc)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Merge([]*catalog.Catalog{c}, Options{OmitHTTPCodes: true}, merged)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(merged) {
		t.Error("merging the forms catalog again changed the document")
	}
	common := catalogtest.Load(t, "../../common/source")
	withCommon, err := Merge([]*catalog.Catalog{common}, Options{OmitHTTPCodes: true}, merged)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range [][]byte{merged, withCommon} {
		var v any
		if err := yaml.Unmarshal(d, &v); err != nil {
			t.Fatal(err)
		}
		var listed []string
		for k := range get(v, "paths", "/files", "delete", "responses", "409", "content", "application/problem+json", "examples").(map[string]any) {
			listed = append(listed, k)
		}
		slices.Sort(listed)
		if !slices.Equal(listed, []string{"F-1", "F-1-one", "F-1-other"}) {
			t.Errorf("DeleteFiles 409 lists %v", listed)
		}
		for _, name := range []string{"ErrorF-1-one", "ErrorF-2-few", "ErrorF-3-role-other"} {
			if get(v, "components", "examples", name, "value", "detail") == nil {
				t.Errorf("components.examples.%s is missing", name)
			}
		}
	}
}
