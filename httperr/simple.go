package httperr

import "github.com/errcat/errcat"

// Simple is the {message, code, data} envelope, application/json:
//
//	{"message": message, "code": code, "data": null}
//
// The code is a JSON number when the catalog's wire_code is number. data is null, or
// {"errors": [{"field", "code", "message"}]} when the error has per-field details.
var Simple Envelope = simple{}

type simple struct{}

func (simple) Name() string        { return "simple" }
func (simple) ContentType() string { return "application/json" }

func (simple) AppendBody(dst []byte, err *errcat.Error, c *Context) []byte {
	if f, args := framed(simpleFrames, err, c.Locale, compileSimple); f != nil {
		dst = appendSteps(dst, f.head, args)
	} else {
		dst = appendSimple(dst, err, c)
	}
	fields := err.Fields()
	if len(fields) == 0 || !public(err) {
		return append(dst, `,"data":null}`...)
	}
	dst = append(dst, `,"data":{"errors":[`...)
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"field":`...)
		dst = appendString(dst, fieldPath(f.Field))
		dst = append(dst, `,"code":`...)
		dst = appendCode(dst, f.Err)
		dst = append(dst, `,"message":`...)
		dst = appendMessage(dst, f.Err, c)
		dst = append(dst, '}')
	}
	return append(dst, "]}}"...)
}

// simpleFrames keeps the compiled bodies of the simple envelope.
var simpleFrames = errcat.NewMemo[frameSlot]()

// compileSimple compiles the simple body of err's code in locale, up to its data, as
// appendSimple writes it.
func compileSimple(err *errcat.Error, locale string) *frame {
	b := frameBuilder{nargs: len(err.Definition().Params())}
	_, message := err.Texts(locale)
	b.add(`{"message":"`)
	b.shown(shownOf(err), message)
	b.add(`","code":`, string(appendCode(nil, err)))
	return &frame{head: b.cut()}
}

// appendSimple writes the simple body of err member by member, up to its data: for an
// error not every value of which was given.
func appendSimple(dst []byte, err *errcat.Error, c *Context) []byte {
	dst = append(dst, `{"message":`...)
	dst = appendMessage(dst, err, c)
	dst = append(dst, `,"code":`...)
	return appendCode(dst, err)
}
