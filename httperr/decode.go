package httperr

import (
	"encoding"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"reflect"
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
// Field details are keyed by RFC 6901 JSON pointers ("/items/name", "" for the whole
// body; "~" and "/" in keys escaped as "~0" and "~1"); the message params name fields
// by their dotted path. A target no JSON value decodes into (a complex number, a
// channel, a non-empty interface) is a server fault: Codes.Internal. v must be a
// non-nil pointer. Write the error with [Handler.Write].
func (h *Handler) DecodeJSON(r *http.Request, v any) error {
	h.init()
	c := &h.codes
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || !(mt == "application/json" || strings.HasSuffix(mt, "+json")) {
			return c.UnsupportedContentType.New(errcat.String(boundText(ct)), errcat.String("application/json"))
		}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		return c.MalformedJSON.Wrap(errors.New("json: more than one value in the body"))
	}
	if err != nil {
		return h.decodeError(reflect.TypeOf(v), err)
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

// decodeError maps an error of decoding into a value of type t to a catalog error.
func (h *Handler) decodeError(t reflect.Type, err error) error {
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
		field := fieldName(typ.Field)
		return c.WrongJSONType.Wrap(err, errcat.String(field), errcat.String(want)).
			AddField(jsonPointer(fieldSegments(t, typ.Field)), c.WrongJSONType.New(errcat.String(field), errcat.String(want)))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.TrimPrefix(err.Error(), "json: unknown field ")
		field = boundText(strings.TrimSuffix(strings.TrimPrefix(field, `"`), `"`))
		return c.MalformedJSON.Wrap(err).AddField(jsonPointer([]string{field}), c.UnknownField.New(errcat.String(field)))
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

// fieldSegments splits the dotted path encoding/json reports a field of t with into
// its keys, following t so that a key holding "." stays one key; where t cannot tell
// (map keys), at every ".".
func fieldSegments(t reflect.Type, path string) []string {
	if path == "" {
		return nil
	}
	if segs, ok := resolveField(t, path, 0); ok {
		return segs
	}
	return strings.Split(path, ".")
}

// resolveField splits path along t, and reports whether it could.
func resolveField(t reflect.Type, path string, depth int) ([]string, bool) {
	if path == "" {
		return nil, true
	}
	if t == nil || depth > 64 {
		return nil, false
	}
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem() // encoding/json names no index in the path
	}
	switch t.Kind() {
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			name, skip := jsonName(f)
			if skip {
				continue
			}
			if f.Anonymous && name == "" {
				if segs, ok := resolveField(f.Type, path, depth+1); ok {
					return segs, true
				}
				continue
			}
			if name == "" {
				name = f.Name
			}
			if rest, ok := strings.CutPrefix(path, name); ok && (rest == "" || rest[0] == '.') {
				if segs, ok := resolveField(f.Type, strings.TrimPrefix(rest, "."), depth+1); ok {
					return append([]string{name}, segs...), true
				}
			}
		}
	case reflect.Map:
		for i := 0; i <= len(path); i++ {
			if i == len(path) || path[i] == '.' {
				rest := ""
				if i < len(path) {
					rest = path[i+1:]
				}
				if segs, ok := resolveField(t.Elem(), rest, depth+1); ok {
					return append([]string{path[:i]}, segs...), true
				}
			}
		}
	}
	return nil, false
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
