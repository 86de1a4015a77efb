package httperr

import (
	"strconv"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/internal/jsontext"
)

// The appenders below write JSON as encoding/json does (strings through
// internal/jsontext), so that bodies are what json.Marshal would make of the same
// values, without its reflection.

// appendString appends s as a JSON string.
func appendString(dst []byte, s string) []byte { return jsontext.AppendString(dst, s) }

// appendParams appends open (such as `,"params":`) and the error's given params as a
// JSON object (see [errcat.Error.AppendParamsJSON]), or nothing when none was given.
func appendParams(dst []byte, open string, err *errcat.Error, asText bool) []byte {
	n := len(dst)
	dst = append(dst, open...)
	m := len(dst)
	if dst = err.AppendParamsJSON(dst, asText); len(dst) == m {
		return dst[:n]
	}
	return dst
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
