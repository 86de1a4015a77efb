package httperr_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/httperr"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// A handler returns a catalog error; the Handler writes it as problem+json, with the
// request id the client sent as the instance.
func ExampleHandler_Wrap() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /projects/{id}", func(w http.ResponseWriter, r *http.Request) {
		httperr.Write(w, r, common.UnableToLocate("project", r.PathValue("id")))
	})
	h := (&httperr.Handler{Logger: quiet}).Wrap(mux)

	r := httptest.NewRequest("GET", "/projects/42", nil)
	r.Header.Set("X-Request-ID", "req-1")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	fmt.Println(w.Body)
	// Output:
	// 404 application/problem+json
	// {"type":"https://errcat.dev/catalogs/common/errors/000012/","title":"Object not found with provided ID","status":404,"detail":"Unable to locate project with id 42.","instance":"urn:errcat:request:req-1","code":"000012","params":{"kind":"project","id":"42"}}
}

// A client turns the body back into a catalog error, so errors.Is works across the wire.
func ExampleDecode() {
	w := httptest.NewRecorder()
	(&httperr.Handler{Logger: quiet}).Write(w, httptest.NewRequest("GET", "/", nil), common.UnableToLocate("project", "42"))

	err, _ := httperr.Decode(w.Result(), common.Set)
	fmt.Println(errors.Is(err, common.ErrUnableToLocate), err.Status(), err.Message(""))
	// Output:
	// true 404 Unable to locate project with id 42.
}

// plainEnvelope is an envelope of one's own: {"error": code, "text": message}.
type plainEnvelope struct{}

func (plainEnvelope) Name() string        { return "plain" }
func (plainEnvelope) ContentType() string { return "application/json" }

func (plainEnvelope) AppendBody(dst []byte, err *errcat.Error, c *httperr.Context) []byte {
	dst = append(dst, `{"error":`...)
	dst = err.Definition().AppendCodeJSON(dst)
	dst = append(dst, `,"text":"`...)
	dst = err.AppendMessageJSON(dst, c.Locale)
	return append(dst, `"}`...)
}

// A Handler writes errors in any Envelope; this one is the caller's own.
func ExampleEnvelope() {
	h := &httperr.Handler{Envelope: plainEnvelope{}, Logger: quiet}
	w := httptest.NewRecorder()
	h.Write(w, httptest.NewRequest("GET", "/", nil), common.UnableToLocate("project", `"42"`))
	fmt.Println(w.Code, w.Body)
	// Output:
	// 404 {"error":"000012","text":"Unable to locate project with id \"42\"."}
}

// A server that has no http.ResponseWriter (a framework of its own) renders the
// response and sends it itself; a framework error that carries a 4xx status becomes
// the catalog's code for that status, with nothing of its text in the body.
func ExampleHandler_Render() {
	h := &httperr.Handler{Logger: quiet}
	req := httperr.Request{Method: "POST", Path: "/pets", Accept: "application/json", ContentType: "text/xml", RequestID: "req-1"}
	err := fmt.Errorf("bind: %w", statusError{415})

	resp := h.Render(nil, req, err)
	fmt.Println(resp.Status)
	resp.Headers(func(key, value string) { fmt.Printf("%s: %s\n", key, value) })
	fmt.Println(string(resp.Body))
	h.Log(context.Background(), req, &resp, err)
	// Output:
	// 415
	// Content-Type: application/json
	// Content-Language: en
	// Vary: Accept, Accept-Language
	// X-Content-Type-Options: nosniff
	// X-Request-Id: req-1
	// {"type":"https://errcat.dev/catalogs/common/errors/000052/","title":"Request Content-Type is not supported","status":415,"detail":"The Content-Type 'text/xml' is not supported. Supported types: application/json.","instance":"urn:errcat:request:req-1","code":"000052","params":{"content_type":"text/xml","supported":"application/json"}}
}

// statusError is a framework's error that carries an HTTP status.
type statusError struct{ status int }

func (e statusError) Error() string {
	return fmt.Sprintf("unsupported media type: secret=%d", e.status)
}
func (e statusError) StatusCode() int { return e.status }
