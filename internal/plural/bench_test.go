package plural

import "testing"

var sink Category

func BenchmarkSelectInt(b *testing.B) {
	r := Cardinal("ru")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sink = r.Select(OperandsInt(int64(i & 1023)))
	}
}

func BenchmarkSelectDecimal(b *testing.B) {
	r := Cardinal("ru")
	b.ReportAllocs()
	for b.Loop() {
		op, _ := ParseOperands("21.50")
		sink = r.Select(op)
	}
}

func BenchmarkCardinal(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink = Cardinal("pt-AO").Select(Operands{})
	}
}

func BenchmarkCardinalEnglish(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink = Cardinal("en").Select(OperandsInt(21))
	}
}
