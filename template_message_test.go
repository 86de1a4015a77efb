package errcat

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMessageTemplate(t *testing.T) {
	params := []Param{{Name: "count", Kind: KindInt}, {Name: "who"}}
	src := "{who} has {count, plural, =0 {no files} one {# file} other {# files}} <here>"
	orig := MustParseTemplate(src)
	if orig.Plain() || orig.IsZero() {
		t.Fatalf("Plain() = %v, IsZero() = %v, want false, false", orig.Plain(), orig.IsZero())
	}
	if got := orig.Parts(); !slices.Equal(got, []Part{{Text: src, Param: -1}}) {
		t.Errorf("Parts = %+v, want the source as one literal", got)
	}
	wantPh := []Placeholder{{Name: "who", Index: -1, Offset: 0}, {Name: "count", Index: -1, Offset: 10}}
	if got := orig.Placeholders(); !slices.Equal(got, wantPh) {
		t.Errorf("Placeholders = %+v, want %+v", got, wantPh)
	}
	b, err := orig.Bind(params)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Placeholders(); !slices.Equal(got, wantPh) {
		t.Errorf("bound Placeholders = %+v, want %+v", got, wantPh)
	}
	en := b.WithLocale("en")
	for _, tt := range []struct {
		tmpl Template
		args []Value
		text string
		json string
	}{
		{en, []Value{Int(0), String("Ann")}, "Ann has no files <here>", `Ann has no files \u003chere\u003e`},
		{en, []Value{Int(1), String(`"A"`)}, `"A" has 1 file <here>`, `\"A\" has 1 file \u003chere\u003e`},
		{en, []Value{Int(7)}, "{who?} has 7 files <here>", `{who?} has 7 files \u003chere\u003e`},
		// Without a locale, the root rules: only the exact arm differs from "other".
		{b, []Value{Int(1), String("B")}, "B has 1 files <here>", `B has 1 files \u003chere\u003e`},
		{b.WithLocale("fr"), []Value{Int(1), String("B")}, "B has 1 file <here>", `B has 1 file \u003chere\u003e`},
	} {
		if got := tt.tmpl.Render(tt.args); got != tt.text {
			t.Errorf("Render(%v) in %q = %q, want %q", tt.args, tt.tmpl.Locale(), got, tt.text)
		}
		if got := string(tt.tmpl.AppendJSON(nil, tt.args)); got != tt.json {
			t.Errorf("AppendJSON(%v) in %q = %s, want %s", tt.args, tt.tmpl.Locale(), got, tt.json)
		}
	}
	// Bind leaves the template it was called on unbound: {who} has no index there.
	if got := orig.Render([]Value{Int(1), String("C")}); !strings.HasPrefix(got, "{who?}") {
		t.Errorf("unbound template renders %q, want the marker {who?}", got)
	}
	if !en.satisfied([]Value{Int(0), String("x")}) || en.satisfied([]Value{Int(0), String("")}) || en.satisfied([]Value{Int(0)}) {
		t.Error("satisfied does not require every referenced value")
	}
}

func TestMessageTemplateValues(t *testing.T) {
	params := []Param{{Name: "a"}, {Name: "b"}, {Name: "c"}, {Name: "d"}, {Name: "e"}, {Name: "f"}, {Name: "g"}, {Name: "h"}, {Name: "i"}, {Name: "j"}}
	tmpl, err := MustParseTemplate("{a} {b, number} {c, number, integer} {d} {e, date, short} {f, select, true {yes} other {no}} {g} {h} {i, plural, other {#}} {j}").Bind(params)
	if err != nil {
		t.Fatal(err)
	}
	args := []Value{String("s"), Int(-3), Float(2.5), Float(1e21), Time(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)),
		Bool(true), Duration(90 * time.Second), {}, Float(1.25), String("nine or more")}
	want := "s -3 2 1e+21 1/2/26 yes 1m30s {h?} 1.25 nine or more"
	if got := tmpl.Render(args); got != want {
		t.Errorf("Render = %q, want %q", got, want)
	}
	// The same values as plain placeholders read the same.
	plain := MustParseTemplate("{0} {1} {3} {6} {7} {9}")
	if got, want := plain.Render(args), "s -3 1e+21 1m30s {7?} nine or more"; got != want {
		t.Errorf("plain Render = %q, want %q", got, want)
	}
}

func TestMessageBindErrors(t *testing.T) {
	params := []Param{{Name: "kind"}}
	for _, tt := range []struct {
		src  string
		off  int
		want string
	}{
		{"x {1, number}", 2, "placeholder {1} names no parameter: declared are {0} kind"},
		{"x {kind, select, a {{name}} other {}}", 20, "placeholder {name} names no parameter: declared are {0} kind"},
		{"{n, plural, other {#}}", 0, "placeholder {n} names no parameter: declared are {0} kind"},
	} {
		_, err := MustParseTemplate(tt.src).Bind(params)
		te, ok := err.(*TemplateError)
		if !ok || te.Offset != tt.off || te.Msg != tt.want {
			t.Errorf("Bind(%q) = %v, want offset %d %q", tt.src, err, tt.off, tt.want)
		}
	}
}

