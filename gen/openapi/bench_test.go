package openapi

import (
	"fmt"
	"testing"

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
