package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errcat/errcat/catalog"
)

// printable returns s with every character that could change how a terminal or a
// line-reading tool sees the output written as a Go escape: control characters
// (\n, \r, \t, \x1b…), the line and paragraph separators U+2028 and U+2029, the
// bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F),
// and bytes that are not UTF-8 (\xff). Other text, letters of every script included,
// is unchanged. Catalogs are data from people: every text of a catalog the command
// prints goes through printable, so that a value cannot end its line and pose as
// another finding, move the cursor or recolour the terminal.
func printable(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if needsEscape(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case needsEscape(r, size):
			q := strconv.QuoteRuneToASCII(r) // '\n', '\x1b', '\u2028'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape reports whether printable escapes the rune r, read as size bytes.
func needsEscape(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1, unicode.IsControl(r):
		return true
	case r == '\u2028', r == '\u2029', r == '\u200e', r == '\u200f':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// printError prints err to w, one line a problem, each escaped by printable: catalog
// problems one a line, errors joined by errors.Join each on its own.
func printError(w io.Writer, err error) {
	var probs catalog.Problems
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			printError(w, e)
		}
		return
	}
	if errors.As(err, &probs) {
		for _, p := range probs {
			fmt.Fprintln(w, printable(p.Error()))
		}
		return
	}
	fmt.Fprintln(w, printable(err.Error()))
}
