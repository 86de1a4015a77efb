package icu

import (
	"encoding/json"
	"testing"
	"time"
)

func mustParse(t testing.TB, src string) *Message {
	t.Helper()
	m, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return m
}

func render(t testing.TB, src, locale string, args Args) string {
	t.Helper()
	return string(Append(nil, mustParse(t, src), locale, args))
}

// TestPluralForms checks the form chosen for 0, 1, 2, 5, 21 and 1.5 in six locales
// whose CLDR rules differ. The CLDR rules (i: integer digits, v: visible fraction
// digits, n: the number):
//
//	en  one: i = 1 and v = 0
//	fr  one: i = 0,1
//	pl  one: i = 1 and v = 0; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14;
//	    many: v = 0 and (i != 1 and i % 10 = 0..1 or i % 10 = 5..9 or i % 100 = 12..14)
//	ru  one: v = 0 and i % 10 = 1 and i % 100 != 11; few: as pl;
//	    many: v = 0 and (i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14)
//	ar  zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99
//	ja  other only
func TestPluralForms(t *testing.T) {
	const all = "{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}"
	nums := []Value{Int(0), Int(1), Int(2), Int(5), Int(21), Decimal("1.5")}
	for _, tc := range []struct {
		locale string
		want   [6]string
	}{
		{"en", [6]string{"other", "one", "other", "other", "other", "other"}},
		{"fr", [6]string{"one", "one", "other", "other", "other", "one"}},
		{"pl", [6]string{"many", "one", "few", "many", "many", "other"}},
		{"ru", [6]string{"many", "one", "few", "many", "one", "other"}},
		{"ar", [6]string{"zero", "one", "two", "few", "many", "other"}},
		{"ja", [6]string{"other", "other", "other", "other", "other", "other"}},
	} {
		for i, n := range nums {
			if got := render(t, all, tc.locale, Args{Values: []Value{n}, Names: []string{"n"}}); got != tc.want[i] {
				t.Errorf("%s, n = %s: %q, want %q", tc.locale, n.AppendText(nil), got, tc.want[i])
			}
		}
	}
}

// TestTranslations renders messages as translators write them.
func TestTranslations(t *testing.T) {
	for _, tc := range []struct {
		locale, src string
		n           Value
		want        string
	}{
		{"en", "{n, plural, =0 {No files} one {# file} other {# files}} deleted.", Int(0), "No files deleted."},
		{"en", "{n, plural, =0 {No files} one {# file} other {# files}} deleted.", Int(1), "1 file deleted."},
		{"en", "{n, plural, =0 {No files} one {# file} other {# files}} deleted.", Decimal("1.0"), "1.0 files deleted."},
		{"pl", "{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}", Int(22), "22 pliki"},
		{"pl", "{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}", Int(25), "25 plików"},
		{"pl", "{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}", Decimal("1.5"), "1,5 pliku"},
		{"ru", "{n, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}", Int(21), "21 файл"},
		{"ru", "{n, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}", Int(111), "111 файлов"},
		{"ar", "{n, plural, zero {لا ملفات} one {ملف} two {ملفان} few {# ملفات} many {# ملفًا} other {# ملف}}", Int(103), "103 ملفات"},
		{"ja", "{n, plural, other {#個のファイル}}", Int(1), "1個のファイル"},
		{"pt-BR", "{n, plural, one {# arquivo} other {# arquivos}}", Int(0), "0 arquivo"},
		{"pt-PT", "{n, plural, one {# ficheiro} other {# ficheiros}}", Int(0), "0 ficheiros"},
		{"en", "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}", Int(1), "1st"},
		{"en", "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}", Int(12), "12th"},
		{"en", "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}", Int(23), "23rd"},
		{"en", "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}", Int(111), "111th"},
		{"en", "{n, plural, one {# item ##1} other {# items ##1}}", Int(2), "2 items #1"},
	} {
		if got := render(t, tc.src, tc.locale, Args{Values: []Value{tc.n}, Names: []string{"n"}}); got != tc.want {
			t.Errorf("%s %q, n = %s:\n got %q\nwant %q", tc.locale, tc.src, tc.n.AppendText(nil), got, tc.want)
		}
	}
}

