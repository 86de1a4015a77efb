package catalog_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/errcat/errcat/catalog"
)

// BenchmarkLoadDir loads the catalog in the directory ERRCAT_BENCH_CATALOG (such as
// one written by internal/tools/synthetic) and reports the live heap the loaded
// catalog holds, in bytes and per byte of the files on disk.
func BenchmarkLoadDir(b *testing.B) {
	dir := os.Getenv("ERRCAT_BENCH_CATALOG")
	if dir == "" {
		b.Skip("set ERRCAT_BENCH_CATALOG to a catalog directory")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	var size int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var live uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		c, err := catalog.LoadFiles(dir)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		live = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(c)
	}
	b.ReportMetric(float64(live)/(1<<20), "live-MiB")
	b.ReportMetric(float64(live)/float64(size), "live-B/B")
}
