package icu

import (
	"math"
	"strconv"
	"time"
)

// Kind is the kind of a [Value].
type Kind uint8

// The kinds of values. The zero Value is KindMissing.
const (
	KindMissing  Kind = iota
	KindString        // text, written as it is
	KindInt           // an integer
	KindDecimal       // a decimal number kept as its digits ("1.50"), trailing zeros and all
	KindFloat         // a float64
	KindBool          // true or false; a select may choose on it
	KindDuration      // a time.Duration
	KindTime          // a time.Time
)

// Value is an argument's value. Values are immutable; make them with
// [String], [Int], [Decimal], [Float], [Bool], [Duration], [Time], [TimeOf] and
// [UnixNano]. A Value is four words, so that a caller converts its own values into
// an array of them on the stack cheaply.
type Value struct {
	kind Kind
	str  string
	num  uint64     // a KindTime with t nil: Unix nanoseconds of a UTC time
	t    *time.Time // a KindTime's time, unless it is in num
}

// String returns a text value.
func String(s string) Value { return Value{kind: KindString, str: s} }

// JSONSafeString returns the text value s, which the caller knows a JSON string holds
// unchanged (no quote, backslash, control character, <, >, &, U+2028 or U+2029, and
// valid UTF-8), so that [AppendJSON] copies it without scanning it.
func JSONSafeString(s string) Value { return Value{kind: KindString, str: s, num: jsonSafe} }

// jsonSafe in the num of a KindString marks text that needs no JSON escaping.
const jsonSafe = 1

// Int returns an integer value.
func Int(n int64) Value { return Value{kind: KindInt, num: uint64(n)} }

// Decimal returns a decimal number written as digits with an optional sign and
// fraction ("-1.50"), as plural.ParseOperands reads them. Its visible fraction digits
// count for plural rules ("1.0" is not "one" in English) and are kept when written.
// Text that is not such a number is written as it is and chooses "other".
func Decimal(digits string) Value { return Value{kind: KindDecimal, str: digits} }

// Float returns a float64 value, written in the shortest form that reads back the same.
func Float(f float64) Value { return Value{kind: KindFloat, num: math.Float64bits(f)} }

// Bool returns a boolean value; a select chooses its arm "true" or "false".
func Bool(b bool) Value {
	v := Value{kind: KindBool}
	if b {
		v.num = 1
	}
	return v
}

// Duration returns a duration value, written as [Value.AppendText] describes.
func Duration(d time.Duration) Value { return Value{kind: KindDuration, num: uint64(d)} }

// Time returns a time value, written in RFC 3339 unless a date or time format asks
// for another form. It keeps a copy of t on the heap; [TimeOf] and [UnixNano] do not
// allocate.
func Time(t time.Time) Value { return Value{kind: KindTime, t: &t} }

// TimeOf returns a time value that refers to *t, which must not change while the
// value is used.
func TimeOf(t *time.Time) Value { return Value{kind: KindTime, t: t} }

// UnixNano returns the time value of the UTC time n nanoseconds after the Unix epoch.
func UnixNano(n int64) Value { return Value{kind: KindTime, num: uint64(n)} }

// time returns the time of a KindTime value.
func (v *Value) time() time.Time {
	if v.t != nil {
		return *v.t
	}
	return time.Unix(0, int64(v.num)).UTC()
}

// Kind returns v's kind.
func (v Value) Kind() Kind { return v.kind }

// AppendText appends v's text: strings as they are, integers in decimal, decimals as
// their digits, floats in the shortest form that reads back the same ('g'), booleans
// as true or false, times in RFC 3339 (with fractional seconds when there are any),
// durations with the units that are zero left out ("72h", "1h30m", "1m30.5s", "250ms"),
// as errcat writes them everywhere. A missing value appends nothing.
func (v Value) AppendText(dst []byte) []byte { return v.appendText(dst) }

// appendText is AppendText without copying v.
func (v *Value) appendText(dst []byte) []byte {
	switch v.kind {
	case KindString, KindDecimal:
		return append(dst, v.str...)
	case KindInt:
		return strconv.AppendInt(dst, int64(v.num), 10)
	case KindFloat:
		return strconv.AppendFloat(dst, math.Float64frombits(v.num), 'g', -1, 64)
	case KindBool:
		return strconv.AppendBool(dst, v.num == 1)
	case KindDuration:
		return AppendDuration(dst, time.Duration(v.num))
	case KindTime:
		t := v.time()
		return t.AppendFormat(dst, time.RFC3339Nano)
	}
	return dst
}

// Args are the values a message is rendered with. A reference finds its value by its
// index when it has one ({0}, or a name [Message.Bind] resolved), else by its name in
// Names, whose i-th entry names Values[i]. The zero Args has no values.
type Args struct {
	Values []Value
	Names  []string
}

// lookup returns the value r refers to; nil when there is none.
func (a *Args) lookup(r *Ref) *Value {
	i := r.Index
	if i < 0 {
		for j, n := range a.Names {
			if n == r.Name {
				i = j
				break
			}
		}
	}
	if i < 0 || i >= len(a.Values) || a.Values[i].kind == KindMissing {
		return nil
	}
	return &a.Values[i]
}
