package catalog

import (
	"slices"
	"strconv"

	"github.com/errcat/errcat"
	"github.com/goccy/go-yaml/ast"
)

// Envelopes are the envelope names a response declaration may give, the default of
// HTTP layers first.
var Envelopes = []string{"problem", "simple", "bulk", "google"}

// Response is the wire shape a catalog declares for its error responses: the
// envelope its API answers with and that envelope's options. HTTP layers, the docs'
// example responses and the generators use it unless told otherwise.
type Response struct {
	// Envelope is "problem", "simple", "bulk" or "google".
	Envelope string
	// Status, when not zero, is the HTTP status of every error response: the API
	// answers one transport status and the code travels in the body.
	Status int
	// BulkStatusCode is the bulk envelope's own code, response_status.status_code;
	// zero leaves it out.
	BulkStatusCode int
	// OmitFieldMessage reports whether bulk entries that name a field leave their
	// message out.
	OmitFieldMessage bool
	// Pos is the position of the response mapping.
	Pos Pos

	pos fieldPositions
}

// PosOf returns the position of a field of the declaration, such as "envelope" or
// "bulk.status_code"; the declaration's own position when the field is absent.
func (r *Response) PosOf(field string) Pos { return r.pos.of(field, r.Pos) }

// Spec returns the runtime form of the declaration; the zero ResponseSpec for nil.
func (r *Response) Spec() errcat.ResponseSpec {
	if r == nil {
		return errcat.ResponseSpec{}
	}
	return errcat.ResponseSpec{Envelope: r.Envelope, Status: r.Status, BulkStatusCode: r.BulkStatusCode, OmitFieldMessage: r.OmitFieldMessage}
}

// FixedStatus returns the HTTP status every error response has, or 0 when each code
// answers with its own: the catalog declares one transport status.
func (c *Catalog) FixedStatus() int {
	if c.Response == nil {
		return 0
	}
	return c.Response.Status
}

// response decodes the response declaration.
func (d *decoder) response(n ast.Node) *Response {
	r := &Response{Pos: d.pos(n)}
	at := func(field string, v ast.Node) { r.pos.set(field, d.textPos(v)) }
	d.fields(n, "response", []string{"bulk", "envelope", "status"}, func(key string, v ast.Node) {
		at(key, v)
		switch key {
		case "envelope":
			r.Envelope = d.str(v, "response.envelope")
		case "status":
			if s, ok := d.integer(v, "response.status"); ok {
				if s < 100 || s > 599 {
					d.problem(d.pos(v), "response.status %d is not an HTTP status: want 100 to 599", s)
				}
				r.Status = s
			}
		case "bulk":
			d.fields(v, "response.bulk", []string{"omit_field_message", "status_code"}, func(key string, v ast.Node) {
				at("bulk."+key, v)
				switch key {
				case "status_code":
					r.BulkStatusCode, _ = d.integer(v, "response.bulk.status_code")
				case "omit_field_message":
					r.OmitFieldMessage = d.boolean(v, "response.bulk.omit_field_message")
				}
			})
		}
	})
	return r
}

// checkResponse reports what the format forbids in the response declaration.
func (c *Catalog) checkResponse(add func(Pos, string)) {
	r := c.Response
	if r == nil {
		return
	}
	switch _, bulk := r.pos.find("bulk"); {
	case r.Envelope == "":
		add(r.Pos, "response has no envelope: add envelope: problem, simple, bulk or google")
	case !slices.Contains(Envelopes, r.Envelope):
		add(r.PosOf("envelope"), "response.envelope "+strconv.Quote(r.Envelope)+" must be problem, simple, bulk or google"+suggest(r.Envelope, Envelopes))
	case bulk && r.Envelope != "bulk":
		add(r.PosOf("bulk"), "response.bulk sets options of the bulk envelope, but the envelope is "+r.Envelope+": remove it, or declare envelope: bulk")
	}
}
