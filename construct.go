package errcat

import "time"

// Arg is the set of Go types that generated constructors take for parameters, one
// per [Kind]: string, int, float64, bool, time.Time and time.Duration.
type Arg interface {
	string | int | float64 | bool | time.Time | time.Duration
}

// New1, New2, New3 and New4 return d.New with each argument made a [Value] of its Go
// type's kind, as [String], [Int], [Float], [Bool], [Time] and [Duration] do. They are
// what generated constructors call: the body of each constructor is one call, which
// keeps a package of 50,000 of them quick to compile, while its signature keeps the
// parameters' number and types checked by the compiler.
//
//go:noinline
func New1[A Arg](d *Definition, a A) *Error { return d.New(argValue(a)) }

// New2 is [New1] with two arguments.
//
//go:noinline
func New2[A, B Arg](d *Definition, a A, b B) *Error {
	return newError(d, nil, []Value{argValue(a), argValue(b)})
}

// New3 is [New1] with three arguments.
//
//go:noinline
func New3[A, B, C Arg](d *Definition, a A, b B, c C) *Error {
	return newError(d, nil, []Value{argValue(a), argValue(b), argValue(c)})
}

// New4 is [New1] with four arguments.
//
//go:noinline
func New4[A, B, C, D Arg](d *Definition, a A, b B, c C, e D) *Error {
	return newError(d, nil, []Value{argValue(a), argValue(b), argValue(c), argValue(e)})
}

// argValue returns x as a Value of its kind.
func argValue[T Arg](x T) Value {
	switch v := any(x).(type) {
	case string:
		return String(v)
	case int:
		return Int(int64(v))
	case float64:
		return Float(v)
	case bool:
		return Bool(v)
	case time.Time:
		return Time(v)
	case time.Duration:
		return Duration(v)
	}
	return Value{}
}
