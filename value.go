package errcat

import (
	"log/slog"
	"math"
	"strconv"
	"time"

	"github.com/errcat/errcat/internal/jsontext"
)

// Kind is the type of a parameter or of a [Value].
type Kind uint8

// The kinds of parameter a catalog can declare. KindInvalid is the kind of the zero
// [Value], which stands for a parameter that was not given.
const (
	KindInvalid Kind = iota
	KindString
	KindInt
	KindFloat
	KindBool
	KindTime
	KindDuration
)

var kindNames = [...]string{
	KindInvalid:  "invalid",
	KindString:   "string",
	KindInt:      "int",
	KindFloat:    "float",
	KindBool:     "bool",
	KindTime:     "time",
	KindDuration: "duration",
}

// String returns the kind's name as the catalog format spells it ("string", "int", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// ParseKind returns the kind named s ("string", "int", "float", "bool", "time",
// "duration") and reports whether s names one.
func ParseKind(s string) (Kind, bool) {
	for k := KindString; int(k) < len(kindNames); k++ {
		if kindNames[k] == s {
			return k, true
		}
	}
	return KindInvalid, false
}

// Value is a typed parameter value. It is a small value type: it holds strings,
// integers, floats, booleans, times and durations without boxing them in an interface,
// so building one allocates nothing. The zero Value means "not given".
type Value struct {
	str   string
	num   uint64
	loc   *time.Location
	kind  Kind
	plain bool // str needs no escaping in JSON, as found once when the Value was made
}

// String returns a Value holding a string.
func String(s string) Value {
	return Value{kind: KindString, str: s, plain: plain(s)}
}

// plain reports whether s is written unchanged inside a JSON string. It is kept out of
// String so that String is inlined.
//
//go:noinline
func plain(s string) bool { return jsontext.PlainPrefix(s) == len(s) }

// Int returns a Value holding an integer.
func Int(i int64) Value { return Value{kind: KindInt, num: uint64(i)} }

// Float returns a Value holding a floating-point number.
func Float(f float64) Value { return Value{kind: KindFloat, num: math.Float64bits(f)} }

// Bool returns a Value holding a boolean.
func Bool(b bool) Value {
	v := Value{kind: KindBool}
	if b {
		v.num = 1
	}
	return v
}

// Time returns a Value holding an instant. It keeps t's location; the monotonic
// clock reading, if any, is dropped.
func Time(t time.Time) Value {
	return Value{kind: KindTime, num: uint64(t.UnixNano()), loc: t.Location()}
}

// Duration returns a Value holding a duration.
func Duration(d time.Duration) Value { return Value{kind: KindDuration, num: uint64(d)} }

// Kind returns the kind of value v holds; KindInvalid for the zero Value.
func (v Value) Kind() Kind { return v.kind }

// IsZero reports whether v is the zero Value, that is, a parameter that was not given.
func (v Value) IsZero() bool { return v.kind == KindInvalid }

// Str returns the string v holds, or "" when v is not a string.
func (v Value) Str() string {
	if v.kind != KindString {
		return ""
	}
	return v.str
}

// Int64 returns the integer v holds, or 0 when v is not an integer.
func (v Value) Int64() int64 {
	if v.kind != KindInt {
		return 0
	}
	return int64(v.num)
}

// Float64 returns the number v holds, or 0 when v is not a float.
func (v Value) Float64() float64 {
	if v.kind != KindFloat {
		return 0
	}
	return math.Float64frombits(v.num)
}

// Bool returns the boolean v holds, or false when v is not a boolean.
func (v Value) Bool() bool { return v.kind == KindBool && v.num == 1 }

// Time returns the instant v holds, or the zero time when v is not a time.
func (v Value) Time() time.Time {
	if v.kind != KindTime {
		return time.Time{}
	}
	t := time.Unix(0, int64(v.num))
	if v.loc != nil {
		t = t.In(v.loc)
	}
	return t
}

// Duration returns the duration v holds, or 0 when v is not a duration.
func (v Value) Duration() time.Duration {
	if v.kind != KindDuration {
		return 0
	}
	return time.Duration(v.num)
}

// present reports whether v counts as given when a template needs it: the zero Value
// and the empty string do not, so that a variant written for "no value" is chosen.
func (v Value) present() bool {
	return v.kind != KindInvalid && !(v.kind == KindString && v.str == "")
}

