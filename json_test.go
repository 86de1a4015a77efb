package errcat

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"
)

func TestAppendFloatLikeEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, 1, -2.5, 1e20, 1e21, 1e-6, 1e-7, 123456.789, 5e-324, math.MaxFloat64} {
		want, _ := json.Marshal(f)
		if got := Float(f).AppendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("Float(%v).AppendJSON = %s, want %s", f, got, want)
		}
	}
}

// TestValueAppendJSON: each kind as JSON, and what encoding/json makes of the same
// Go value where there is one.
func TestValueAppendJSON(t *testing.T) {
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	for _, c := range []struct {
		v    Value
		want string
	}{
		{String("a<b>\"\n"), `"a\u003cb\u003e\"\n"`},
		{String(""), `""`},
		{Int(-42), `-42`},
		{Float(math.Inf(1)), `"+Inf"`},
		{Float(math.NaN()), `"NaN"`},
		{Bool(true), `true`},
		{Time(at), `"2026-11-23T10:00:00+07:00"`},
		{Duration(1500 * time.Millisecond), `"1.5s"`},
		{Value{}, `null`},
	} {
		got := string(c.v.AppendJSON(nil))
		if got != c.want {
			t.Errorf("%v: AppendJSON = %s, want %s", c.v.Kind(), got, c.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("%v: %s is not JSON", c.v.Kind(), got)
		}
	}
}

// TestAppendParamsJSON: params not given are left out, extra args ignored, and an
// error without params appends nothing.
func TestAppendParamsJSON(t *testing.T) {
	d := testSet(t).Lookup("000012")
	for _, c := range []struct {
		args   []Value
		asText bool
		want   string
	}{
		{[]Value{String("project"), Int(42)}, false, `[{"kind":"project","id":42}`},
		{[]Value{String("project"), Int(42)}, true, `[{"kind":"project","id":"42"}`},
		{[]Value{{}, String("a\tb")}, true, `[{"id":"a\tb"}`},
		{[]Value{String("x"), String("y"), String("extra")}, false, `[{"kind":"x","id":"y"}`},
		{nil, false, `[`},
	} {
		if got := string(d.New(c.args...).AppendParamsJSON([]byte("["), c.asText)); got != c.want {
			t.Errorf("AppendParamsJSON(%d args, %v) = %s, want %s", len(c.args), c.asText, got, c.want)
		}
	}
}

// TestVariantRemappedJSON: a variant with params of its own renders, as the shown
// text of its code's error, the parent's values by name, in JSON as in text.
// remappedSet returns a set whose code E1 has a variant with params of its own: an
// error of E1 shown as the variant renders the variant's texts remapped to E1's params.
func remappedSet() *Set {
	return MustNewSet(SetSpec{Name: "r", Errors: []Spec{{
		Code: "E1", Name: "Exists", Status: 409,
		Texts:  Texts{Message: "Field {field} has <{value}> already."},
		Params: []Param{{Name: "field"}, {Name: "value"}},
		Variants: []Spec{{
			Key:    "0",
			Texts:  Texts{Message: "A value <{value}> exists & is taken."},
			Params: []Param{{Name: "value"}},
		}},
	}}})
}

func TestVariantRemappedJSON(t *testing.T) {
	e := remappedSet().Lookup("E1").New(Value{}, String(`"x"`))
	if got, want := e.Variant().ID(), "E1[0]"; got != want {
		t.Fatalf("shown variant %s, want %s", got, want)
	}
	if got, want := e.Message(""), `A value <"x"> exists & is taken.`; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	want, _ := json.Marshal(e.Message(""))
	if got := `"` + string(e.AppendMessageJSON(nil, "")) + `"`; got != string(want) {
		t.Errorf("AppendMessageJSON = %s, want %s", got, want)
	}
}
