package httperr

import (
	"bytes"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/errcat/errcat"
)

// The appenders below write JSON as encoding/json does (including its escaping of <, >
// and & and of U+2028 and U+2029), so that bodies are what json.Marshal would make of
// the same values, without its reflection.

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	i := 0
	for i < len(s) && plain[s[i]] {
		i++
	}
	if i == len(s) { // the usual case: nothing to escape
		dst = append(dst, s...)
		return append(dst, '"')
	}
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if plain[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendText appends, as a JSON string, the text that f appends. The text is written
// in place and escaped afterwards only if it needs to be, so the usual message costs
// no copy.
func appendText(dst []byte, f func([]byte) []byte) []byte {
	dst = append(dst, '"')
	n := len(dst)
	dst = f(dst)
	if !needsEscape(dst[n:]) {
		return append(dst, '"')
	}
	text := string(dst[n:])
	return appendString(dst[:n-1], text)
}

// plain marks the ASCII bytes appendString writes as they are.
var plain = func() (t [256]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()

// needsEscape reports whether appendString would change text.
func needsEscape(text []byte) bool {
	ascii := true
	for _, b := range text {
		if !plain[b] {
			if b < utf8.RuneSelf {
				return true
			}
			ascii = false
		}
	}
	return !ascii && (!utf8.Valid(text) || bytes.Contains(text, lineSep) || bytes.Contains(text, paraSep))
}

var lineSep, paraSep = []byte("\u2028"), []byte("\u2029")

// appendValue appends a param value as JSON: strings, numbers and booleans as such,
// times in RFC 3339 and durations as Go writes them, both as strings. A float that is
// not finite is written as a string, which JSON has no number for.
func appendValue(dst []byte, v errcat.Value) []byte {
	switch v.Kind() {
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

// appendParams appends the error's given params as a JSON object, by name.
func appendParams(dst []byte, err *errcat.Error) []byte {
	dst = append(dst, '{')
	params := err.Definition().Params()
	first := true
	for i, v := range err.Args() {
		if v.IsZero() || i >= len(params) {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		// Param names are identifiers ([A-Za-z_][A-Za-z0-9_]*): nothing to escape.
		dst = append(dst, '"')
		dst = append(dst, params[i].Name...)
		dst = append(dst, '"', ':')
		dst = appendValue(dst, v)
	}
	return append(dst, '}')
}

// hasParams reports whether err has a param value to show.
func hasParams(err *errcat.Error) bool {
	for _, v := range err.Args() {
		if !v.IsZero() {
			return true
		}
	}
	return false
}

// appendCode appends err's code as the catalog writes codes on the wire: a JSON
// number when its set has numeric codes, else a string.
func appendCode(dst []byte, err *errcat.Error) []byte {
	if s := err.Definition().Set(); s != nil && s.NumericCodes() {
		return append(dst, err.Code()...)
	}
	return appendString(dst, err.Code())
}
