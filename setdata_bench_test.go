package errcat_test

import (
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// BenchmarkDecodeSet10000 measures what a generated package of 10,000 codes in 5
// locales costs a program at start-up: DecodeSet of its data, then the first Lookup
// and the first error of a code rendered. Each iteration decodes a fresh set.
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
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		set, err := errcat.DecodeSet(s, nil)
		if err != nil {
			b.Fatal(err)
		}
		d := set.Lookup("E005000")
		if d.New(errcat.String("widget"), errcat.Int(42)).Message("vi") == "" {
			b.Fatal("no message")
		}
	}
}
