package icu

import "testing"

// The benchmarks render into a reused buffer, as the runtime does. BenchmarkPlain is
// the baseline: two placeholders; BenchmarkPlural adds a plural of an integer.

func benchmark(b *testing.B, src, locale string, args Args) {
	m := mustParse(b, src)
	dst := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		dst = Append(dst[:0], m, locale, args)
	}
}

func BenchmarkPlain(b *testing.B) {
	benchmark(b, "Unable to locate {0} with id {1}.", "en", Args{Values: []Value{String("project"), Int(21)}})
}

func BenchmarkPlural(b *testing.B) {
	benchmark(b, "Unable to locate {1, plural, one {# project} other {# projects}}.", "en",
		Args{Values: []Value{String("project"), Int(21)}})
}

func BenchmarkPluralRussian(b *testing.B) {
	benchmark(b, "Не найдено {1, plural, one {# проект} few {# проекта} many {# проектов} other {# проекта}}.", "ru",
		Args{Values: []Value{String("project"), Int(21)}})
}

func BenchmarkPluralDecimal(b *testing.B) {
	benchmark(b, "Unable to locate {1, plural, one {# project} other {# projects}}.", "en",
		Args{Values: []Value{String("project"), Decimal("1.50")}})
}

func BenchmarkSelectOrdinal(b *testing.B) {
	benchmark(b, "The {0, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt failed.", "en",
		Args{Values: []Value{Int(23)}})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = Parse("{count, plural, offset:1 =0 {No files} one {{host} and # file} other {{host} and # files}} in {dir}.")
	}
}
