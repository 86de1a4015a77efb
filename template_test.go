package errcat

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestTemplateRender(t *testing.T) {
	params := []Param{{Name: "kind"}, {Name: "id", Kind: KindInt}}
	tests := []struct {
		src  string
		args []Value
		want string
	}{
		{"Unable to locate {0} with id {1}.", []Value{String("project"), Int(42)}, "Unable to locate project with id 42."},
		{"Unable to locate {kind} with id {id}.", []Value{String("project"), Int(42)}, "Unable to locate project with id 42."},
		{"{1}{0}", []Value{String("a"), Int(-7)}, "-7a"},
		{"literal {{braces}} and {{0}}", nil, "literal {braces} and {0}"},
		{"no values {0} and {id}", nil, "no values {kind?} and {id?}"},
		{"short {1}", []Value{String("x")}, "short {id?}"},
		{"value is not expanded: {0}", []Value{String("{1}")}, "value is not expanded: {1}"},
		{"", nil, ""},
		{"{0}", []Value{String("")}, ""},
	}
	for _, tt := range tests {
		tmpl, err := ParseTemplate(tt.src)
		if err != nil {
			t.Fatalf("ParseTemplate(%q): %v", tt.src, err)
		}
		tmpl, err = tmpl.Bind(params)
		if err != nil {
			t.Fatalf("Bind(%q): %v", tt.src, err)
		}
		if got := tmpl.Render(tt.args); got != tt.want {
			t.Errorf("Render(%q) = %q, want %q", tt.src, got, tt.want)
		}
		if got := string(tmpl.Append([]byte("> "), tt.args)); got != "> "+tt.want {
			t.Errorf("Append(%q) = %q, want %q", tt.src, got, "> "+tt.want)
		}
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		src  string
		off  int
		want string
	}{
		{"oops {", 5, "unclosed '{'"},
		{"oops } here", 5, "unmatched '}'"},
		{"a {} b", 2, "empty placeholder"},
		{"a {x y} b", 5, "unexpected 'y' in placeholder: write {name}, {name, type} or {name, type, style}"},
		{"a {0x} b", 3, `invalid argument index "0x"`},
		{"a {99999999} b", 3, "too large"},
		{"{n, plural, one {x}}", 0, `plural needs an "other" arm`},
		{"{n, plural, one {x} other {y}", 0, "unclosed plural"},
		{"{n, foo}", 4, `unknown argument type "foo"`},
	}
	for _, tt := range tests {
		_, err := ParseTemplate(tt.src)
		te, ok := err.(*TemplateError)
		if !ok {
			t.Fatalf("ParseTemplate(%q) error = %v, want *TemplateError", tt.src, err)
		}
		if te.Offset != tt.off || !strings.Contains(te.Msg, tt.want) {
			t.Errorf("ParseTemplate(%q) = offset %d %q, want offset %d containing %q", tt.src, te.Offset, te.Msg, tt.off, tt.want)
		}
	}
}

func TestTemplateBindErrors(t *testing.T) {
	params := []Param{{Name: "kind"}}
	tests := []struct {
		src  string
		off  int
		want string
	}{
		{"x {1}", 2, "placeholder {1} names no parameter: declared are {0} kind"},
		{"xy {name}", 3, "placeholder {name} names no parameter: declared are {0} kind"},
	}
	for _, tt := range tests {
		_, err := MustParseTemplate(tt.src).Bind(params)
		te, ok := err.(*TemplateError)
		if !ok || te.Offset != tt.off || te.Msg != tt.want {
			t.Errorf("Bind(%q) = %v, want offset %d %q", tt.src, err, tt.off, tt.want)
		}
	}
	_, err := MustParseTemplate("{0}").Bind(nil)
	if err == nil || !strings.Contains(err.Error(), "declares no params") {
		t.Errorf("Bind with no params = %v, want a hint to declare params", err)
	}
}

func TestPlaceholders(t *testing.T) {
	got := MustParseTemplate("a {{ {0} b {name} {12}").Placeholders()
	want := []Placeholder{{Name: "0", Index: 0, Offset: 5}, {Name: "name", Index: -1, Offset: 11}, {Name: "12", Index: 12, Offset: 18}}
	if len(got) != len(want) {
		t.Fatalf("Placeholders = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Placeholders[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestValueText(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	tests := []struct {
		v    Value
		want string
	}{
		{String("x"), "x"},
		{Int(-12), "-12"},
		{Float(2.5), "2.5"},
		{Float(1e21), "1e+21"},
		{Bool(true), "true"},
		{Bool(false), "false"},
		{Time(time.Date(2026, 11, 23, 10, 0, 0, 0, loc)), "2026-11-23T10:00:00+07:00"},
		{Time(time.Date(2026, 11, 23, 10, 0, 0, 5e8, time.UTC)), "2026-11-23T10:00:00.5Z"},
		{Duration(90 * time.Second), "1m30s"},
		{Value{}, ""},
	}
	for _, tt := range tests {
		if got := tt.v.String(); got != tt.want {
			t.Errorf("%v.String() = %q, want %q", tt.v.Kind(), got, tt.want)
		}
	}
}

func TestParseValue(t *testing.T) {
	for _, tt := range []struct {
		k    Kind
		text string
		want string
		err  string
	}{
		{KindInt, "42", "42", ""},
		{KindInt, "4x", "", `"4x" is not a valid int: want a decimal integer such as 42`},
		{KindFloat, "2.50", "2.5", ""},
		{KindBool, "yes", "", `"yes" is not a valid bool: want true or false`},
		{KindTime, "2026-01-02T15:04:05Z", "2026-01-02T15:04:05Z", ""},
		{KindDuration, "90s", "1m30s", ""},
		{KindDuration, "soon", "", `"soon" is not a valid duration: want a duration such as 1m30s`},
		{KindString, "{0}", "{0}", ""},
	} {
		v, err := ParseValue(tt.k, tt.text)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseValue(%v, %q) error = %v, want %q", tt.k, tt.text, err, tt.err)
			}
			continue
		}
		if err != nil || v.String() != tt.want {
			t.Errorf("ParseValue(%v, %q) = %q, %v; want %q", tt.k, tt.text, v.String(), err, tt.want)
		}
	}
}

