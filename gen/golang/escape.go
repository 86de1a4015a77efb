package golang

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The generated file holds catalog text in two forms only: Go string literals, made by
// strconv.Quote, and comment lines, made by comment. Neither can end the literal or
// the comment it is in, so no catalog text can add code.

// comment returns text as the lines of one comment paragraph, each starting with
// "// " and at most about 80 characters long. Catalog text is made one line first:
// every character that is not printable (line and paragraph separators, controls,
// byte order marks, invalid UTF-8) becomes a space, and runs of spaces become one.
// The result never holds a line break but between its lines, each of which is a
// comment, and no line is a directive ("//go:", "//line"), which must not have the
// space.
func comment(text string) string {
	words := strings.Fields(strings.Map(printable, strings.ToValidUTF8(text, " ")))
	if len(words) == 0 {
		return ""
	}
	var lines []string
	line := "//"
	for _, w := range words {
		if len(line)+1+len(w) > 80 && line != "//" {
			lines = append(lines, line)
			line = "//"
		}
		line += " " + w
	}
	return strings.Join(append(lines, line), "\n")
}

// printable maps a character that a one-line comment cannot show to a space.
func printable(r rune) rune {
	if r == utf8.RuneError || !strconv.IsPrint(r) {
		return ' '
	}
	return r
}

// quote returns s as a Go string literal.
func quote(s string) string { return strconv.Quote(s) }
