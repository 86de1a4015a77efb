package errcat

import "testing"

// The benchmarks measure the runtime's hot path: constructing an error with two
// params, rendering its message into a reused buffer, and both.

var sinkErr *Error

func BenchmarkNew(b *testing.B) {
	d := testSet(b).Lookup("000012")
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = d.New(String("project"), Int(42))
	}
}

func BenchmarkAppendMessage(b *testing.B) {
	e := testSet(b).Lookup("000012").New(String("project"), Int(42))
	buf := make([]byte, 0, 128)
	b.ReportAllocs()
	for b.Loop() {
		buf = e.AppendMessage(buf[:0], "en")
	}
}

func BenchmarkNewAndAppendMessage(b *testing.B) {
	d := testSet(b).Lookup("000012")
	buf := make([]byte, 0, 128)
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = d.New(String("project"), Int(42))
		buf = sinkErr.AppendMessage(buf[:0], "vi")
	}
}

func BenchmarkMessageString(b *testing.B) {
	e := testSet(b).Lookup("000012").New(String("project"), Int(42))
	b.ReportAllocs()
	for b.Loop() {
		_ = e.Message("en")
	}
}

func BenchmarkAppendMessageJSON(b *testing.B) {
	e := testSet(b).Lookup("000012").New(String("project"), Int(42))
	buf := make([]byte, 0, 128)
	b.ReportAllocs()
	for b.Loop() {
		buf = e.AppendMessageJSON(buf[:0], "en")
	}
}
