package catalog_test

import (
	"flag"
	"fmt"
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

var load100MB = flag.Bool("load100mb", false, "add 100 MB catalogs to the BenchmarkLoad{JSON,YAML}* sizes")

// benchmarkSized loads catalogs of 1, 10 (and with -load100mb, 100) MB written in
// layout l. The time per byte (shown as MB/s) is the same at every size when
// loading is linear, whatever the layout. cpu-ns/B is the processor time per byte
// on every core, which a busy machine does not inflate as it does wall time.
func benchmarkSized(b *testing.B, l catalogtest.Layout) {
	sizes := []int{1, 10}
	if *load100MB {
		sizes = append(sizes, 100)
	}
	for _, mb := range sizes {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			fsys := catalogtest.Sized("big", mb<<20, l)
			size := 0
			for _, f := range fsys {
				size += len(f.Data)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := catalog.Load(fsys, "big"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/float64(size), "cpu-ns/B")
		})
	}
}

func BenchmarkLoadJSONIndented(b *testing.B) { benchmarkSized(b, catalogtest.JSONIndented) }
func BenchmarkLoadJSONMinified(b *testing.B) { benchmarkSized(b, catalogtest.JSONMinified) }
func BenchmarkLoadYAMLIndented(b *testing.B) { benchmarkSized(b, catalogtest.YAMLIndented) }
func BenchmarkLoadYAMLMinified(b *testing.B) { benchmarkSized(b, catalogtest.YAMLMinified) }
