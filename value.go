package errcat

import (
	"log/slog"
	"math"
	"strconv"
	"time"
	"unsafe"

	"github.com/errcat/errcat/internal/icu"
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

// Value is a typed parameter value. It is a small value type, two words: it holds
// strings, integers, floats, booleans, times and durations without boxing them in an
// interface, so building one allocates nothing (but a time outside UTC, whose
// location it keeps beside it). The zero Value means "not given".
//
// Values are not comparable with ==: compare what [Value.Kind] and the accessors
// return, or use [Value.Equal].
type Value struct {
	_ [0]func() // not comparable: == would compare a string's address, not its text
	// p is, by kind: a string's bytes (any address when empty); for integers, floats, booleans,
	// durations and UTC times, the address of the kind's entry in marks.kinds; for other
	// times, a *time.Time.
	p unsafe.Pointer
	// n is, for a string, its length with tagString set (tagPlain too when the text is
	// written unchanged inside a JSON string); for the kinds marked by p, their bits.
	n uint64
}

const (
	tagString = 1 << 63
	tagPlain  = 1 << 62
	lenMask   = tagPlain - 1
)

// marks gives each kind an address that no string or time can have: a Value whose p
// points into marks.kinds holds that kind, its bits in n. The padding before them
// keeps even an empty string cut from the end of a neighbouring variable off them.
var marks struct {
	_     [8]byte
	kinds [len(kindNames)]byte
}

func marked(k Kind, n uint64) Value { return Value{p: unsafe.Pointer(&marks.kinds[k]), n: n} }

// mark returns the kind p marks, or KindInvalid when p is not a mark.
func mark(p unsafe.Pointer) Kind {
	if d := uintptr(p) - uintptr(unsafe.Pointer(&marks.kinds)); d < uintptr(len(marks.kinds)) {
		return Kind(d)
	}
	return KindInvalid
}

// String returns a Value holding a string.
func String(s string) Value {
	return Value{p: unsafe.Pointer(unsafe.StringData(s)), n: uint64(len(s)) | stringTags(s)}
}

// stringTags returns tagString, with tagPlain when s is written unchanged inside a
// JSON string. It is kept out of String so that String is inlined.
//
//go:noinline
func stringTags(s string) uint64 {
	if jsontext.PlainPrefix(s) == len(s) {
		return tagString | tagPlain
	}
	return tagString
}

// Int returns a Value holding an integer.
func Int(i int64) Value { return marked(KindInt, uint64(i)) }

// Float returns a Value holding a floating-point number.
func Float(f float64) Value { return marked(KindFloat, math.Float64bits(f)) }

// Bool returns a Value holding a boolean.
func Bool(b bool) Value {
	if b {
		return marked(KindBool, 1)
	}
	return marked(KindBool, 0)
}

// Time returns a Value holding an instant. It keeps t's location; the monotonic
// clock reading, if any, is dropped. A time in UTC is held in the Value itself;
// another (or one outside the years 1678 to 2262, which nanoseconds since 1970 do
// not reach) is kept, with its location, in a small allocation of its own.
func Time(t time.Time) Value {
	if sec := t.Unix(); t.Location() == time.UTC && sec > math.MinInt64/int64(time.Second) && sec < math.MaxInt64/int64(time.Second) {
		return marked(KindTime, uint64(t.UnixNano()))
	}
	t = t.Round(0) // no monotonic reading
	return Value{p: unsafe.Pointer(&t)}
}

// Duration returns a Value holding a duration.
func Duration(d time.Duration) Value { return marked(KindDuration, uint64(d)) }

// Kind returns the kind of value v holds; KindInvalid for the zero Value.
func (v Value) Kind() Kind {
	if k := mark(v.p); k != KindInvalid {
		return k
	}
	switch {
	case v.n&tagString != 0:
		return KindString
	case v.p != nil:
		return KindTime // boxed
	}
	return KindInvalid
}

// IsZero reports whether v is the zero Value, that is, a parameter that was not given.
func (v Value) IsZero() bool { return v.p == nil && v.n == 0 }

// str returns the string v holds, which must be a string.
func (v Value) str() string { return unsafe.String((*byte)(v.p), int(v.n&lenMask)) }

// isString reports whether v holds a string: its tag is set and p is not a mark (whose
// kind's bits may have the tag's bit set too).
func (v Value) isString() bool { return v.n&tagString != 0 && mark(v.p) == KindInvalid }

// isPlain reports whether v is a string that needs no escaping in JSON: both tags in
// one test, then isString's test of the mark.
func (v Value) isPlain() bool {
	return v.n&(tagString|tagPlain) == tagString|tagPlain && mark(v.p) == KindInvalid
}

// Str returns the string v holds, or "" when v is not a string.
func (v Value) Str() string {
	if !v.isString() {
		return ""
	}
	return v.str()
}

// Int64 returns the integer v holds, or 0 when v is not an integer.
func (v Value) Int64() int64 {
	if mark(v.p) != KindInt {
		return 0
	}
	return int64(v.n)
}

// Float64 returns the number v holds, or 0 when v is not a float.
func (v Value) Float64() float64 {
	if mark(v.p) != KindFloat {
		return 0
	}
	return math.Float64frombits(v.n)
}

// Bool returns the boolean v holds, or false when v is not a boolean.
func (v Value) Bool() bool { return mark(v.p) == KindBool && v.n == 1 }

// Time returns the instant v holds, or the zero time when v is not a time.
func (v Value) Time() time.Time {
	switch v.Kind() {
	case KindTime:
		if mark(v.p) == KindTime {
			return time.Unix(0, int64(v.n)).UTC()
		}
		return *(*time.Time)(v.p) // boxed
	}
	return time.Time{}
}

// Duration returns the duration v holds, or 0 when v is not a duration.
func (v Value) Duration() time.Duration {
	if mark(v.p) != KindDuration {
		return 0
	}
	return time.Duration(v.n)
}

// Equal reports whether v and w hold the same kind and value: strings of the same
// text, times of the same instant shown in the same zone (name and offset), as their
// text would show them.
func (v Value) Equal(w Value) bool {
	k := v.Kind()
	if k != w.Kind() {
		return false
	}
	switch k {
	case KindString:
		return v.str() == w.str()
	case KindTime:
		a, b := v.Time(), w.Time()
		an, ao := a.Zone()
		bn, bo := b.Zone()
		return a.Equal(b) && an == bn && ao == bo
	case KindInvalid:
		return true
	}
	return v.n == w.n
}

// present reports whether v counts as given when a template needs it: the zero Value
// and the empty string do not, so that a variant written for "no value" is chosen.
func (v Value) present() bool {
	if v.isString() {
		return v.n&lenMask != 0
	}
	return v.p != nil
}

// AppendText appends v's text to dst: strings as they are, integers in decimal, floats
// in the shortest form that reads back the same, times in RFC 3339 (with fractional
// seconds when there are any), durations as people read them and [time.ParseDuration]
// reads them back, with the units that are zero left out ("72h", "1h30m", "1m30.5s",
// "250ms"; the same in every locale). The zero Value appends nothing.
func (v Value) AppendText(dst []byte) []byte {
	switch v.Kind() {
	case KindString:
		return append(dst, v.str()...)
	case KindInt:
		return strconv.AppendInt(dst, int64(v.n), 10)
	case KindFloat:
		return strconv.AppendFloat(dst, math.Float64frombits(v.n), 'g', -1, 64)
	case KindBool:
		return strconv.AppendBool(dst, v.n == 1)
	case KindTime:
		return v.Time().AppendFormat(dst, time.RFC3339Nano)
	case KindDuration:
		return appendDuration(dst, time.Duration(v.n))
	}
	return dst
}

// AppendTextJSON is [Value.AppendText] for JSON bodies: it appends v's text escaped as
// the contents of a JSON string, without the quotes, as encoding/json escapes it.
// Only strings can need escaping; whether one does was found when it was made.
func (v Value) AppendTextJSON(dst []byte) []byte {
	if v.isPlain() {
		return append(dst, v.str()...)
	}
	return v.appendTextEscaped(dst)
}

// appendTextEscaped is AppendTextJSON for a Value that is not a plain string.
func (v Value) appendTextEscaped(dst []byte) []byte {
	if v.isString() {
		return jsontext.AppendEscaped(dst, v.str())
	}
	return v.AppendText(dst)
}

// String returns v's text as [Value.AppendText] writes it.
func (v Value) String() string {
	if v.isString() {
		return v.str()
	}
	return string(v.AppendText(nil))
}

// SlogValue returns v as a [slog.Value] of the matching kind; a duration is a string of
// its text, as [Value.AppendText] writes it.
func (v Value) SlogValue() slog.Value {
	switch v.Kind() {
	case KindString:
		return slog.StringValue(v.str())
	case KindInt:
		return slog.Int64Value(int64(v.n))
	case KindFloat:
		return slog.Float64Value(math.Float64frombits(v.n))
	case KindBool:
		return slog.BoolValue(v.n == 1)
	case KindTime:
		return slog.TimeValue(v.Time())
	case KindDuration:
		// As text, so that every handler shows what a reader of the message sees
		// (slog's JSON handler writes a duration as integer nanoseconds).
		return slog.StringValue(v.String())
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

// appendDuration appends d as errcat writes durations in every locale; see
// [icu.AppendDuration].
func appendDuration(dst []byte, d time.Duration) []byte { return icu.AppendDuration(dst, d) }
