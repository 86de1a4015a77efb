package golang

import (
	"runtime"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// BenchmarkGenerate50000 loads a catalog of 50,000 codes with 5 translations and
// generates its Go code; it reports the peak memory the process obtained from the OS.
func BenchmarkGenerate50000(b *testing.B) {
	fsys := catalogtest.Synthetic("big", 50000, 5)
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
