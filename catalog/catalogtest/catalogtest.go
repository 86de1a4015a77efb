// Package catalogtest helps the tests of errcat's tools: it loads catalogs and makes
// synthetic ones for benchmarks of tools that must stay fast on large catalogs.
package catalogtest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
)

// Load loads the catalog at path (a file or directory) and stops the test on any
// problem.
func Load(tb testing.TB, path string) *catalog.Catalog {
	tb.Helper()
	c, err := catalog.LoadFiles(path)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// Locales are the translation locales Synthetic uses, in order.
var Locales = []string{"vi", "fr", "de", "ja", "pt-BR"}

var statuses = []int{400, 401, 403, 404, 409, 422, 429, 500, 503}

// Synthetic returns a file system with a catalog of n codes in dir/errors.yaml and one
// translation file per locale (the first locales of [Locales]). Every code has two
// params, a title, a message, a summary, a description, two causes and a resolution;
// every tenth has a variant. The catalog loads without problems.
func Synthetic(dir string, n, locales int) fstest.MapFS {
	statusCount := len(statuses)
	var b strings.Builder
	b.WriteString("catalog: synthetic\ntitle: Synthetic catalog\nversion: 1.0.0\ndocs_url: https://docs.example.com/errors/{code}\ncode_pattern: '^E\\d{6}$'\noperations:\n  GetThing: Get a thing\n  PutThing: Put a thing\nerrors:\n")
	for i := range n {
		fmt.Fprintf(&b, `  - code: E%06d
    name: Synthetic%d
    status: %d
    title: Thing {kind} number %d failed for {id}
    summary: Short description of error %d
    message: The thing {0} with id {1} failed with error %d.
    params:
      - {name: kind, description: Kind of thing, example: widget}
      - {name: id, type: int, example: "42"}
    description: A longer description of synthetic error %d, which happens when thing {kind} breaks.
    causes: ["Cause one of %d for {id}.", "Cause two of %d."]
    resolutions: ["Fix thing {0} and retry %d."]
    returned_by: [GetThing, PutThing]
    category: category%d
`, i, i, statuses[i%statusCount], i, i, i, i, i, i, i, i%7)
		if i%10 == 0 {
			fmt.Fprintf(&b, "    variants:\n      - {key: \"0\", title: Thing failed %d, message: A thing failed (%d).}\n", i, i)
		}
	}
	fs := fstest.MapFS{dir + "/errors.yaml": {Data: []byte(b.String())}}
	for _, loc := range Locales[:min(locales, len(Locales))] {
		var t strings.Builder
		fmt.Fprintf(&t, "locale: %s\nerrors:\n", loc)
		for i := range n {
			fmt.Fprintf(&t, "  E%06d:\n    title: \"[%s] Thing {kind} number %d failed for {id}\"\n    message: \"[%s] The thing {0} with id {1} failed with error %d.\"\n    description: \"[%s] Description %d of {kind}.\"\n", i, loc, i, loc, i, loc, i)
		}
		fs[dir+"/errors."+loc+".yaml"] = &fstest.MapFile{Data: []byte(t.String())}
	}
	return fs
}

// SyntheticJSON is [Synthetic] with the catalog and translations written as JSON, the
// form large machine-made catalogs take.
func SyntheticJSON(dir string, n, locales int) fstest.MapFS {
	type param struct {
		Name        string `json:"name"`
		Type        string `json:"type,omitempty"`
		Description string `json:"description,omitempty"`
		Example     string `json:"example,omitempty"`
	}
	type variant struct {
		Key     string `json:"key"`
		Title   string `json:"title"`
		Message string `json:"message"`
	}
	type entry struct {
		Code        string    `json:"code"`
		Name        string    `json:"name"`
		Status      int       `json:"status"`
		Title       string    `json:"title"`
		Summary     string    `json:"summary"`
		Message     string    `json:"message"`
		Params      []param   `json:"params"`
		Description string    `json:"description"`
		Causes      []string  `json:"causes"`
		Resolutions []string  `json:"resolutions"`
		ReturnedBy  []string  `json:"returned_by"`
		Category    string    `json:"category"`
		Variants    []variant `json:"variants,omitempty"`
	}
	cat := map[string]any{
		"catalog": "synthetic", "title": "Synthetic catalog", "version": "1.0.0",
		"docs_url": "https://docs.example.com/errors/{code}", "code_pattern": `^E\d{6}$`,
		"operations": map[string]string{"GetThing": "Get a thing", "PutThing": "Put a thing"},
	}
	errs := make([]entry, n)
	for i := range errs {
		e := entry{
			Code: fmt.Sprintf("E%06d", i), Name: fmt.Sprintf("Synthetic%d", i), Status: statuses[i%len(statuses)],
			Title:       fmt.Sprintf("Thing {kind} number %d failed for {id}", i),
			Summary:     fmt.Sprintf("Short description of error %d", i),
			Message:     fmt.Sprintf("The thing {0} with id {1} failed with error %d.", i),
			Params:      []param{{Name: "kind", Description: "Kind of thing", Example: "widget"}, {Name: "id", Type: "int", Example: "42"}},
			Description: fmt.Sprintf("A longer description of synthetic error %d, which happens when thing {kind} breaks.", i),
			Causes:      []string{fmt.Sprintf("Cause one of %d for {id}.", i), fmt.Sprintf("Cause two of %d.", i)},
			Resolutions: []string{fmt.Sprintf("Fix thing {0} and retry %d.", i)},
			ReturnedBy:  []string{"GetThing", "PutThing"},
			Category:    fmt.Sprintf("category%d", i%7),
		}
		if i%10 == 0 {
			e.Variants = []variant{{Key: "0", Title: fmt.Sprintf("Thing failed %d", i), Message: fmt.Sprintf("A thing failed (%d).", i)}}
		}
		errs[i] = e
	}
	cat["errors"] = errs
	fs := fstest.MapFS{dir + "/errors.json": {Data: mustJSON(cat)}}
	for _, loc := range Locales[:min(locales, len(Locales))] {
		tr := make(map[string]map[string]string, n)
		for i := range n {
			tr[fmt.Sprintf("E%06d", i)] = map[string]string{
				"title":       fmt.Sprintf("[%s] Thing {kind} number %d failed for {id}", loc, i),
				"message":     fmt.Sprintf("[%s] The thing {0} with id {1} failed with error %d.", loc, i),
				"description": fmt.Sprintf("[%s] Description %d of {kind}.", loc, i),
			}
		}
		fs[dir+"/errors."+loc+".json"] = &fstest.MapFile{Data: mustJSON(map[string]any{"locale": loc, "errors": tr})}
	}
	return fs
}

func mustJSON(v any) []byte {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err)
	}
	return data
}
