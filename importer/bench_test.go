package importer

import (
	"fmt"
	"strings"
	"testing"
)

// csvRows writes a CSV table of n rows with every mapped column, a few codes repeated
// (so that they become variants) and placeholders in the texts.
func csvRows(n int) []byte {
	var b strings.Builder
	b.WriteString("code,status,title,message,description,causes,resolutions\n")
	for i := range n {
		code := i
		if i%50 == 49 {
			code = i - 1 // a repeated code: a variant
		}
		fmt.Fprintf(&b, "E%07d,%d,Order {0} failed (%d),\"The order {0} failed: {1} {braces} %d.\",Description of error %d.,Cause one %d | Cause two,Retry %d\n",
			code, 400+i%100, i, i, i, i, i)
	}
	return []byte(b.String())
}

// BenchmarkCSV imports CSV tables of 10k and 100k rows and writes the catalog files:
// the time and memory per row stay level as the table grows. cpu-ns/row is the
// processor time per row on every core, which a busy machine inflates less than
// wall time.
func BenchmarkCSV(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			data := csvRows(n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				d, err := CSV("big", data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := d.Files(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/float64(n), "cpu-ns/row")
		})
	}
}
