package httperr

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
)

// DecodeJSON decodes r's JSON body into v with the Handler that wraps w (see
// [Handler.Wrap]), or with a zero Handler. See [Handler.DecodeJSON].
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	h := defaultHandler
	if rw := findWriter(w); rw != nil {
		h = rw.h
	}
	return h.DecodeJSON(r, v)
}

// DecodeJSON decodes r's JSON body into v and returns a catalog error a client can
// act on when it cannot, with h's codes:
//
//   - a body that is not JSON, or holds more than one value: Codes.MalformedJSON;
//   - a value of the wrong type: Codes.WrongJSONType, naming the field and the JSON
//     type expected ("string", "number", "integer", "boolean", "array", "object"),
//     with a per-field detail;
//   - a field v does not have: Codes.MalformedJSON with a Codes.UnknownField detail;
//   - fields tagged errcat:"required" left out or empty: Codes.MalformedJSON with a
//     Codes.MissingField detail for each;
//   - a Content-Type other than JSON: Codes.UnsupportedContentType;
//   - a body over the Handler's MaxBodyBytes: Codes.PayloadTooLarge.
//
// Field details are keyed by RFC 6901 JSON pointers to the value at fault
// ("/items/0/name", "" for the whole body; "~" and "/" in keys escaped as "~0" and
// "~1"); the message params name fields by their keys joined with ".". A target no
// JSON value decodes into (a complex number, a channel, a non-empty interface) is a
// server fault: Codes.Internal. v must be a non-nil pointer. Write the error with
// [Handler.Write].
func (h *Handler) DecodeJSON(r *http.Request, v any) error {
	h.init()
	c := &h.codes
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || !(mt == "application/json" || strings.HasSuffix(mt, "+json")) {
			return c.UnsupportedContentType.New(errcat.String(boundText(ct)), errcat.String("application/json"))
		}
	}
	// What the decoder reads is kept so that an error can be placed in it: encoding/json
	// names no map key nor index in its errors. It is what the decoder buffers anyway:
	// the body up to the end of its first value, and the read-ahead.
	var seen bytes.Buffer
	dec := json.NewDecoder(io.TeeReader(r.Body, &seen))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		return c.MalformedJSON.Wrap(errors.New("json: more than one value in the body"))
	}
	if err != nil {
		return h.decodeError(reflect.TypeOf(v), seen.Bytes(), err)
	}
	if missing := missingFields(reflect.ValueOf(v), nil, nil); len(missing) > 0 {
		e := c.MalformedJSON.New()
		for _, f := range missing {
			e.AddField(jsonPointer(f), c.MissingField.New(errcat.String(strings.Join(f, "."))))
		}
		return e
	}
	return nil
}

// decodeError maps an error of decoding data into a value of type t to a catalog
// error.
func (h *Handler) decodeError(t reflect.Type, data []byte, err error) error {
	c := &h.codes
	var typ *json.UnmarshalTypeError
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return err // Write maps it to Codes.PayloadTooLarge
	case errors.As(err, &typ):
		want, ok := jsonTypeOf(typ.Type)
		if !ok {
			return c.Internal.Wrap(err)
		}
		path := valuePathAt(data, typ.Offset)
		field := fieldName(strings.Join(path, "."))
		return c.WrongJSONType.Wrap(err, errcat.String(field), errcat.String(want)).
			AddField(jsonPointer(path), c.WrongJSONType.New(errcat.String(field), errcat.String(want)))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		key, qerr := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		if qerr != nil {
			return c.MalformedJSON.Wrap(err)
		}
		path, ok := unknownKeyPath(data, t, key)
		if !ok {
			path = []string{key}
		}
		field := boundText(strings.Join(path, "."))
		return c.MalformedJSON.Wrap(err).AddField(jsonPointer(path), c.UnknownField.New(errcat.String(field)))
	}
	return c.MalformedJSON.Wrap(err)
}

// fieldName returns the dotted path encoding/json reports a field with, or "request
// body" for the whole body.
func fieldName(path string) string {
	if path == "" {
		return "request body"
	}
	return boundText(path)
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// jsonTypeOf names the JSON type values of t are decoded from, and reports whether
// there is one.
func jsonTypeOf(t reflect.Type) (string, bool) {
	if t == nil {
		return "", false
	}
	if t.Implements(textUnmarshaler) || t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "string", true
	}
	switch t.Kind() {
	case reflect.Bool:
		return "boolean", true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "integer", true
	case reflect.Float32, reflect.Float64:
		return "number", true
	case reflect.String:
		return "string", true
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "string", true // base64
		}
		return "array", true
	case reflect.Array:
		return "array", true
	case reflect.Map, reflect.Struct:
		return "object", true
	case reflect.Pointer:
		return jsonTypeOf(t.Elem())
	}
	return "", false
}

// jsonPointer returns the RFC 6901 pointer of a path of keys: "" for none.
func jsonPointer(segs []string) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '~':
				b.WriteString("~0")
			case '/':
				b.WriteString("~1")
			default:
				b.WriteByte(s[i])
			}
		}
	}
	return b.String()
}

// jsonName returns the name a struct field's json tag gives it ("" for none), and
// reports whether encoding/json skips the field.
func jsonName(f reflect.StructField) (name string, skip bool) {
	tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if tag == "-" && !strings.HasPrefix(f.Tag.Get("json"), "-,") {
		return "", true
	}
	if !f.IsExported() && !f.Anonymous {
		return "", true
	}
	return tag, false
}

// missingFields returns the key paths of the fields of v tagged errcat:"required"
// that are zero, descending into nested structs.
func missingFields(v reflect.Value, prefix []string, out [][]string) [][]string {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return out
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || len(prefix) > 32 {
		return out
	}
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, skip := jsonName(f)
		if skip || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		path := append(prefix[:len(prefix):len(prefix)], name)
		fv := v.Field(i)
		if f.Tag.Get("errcat") == "required" && fv.IsZero() {
			out = append(out, path)
			continue
		}
		if fv.Kind() == reflect.Struct || fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.Struct {
			out = missingFields(fv, path, out)
		}
	}
	return out
}
