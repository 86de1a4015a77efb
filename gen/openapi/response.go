package openapi

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/errcat/errcat/httperr"
)

// mediaTypes are the media types an httperr.Handler answers errors in: the
// envelope's, and application/json for a client that accepts only that.
func mediaTypes(env httperr.Envelope) []string {
	if env.ContentType() == "application/json" {
		return []string{"application/json"}
	}
	return []string{env.ContentType(), "application/json"}
}

// response returns a response object for status listing es (in code order), whose
// schemas and examples refer to the components'.
func response(env httperr.Envelope, status int, es []*entry) obj {
	codes := make([]string, len(es))
	examples := obj{}
	refs := make([]any, 0, len(es))
	for i, e := range es {
		codes[i] = e.code
		examples[e.code] = obj{"$ref": "#/components/examples/" + componentName(e.code)}
		for _, f := range e.forms {
			examples[e.code+"-"+f.suffix] = obj{"$ref": "#/components/examples/" + formName(e.code, f.suffix)}
		}
		if e.schema != nil {
			refs = append(refs, obj{"$ref": "#/components/schemas/" + componentName(e.code)})
		}
	}
	var schema any = obj{"$ref": "#/components/schemas/" + schemaName(env)}
	switch {
	case len(refs) == 1:
		schema = refs[0]
	case len(refs) > 1:
		schema = obj{"oneOf": refs}
	}
	content := obj{}
	for _, mt := range mediaTypes(env) {
		content[mt] = obj{"schema": schema, "examples": examples}
	}
	text := http.StatusText(status)
	if text == "" {
		text = "Error"
	}
	return obj{
		"description": text + ": " + strings.Join(codes, ", "),
		"headers":     headers(status),
		"content":     content,
		mark:          true,
	}
}

// headers are the headers httperr.Handler sends with an error response of status.
func headers(status int) obj {
	h := obj{
		"X-Request-ID": obj{
			"description": "The request's id: the client's X-Request-ID when well-formed, else one made for the request. Logs record it.",
			"required":    true,
			"schema":      obj{"type": "string"},
		},
		"Content-Language": obj{
			"description": "The locale of the texts, negotiated from Accept-Language.",
			"schema":      obj{"type": "string"},
		},
	}
	switch status {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		h["Retry-After"] = obj{
			"description": "Seconds to wait before retrying, when the server knows.",
			"schema":      obj{"type": "string", "pattern": "^[0-9]+$"},
		}
	case http.StatusMethodNotAllowed:
		h["Allow"] = obj{
			"description": "The methods the route allows.",
			"schema":      obj{"type": "string"},
		}
	}
	return h
}

// statusKey is a status as a key of an operation's responses.
func statusKey(status int) string { return strconv.Itoa(status) }
