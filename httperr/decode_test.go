package httperr

import (
	"net/http/httptest"
	"strings"
	"testing"
)

type paymentMethod string

type money struct{ Cents int64 }

func (m *money) UnmarshalText([]byte) error { return nil }

type order struct {
	Method  paymentMethod              `json:"method"`
	Price   money                      `json:"price"`
	Ratio   complex128                 `json:"ratio"`
	Qty     int                        `json:"qty"`
	Blob    []byte                     `json:"blob"`
	Dotted  struct{ N int }            `json:"a.b"`
	Escaped int                        `json:"x/y~z"`
	Labels  map[string]struct{ N int } `json:"labels"`
	Items   []struct {
		Name string `json:"name"`
	} `json:"items"`
}

// TestDecodeJSONFieldErrors: wrong types are described as JSON types, never as Go
// types, and field errors are keyed by RFC 6901 pointers that keep keys holding "."
// whole and escape "~" and "/".
func TestDecodeJSONFieldErrors(t *testing.T) {
	tests := []struct {
		body, pointer, field, want string
		status                     int
	}{
		{`{"method": 7}`, "/method", "method", "string", 400},
		{`{"price": 7}`, "/price", "price", "string", 400},
		{`{"qty": 1.5}`, "/qty", "qty", "integer", 400},
		{`{"blob": 1}`, "/blob", "blob", "string", 400},
		{`{"a.b": {"N": "x"}}`, "/a.b/N", "a.b.N", "integer", 400},
		{`{"x/y~z": "s"}`, "/x~1y~0z", "x/y~z", "integer", 400},
		{`{"labels": {"k.1": {"N": true}}}`, "/labels/k.1/N", "labels.k.1.N", "integer", 400},
		{`{"items": [{"name": "a"}, {"name": 3}]}`, "/items/1/name", "items.1.name", "string", 400},
		{`{"items": {}}`, "/items", "items", "array", 400},
		{`{"a.b": {"N": 1, "zz": 2}}`, "/a.b/zz", "a.b.zz", "", 400},
		{`{"labels": {"zz": {"zz": 1}}}`, "/labels/zz/zz", "labels.zz.zz", "", 400},
		{`[]`, "", "request body", "object", 400},
		{`{"ratio": 1}`, "", "", "", 500}, // no JSON decodes into complex128: a server fault
	}
	h := &Handler{Logger: slogDiscard()}
	for _, tt := range tests {
		r := httptest.NewRequest("POST", "/", strings.NewReader(tt.body))
		r.Header.Set("Content-Type", "application/json")
		var o order
		err := h.DecodeJSON(r, &o)
		e := h.Classify(err)
		if e.Status() != tt.status {
			t.Errorf("%s: status %d, want %d (%v)", tt.body, e.Status(), tt.status, e)
			continue
		}
		w := httptest.NewRecorder()
		h.Write(w, r, err)
		body := w.Body.String()
		for _, goName := range []string{"paymentMethod", "money", "complex128", "httperr.", "int64", "[]uint8"} {
			if strings.Contains(body, goName) {
				t.Errorf("%s: body names the Go type %s: %s", tt.body, goName, body)
			}
		}
		if tt.status != 400 {
			continue
		}
		if f := e.Fields(); len(f) != 1 || f[0].Field != tt.pointer {
			t.Errorf("%s: fields %v, want one at %q", tt.body, f, tt.pointer)
		}
		if tt.want == "" { // an unknown field
			if got := e.Fields()[0].Err.Arg("field").String(); got != tt.field {
				t.Errorf("%s: unknown field named %q, want %q", tt.body, got, tt.field)
			}
		} else if got := e.Arg("field").String() + " " + e.Arg("type").String(); got != tt.field+" "+tt.want {
			t.Errorf("%s: params %q, want %q", tt.body, got, tt.field+" "+tt.want)
		}
		if !strings.Contains(body, `"pointer":"`+tt.pointer+`"`) {
			t.Errorf("%s: body %s lacks the pointer %q", tt.body, body, tt.pointer)
		}
	}
}

// TestDecodeJSONMissingPointers: required fields left out are reported at pointers
// that escape their keys.
func TestDecodeJSONMissingPointers(t *testing.T) {
	var v struct {
		A struct {
			B string `json:"b/c" errcat:"required"`
		} `json:"a.x"`
	}
	h := &Handler{}
	r := httptest.NewRequest("POST", "/", strings.NewReader(`{"a.x": {}}`))
	e := h.Classify(h.DecodeJSON(r, &v))
	if f := e.Fields(); len(f) != 1 || f[0].Field != "/a.x/b~1c" || f[0].Err.Arg("field").String() != "a.x.b/c" {
		t.Errorf("fields %+v, want one at /a.x/b~1c", f)
	}
}
