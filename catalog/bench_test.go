package catalog_test

import (
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// BenchmarkLoad loads the same synthetic catalog of 5,000 codes with one translation
// written as YAML and as JSON: JSON takes the loader's own streaming scanner, YAML
// goccy/go-yaml's parser, which is what makes large YAML catalogs slow.
func BenchmarkLoad(b *testing.B) {
	yaml := catalogtest.Synthetic("big", 5000, 1)
	json := catalogtest.SyntheticJSON("big", 5000, 1)
	b.Run("yaml", func(b *testing.B) {
		for b.Loop() {
			if _, err := catalog.Load(yaml, "big"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			if _, err := catalog.Load(json, "big"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
