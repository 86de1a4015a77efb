package ginerr

import (
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/httperr"
	"github.com/gin-gonic/gin/binding"
	"github.com/go-playground/validator/v10"
)

// Error returns err as h writes it for a gin handler: validation errors of gin's
// binding (validator.ValidationErrors, found through any wrapping, and
// binding.SliceValidationError) become h's Codes.MalformedJSON (400) with one field
// error per field, keyed by the RFC 6901 pointer of the field in the body ("/name",
// "/items/0/sku"): Codes.MissingField for a failed "required" rule,
// Codes.UnknownField's code (invalid field value) for any other. Any other error is
// returned as it is, for h.Write to classify (a JSON syntax error is
// Codes.MalformedJSON, an oversized body Codes.PayloadTooLarge…).
//
// Field pointers use the names gin's validator reports: call [UseJSONNames] (which
// [Register] does) so that they are the json tags.
func Error(h *httperr.Handler, err error) error {
	var fields []validator.FieldError
	var ve validator.ValidationErrors
	var se binding.SliceValidationError
	switch {
	case errors.As(err, &ve):
		fields = ve
	case errors.As(err, &se):
		for _, x := range se {
			if errors.As(x, &ve) {
				fields = append(fields, ve...)
			}
		}
	}
	if len(fields) == 0 {
		return err
	}
	c := h.Codes.WithDefaults()
	e := c.MalformedJSON.Wrap(err)
	for _, fe := range fields {
		segs := namespacePath(fe.Namespace())
		name := errcat.String(strings.Join(segs, "."))
		if fe.Tag() == "required" {
			e.AddField(httperr.JSONPointer(segs...), c.MissingField.New(name))
		} else {
			e.AddField(httperr.JSONPointer(segs...), c.UnknownField.New(name))
		}
	}
	return e
}

// namespacePath returns the keys of a validator namespace ("Pet.items[0].sku"),
// without the top-level struct's name: ["items", "0", "sku"].
func namespacePath(ns string) []string {
	if _, rest, ok := strings.Cut(ns, "."); ok {
		ns = rest
	}
	return strings.FieldsFunc(ns, func(r rune) bool { return r == '.' || r == '[' || r == ']' })
}

var jsonNamesOnce sync.Once

// UseJSONNames makes gin's default validator (binding.Validator) name struct fields
// by their json tags, so that validation errors point at the keys a client sent. It
// changes that process-wide validator once; later calls do nothing. It does nothing
// when binding.Validator is not gin's default.
func UseJSONNames() {
	jsonNamesOnce.Do(func() {
		if v, ok := binding.Validator.Engine().(*validator.Validate); ok {
			v.RegisterTagNameFunc(jsonName)
		}
	})
}

// jsonName returns the key encoding/json reads f from, or "" to keep the Go name.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}
