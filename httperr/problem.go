package httperr

import (
	"net/http"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/internal/jsontext"
)

// Problem is the RFC 9457 envelope, application/problem+json, and the default:
//
//	{"type": docs URL of the code, or "about:blank",
//	 "title": summary, "status": HTTP status, "detail": message, "instance": instance,
//	 "code": code, "params": {name: value},
//	 "errors": [{"pointer": JSON pointer, "code": code, "detail": message}]}
//
// The title is the same for every occurrence of a code, as RFC 9457 (§3.1.3) asks,
// in the negotiated locale: the code's title when it names no param, else its summary
// (the catalog's short description), else its title with each placeholder written as
// {name}. The occurrence's values
// are in detail and params. The instance is "urn:errcat:request:" and the request id
// for the id [Handler.Write] gives the Context (a URN, so that no client resolves it
// against the request's URL), or the Context's Instance as it is when set otherwise.
// instance, params and errors are left out when empty.
var Problem Envelope = problem{}

type problem struct{}

func (problem) Name() string        { return "problem" }
func (problem) ContentType() string { return "application/problem+json" }

func (problem) AppendBody(dst []byte, err *errcat.Error, c *Context) []byte {
	if f, args := framed(problemFrames, err, c.Locale, compileProblem); f != nil {
		dst = appendSteps(dst, f.head, args)
		dst = appendInstance(dst, c)
		dst = appendSteps(dst, f.tail, args)
	} else {
		dst = appendProblem(dst, err, c)
	}
	if fields := err.Fields(); len(fields) > 0 && public(err) {
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

// problemFrames keeps the compiled bodies of the problem envelope.
var problemFrames = errcat.NewMemo[frameSlot]()

// compileProblem compiles the problem body of err's code in locale, around the
// instance and up to the field errors, as appendProblem writes it.
func compileProblem(err *errcat.Error, locale string) *frame {
	d := err.Definition()
	sh := shownOf(err)
	b := frameBuilder{nargs: len(d.Params())}
	b.add(`{"type":`, string(appendProblemType(nil, d)), `,"title":"`)
	_, message := err.Texts(locale)
	if sh.public {
		b.lit = appendSummaryJSON(b.lit, err, locale)
	} else {
		b.add(http.StatusText(sh.status))
	}
	b.add(`","status":`, string(appendStatus(nil, sh.status)), `,"detail":"`)
	b.shown(sh, message)
	b.add(`"`)
	f := &frame{head: b.cut()}
	b.add(`,"code":`, string(d.AppendCodeJSON(nil)))
	if sh.public && len(d.Params()) > 0 {
		b.add(`,"params":`)
		b.params(d)
	}
	f.tail = b.cut()
	return f
}

// appendProblem writes the problem body of err member by member, up to the field
// errors: for an error not every value of which was given.
func appendProblem(dst []byte, err *errcat.Error, c *Context) []byte {
	sh := shownOf(err)
	d := err.Definition()
	dst = append(dst, `{"type":`...)
	dst = appendProblemType(dst, d)
	dst = append(dst, `,"title":"`...)
	if sh.public {
		dst = appendSummaryJSON(dst, err, c.Locale)
	} else {
		dst = append(dst, http.StatusText(sh.status)...)
	}
	dst = append(dst, '"')
	dst = append(dst, `,"status":`...)
	dst = appendStatus(dst, sh.status)
	dst = append(dst, `,"detail":`...)
	dst = sh.appendText(dst, err, c.Locale)
	dst = appendInstance(dst, c)
	dst = append(dst, `,"code":`...)
	dst = d.AppendCodeJSON(dst)
	if sh.public {
		dst = appendParams(dst, `,"params":`, err, false)
	}
	return dst
}

// appendProblemType appends the type member of d's problems as JSON: its docs URL,
// or about:blank.
func appendProblemType(dst []byte, d *errcat.Definition) []byte {
	if d.DocsURL() == "" {
		return append(dst, `"about:blank"`...)
	}
	return d.AppendDocsURLJSON(dst)
}

// appendInstance appends the instance member, when c has one.
func appendInstance(dst []byte, c *Context) []byte {
	if c.Instance == "" {
		return dst
	}
	if c.Instance == c.checked {
		dst = append(dst, `,"instance":"`+requestURN...)
		dst = append(dst, c.Instance...)
		return append(dst, '"')
	}
	dst = append(dst, `,"instance":`...)
	return appendString(dst, c.Instance)
}

// pointer returns field as a JSON pointer (RFC 6901): as it is when it starts with
// "/", else with "." and "[i]" paths turned into segments, so that "items[0].name"
// becomes "/items/0/name".
func pointer(field string) string {
	if strings.HasPrefix(field, "/") || field == "" {
		return field
	}
	return JSONPointer(strings.FieldsFunc(field, func(r rune) bool { return r == '.' || r == '[' || r == ']' })...)
}

// JSONPointer returns the RFC 6901 pointer of a path of object keys and array
// indexes, such as "/items/0/name" for "items", "0", "name": "~" is written "~0" and
// "/" "~1". No keys make "", the pointer to the whole document.
func JSONPointer(keys ...string) string {
	var b strings.Builder
	for _, k := range keys {
		b.WriteByte('/')
		for i := 0; i < len(k); i++ {
			switch k[i] {
			case '~':
				b.WriteString("~0")
			case '/':
				b.WriteString("~1")
			default:
				b.WriteByte(k[i])
			}
		}
	}
	return b.String()
}

// requestURN is the prefix of the problem instance that names a request by its id.
const requestURN = "urn:errcat:request:"

// appendSummaryJSON appends, as the contents of a JSON string, the problem title of
// err's code in locale: the title of the variant shown when it names no param, else
// the summary of the variant or of the code, else the title with its placeholders as
// {name}.
func appendSummaryJSON(dst []byte, err *errcat.Error, locale string) []byte {
	title, _ := err.Texts(locale)
	t := title
	if len(title.Placeholders()) > 0 {
		if t = err.Variant().Summary(locale); t.IsZero() {
			t = err.Definition().Summary(locale)
		}
		if t.IsZero() {
			t = title
		}
	}
	for _, p := range t.Parts() {
		if p.Param < 0 {
			dst = jsontext.AppendEscaped(dst, p.Text)
			continue
		}
		dst = append(dst, '{')
		dst = jsontext.AppendEscaped(dst, p.Text)
		dst = append(dst, '}')
	}
	return dst
}
