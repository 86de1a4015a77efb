package icu

import (
	"testing"
	"time"
)

// The benchmarks render into a reused buffer, as the runtime does. BenchmarkPlain is
// the baseline: two placeholders; BenchmarkPlural adds a plural of an integer;
// BenchmarkNumber writes the integer in the locale's forms instead, and
// BenchmarkNumberPlain is the same message with a plain placeholder.

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

func BenchmarkNumberPlain(b *testing.B) {
	benchmark(b, "Quota of {0} requests reached.", "fr", Args{Values: []Value{Int(1234567)}})
}

func BenchmarkNumber(b *testing.B) {
	benchmark(b, "Quota of {0, number} requests reached.", "fr", Args{Values: []Value{Int(1234567)}})
}

func BenchmarkNumberDecimal(b *testing.B) {
	benchmark(b, "Quota of {0, number} requests reached.", "hi", Args{Values: []Value{Decimal("1234567.50")}})
}

func BenchmarkDate(b *testing.B) {
	benchmark(b, "Expired on {0, date, long} at {0, time}.", "de", Args{Values: []Value{UnixNano(1772636767000000000)}})
}

func BenchmarkDuration(b *testing.B) {
	benchmark(b, "Retry in {0, duration}.", "de", Args{Values: []Value{Duration(26*time.Hour + 5*time.Minute)}})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = Parse("{count, plural, offset:1 =0 {No files} one {{host} and # file} other {{host} and # files}} in {dir}.")
	}
}

// BenchmarkNumberRules is BenchmarkNumber with the locale's rules and formats looked
// up once, as the runtime renders its templates.
func BenchmarkNumberRules(b *testing.B) {
	m := mustParse(b, "Quota of {0, number} requests reached.")
	rules := RulesOf("fr")
	args := Args{Values: []Value{Int(1234567)}}
	dst := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		dst = AppendRules(dst[:0], m, &rules, args)
	}
}