func TestOffset(t *testing.T) {
	const src = "{n, plural, offset:1 =0 {nobody} =1 {{host}} one {{host} and # other} other {{host} and # others}}"
	for _, tc := range []struct {
		n    Value
		want string
	}{
		{Int(0), "nobody"},
		{Int(1), "Ana"},
		{Int(2), "Ana and 1 other"},
		{Int(3), "Ana and 2 others"},
		{Decimal("1.0"), "Ana"}, // =1 compares the value itself
		{Decimal("2.5"), "Ana and 1.5 others"},
		{Decimal("0.5"), "Ana and -0.5 others"},
		{Decimal("-2.25"), "Ana and -3.25 others"},
		{Decimal("10000000000000000000000.5"), "Ana and 9,999,999,999,999,999,999,999.5 others"},
		{Float(2.5), "Ana and 1.5 others"},
		{Int(-9223372036854775808), "Ana and -9,223,372,036,854,775,809 others"},
		{String("x"), "Ana and x others"},
	} {
		args := Args{Values: []Value{tc.n, String("Ana")}, Names: []string{"n", "host"}}
		if got := render(t, src, "en", args); got != tc.want {
			t.Errorf("n = %s: %q, want %q", tc.n.AppendText(nil), got, tc.want)
		}
	}
}

func TestDecimalLess(t *testing.T) {
	for _, tc := range []struct {
		s    string
		off  uint64
		want string
	}{
		{"5", 1, "4"}, {"1", 1, "0"}, {"0", 1, "-1"}, {"0.0", 1, "-1.0"}, {"0.25", 1, "-0.75"},
		{"0.50", 1, "-0.50"}, {"3.001", 5, "-1.999"}, {"-0", 2, "-2"}, {"+7.5", 2, "5.5"},
		{"1000000000000000000000", 1, "999999999999999999999"},
		{"-99999999999999999999999", 1, "-100000000000000000000000"},
	} {
		if got := string(appendDecimalLess(nil, tc.s, tc.off)); got != tc.want {
			t.Errorf("%s - %d = %s, want %s", tc.s, tc.off, got, tc.want)
		}
	}
}

func TestSelect(t *testing.T) {
	const src = "{role, select, admin {Ask another admin.} 1 {one} true {yes} other {Ask an admin.}}"
	for _, tc := range []struct {
		v    Value
		want string
	}{
		{String("admin"), "Ask another admin."},
		{String("user"), "Ask an admin."},
		{String(""), "Ask an admin."},
		{Int(1), "one"},
		{Bool(true), "yes"},
		{Bool(false), "Ask an admin."},
		{Value{}, "{role?}"},
	} {
		if got := render(t, src, "en", Args{Values: []Value{tc.v}, Names: []string{"role"}}); got != tc.want {
			t.Errorf("role = %s: %q, want %q", tc.v.AppendText(nil), got, tc.want)
		}
	}
}

func TestFormats(t *testing.T) {
	when := time.Date(2026, 3, 4, 15, 6, 7, 0, time.UTC)
	args := Args{
		Values: []Value{Decimal("2.5"), Decimal("3.5"), Decimal("-0.4"), Float(1e21), Int(7), Time(when), Duration(90 * time.Second)},
		Names:  []string{"a", "b", "c", "f", "i", "t", "d"},
	}
	for _, tc := range []struct{ src, want string }{
		{"{a, number, integer} {b, number, integer} {c, number, integer} {i, number, integer}", "2 4 0 7"},
		{"{a, number} {f} {f, number} {f, number, integer}", "2.5 1e+21 1,000,000,000,000,000,000,000 1,000,000,000,000,000,000,000"},
		{"{t, date, short}|{t, date}|{t, date, long}|{t, date, full}", "3/4/26|Mar 4, 2026|March 4, 2026|Wednesday, March 4, 2026"},
		{"{t, time, short}|{t, time}|{t, time, long}|{t}", "3:06\u202fPM|3:06:07\u202fPM|3:06:07\u202fPM GMT|2026-03-04T15:06:07Z"},
		{"{d} {d, number} {x} {x, date} {9}", "1m30s 1m30s {x?} {x?} {9?}"},
		{"{{literal}} {0}", "{literal} 2.5"},
	} {
		if got := render(t, tc.src, "en", args); got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.src, got, tc.want)
		}
	}
}

