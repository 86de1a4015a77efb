package humaerr

import (
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/errcat/errcat/httperr"
)

// envelopeOf returns h's envelope.
func envelopeOf(h *httperr.Handler) httperr.Envelope {
	if h.Envelope == nil {
		return httperr.Problem
	}
	return h.Envelope
}

// schemaPrefix is where huma's default registry keeps named schemas.
const schemaPrefix = "#/components/schemas/"

// Schema describes the error responses of every operation as the body of the
// Handler's envelope: it adds the envelope's schema to r, under the name errcat's
// OpenAPI generator gives it ("ProblemDetails", "SimpleError", "BulkError",
// "GoogleError"), and returns a reference to it.
//
// The schema leaves out "type": "object" (its properties describe an object all
// the same): huma's schema-link transformer adds a "$schema" member to every
// object schema it finds a Go type for, and errcat's bodies have none.
func (*Error) Schema(r huma.Registry) *huma.Schema {
	name, s := envelopeSchema(envelopeOf(handler()))
	s.Type = ""
	if _, ok := r.Map()[name]; !ok {
		r.Map()[name] = s
	}
	return &huma.Schema{Ref: schemaPrefix + name}
}

// codeSchema is the schema of a code on the wire: a string or a number.
func codeSchema() *huma.Schema {
	return &huma.Schema{OneOf: []*huma.Schema{{Type: huma.TypeString}, {Type: huma.TypeInteger}}}
}

// envelopeSchema returns the name and schema of env's bodies, as errcat's OpenAPI
// generator writes them.
func envelopeSchema(env httperr.Envelope) (string, *huma.Schema) {
	str := func(doc string) *huma.Schema { return &huma.Schema{Type: huma.TypeString, Description: doc} }
	switch env.Name() {
	case "problem":
		return "ProblemDetails", &huma.Schema{
			Type:        huma.TypeObject,
			Description: "RFC 9457 problem details with errcat's code, params and field errors.",
			Required:    []string{"type", "title", "status", "code"},
			Properties: map[string]*huma.Schema{
				"type":     str("URL of the code's documentation, or about:blank."),
				"title":    str(""),
				"status":   {Type: huma.TypeInteger},
				"detail":   str(""),
				"instance": str(""),
				"code":     codeSchema(),
				"params":   {Type: huma.TypeObject, Description: "Parameter values of the message, by name."},
				"errors": {Type: huma.TypeArray, Items: &huma.Schema{
					Type:     huma.TypeObject,
					Required: []string{"pointer", "code", "detail"},
					Properties: map[string]*huma.Schema{
						"pointer": str("JSON pointer to the field."),
						"code":    codeSchema(),
						"detail":  str(""),
					},
				}},
			},
		}
	case "simple":
		return "SimpleError", &huma.Schema{
			Type:        huma.TypeObject,
			Description: "The {message, code, data} envelope.",
			Required:    []string{"message", "code", "data"},
			Properties: map[string]*huma.Schema{
				"message": str(""),
				"code":    codeSchema(),
				"data":    {Type: huma.TypeObject, Nullable: true, Description: "null, or {errors: [{field, code, message}]}."},
			},
		}
	case "bulk":
		return "BulkError", &huma.Schema{Type: huma.TypeObject, Required: []string{"response_status"},
			Description: "The response_status envelope: one message per error or field error."}
	case "google":
		return "GoogleError", &huma.Schema{Type: huma.TypeObject, Required: []string{"error"},
			Description: "Google AIP-193 error: ErrorInfo (reason = code), LocalizedMessage, BadRequest, Help and RetryInfo details."}
	}
	n := env.Name()
	if n == "" {
		n = "envelope"
	}
	return "Error" + strings.ToUpper(n[:1]) + n[1:], &huma.Schema{Type: huma.TypeObject,
		Description: "An error in the " + n + " envelope."}
}
