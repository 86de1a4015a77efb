package portal

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// benchCodes is the size of the benchmarks' catalog: 2,000 codes in 5 translations,
// or ERRCAT_BENCH_CODES (bench/scale.sh runs the CLI at 1k, 10k and 50k).
func benchCodes(b *testing.B) int {
	n := 2000
	if s := os.Getenv("ERRCAT_BENCH_CODES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	return n
}

func benchCatalog(b *testing.B) *catalog.Catalog {
	c, err := catalog.Load(catalogtest.SyntheticJSON("big", benchCodes(b), 5), "big")
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkWriteDir builds the site of a large catalog on disk, as errcat docs build
// does (the catalog is loaded once, outside the timing; TMPDIR chooses the disk):
//
//	go test ./portal -run '^$' -bench WriteDir -benchtime 1x -cpuprofile cpu.out
func BenchmarkWriteDir(b *testing.B) {
	c := benchCatalog(b)
	dir := filepath.Join(b.TempDir(), "site")
	var stats Stats
	var err error
	for b.Loop() {
		if stats, err = WriteDir([]*catalog.Catalog{c}, Options{}, dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(stats.Files), "files")
	b.ReportMetric(float64(stats.Bytes)/(1<<20), "MiB")
}

// BenchmarkSearch searches the index of a large catalog for queries of each kind: a
// code prefix, words most codes hold, a status, a category, a typo.
func BenchmarkSearch(b *testing.B) {
	c := benchCatalog(b)
	ix, err := NewIndex("", c)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct{ name, query string }{
		{"code", "E0012"},
		{"words", "thing 12"},
		{"common", "failed"},
		{"status", "404"},
		{"category", "category3"},
		{"none", "nothing-at-all"},
		{"fuzzy", "thnig 12"},
	} {
		b.Run(q.name, func(b *testing.B) {
			ix.Search(q.query) // the fuzzy fallback's word list is built once
			for b.Loop() {
				ix.Search(q.query)
			}
		})
	}
}

// BenchmarkCodePage renders code pages in memory: what docs build and serve spend
// per page besides writing it.
func BenchmarkCodePage(b *testing.B) {
	s, err := newSite([]*catalog.Catalog{benchCatalog(b)}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	v := s.Catalogs[0]
	var buf bytes.Buffer
	i := 0
	for b.Loop() {
		buf.Reset()
		s.codeFile(&buf, v, v.Locales[i%len(v.Locales)], i%len(v.defs))
		i++
	}
	b.ReportMetric(float64(buf.Len()), "bytes/page")
}