// AppendText appends v's text to dst: strings as they are, integers in decimal, floats
// in the shortest form that reads back the same, times in RFC 3339 (with fractional
// seconds when there are any), durations as [time.Duration.String] writes them. The
// zero Value appends nothing.
func (v Value) AppendText(dst []byte) []byte {
	switch v.kind {
	case KindString:
		return append(dst, v.str...)
	case KindInt:
		return strconv.AppendInt(dst, int64(v.num), 10)
	case KindFloat:
		return strconv.AppendFloat(dst, math.Float64frombits(v.num), 'g', -1, 64)
	case KindBool:
		return strconv.AppendBool(dst, v.num == 1)
	case KindTime:
		return v.Time().AppendFormat(dst, time.RFC3339Nano)
	case KindDuration:
		return append(dst, time.Duration(v.num).String()...)
	}
	return dst
}

// AppendTextJSON is [Value.AppendText] for JSON bodies: it appends v's text escaped as
// the contents of a JSON string, without the quotes, as encoding/json escapes it.
// Only strings can need escaping; whether one does was found when it was made.
func (v Value) AppendTextJSON(dst []byte) []byte {
	if v.plain { // only strings are marked plain; small enough to be inlined
		return append(dst, v.str...)
	}
	return v.appendTextEscaped(dst)
}

// appendTextEscaped is AppendTextJSON for a Value that is not a plain string.
func (v *Value) appendTextEscaped(dst []byte) []byte {
	if v.kind == KindString {
		return jsontext.AppendEscaped(dst, v.str)
	}
	return v.AppendText(dst)
}

// String returns v's text as [Value.AppendText] writes it.
func (v Value) String() string {
	if v.kind == KindString {
		return v.str
	}
	return string(v.AppendText(nil))
}

// SlogValue returns v as a [slog.Value] of the matching kind.
func (v Value) SlogValue() slog.Value {
	switch v.kind {
	case KindString:
		return slog.StringValue(v.str)
	case KindInt:
		return slog.Int64Value(int64(v.num))
	case KindFloat:
		return slog.Float64Value(math.Float64frombits(v.num))
	case KindBool:
		return slog.BoolValue(v.num == 1)
	case KindTime:
		return slog.TimeValue(v.Time())
	case KindDuration:
		return slog.DurationValue(time.Duration(v.num))
	}
	return slog.AnyValue(nil)
}

// ParseValue parses text as a value of kind k, as a command line or a query string
// gives it: integers in decimal, floats as [strconv.ParseFloat] reads them, booleans as
// [strconv.ParseBool] does, times in RFC 3339, durations as [time.ParseDuration] does.
func ParseValue(k Kind, text string) (Value, error) {
	switch k {
	case KindString:
		return String(text), nil
	case KindInt:
		i, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return Value{}, &ValueError{Kind: k, Text: text}
		}
		return Int(i), nil
	case KindFloat:
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return Value{}, &ValueError{Kind: k, Text: text}
		}
		return Float(f), nil
	case KindBool:
		b, err := strconv.ParseBool(text)
		if err != nil {
			return Value{}, &ValueError{Kind: k, Text: text}
		}
		return Bool(b), nil
	case KindTime:
		t, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			return Value{}, &ValueError{Kind: k, Text: text}
		}
		return Time(t), nil
	case KindDuration:
		d, err := time.ParseDuration(text)
		if err != nil {
			return Value{}, &ValueError{Kind: k, Text: text}
		}
		return Duration(d), nil
	}
	return Value{}, &ValueError{Kind: k, Text: text}
}

// ValueError reports text that does not parse as a value of a kind.
type ValueError struct {
	Kind Kind
	Text string
}

// Error returns a message that names the kind and the example form expected.
func (e *ValueError) Error() string {
	var want string
	switch e.Kind {
	case KindInt:
		want = "a decimal integer such as 42"
	case KindFloat:
		want = "a number such as 2.5"
	case KindBool:
		want = "true or false"
	case KindTime:
		want = "an RFC 3339 time such as 2026-01-02T15:04:05Z"
	case KindDuration:
		want = "a duration such as 1m30s"
	default:
		return "unsupported parameter kind " + e.Kind.String()
	}
	return strconv.Quote(e.Text) + " is not a valid " + e.Kind.String() + ": want " + want
}
