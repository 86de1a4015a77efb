package httperr

import (
	"strconv"

	"github.com/errcat/errcat"
)

// BulkEnvelope is the bulk response_status envelope, application/json, with one
// message per field error (or one for the error itself when it has none):
//
//	{"response_status": {"status_code": StatusCode,
//	  "messages": [{"status_code": code, "field": field, "type": "failed", "message": message}],
//	  "status": "failed"}}
//
// A message is left out for an error that is not public, and for one whose code
// leaves its message out ([errcat.Definition.OmitMessage]): the code alone tells the
// client.
type BulkEnvelope struct {
	// StatusCode is the envelope's own code (such as 4000); left out when 0.
	StatusCode int
	// OmitFieldMessage leaves the message out of entries that name a field, as
	// bulk APIs often do: the field tells the machine, the code the human.
	OmitFieldMessage bool
}

// Bulk is the bulk envelope with no envelope code and a message in every entry.
var Bulk Envelope = &BulkEnvelope{}

// Name returns "bulk".
func (*BulkEnvelope) Name() string { return "bulk" }

// ContentType returns "application/json".
func (*BulkEnvelope) ContentType() string { return "application/json" }

// AppendBody appends the response_status body of err.
func (b *BulkEnvelope) AppendBody(dst []byte, err *errcat.Error, c *Context) []byte {
	dst = append(dst, `{"response_status":{`...)
	if b.StatusCode != 0 {
		dst = append(dst, `"status_code":`...)
		dst = strconv.AppendInt(dst, int64(b.StatusCode), 10)
		dst = append(dst, ',')
	}
	dst = append(dst, `"messages":[`...)
	if fields := err.Fields(); len(fields) > 0 && public(err) {
		for i, f := range fields {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = b.appendMessage(dst, f.Err, fieldPath(f.Field), c)
		}
	} else {
		dst = b.appendMessage(dst, err, "", c)
	}
	return append(dst, `],"status":"failed"}}`...)
}

func (b *BulkEnvelope) appendMessage(dst []byte, err *errcat.Error, field string, c *Context) []byte {
	dst = append(dst, `{"status_code":`...)
	dst = appendCode(dst, err)
	if field != "" {
		dst = append(dst, `,"field":`...)
		dst = appendString(dst, field)
	}
	dst = append(dst, `,"type":"failed"`...)
	if v := err.Variant(); v.Public() && !v.OmitMessage() && !err.Definition().OmitMessage() && !(field != "" && b.OmitFieldMessage) {
		dst = append(dst, `,"message":`...)
		dst = appendMessage(dst, err, c)
	}
	return append(dst, '}')
}
