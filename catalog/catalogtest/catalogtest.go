// Package catalogtest makes synthetic catalogs for tests and benchmarks of tools that
// must stay fast on large catalogs.
package catalogtest

import (
	"fmt"
	"strings"
	"testing/fstest"
)

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
			fmt.Fprintf(&t, "  E%06d:\n    title: \"[%s] Thing {kind} number %d failed for {id}\"\n    message: \"[%s] The thing {0} with id {1} failed with error %d.\"\n    description: \"[%s] Description %d.\"\n", i, loc, i, loc, i, loc, i)
		}
		fs[dir+"/errors."+loc+".yaml"] = &fstest.MapFile{Data: []byte(t.String())}
	}
	return fs
}
