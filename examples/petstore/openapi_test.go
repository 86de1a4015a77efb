package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/gen/openapi"
	"github.com/errcat/errcat/httperr"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// specFor returns the petstore's API document (testdata/api.yaml) with the error
// responses of its catalog and of the common catalog merged in, one after the other,
// in env; it checks that merging both at once gives the same document.
func specFor(t *testing.T, env httperr.Envelope) *openapi3.T {
	t.Helper()
	api, err := os.ReadFile("testdata/api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	petstore, err := catalog.LoadFiles("errors")
	if err != nil {
		t.Fatal(err)
	}
	common, err := source.Load()
	if err != nil {
		t.Fatal(err)
	}
	opts := openapi.Options{Envelope: env}
	doc, err := openapi.Merge([]*catalog.Catalog{petstore}, opts, api)
	if err != nil {
		t.Fatal(err)
	}
	if doc, err = openapi.Merge([]*catalog.Catalog{common}, opts, doc); err != nil {
		t.Fatal(err)
	}
	once, err := openapi.Merge([]*catalog.Catalog{common, petstore}, opts, api)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(doc, once) {
		t.Error("merging the petstore's catalog, then the common one, differs from merging both at once")
	}
	spec, err := openapi3.NewLoader().LoadFromData(doc)
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

// errorRequest is a request the petstore answers with an error, and the operation
// of the API document it goes to ("" for a route the document has not).
type errorRequest struct {
	name, method, path, body, contentType string
	route                                 string // path template of the operation
	status                                int
}

// errorRequests are the requests that make the petstore answer each error it can:
// its own codes and those of the HTTP layer.
var errorRequests = []errorRequest{
	{"pet-not-found", "GET", "/pets/99", "", "", "/pets/{id}", 404},
	{"delete-not-found", "DELETE", "/pets/99", "", "", "/pets/{id}", 404},
	{"malformed-id", "GET", "/pets/abc", "", "", "/pets/{id}", 400},
	{"name-taken", "POST", "/pets", `{"name": "rex", "species": "dog"}`, "application/json", "/pets", 409},
	{"unknown-species", "POST", "/pets", `{"name": "Nemo", "species": "dragon"}`, "application/json", "/pets", 422},
	{"malformed-json", "POST", "/pets", `{"name": "Nemo"`, "application/json", "/pets", 400},
	{"wrong-type", "POST", "/pets", `{"name": 7, "species": "fish"}`, "application/json", "/pets", 400},
	{"missing-fields", "POST", "/pets", `{"name": ""}`, "application/json", "/pets", 400},
	{"unknown-field", "POST", "/pets", `{"name": "Nemo", "species": "fish", "colour": "red"}`, "application/json", "/pets", 400},
	{"too-large", "POST", "/pets", `{"name": "` + strings.Repeat("n", 2000) + `", "species": "fish"}`, "application/json", "/pets", 413},
	{"unsupported-content-type", "POST", "/pets", `name=Nemo`, "application/x-www-form-urlencoded", "/pets", 415},
	{"unknown-route", "GET", "/cats", "", "", "", 404},
	{"method-not-allowed", "PUT", "/pets", "", "", "", 405},
}

// TestResponsesMatchSpec sends every error-producing request the petstore supports,
// in every envelope, with every Accept and Accept-Language a client may send, and
// validates each real response (status, headers, body) against the API document
// errcat generated for it, with kin-openapi's openapi3filter.
func TestResponsesMatchSpec(t *testing.T) {
	accepts := []string{"", "application/json", "*/*", "text/html"}
	languages := []string{"", "vi", "vi-VN,vi;q=0.9", "fr-FR"}
	checked := 0
	for _, env := range httperr.Envelopes {
		spec := specFor(t, env)
		srv := httptest.NewServer(newServer(env, slog.New(slog.NewTextHandler(io.Discard, nil))))
		defer srv.Close()
		accepts := append(accepts, env.ContentType())
		for _, rq := range errorRequests {
			for _, accept := range accepts {
				for _, lang := range languages {
					want := rq.status
					if accept == "text/html" {
						want = http.StatusNotAcceptable
					}
					validateResponse(t, spec, srv, env, rq, accept, lang, want)
					checked++
				}
			}
		}
		// Last, as it closes the store: every request is then answered with 503.
		send(t, srv, "POST", "/admin/close", "", "", "", "")
		for _, accept := range accepts {
			want := http.StatusServiceUnavailable
			if accept == "text/html" {
				want = http.StatusNotAcceptable
			}
			validateResponse(t, spec, srv, env, errorRequest{"maintenance", "GET", "/pets", "", "", "/pets", 0}, accept, "vi", want)
			checked++
		}
	}
	if checked < 4*12*5*4 {
		t.Errorf("checked %d responses", checked)
	}
}

// validateResponse sends rq to srv and validates the response against spec.
func validateResponse(t *testing.T, spec *openapi3.T, srv *httptest.Server, env httperr.Envelope, rq errorRequest, accept, lang string, status int) {
	t.Helper()
	name := env.Name() + "/" + rq.name + " Accept=" + accept + " Accept-Language=" + lang
	resp, body := send(t, srv, rq.method, rq.path, rq.body, rq.contentType, accept, lang)
	if resp.StatusCode != status {
		t.Errorf("%s: status %d, want %d: %s", name, resp.StatusCode, status, body)
		return
	}
	req, _ := http.NewRequest(rq.method, srv.URL+rq.path, nil)
	route := routeOf(t, spec, rq, resp.StatusCode)
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, Route: route},
		Status:                 resp.StatusCode,
		Header:                 resp.Header,
		Body:                   io.NopCloser(strings.NewReader(body)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
		t.Errorf("%s: %d %s %s\ndoes not match the spec: %v", name, resp.StatusCode, resp.Header.Get("Content-Type"), body, err)
	}
}

// routeOf returns the route of rq in spec: its operation, or for a request no
// operation takes (an unknown route or method), one answering with the component
// response of status that errcat writes for such requests.
func routeOf(t *testing.T, spec *openapi3.T, rq errorRequest, status int) *routers.Route {
	t.Helper()
	if rq.route == "" {
		r := spec.Components.Responses["Error"+strconv.Itoa(status)]
		if r == nil {
			t.Fatalf("%s: the spec has no components.responses.Error%d", rq.name, status)
		}
		op := &openapi3.Operation{Responses: openapi3.NewResponses(openapi3.WithStatus(status, r))}
		return &routers.Route{Spec: spec, Path: rq.path, Method: rq.method, Operation: op}
	}
	item := spec.Paths.Value(rq.route)
	if item == nil || item.GetOperation(rq.method) == nil {
		t.Fatalf("%s: the spec has no operation %s %s", rq.name, rq.method, rq.route)
	}
	return &routers.Route{Spec: spec, Path: rq.route, PathItem: item, Method: rq.method, Operation: item.GetOperation(rq.method)}
}

// send sends a request to srv and returns the response and its body.
func send(t *testing.T, srv *httptest.Server, method, path, body, contentType, accept, lang string) (*http.Response, string) {
	t.Helper()
	var rd io.Reader = http.NoBody
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, srv.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"Content-Type": contentType, "Accept": accept, "Accept-Language": lang} {
		if v != "" {
			req.Header.Set(k, v)
		}
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

// TestSpecRejectsWrongBodies shows the validation bites: a body with another code
// than the operation answers with, or a param of another type, is rejected.
func TestSpecRejectsWrongBodies(t *testing.T) {
	spec := specFor(t, httperr.Problem)
	rq := errorRequests[0]
	good := `{"type":"https://petstore.example.com/errors/PET-404","title":"Pet 99 not found","status":404,"detail":"No pet with id 99 exists in the store.","instance":"req-42","code":"PET-404","params":{"id":99}}`
	for _, tt := range []struct {
		name, body string
		ok         bool
	}{
		{"as sent", good, true},
		{"a code of another status", strings.Replace(good, `"PET-404"`, `"PET-409"`, 1), false},
		{"an id as a string", strings.Replace(good, `{"id":99}`, `{"id":"99"}`, 1), false},
		{"an undeclared param", strings.Replace(good, `{"id":99}`, `{"id":99,"name":"Rex"}`, 1), false},
	} {
		req, _ := http.NewRequest(rq.method, "http://petstore"+rq.path, nil)
		h := http.Header{"Content-Type": {"application/problem+json"}, "X-Request-Id": {"req-42"}}
		err := openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, Route: routeOf(t, spec, rq, 404)},
			Status:                 404,
			Header:                 h,
			Body:                   io.NopCloser(strings.NewReader(tt.body)),
			Options:                &openapi3filter.Options{IncludeResponseStatus: true},
		})
		if (err == nil) != tt.ok {
			t.Errorf("%s: ValidateResponse = %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}
