package openapi

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// BenchmarkGenerate generates and validates the document of a synthetic catalog of
// 1,000 and 10,000 codes with 5 translations (the load not counted); the time per
// code must not grow with the catalog (bench/openapi.sh runs 50,000).
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			c, err := catalog.Load(catalogtest.SyntheticJSON("big", n, 5), "big")
			if err != nil {
				b.Fatal(err)
			}
			cats := []*catalog.Catalog{c}
			b.ResetTimer()
			for b.Loop() {
				if _, err := Generate(cats, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/code")
		})
	}
}

// BenchmarkMerge merges a synthetic catalog of 1,000 and 3,000 codes into a document
// already holding them, as a second merge does.
func BenchmarkMerge(b *testing.B) {
	for _, n := range []int{1000, 3000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			c, err := catalog.Load(catalogtest.SyntheticJSON("big", n, 5), "big")
			if err != nil {
				b.Fatal(err)
			}
			cats := []*catalog.Catalog{c}
			doc, err := Merge(cats, Options{}, []byte(`{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}`))
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := Merge(cats, Options{}, doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/code")
		})
	}
}

// BenchmarkGenerateForms generates the document of a catalog of 1,000 and 4,000 codes
// whose messages each choose by a plural and a select, in French (one, many, other):
// five examples a code besides its own. The time per code must not grow with the
// catalog.
func BenchmarkGenerateForms(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var src strings.Builder
			src.WriteString("catalog: forms\ndefault_locale: fr\nerrors:\n")
			for i := range n {
				fmt.Fprintf(&src, "  - code: F-%d\n    name: F%d\n    status: 409\n", i, i)
				src.WriteString("    message: \"{count, plural, one {# fichier} many {# de fichiers} other {# fichiers}} {kind, select, dir {dossier} other {fichier}}\"\n")
				src.WriteString("    params:\n      - {name: count, type: int, example: \"5\"}\n      - {name: kind, example: dir}\n")
			}
			c, err := catalog.Load(fstest.MapFS{"errors.yaml": {Data: []byte(src.String())}}, "errors.yaml")
			if err != nil {
				b.Fatal(err)
			}
			cats := []*catalog.Catalog{c}
			b.ResetTimer()
			for b.Loop() {
				if _, err := Generate(cats, Options{OmitHTTPCodes: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/code")
		})
	}
}
