package httperr

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
)

// FuzzDecode feeds Decode arbitrary bodies and header values: it must return an error
// or an *errcat.Error, never panic. Then it writes 000012 with the fuzzed values as
// params in every envelope and decodes it back: the code, status and message survive
// the round trip.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"type":"about:blank","title":"t","status":404,"detail":"d","code":"000012","params":{"kind":"x","id":"1"}}`), "project", "42", "3")
	f.Add([]byte(`{"code":4000,"message":"m","data":null}`), "a\"b", "<script>", "Tue, 29 Oct 2024 16:56:32 GMT")
	f.Add([]byte(`{"response_status":{"status_code":400,"status":"failed","messages":[{"status_code":1,"type":"failed","message":"m","field":"f"}]}}`), "\u2028", "é", "-1")
	f.Add([]byte(`{"error":{"code":429,"message":"m","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}}`), "", "\x00", "x")
	f.Fuzz(func(t *testing.T, body []byte, kind, id, retry string) {
		resp := &http.Response{StatusCode: 418, Body: io.NopCloser(strings.NewReader(string(body))), Header: http.Header{"Retry-After": {retry}}}
		if e, err := Decode(resp, common.Set); err == nil && e == nil {
			t.Fatal("Decode returned neither an error nor an error value")
		}
		if !utf8.ValidString(kind) || !utf8.ValidString(id) {
			return // JSON carries text; invalid UTF-8 comes back as U+FFFD
		}
		sent := common.ErrUnableToLocate.New(errcat.String(kind), errcat.String(id))
		for _, env := range Envelopes {
			w := httptest.NewRecorder()
			(&Handler{Envelope: env, Logger: slogDiscard()}).Write(w, httptest.NewRequest("GET", "/", nil), sent)
			got, err := Decode(w.Result(), common.Set)
			if err != nil {
				t.Fatalf("%s: Decode of %s: %v", env.Name(), w.Body, err)
			}
			if !errors.Is(got, common.ErrUnableToLocate) || got.Status() != 404 || got.Message("") != sent.Message("") {
				t.Fatalf("%s: decoded %q (%d), sent %q\n%s", env.Name(), got.Message(""), got.Status(), sent.Message(""), w.Body)
			}
		}
	})
}

// FuzzNegotiate checks content negotiation on any Accept header: the answer is one of
// the offers, and an offer the header gives q=0 by its exact name is never chosen.
func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "*/*", "application/json", "application/problem+json;q=0, */*;q=.2", "text/html", "a/b;q=1.5", ";;,,", "application/*;q=0.001"} {
		f.Add(s, "vi-VN,en;q=0.5")
	}
	set := errcat.MustNewSet(errcat.SetSpec{Name: "x", Locales: []string{"vi", "pt-BR"}, Errors: []errcat.Spec{{Code: "1", Texts: errcat.Texts{Message: "m"}}}})
	offers := []string{"application/problem+json", "application/json"}
	f.Fuzz(func(t *testing.T, accept, acceptLanguage string) {
		got, ok := negotiate(accept, offers)
		if ok != (got != "") || ok && got != offers[0] && got != offers[1] {
			t.Fatalf("negotiate(%q) = %q, %v", accept, got, ok)
		}
		for _, r := range parseAccept(accept) {
			if r.q == 0 && r.typ+"/"+r.sub == got {
				t.Fatalf("negotiate(%q) chose %q, which it refuses", accept, got)
			}
		}
		if l := NegotiateLocale(set, acceptLanguage); l != "en" && l != "vi" && l != "pt-BR" {
			t.Fatalf("NegotiateLocale(%q) = %q", acceptLanguage, l)
		}
	})
}

// FuzzDecodeJSON feeds DecodeJSON arbitrary bodies: it returns nil or an error that
// answers 400 or 413 with field errors at well-formed JSON pointers, and never names
// a Go type in the body.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"method": 7}`, `{"labels": {"k.1": {"N": true}}}`, `{"items": [{"name": 3}]}`, `[]`,
		`{"a.b": {"N": 1, "zz": 2}}`, `{"x/y~z": "s"}`, `{"items": [[[`, `{"qty": 1} {}`, `{"Qty": "1"}`} {
		f.Add([]byte(s))
	}
	h := &Handler{Logger: slogDiscard()}
	f.Fuzz(func(t *testing.T, body []byte) {
		var o struct {
			Method paymentMethod              `json:"method"`
			Qty    int                        `json:"qty"`
			Dotted struct{ N int }            `json:"a.b"`
			Labels map[string]struct{ N int } `json:"labels"`
			Items  []struct {
				Name string `json:"name" errcat:"required"`
			} `json:"items"`
		}
		r := httptest.NewRequest("POST", "/", strings.NewReader(string(body)))
		err := h.DecodeJSON(r, &o)
		if err == nil {
			return
		}
		e := h.Classify(err)
		if s := e.Status(); s != 400 {
			t.Fatalf("status %d for %q: %v", s, body, e)
		}
		for _, fe := range e.Fields() {
			if fe.Field != "" && (fe.Field[0] != '/' || strings.Contains(strings.ReplaceAll(strings.ReplaceAll(fe.Field, "~0", ""), "~1", ""), "~")) {
				t.Fatalf("field %q is not a JSON pointer (body %q)", fe.Field, body)
			}
		}
		w := httptest.NewRecorder()
		h.Write(w, r, err)
		if strings.Contains(w.Body.String(), "httperr.") || !json.Valid(w.Body.Bytes()) {
			t.Fatalf("body %s", w.Body)
		}
	})
}
