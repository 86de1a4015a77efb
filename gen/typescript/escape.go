package typescript

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The generated module holds catalog text in two forms only: string literals, made by
// tsString, and comments, made by tsComment. Neither can end the literal or the
// comment it is in, so no catalog text can add code.

// tsString returns s as a TypeScript string literal that evaluates to s: JSON's
// escapes, which are JavaScript's, with every control character, U+2028, U+2029 and
// the HTML specials <, > and & written as \u escapes. Invalid UTF-8, which a
// JavaScript string cannot hold, becomes U+FFFD.
func tsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic("json.Marshal of a string: " + err.Error()) // cannot happen
	}
	return string(b)
}

// tsComment returns text made fit for a one-line comment of either kind: every
// character that is not printable (line terminators, controls, invalid UTF-8) becomes
// a space, runs of spaces become one, and "*/" becomes "* /".
func tsComment(text string) string {
	text = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !strconv.IsPrint(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(text, " "))
	return strings.ReplaceAll(strings.Join(strings.Fields(text), " "), "*/", "* /")
}

// isInteger reports whether s is a decimal integer, as numeric codes are.
func isInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