// FuzzParseTemplate checks that parsing never panics, that rendering a parsed template
// never panics, and that a template written back from its parts parses the same.
func TestAppendJSON(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 30, 0, 5e8, time.UTC)
	for _, c := range []struct {
		src  string
		args []Value
		want string
	}{
		{"Unable to locate {0} with id {1}.", []Value{String("project"), String("42")}, `Unable to locate project with id 42.`},
		{"Say \"{0}\" <now> & {{then}}", []Value{String("a\"b\\c\n")}, `Say \"a\"b\\c\n\" \u003cnow\u003e \u0026 {then}`},
		{"Đã hết hạn vào {0} sau {1}", []Value{Time(now), Duration(1500 * time.Microsecond)}, `Đã hết hạn vào 2026-11-23T09:30:00.5Z sau 1.5ms`},
		{"{0} of {1}: {2}, {3}", []Value{Int(-3), Float(2.5), Bool(true)}, `-3 of 2.5: true, {3?}`},
		{"line\u2028break {0}", []Value{String("\xff\u2029")}, `line\u2028break \ufffd\u2029`},
	} {
		tmpl := MustParseTemplate(c.src)
		got := string(tmpl.AppendJSON(nil, c.args))
		if got != c.want {
			t.Errorf("AppendJSON(%q) = %s, want %s", c.src, got, c.want)
		}
		want, _ := json.Marshal(tmpl.Render(c.args))
		if `"`+got+`"` != string(want) {
			t.Errorf("AppendJSON(%q) = %s, encoding/json writes %s", c.src, got, want)
		}
	}
}

func FuzzParseTemplate(f *testing.F) {
	for _, s := range []string{"", "a {0} b", "{name}", "{{}}", "{", "}", "{0}{1}{2}", "x{{y}}z{9}", "{_a1}",
		"{1, plural, offset:1 =0 {<none>} one {# \"one\"} other {{0} and #}}", "{0, select, a {&} other {{1, number}}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		tmpl, err := ParseTemplate(src)
		if err != nil {
			if _, ok := err.(*TemplateError); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		args := []Value{String("v<\"&\u2028"), Int(1)}
		text := tmpl.Render(args)
		want, _ := json.Marshal(text)
		if got := tmpl.AppendJSON([]byte{'"'}, args); string(got)+`"` != string(want) {
			t.Fatalf("AppendJSON of %q = %s\", want %s", src, got, want)
		}
		if !tmpl.Plain() {
			return
		}
		var b strings.Builder
		for _, s := range tmpl.segs {
			if s.ph {
				b.WriteString(s.lit)
				continue
			}
			b.WriteString(strings.NewReplacer("{", "{{", "}", "}}").Replace(s.lit))
		}
		again, err := ParseTemplate(b.String())
		if err != nil {
			t.Fatalf("re-parse of %q (from %q): %v", b.String(), src, err)
		}
		if a, b := again.Render(nil), tmpl.Render(nil); a != b {
			t.Fatalf("re-parse renders %q, want %q", a, b)
		}
	})
}

func TestParts(t *testing.T) {
	tmpl, err := MustParseTemplate("a {{x}} {1}{name}.").Bind([]Param{{Name: "name"}, {Name: "id"}})
	if err != nil {
		t.Fatal(err)
	}
	got := tmpl.Parts()
	want := []Part{{"a {x} ", -1}, {"id", 1}, {"name", 0}, {".", -1}}
	if len(got) != len(want) {
		t.Fatalf("Parts = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Parts[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestBindJSON: a bound template writes JSON with its bound names, with or without
// placeholders, and Bind leaves the template it was called on as it was.
func TestBindJSON(t *testing.T) {
	params := []Param{{Name: "kind"}, {Name: "id"}}
	for src, want := range map[string]string{
		"No placeholder <here>.": `No placeholder \u003chere\u003e.`,
		"{id} of {0}":            `7 of {kind?}`,
	} {
		orig := MustParseTemplate(src)
		b, err := orig.Bind(params)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(b.AppendJSON(nil, []Value{{}, Int(7)})); got != want {
			t.Errorf("bound %q: AppendJSON = %s, want %s", src, got, want)
		}
		if got := string(orig.AppendJSON(nil, nil)); strings.Contains(got, "kind") {
			t.Errorf("Bind changed the template it was called on: %s", got)
		}
	}
}
