package errcat

import (
	"math"
	"strconv"
	"time"

	"github.com/errcat/errcat/internal/jsontext"
)

// This file writes errors and values as JSON by appending, as encoding/json would
// write the same values, without its reflection: for envelopes on the hot path.

// AppendJSON appends v as a JSON value of its kind: a string, a number (a float as
// encoding/json writes a float64; one that is not finite, which JSON cannot hold, as
// a string), true or false; a time in RFC 3339 and a duration as [Value.AppendText]
// writes it, both as strings; null for the zero Value.
func (v Value) AppendJSON(dst []byte) []byte {
	if v.isPlain() { // the usual case, copied without a call
		dst = append(dst, '"')
		dst = append(dst, v.str()...)
		return append(dst, '"')
	}
	switch v.Kind() {
	case KindString: // one that needs escaping
		return jsontext.AppendString(dst, v.str())
	case KindInt:
		return strconv.AppendInt(dst, int64(v.n), 10)
	case KindFloat:
		f := math.Float64frombits(v.n)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return jsontext.AppendString(dst, v.String())
		}
		return appendFloatJSON(dst, f)
	case KindBool:
		return strconv.AppendBool(dst, v.n == 1)
	case KindTime:
		dst = append(dst, '"')
		dst = v.Time().AppendFormat(dst, time.RFC3339Nano)
		return append(dst, '"')
	case KindDuration:
		dst = append(dst, '"')
		dst = appendDuration(dst, time.Duration(v.n))
		return append(dst, '"')
	}
	return append(dst, "null"...)
}

// appendFloatJSON appends f as encoding/json writes a float64.
func appendFloatJSON(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// AppendParamsJSON appends the error's given params as a JSON object, by name in the
// order of the definition's params: {"kind":"project","id":42}. Values are written
// as [Value.AppendJSON] writes them, or all as strings of their text when asText is
// set (for shapes whose values are strings, such as AIP-193's metadata). Params not
// given are left out; when none was given, nothing is appended, so that a caller can
// leave the member out.
func (e *Error) AppendParamsJSON(dst []byte, asText bool) []byte {
	args := e.args()
	keys := e.def.paramKeys
	if len(args) > len(keys) {
		args = args[:len(keys)]
	}
	start := len(dst)
	for i := range args {
		v := &args[i]
		if v.IsZero() {
			continue
		}
		if len(dst) == start {
			dst = append(dst, '{')
		} else {
			dst = append(dst, ',')
		}
		dst = append(dst, keys[i]...)
		if asText && !v.isString() {
			dst = append(dst, '"')
			dst = v.AppendText(dst) // numbers, times and durations: nothing to escape
			dst = append(dst, '"')
		} else {
			dst = v.AppendJSON(dst)
		}
	}
	if len(dst) == start {
		return dst
	}
	return append(dst, '}')
}
