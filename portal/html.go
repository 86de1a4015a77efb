package portal

import (
	"bytes"
	"strconv"
	"strings"
)

// markup is HTML of the site's own: markup written in this package, or text already
// escaped for the place it goes. A string constant converts to it implicitly; a
// string value, such as catalog text, does not, so catalog text cannot reach a page
// as markup without a conversion that says so.
type markup string

// htmlWriter writes the HTML of a page into a buffer. Each method is one context of
// a page, and escapes what it is given as html/template escapes a value in that
// context, byte for byte:
//
//   - text: element content, the title element included;
//   - attr: the value of a double-quoted attribute that is not a URL;
//   - url: the value of a double-quoted URL attribute (href, src, action), which is
//     also filtered, so that a value with a scheme other than http, https or mailto
//     is written as "#ZgotmplZ", and normalized, percent-encoding the bytes a URL
//     may not hold.
//
// Pages are written by hand rather than by html/template because a site may have
// hundreds of thousands of pages, and executing a template, by reflection, costs
// several times what writing its bytes does. FuzzEscapers holds each method to the
// bytes html/template writes for the same value in the same context.
type htmlWriter struct{ b *bytes.Buffer }

// markup writes m as it is.
func (w htmlWriter) markup(m markup) { w.b.WriteString(string(m)) }

// text writes s escaped as element content.
func (w htmlWriter) text(s string) { writeEscaped(w.b, s) }

// attr writes s escaped as the value of a double-quoted attribute.
func (w htmlWriter) attr(s string) { writeEscaped(w.b, s) }

// url writes s as the value of a double-quoted URL attribute: filtered, normalized,
// escaped.
func (w htmlWriter) url(s string) {
	if !isSafeURL(s) {
		w.b.WriteString("#ZgotmplZ")
		return
	}
	writeEscaped(w.b, normalizeURL(s))
}

// int writes n in decimal.
func (w htmlWriter) int(n int) {
	w.b.Write(strconv.AppendInt(w.b.AvailableBuffer(), int64(n), 10))
}

// htmlEscapes are the escapes of the bytes html/template escapes in text and in
// quoted attribute values; the others are written as they are. Every byte of a
// multi-byte UTF-8 sequence, and of an invalid one, is 0x80 or more, so escaping
// byte by byte is escaping rune by rune.
var htmlEscapes = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// writeEscaped writes s to b with the bytes of htmlEscapes escaped.
func writeEscaped(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if e := htmlEscapes[s[i]]; e != "" {
			b.WriteString(s[last:i])
			b.WriteString(e)
			last = i + 1
		}
	}
	b.WriteString(s[last:])
}

// escapeHTML is s escaped as writeEscaped writes it.
func escapeHTML(s string) string {
	var b bytes.Buffer
	writeEscaped(&b, s)
	return b.String()
}

// isSafeURL reports whether s is a relative URL or one whose scheme is http, https
// or mailto, in any case.
func isSafeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// normalizeURL percent-encodes the bytes of s that are neither unreserved nor
// reserved in a URL (RFC 3986), and '%' unless it starts a valid escape, with
// lower-case hex digits: "a b" is "a%20b", "%41" stays, "%zz" is "%25zz".
func normalizeURL(s string) string {
	i := 0
	for i < len(s) && urlKeeps(s, i) {
		i++
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(s)+16)
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		if c := s[i]; urlKeeps(s, i) {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

// urlKeeps reports whether normalizeURL keeps the byte of s at i as it is.
func urlKeeps(s string, i int) bool {
	switch c := s[i]; {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
		return true
	case c == '%':
		return i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
