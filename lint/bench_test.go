package lint

import (
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// BenchmarkLint50000 loads a JSON catalog of 50,000 codes with 5 translations and
// lints it.
func BenchmarkLint50000(b *testing.B) {
	fsys := catalogtest.SyntheticJSON("big", 50000, 5)
	for b.Loop() {
		c, err := catalog.Load(fsys, "big")
		if err != nil {
			b.Fatal(err)
		}
		if fs := Run(c, nil, Options{}); Failed(fs) {
			b.Fatalf("errors in the synthetic catalog: %v", fs[0])
		}
	}
}

// BenchmarkRules50000 is BenchmarkLint50000 without the load: the rules alone.
func BenchmarkRules50000(b *testing.B) {
	c, err := catalog.Load(catalogtest.SyntheticJSON("big", 50000, 5), "big")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Run(c, nil, Options{})
	}
}
