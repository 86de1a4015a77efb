package openapi

import (
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/httperr"
)

// schemaName is the name of env's schema in components.schemas.
func schemaName(env httperr.Envelope) string {
	switch env.Name() {
	case "problem":
		return "ProblemDetails"
	case "simple":
		return "SimpleError"
	case "bulk":
		return "BulkError"
	case "google":
		return "GoogleError"
	}
	return "Error" + strings.ToUpper(env.Name()[:1]) + env.Name()[1:]
}

// hasCodeSchemas reports whether env's bodies have the code at the top, so that a
// schema per code can pin it (and, for problem details, type the params).
func hasCodeSchemas(env httperr.Envelope) bool {
	return env == httperr.Problem || env == httperr.Simple
}

// codeSchema returns the schema of d's bodies in env: the envelope's, with the code
// fixed and, for problem details, each param typed; nil when env has no top-level
// code.
func codeSchema(env httperr.Envelope, d *errcat.Definition, numeric bool) any {
	if !hasCodeSchemas(env) {
		return nil
	}
	var code any = d.Code()
	if numeric {
		code = numericCode(d.Code())
	}
	props := obj{"code": obj{"const": code}}
	if env == httperr.Problem {
		if p := paramsSchema(d); p != nil {
			props["params"] = p
		}
	}
	return obj{
		mark:          true,
		"description": d.Code() + " (" + d.Name() + ")",
		"allOf":       []any{obj{"$ref": "#/components/schemas/" + schemaName(env)}},
		"properties":  props,
	}
}

// paramsSchema returns the schema of the params member of d's bodies: an object with
// a property per param of d and of its variants, typed as the runtime writes its
// values; nil when there are none. A value not given is left out, so none is
// required.
func paramsSchema(d *errcat.Definition) any {
	props := obj{}
	add := func(ps []errcat.Param) {
		for _, p := range ps {
			s := valueSchema(p.Kind)
			if old, ok := props[p.Name]; ok {
				if !sameType(old.(obj), s) {
					props[p.Name] = obj{} // variants disagree: any value
				}
				continue
			}
			if p.Description != "" {
				s["description"] = p.Description
			}
			props[p.Name] = s
		}
	}
	add(d.Params())
	for _, v := range d.Variants() {
		add(v.Params())
	}
	if len(props) == 0 {
		return nil
	}
	return obj{"type": "object", "properties": props, "additionalProperties": false}
}

func sameType(a, b obj) bool {
	return fmtType(a["type"]) == fmtType(b["type"]) && a["format"] == b["format"]
}

func fmtType(t any) string {
	if l, ok := t.([]any); ok {
		s := ""
		for _, x := range l {
			s += x.(string) + ","
		}
		return s
	}
	s, _ := t.(string)
	return s
}

// valueSchema is the schema of a param value of kind k as JSON: numbers and
// booleans as such (a float that is infinite or NaN as a string), times in RFC 3339,
// durations as Go writes them ("1h30m0s").
func valueSchema(k errcat.Kind) obj {
	switch k {
	case errcat.KindInt:
		return obj{"type": "integer"}
	case errcat.KindFloat:
		return obj{"type": []any{"number", "string"}}
	case errcat.KindBool:
		return obj{"type": "boolean"}
	case errcat.KindTime:
		return obj{"type": "string", "format": "date-time"}
	case errcat.KindDuration:
		return obj{"type": "string", "description": "A duration as Go writes it, such as 1h30m0s."}
	}
	return obj{"type": "string"}
}

// codeType is the schema of a code on the wire: a string or a number.
var codeType = obj{"type": []any{"string", "integer"}}

// envelopeSchemas returns the schemas of errcat's envelopes.
func envelopeSchemas() obj {
	return obj{
		"ProblemDetails": obj{
			"description": "RFC 9457 problem details with errcat's code, params and field errors.",
			"type":        "object",
			"required":    []any{"type", "title", "status", "code"},
			"properties": obj{
				"type":     obj{"type": "string", "description": "URL of the code's documentation, or about:blank."},
				"title":    obj{"type": "string"},
				"status":   obj{"type": "integer"},
				"detail":   obj{"type": "string"},
				"instance": obj{"type": "string"},
				"code":     codeType,
				"params":   obj{"type": "object", "additionalProperties": true, "description": "Parameter values of the message, by name; each code's schema gives their types."},
				"errors": obj{"type": "array", "items": obj{
					"type":     "object",
					"required": []any{"pointer", "code", "detail"},
					"properties": obj{
						"pointer": obj{"type": "string", "description": "JSON pointer to the field."},
						"code":    codeType,
						"detail":  obj{"type": "string"},
					},
				}},
			},
		},
		"SimpleError": obj{
			"description": "The {message, code, data} envelope.",
			"type":        "object",
			"required":    []any{"message", "code", "data"},
			"properties": obj{
				"message": obj{"type": "string"},
				"code":    codeType,
				"data":    simpleData(),
			},
		},
		"BulkError": obj{
			"description": "The response_status envelope: one message per error or field error.",
			"type":        "object",
			"required":    []any{"response_status"},
			"properties": obj{
				"response_status": obj{
					"type":     "object",
					"required": []any{"status", "messages"},
					"properties": obj{
						"status_code": obj{"type": "integer"},
						"status":      obj{"const": "failed"},
						"messages": obj{"type": "array", "items": obj{
							"type":     "object",
							"required": []any{"status_code", "type"},
							"properties": obj{
								"status_code": codeType,
								"type":        obj{"const": "failed"},
								"message":     obj{"type": "string"},
								"field":       obj{"type": "string"},
							},
						}},
					},
				},
			},
		},
		"GoogleError": obj{
			"description": "Google AIP-193 error: ErrorInfo (reason = code), LocalizedMessage, BadRequest, Help and RetryInfo details.",
			"type":        "object",
			"required":    []any{"error"},
			"properties": obj{
				"error": obj{
					"type":     "object",
					"required": []any{"code", "message", "status"},
					"properties": obj{
						"code":    obj{"type": "integer"},
						"message": obj{"type": "string"},
						"status":  obj{"type": "string"},
						"details": obj{"type": "array", "items": obj{"type": "object", "required": []any{"@type"}, "properties": obj{"@type": obj{"type": "string"}}}},
					},
				},
			},
		},
	}
}

// simpleData is the schema of the simple envelope's data: null, or its field errors.
func simpleData() obj {
	return obj{
		"type":        []any{"object", "null"},
		"description": "null, or the field errors.",
		"properties": obj{"errors": obj{"type": "array", "items": obj{
			"type":     "object",
			"required": []any{"field", "code", "message"},
			"properties": obj{
				"field":   obj{"type": "string"},
				"code":    codeType,
				"message": obj{"type": "string"},
			},
		}}},
	}
}
