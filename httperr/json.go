package httperr

import (
	"math"
	"strconv"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/internal/jsontext"
)

// The appenders below write JSON as encoding/json does (strings through
// internal/jsontext), so that bodies are what json.Marshal would make of the same
// values, without its reflection.

// appendString appends s as a JSON string.
func appendString(dst []byte, s string) []byte { return jsontext.AppendString(dst, s) }

// appendTextValue appends v's text (see [errcat.Value.AppendText]) as a JSON string.
func appendTextValue(dst []byte, v *errcat.Value) []byte {
	dst = append(dst, '"')
	dst = v.AppendTextJSON(dst)
	return append(dst, '"')
}

// appendValue appends a param value as JSON: strings, numbers and booleans as such,
// times in RFC 3339 and durations as Go writes them, both as strings. A float that is
// not finite is written as a string, which JSON has no number for.
func appendValue(dst []byte, v errcat.Value) []byte {
	switch v.Kind() {
	case errcat.KindString:
		return appendTextValue(dst, &v) // copies a string found plain when it was made
	case errcat.KindInt:
		return strconv.AppendInt(dst, v.Int64(), 10)
	case errcat.KindFloat:
		f := v.Float64()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return appendString(dst, v.String())
		}
		return appendFloat(dst, f)
	case errcat.KindBool:
		return strconv.AppendBool(dst, v.Bool())
	case errcat.KindTime:
		dst = append(dst, '"')
		dst = v.Time().AppendFormat(dst, time.RFC3339Nano)
		return append(dst, '"')
	case errcat.KindDuration:
		return appendString(dst, v.Duration().String())
	case errcat.KindInvalid:
		return append(dst, "null"...)
	}
	return appendString(dst, v.Str())
}

// appendFloat appends f as encoding/json writes a float64.
func appendFloat(dst []byte, f float64) []byte {
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

// appendParams appends open (such as `,"params":{`), the error's given params by
// name, and the closing brace; or nothing when no param was given. Values are written
// as JSON of their kind, or all as strings when asText is set.
func appendParams(dst []byte, open string, err *errcat.Error, asText bool) []byte {
	n := len(dst)
	dst = append(dst, open...)
	start := len(dst)
	params := err.Definition().Params()
	args := err.Args()
	if len(args) > len(params) {
		args = args[:len(params)]
	}
	for i := range args {
		v := &args[i]
		k := v.Kind()
		if k == errcat.KindInvalid {
			continue
		}
		if len(dst) > start {
			dst = append(dst, ',')
		}
		// Param names are identifiers ([A-Za-z_][A-Za-z0-9_]*): nothing to escape.
		dst = append(dst, '"')
		dst = append(dst, params[i].Name...)
		dst = append(dst, '"', ':')
		if k == errcat.KindString || asText {
			dst = appendTextValue(dst, v)
		} else {
			dst = appendValue(dst, *v)
		}
	}
	if len(dst) == start {
		return dst[:n]
	}
	return append(dst, '}')
}

// appendCode appends err's code as the catalog writes codes on the wire: a JSON
// number when its set has numeric codes, else a string.
func appendCode(dst []byte, err *errcat.Error) []byte {
	return err.Definition().AppendCodeJSON(dst)
}

// appendStatus appends an HTTP status code, three digits without strconv's work.
func appendStatus(dst []byte, status int) []byte {
	if status < 100 || status > 999 {
		return strconv.AppendInt(dst, int64(status), 10)
	}
	return append(dst, byte('0'+status/100), byte('0'+status/10%10), byte('0'+status%10))
}
