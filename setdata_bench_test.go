package errcat_test

import (
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// BenchmarkDecodeSet10000 measures what a generated package of 10,000 codes in 5
// locales costs a program at start-up: DecodeSet of its data (init, what the
// package's initialization does), then also the first Lookup and the first error of
// a code rendered (first-error). Each iteration decodes a fresh set.
func BenchmarkDecodeSet10000(b *testing.B) {
	c, err := catalog.Load(catalogtest.SyntheticJSON("big", 10000, 5), "big")
	if err != nil {
		b.Fatal(err)
	}
	data, err := errcat.EncodeSetSpec(c.SetSpec())
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	for _, first := range []bool{false, true} {
		b.Run(map[bool]string{false: "init", true: "first-error"}[first], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				set, err := errcat.DecodeSet(s, nil)
				if err != nil {
					b.Fatal(err)
				}
				if first && set.Lookup("E005000").New(errcat.String("widget"), errcat.Int(42)).Message("vi") == "" {
					b.Fatal("no message")
				}
			}
		})
	}
}
