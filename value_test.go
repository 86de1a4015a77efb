package errcat

import (
	"math"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// TestValueSize pins the sizes the error path was measured with: a Value is two
// words and an Error with up to two values is one 64-byte allocation.
func TestValueSize(t *testing.T) {
	if n := unsafe.Sizeof(Value{}); n != 16 {
		t.Errorf("Value is %d bytes, want 16", n)
	}
	if n := unsafe.Sizeof(Error{}); n != 64 {
		t.Errorf("Error is %d bytes, want 64", n)
	}
	if reflect.TypeFor[Value]().Comparable() {
		t.Error("Value is comparable: == would compare a string's address, not its text")
	}
}

// TestValueKinds holds every kind to its accessors at the edges of its bits: values
// whose bits look like a string's tags are still read as what they are.
func TestValueKinds(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	at := time.Date(2026, 11, 23, 10, 0, 0, 5, ict)
	long := strings.Repeat("ab", 1000)
	for _, c := range []struct {
		v    Value
		kind Kind
		text string
		// what each accessor must return
		str  string
		i    int64
		f    float64
		b    bool
		tm   time.Time
		d    time.Duration
		zero bool
	}{
		{v: Value{}, kind: KindInvalid, text: "", zero: true},
		{v: String(""), kind: KindString, text: ""},
		{v: String("x\"y"), kind: KindString, text: "x\"y", str: "x\"y"},
		{v: String(long), kind: KindString, text: long, str: long},
		{v: Int(0), kind: KindInt, text: "0"},
		{v: Int(-1), kind: KindInt, text: "-1", i: -1},
		{v: Int(math.MinInt64), kind: KindInt, text: "-9223372036854775808", i: math.MinInt64},
		{v: Int(-1 << 62), kind: KindInt, text: "-4611686018427387904", i: -1 << 62},
		{v: Float(math.Copysign(0, -1)), kind: KindFloat, text: "-0", f: math.Copysign(0, -1)},
		{v: Float(-2.5), kind: KindFloat, text: "-2.5", f: -2.5},
		{v: Bool(true), kind: KindBool, text: "true", b: true},
		{v: Bool(false), kind: KindBool, text: "false"},
		{v: Time(at), kind: KindTime, text: "2026-11-23T10:00:00.000000005+07:00", tm: at},
		{v: Time(at.UTC()), kind: KindTime, text: "2026-11-23T03:00:00.000000005Z", tm: at.UTC()},
		{v: Time(time.Unix(-1, 0).UTC()), kind: KindTime, text: "1969-12-31T23:59:59Z", tm: time.Unix(-1, 0).UTC()},
		{v: Time(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)), kind: KindTime, text: "0000-01-01T00:00:00Z", tm: time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)},
		{v: Time(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)), kind: KindTime, text: "3000-01-01T00:00:00Z", tm: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{v: Duration(math.MinInt64), kind: KindDuration, text: time.Duration(math.MinInt64).String(), d: math.MinInt64},
	} {
		v := c.v
		if v.Kind() != c.kind || v.String() != c.text || v.IsZero() != c.zero {
			t.Errorf("%q: kind %v, text %q, zero %v; want %v, %q, %v", c.text, v.Kind(), v.String(), v.IsZero(), c.kind, c.text, c.zero)
		}
		if v.Str() != c.str || v.Int64() != c.i || math.Float64bits(v.Float64()) != math.Float64bits(c.f) ||
			v.Bool() != c.b || v.Duration() != c.d {
			t.Errorf("%q: accessors %q %d %v %v %v", c.text, v.Str(), v.Int64(), v.Float64(), v.Bool(), v.Duration())
		}
		if got := v.Time(); !got.Equal(c.tm) || got.Location().String() != c.tm.Location().String() {
			t.Errorf("%q: Time() = %v, want %v", c.text, got, c.tm)
		}
		if !v.Equal(c.v) {
			t.Errorf("%q: not Equal to itself", c.text)
		}
	}
}

func TestValueEqual(t *testing.T) {
	a := String(strings.Repeat("a", 3))
	for _, c := range []struct {
		v, w Value
		want bool
	}{
		{a, String("aaa"), true}, // same text at another address
		{a, String("aab"), false},
		{String(""), Value{}, false},
		{Int(1), Bool(true), false},
		{Int(7), Int(7), true},
		{Time(time.Unix(5, 0).UTC()), Time(time.Unix(5, 0).In(time.FixedZone("X", 3600))), false},
		{Value{}, Value{}, true},
	} {
		if got := c.v.Equal(c.w); got != c.want {
			t.Errorf("%v(%v).Equal(%v(%v)) = %v", c.v.Kind(), c.v, c.w.Kind(), c.w, got)
		}
	}
}

// TestValueKeepsString: a Value holds its string's bytes alive by itself.
func TestValueKeepsString(t *testing.T) {
	vals := make([]Value, 100)
	for i := range vals {
		vals[i] = String(strings.Repeat(string(rune('a'+i%26)), 64+i))
	}
	runtime.GC()
	runtime.GC()
	for i, v := range vals {
		if want := strings.Repeat(string(rune('a'+i%26)), 64+i); v.Str() != want {
			t.Fatalf("value %d changed after GC: %q", i, v.Str())
		}
	}
}

// TestPresent: the zero Value and the empty string are "not given"; an integer whose
// bits equal an empty string's tags is given.
func TestPresent(t *testing.T) {
	for _, c := range []struct {
		v    Value
		want bool
	}{
		{Value{}, false}, {String(""), false}, {String("x"), true},
		{Int(math.MinInt64), true}, {Int(0), true}, {Bool(false), true},
	} {
		if got := c.v.present(); got != c.want {
			t.Errorf("%v(%v).present() = %v", c.v.Kind(), c.v, got)
		}
	}
}

// TestArgsTrailingZero: zero Values at the end of the arguments are not kept, inline
// or not; zero Values before a given one are.
func TestArgsTrailingZero(t *testing.T) {
	d := testSet(t).Lookup("000012")
	for _, c := range []struct {
		args []Value
		want int
	}{
		{nil, 0},
		{[]Value{String("a"), {}}, 1},
		{[]Value{{}, String("b")}, 2},
		{[]Value{String("a"), {}, {}, {}, {}}, 1},
		{[]Value{String("a"), {}, {}, Int(4)}, 4},
	} {
		if got := len(d.New(c.args...).Args()); got != c.want {
			t.Errorf("New(%d args).Args() has %d, want %d", len(c.args), got, c.want)
		}
	}
}

// FuzzParseValue: what ParseValue accepts, String writes back in a form it reads as an
// equal value.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"42", "-9223372036854775808", "2.5e-7", "NaN", "true", "2026-01-02T15:04:05.5+07:00", "1h2m", "x\"y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for k := KindString; k <= KindDuration; k++ {
			v, err := ParseValue(k, text)
			if err != nil {
				continue
			}
			if v.Kind() != k {
				t.Fatalf("ParseValue(%v, %q) has kind %v", k, text, v.Kind())
			}
			w, err := ParseValue(k, v.String())
			if err != nil {
				t.Fatalf("ParseValue(%v, %q) = %q, which does not parse back: %v", k, text, v.String(), err)
			}
			if !w.Equal(v) && !(k == KindFloat && math.IsNaN(v.Float64())) {
				t.Fatalf("ParseValue(%v, %q): %q reads back as %q", k, text, v.String(), w.String())
			}
		}
	})
}