// FuzzPlainSameAsMessage holds that every template the plain parser accepts means the
// same as an ICU message: parsed by package icu, it has the same placeholders, binds
// with the same errors and renders the same text and JSON for any values, missing
// ones included.
func FuzzPlainSameAsMessage(f *testing.F) {
	for _, s := range []string{"", "plain", "a {0} b", "{name}", "{{}}", "{0}{1}{2}", "x{{y}}z{9}", "{_a1}",
		"it's '{0}' # {{#}}", "a}}{{b", "{b}<{a}>&\u2028", "{0}{{{1}}}"} {
		f.Add(s, "v<\"&", int64(1), true)
	}
	params := []Param{{Name: "a"}, {Name: "b", Kind: KindInt}, {Name: "name"}}
	f.Fuzz(func(t *testing.T, src, s string, n int64, present bool) {
		plain, err := parsePlain(src)
		if err != nil {
			return
		}
		msg, err := parseMessage(src)
		if err != nil {
			t.Fatalf("%q: the plain parser accepts it, icu: %v", src, err)
		}
		if !slices.Equal(plain.Placeholders(), msg.Placeholders()) {
			t.Fatalf("%q: placeholders %+v, as a message %+v", src, plain.Placeholders(), msg.Placeholders())
		}
		pb, perr := plain.Bind(params)
		mb, merr := msg.Bind(params)
		if (perr == nil) != (merr == nil) || perr != nil && perr.Error() != merr.Error() {
			t.Fatalf("%q: Bind: %v, as a message: %v", src, perr, merr)
		}
		args := []Value{String(s), Int(n), String(s + s)}
		if !present {
			args = args[:1]
		}
		pairs := []struct{ p, m Template }{{plain, msg}}
		if perr == nil { // a template that failed to bind is not used
			pairs = append(pairs, struct{ p, m Template }{pb, mb})
		}
		for _, c := range pairs {
			if a, b := c.p.Render(args), c.m.Render(args); a != b {
				t.Fatalf("%q: Render %q, as a message %q", src, a, b)
			}
			if a, b := c.p.AppendJSON(nil, args), c.m.AppendJSON(nil, args); string(a) != string(b) {
				t.Fatalf("%q: AppendJSON %s, as a message %s", src, a, b)
			}
			if a, b := c.p.satisfied(args), c.m.satisfied(args); a != b {
				t.Fatalf("%q: satisfied %v, as a message %v", src, a, b)
			}
		}
	})
}

// TestMessageNoAllocs holds that rendering a plural message of up to four values, in
// text and in JSON, allocates nothing once the buffer has room.
func TestMessageNoAllocs(t *testing.T) {
	tmpl, err := MustParseTemplate("{who}: {n, plural, one {# file} few {# файла} other {# files}}, {n, selectordinal, one {#st} other {#th}}").Bind([]Param{{Name: "n", Kind: KindInt}, {Name: "who"}})
	if err != nil {
		t.Fatal(err)
	}
	tmpl = tmpl.WithLocale("ru")
	args := []Value{Int(22), String("Ann")}
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() {
		buf = tmpl.Append(buf[:0], args)
		buf = tmpl.AppendJSON(buf[:0], args)
	}); n != 0 {
		t.Errorf("rendering allocates %v times, want 0", n)
	}
	if got, want := string(tmpl.Append(nil, args)), "Ann: 22 файла, 22th"; got != want {
		t.Errorf("Append = %q, want %q", got, want)
	}
}

// FuzzFastSameAsICU holds that the messages the runtime renders itself render as
// package icu renders them, for integer and other values, in several locales.
func FuzzFastSameAsICU(f *testing.F) {
	for _, s := range []string{
		"{0, plural, =0 {none} one {# <one>} other {# \"{1}\" ##}}",
		"{1}: {0, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} {0, plural, other {{0, plural, one {x} other {# y}}}}",
		"{0, plural, =-1 {minus} many {# many} few {# few} other {{2}}}",
		"{0, plural, offset:1 other {#}}",
	} {
		f.Add(s, int64(1), "ru", "a&b")
		f.Add(s, int64(-21), "ar", "")
	}
	params := []Param{{Name: "n", Kind: KindInt}, {Name: "s"}, {Name: "t"}}
	f.Fuzz(func(t *testing.T, src string, n int64, locale, s string) {
		tmpl, err := ParseTemplate(src)
		if err != nil || tmpl.Plain() {
			return
		}
		if tmpl, err = tmpl.Bind(params); err != nil {
			return
		}
		msg := tmpl.msg
		msg.setLocale(locale)
		for _, args := range [][]Value{{Int(n), String(s)}, {Int(n), String(s), Float(1.5)}, {{}, String(s)}, {Float(float64(n)), String(s)}, {String(s)}} {
			for _, json := range []bool{false, true} {
				got := string(msg.append(nil, locale, args, json))
				want := string(msg.appendICU(nil, locale, args, json))
				if got != want {
					t.Fatalf("%q in %s with %v (json %v): %q, icu renders %q", src, locale, args, json, got, want)
				}
			}
		}
	})
}
