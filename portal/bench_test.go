package portal

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// BenchmarkWriteDir builds the site of a large catalog on disk, as errcat docs build
// does (the catalog is loaded once, outside the timing): 5,000 codes, or 50,000 with
// ERRCAT_BENCH_LARGE=1 (325 MiB of pages; TMPDIR chooses the disk):
//
//	ERRCAT_BENCH_LARGE=1 go test ./docs -run '^$' -bench WriteDir -benchtime 1x
func BenchmarkWriteDir(b *testing.B) {
	n := 5000
	if os.Getenv("ERRCAT_BENCH_LARGE") != "" {
		n = 50000
	}
	c, err := catalog.Load(catalogtest.SyntheticJSON("big", n, 0), "big")
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "site")
	var stats Stats
	for b.Loop() {
		if stats, err = WriteDir([]*catalog.Catalog{c}, Options{}, dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(stats.Files), "files")
	b.ReportMetric(float64(stats.Bytes)/(1<<20), "MiB")
	b.ReportMetric(float64(n), "codes")
}
