package humaerr

import (
	"errors"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/httperr"
)

// ValidationError returns the catalog error of huma's request validation failures
// (status 400 or 422 with huma.ErrorDetail errors at body, path, query, header or
// cookie locations), or nil when errs are not such failures:
//
//   - a body that is not JSON (one detail at location "body", status 400): h's
//     Codes.MalformedJSON, as httperr's DecodeJSON answers it;
//   - otherwise Codes.MalformedJSON with a field error per detail:
//     Codes.MissingField for a required property left out, Codes.UnknownField's
//     code (invalid field value) for any other failure.
//
// A field error is keyed by the RFC 6901 pointer of the value at fault within the
// body ("body.items[3].tags" is "/items/3/tags"); a parameter's by its location
// and name ("/query/limit", "/path/id"). The details' messages and values are
// huma's: they are causes, logged, never sent.
func ValidationError(h *httperr.Handler, status int, errs []error) *errcat.Error {
	if status != 400 && status != 422 || len(errs) == 0 {
		return nil
	}
	details := make([]*huma.ErrorDetail, 0, len(errs))
	for _, err := range errs {
		var d huma.ErrorDetailer
		if !errors.As(err, &d) || d.ErrorDetail() == nil || !knownLocation(d.ErrorDetail().Location) {
			return nil
		}
		details = append(details, d.ErrorDetail())
	}
	c := h.Codes.WithDefaults()
	e := c.MalformedJSON.Wrap(errors.Join(errs...))
	if len(details) == 1 && details[0].Location == "body" && status == 400 {
		return e
	}
	for _, d := range details {
		segs := locationPath(d.Location, d.Message)
		name := errcat.String(strings.Join(segs, "."))
		if strings.HasPrefix(d.Message, "expected required property ") {
			e.AddField(httperr.JSONPointer(segs...), c.MissingField.New(name))
		} else {
			e.AddField(httperr.JSONPointer(segs...), c.UnknownField.New(name))
		}
	}
	return e
}

// knownLocation reports whether loc is one of the locations huma validates.
func knownLocation(loc string) bool {
	kind, _, _ := strings.Cut(loc, ".")
	kind, _, _ = strings.Cut(kind, "[")
	switch kind {
	case "body", "path", "query", "header", "cookie":
		return true
	}
	return false
}

// locationPath returns the keys of a huma location: within the body without
// "body" ("body.items[3].tags" is ["items", "3", "tags"]), and a parameter's with
// its kind ("query.limit" is ["query", "limit"]). A required property's location is
// its object's; the property, which huma names in the message, is added.
func locationPath(loc, msg string) []string {
	if rest, ok := strings.CutPrefix(loc, "body"); ok {
		loc = rest
	}
	segs := strings.FieldsFunc(loc, func(r rune) bool { return r == '.' || r == '[' || r == ']' })
	if prop, ok := strings.CutPrefix(msg, "expected required property "); ok {
		if prop, _, ok = strings.Cut(prop, " to be present"); ok {
			segs = append(segs, prop)
		}
	}
	return segs
}
