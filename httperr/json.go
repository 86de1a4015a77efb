package httperr

import (
	"strconv"
	"strings"

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

// fieldPath returns a field error's field as the envelopes that name fields by path
// write it: a JSON pointer ("/items/0/name", as DecodeJSON records fields) becomes
// "items[0].name", its keys unescaped; any other field is written as it is. The dots
// of a key holding "." cannot be told from the path's own: only a pointer can.
func fieldPath(field string) string {
	if field == "" || field[0] != '/' {
		return field
	}
	var b strings.Builder
	for _, seg := range strings.Split(field[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		if isIndex(seg) && b.Len() > 0 {
			b.WriteString("[" + seg + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(seg)
	}
	return b.String()
}

// isIndex reports whether s is an array index as RFC 6901 writes one.
func isIndex(s string) bool {
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
