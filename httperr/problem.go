package httperr

import (
	"strings"

	"github.com/errcat/errcat"
)

// Problem is the RFC 9457 envelope, application/problem+json, and the default:
//
//	{"type": docs URL of the code, or "about:blank",
//	 "title": title, "status": HTTP status, "detail": message, "instance": instance,
//	 "code": code, "params": {name: value},
//	 "errors": [{"pointer": JSON pointer, "code": code, "detail": message}]}
//
// instance, params and errors are left out when empty.
var Problem Envelope = problem{}

type problem struct{}

func (problem) Name() string        { return "problem" }
func (problem) ContentType() string { return "application/problem+json" }

func (problem) AppendBody(dst []byte, err *errcat.Error, c *Context) []byte {
	sh := shownOf(err)
	d := err.Definition()
	dst = append(dst, `{"type":`...)
	if d.DocsURL() != "" {
		dst = d.AppendDocsURLJSON(dst)
	} else {
		dst = append(dst, `"about:blank"`...)
	}
	dst = append(dst, `,"title":`...)
	dst = sh.appendText(dst, err, c.Locale, true)
	dst = append(dst, `,"status":`...)
	dst = appendStatus(dst, sh.status)
	dst = append(dst, `,"detail":`...)
	dst = sh.appendText(dst, err, c.Locale, false)
	if c.Instance != "" {
		dst = append(dst, `,"instance":`...)
		dst = appendString(dst, c.Instance)
	}
	dst = append(dst, `,"code":`...)
	dst = d.AppendCodeJSON(dst)
	if sh.public {
		dst = appendParams(dst, `,"params":`, err, false)
	}
	if fields := err.Fields(); sh.public && len(fields) > 0 {
		dst = append(dst, `,"errors":[`...)
		for i, f := range fields {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"pointer":`...)
			dst = appendString(dst, pointer(f.Field))
			dst = append(dst, `,"code":`...)
			dst = appendCode(dst, f.Err)
			dst = append(dst, `,"detail":`...)
			dst = appendMessage(dst, f.Err, c)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// pointer returns field as a JSON pointer (RFC 6901): as it is when it starts with
// "/", else with "." and "[i]" paths turned into segments, so that "items[0].name"
// becomes "/items/0/name".
func pointer(field string) string {
	if strings.HasPrefix(field, "/") || field == "" {
		return field
	}
	var b strings.Builder
	for _, seg := range strings.FieldsFunc(field, func(r rune) bool { return r == '.' || r == '[' || r == ']' }) {
		b.WriteByte('/')
		seg = strings.ReplaceAll(seg, "~", "~0")
		b.WriteString(strings.ReplaceAll(seg, "/", "~1"))
	}
	return b.String()
}
