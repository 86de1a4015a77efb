package httperr

import "github.com/errcat/errcat"

// Simple is the {message, code, data} envelope of seed 003, application/json:
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
	dst = append(dst, `{"message":`...)
	dst = appendMessage(dst, err, c)
	dst = append(dst, `,"code":`...)
	dst = appendCode(dst, err)
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
		dst = appendString(dst, f.Field)
		dst = append(dst, `,"code":`...)
		dst = appendCode(dst, f.Err)
		dst = append(dst, `,"message":`...)
		dst = appendMessage(dst, f.Err, c)
		dst = append(dst, '}')
	}
	return append(dst, "]}}"...)
}
