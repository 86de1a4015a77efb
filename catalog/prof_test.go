package catalog

import (
	"testing"

	"github.com/errcat/errcat/catalog/catalogtest"
)

func BenchmarkLoad50kJSON(b *testing.B) {
	fsys := catalogtest.SyntheticJSON("big", 50000, 0)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(fsys, "big"); err != nil {
			b.Fatal(err)
		}
	}
}
