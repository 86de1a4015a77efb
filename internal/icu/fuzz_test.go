package icu

import (
	"testing"
	"time"
)

var fuzzValues = []Value{
	{}, Int(-9223372036854775808), Int(21), Decimal("-0.50"), Decimal("1e3"), Decimal(""),
	Float(2.5), Float(-1e300), String("x\"<"), Bool(true), Duration(-time.Hour), Time(time.Unix(0, 0)),
}

// FuzzParse checks that Parse never panics, that every node's span lies within the
// source and after its predecessor's, that printing a parsed message and parsing the
// print gives the same nodes (positions aside) and the same print, and that rendering
// it never panics, with values of every kind.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "plain", "Unable to locate {0} with id {id}.", "{{0}} '{0}' }} ##",
		"{n, plural, =0 {none} one {# item} other {# items}}",
		"{0, plural, offset:1 =1 {{host}} other {{host} and # more ##}}",
		"{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
		"{role, select, admin {Ask {n, plural, one {#} other {# ###}}.} other {x}}",
		"{size, number} {size, number, integer} {when, date, short} {when, time, long}",
		"{d, duration} {d,duration} {d, duration, long}",
		"{ n , plural , offset: 2 one { # } other { # } }",
		"{n, plural, one {#} other}", "{a-b}", "{n, plural, =-3 {x} other {y}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := Parse(src)
		if err != nil {
			if e, ok := err.(*Error); !ok || e.Offset < 0 || e.Offset > len(src) || e.Msg == "" {
				t.Fatalf("Parse(%q): error %#v", src, err)
			}
			return
		}
		checkSpans(t, src, m)
		printed := m.String()
		m2, err := Parse(printed)
		if err != nil {
			t.Fatalf("Parse(%q) printed %q, which does not parse: %v", src, printed, err)
		}
		if a, b := shape(m), shape(m2); a != b {
			t.Fatalf("Parse(%q) printed %q, which parses differently:\n%s\n%s", src, printed, a, b)
		}
		if again := m2.String(); again != printed {
			t.Fatalf("printing %q twice: %q, then %q", src, printed, again)
		}
		for _, v := range fuzzValues {
			args := Args{Values: []Value{v, v, v}, Names: []string{"n", "a", "b"}}
			Append(nil, m, "ru", args)
			AppendJSON(nil, m, "pt-PT", args)
		}
	})
}

// checkSpans checks that the nodes of m lie, in order, within m's span.
func checkSpans(t *testing.T, src string, m *Message) {
	t.Helper()
	if m.Pos < 0 || m.Pos > m.End || m.End > len(src) {
		t.Fatalf("%q: message span %v", src, m.Span)
	}
	at := m.Pos
	for _, n := range m.Nodes {
		s := n.Bounds()
		if s.Pos < at || s.End <= s.Pos || s.End > m.End {
			t.Fatalf("%q: %T span %v after %d, within %v", src, n, s, at, m.Span)
		}
		at = s.End
		if c, ok := n.(*Choice); ok {
			for _, a := range c.Arms {
				if a.Pos < s.Pos || a.End > s.End || a.Message.Pos < a.Pos || a.Message.End >= a.End {
					t.Fatalf("%q: arm %q span %v, message %v, in %v", src, a.Key, a.Span, a.Message.Span, s)
				}
				checkSpans(t, src, a.Message)
			}
		}
	}
}
