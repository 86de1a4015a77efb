package httperr

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"

	"github.com/errcat/errcat"
)

// DecodeJSON decodes r's JSON body into v and returns a catalog error a client can
// act on when it cannot, with the codes of the Handler that wraps w:
//
//   - a body that is not JSON, or holds more than one value: Codes.MalformedJSON;
//   - a value of the wrong type: Codes.WrongJSONType, naming the field and the JSON
//     type expected, with a per-field detail;
//   - a field v does not have: Codes.MalformedJSON with a Codes.UnknownField detail;
//   - fields tagged errcat:"required" left out or empty: Codes.MalformedJSON with a
//     Codes.MissingField detail for each;
//   - a Content-Type other than JSON: Codes.UnsupportedContentType;
//   - a body over the Handler's MaxBodyBytes: Codes.PayloadTooLarge.
//
// v must be a non-nil pointer. Write the error with [Write].
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	h := defaultHandler
	if rw := findWriter(w); rw != nil {
		h = rw.h
	}
	h.init()
	c := h.codes
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || !(mt == "application/json" || strings.HasSuffix(mt, "+json")) {
			return c.UnsupportedContentType.New(errcat.String(ct), errcat.String("application/json"))
		}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("json: more than one value in the body")
	}
	if err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		var mb *http.MaxBytesError
		switch {
		case errors.As(err, &mb):
			return err // Write maps it to Codes.PayloadTooLarge
		case errors.As(err, &typ):
			field := typ.Field
			if field == "" {
				field = "(body)"
			}
			want := jsonType(typ.Type)
			return c.WrongJSONType.Wrap(err, errcat.String(field), errcat.String(want)).
				AddField(field, c.WrongJSONType.New(errcat.String(field), errcat.String(want)))
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			return c.MalformedJSON.Wrap(err).AddField(field, c.UnknownField.New(errcat.String(field)))
		case errors.As(err, &syn), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return c.MalformedJSON.Wrap(err)
		}
		return c.MalformedJSON.Wrap(err)
	}
	if missing := missingFields(reflect.ValueOf(v), ""); len(missing) > 0 {
		e := c.MalformedJSON.New()
		for _, f := range missing {
			e.AddField(f, c.MissingField.New(errcat.String(f)))
		}
		return e
	}
	return nil
}

// jsonType names the JSON type a Go type decodes from.
func jsonType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "number"
	case reflect.String:
		return "string"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return t.String()
}

// missingFields returns the JSON names of the fields of v tagged errcat:"required"
// that are zero, descending into nested structs, as dotted paths.
func missingFields(v reflect.Value, prefix string) []string {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag == "-" {
			continue
		} else if tag != "" {
			name = tag
		}
		path := prefix + name
		fv := v.Field(i)
		if f.Tag.Get("errcat") == "required" && fv.IsZero() {
			out = append(out, path)
			continue
		}
		if fv.Kind() == reflect.Struct || fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.Struct {
			out = append(out, missingFields(fv, path+".")...)
		}
	}
	return out
}
