package golang

import (
	"runtime"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// BenchmarkGenerate50000 loads a JSON catalog of 50,000 codes and generates its Go
// code; it reports the memory the process obtained from the OS. (A YAML catalog of
// that size spends most of its time in the YAML parser: see the closing notes.)
func BenchmarkGenerate50000(b *testing.B) {
	fsys := catalogtest.SyntheticJSON("big", 50000, 0)
	for b.Loop() {
		c, err := catalog.Load(fsys, "big")
		if err != nil {
			b.Fatal(err)
		}
		src, err := Generate(c, Options{Package: "big"})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(src)))
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MiB")
}