func TestBind(t *testing.T) {
	m := mustParse(t, "{count, plural, one {{name} has # file} other {{name} has # files}} {1}")
	if err := m.Bind([]string{"name", "count"}); err != nil {
		t.Fatal(err)
	}
	if got := string(Append(nil, m, "en", Args{Values: []Value{String("Ana"), Int(1)}})); got != "Ana has 1 file 1" {
		t.Errorf("bound message renders %q", got)
	}
	for _, tc := range []struct{ src, want string }{
		{"{nme}", `offset 1: argument "nme" is not a parameter: declared are name, count`},
		{"{2}", `offset 1: argument {2} names no parameter: declared are name, count`},
	} {
		err := mustParse(t, tc.src).Bind([]string{"name", "count"})
		if err == nil || err.Error() != tc.want {
			t.Errorf("Bind of %q: %v, want %s", tc.src, err, tc.want)
		}
	}
}

func TestNoAllocs(t *testing.T) {
	plain := mustParse(t, "Unable to locate {0} with id {1}.")
	plural := mustParse(t, "{0, plural, =0 {No files} one {# file} other {# files}} in {1}.")
	nested := mustParse(t, "{1, select, admin {{0, plural, one {# admin} other {# admins}}} other {{0, selectordinal, one {#st} other {#th}}}}")
	args := Args{Values: []Value{Int(21), String("admin")}}
	dst := make([]byte, 0, 256)
	for name, m := range map[string]*Message{"plain": plain, "plural": plural, "nested": nested} {
		for _, locale := range []string{"en", "ru", "pt-AO"} {
			if n := testing.AllocsPerRun(100, func() { dst = Append(dst[:0], m, locale, args) }); n != 0 {
				t.Errorf("Append of the %s message in %s allocates %v times, want 0", name, locale, n)
			}
			if n := testing.AllocsPerRun(100, func() { dst = AppendJSON(dst[:0], m, locale, args) }); n != 0 {
				t.Errorf("AppendJSON of the %s message in %s allocates %v times, want 0", name, locale, n)
			}
		}
	}
}

// TestAppendJSON checks that AppendJSON writes what encoding/json writes for the text
// Append renders.
func TestAppendJSON(t *testing.T) {
	args := Args{
		Values: []Value{String(`"<b>" & 'x' ` + "\n\u2028\xff"), Decimal(`1"2`), Int(3), Decimal("2.5")},
		Names:  []string{"s", "bad", "n", "d"},
	}
	for _, src := range []string{
		`plain "quoted" <text> & more`,
		"{s} {{s}} {bad} {bad, number} {bad, number, integer} {bad, date}",
		"{n, plural, one {<one> {s}} other {# «items» {s} {bad}}}",
		"{bad, plural, offset:1 other {# {s}}} {d, plural, offset:1 other {#}}",
		"{s, select, other {\t{s}}}",
	} {
		m := mustParse(t, src)
		want, err := json.Marshal(string(Append(nil, m, "en", args)))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(AppendJSON(nil, m, "en", args)); got != string(want[1:len(want)-1]) {
			t.Errorf("AppendJSON(%q)\n got %s\nwant %s", src, got, want[1:len(want)-1])
		}
	}
	hand := &Message{Nodes: []Node{&Text{Value: `"a"`}}}
	if got := string(AppendJSON(nil, hand, "en", Args{})); got != `\"a\"` {
		t.Errorf("AppendJSON of a Text built by hand = %s", got)
	}
}
