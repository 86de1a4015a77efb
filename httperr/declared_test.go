package httperr_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/httperr"
)

// declaredBulk is a catalog that declares the bulk envelope with its own code 4000,
// field entries without a message, and one code (4013) that leaves its message out.
var declaredBulk = errcat.MustNewSet(errcat.SetSpec{Name: "bulk", NumericCodes: true,
	Response: errcat.ResponseSpec{Envelope: "bulk", BulkStatusCode: 4000, OmitFieldMessage: true},
	Errors: []errcat.Spec{
		{Code: "4012", Name: "Mandatory", Status: 400, Texts: errcat.Texts{Message: "Value for mandatory-field is not provided"}},
		{Code: "4013", Name: "Unsupported", Status: 415, Texts: errcat.Texts{Message: "Unsupported Content Type"}, OmitMessage: true},
		{Code: "4016", Name: "InTrash", Status: 400, Texts: errcat.Texts{Message: "Request is already in trash"}},
	}})

// declaredIdentity is a catalog that declares the simple envelope and answers every
// error with HTTP 200: the code travels in the body.
var declaredIdentity = errcat.MustNewSet(errcat.SetSpec{Name: "identity", NumericCodes: true,
	Response: errcat.ResponseSpec{Envelope: "simple", Status: 200},
	Errors: []errcat.Spec{
		{Code: "2004", Name: "UserNotFound", Status: 404, Texts: errcat.Texts{Message: "User not found"}},
		{Code: "2005", Name: "Hidden", Status: 403, Texts: errcat.Texts{Message: "Secret reason"}, NotPublic: true},
	}})

// TestDeclaredWireShape: a Handler with no Envelope answers in the envelope the
// error's catalog declares, with its options and its transport status, through
// Write and Render alike, and Status agrees; a configured Envelope decides the body
// but not the declared status; an error of a catalog that declares nothing is
// answered in problem+json.
func TestDeclaredWireShape(t *testing.T) {
	field := declaredBulk.Lookup("4012").New()
	field.AddField("title", declaredBulk.Lookup("4012").New())
	omitted := declaredBulk.Lookup("4013").New()
	omitted.AddField("body", declaredBulk.Lookup("4013").New())
	for _, tt := range []struct {
		name   string
		h      *httperr.Handler
		err    error
		status int
		ct     string
		body   string
	}{
		{"omit_message", &httperr.Handler{}, declaredBulk.Lookup("4013").New(), 415, "application/json",
			`{"response_status":{"status_code":4000,"messages":[{"status_code":4013,"type":"failed"}],"status":"failed"}}`},
		{"omit_message field", &httperr.Handler{}, omitted, 415, "application/json",
			`{"response_status":{"status_code":4000,"messages":[{"status_code":4013,"field":"body","type":"failed"}],"status":"failed"}}`},
		{"message", &httperr.Handler{}, declaredBulk.Lookup("4016").New(), 400, "application/json",
			`{"response_status":{"status_code":4000,"messages":[{"status_code":4016,"type":"failed","message":"Request is already in trash"}],"status":"failed"}}`},
		{"field without message", &httperr.Handler{}, field, 400, "application/json",
			`{"response_status":{"status_code":4000,"messages":[{"status_code":4012,"field":"title","type":"failed"}],"status":"failed"}}`},
		{"configured envelope", &httperr.Handler{Envelope: httperr.Simple}, declaredBulk.Lookup("4016").New(), 400, "application/json",
			`{"message":"Request is already in trash","code":4016,"data":null}`},
		{"transport status", &httperr.Handler{}, declaredIdentity.Lookup("2004").New(), 200, "application/json",
			`{"message":"User not found","code":2004,"data":null}`},
		{"transport status, not public", &httperr.Handler{}, declaredIdentity.Lookup("2005").New(), 200, "application/json",
			`{"message":"Forbidden","code":2005,"data":null}`},
		{"transport status, configured envelope", &httperr.Handler{Envelope: httperr.Bulk}, declaredIdentity.Lookup("2004").New(), 200, "application/json",
			`{"response_status":{"messages":[{"status_code":2004,"type":"failed","message":"User not found"}],"status":"failed"}}`},
		{"wrapped", &httperr.Handler{}, httperr.RetryAfter(declaredIdentity.Lookup("2004").New(), 0), 200, "application/json",
			`{"message":"User not found","code":2004,"data":null}`},
		{"declares nothing", &httperr.Handler{}, common.ErrEndpointNotFound.New(errcat.String("/x"), errcat.String("GET")), 404, "application/problem+json",
			`{"type":"https://errcat.dev/catalogs/common/errors/000029/","title":"API endpoint does not exist","status":404,"detail":"API endpoint '/x' with HTTP method 'GET' was not found.","instance":"urn:errcat:request:r1","code":"000029","params":{"path":"/x","method":"GET"}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.h.Logger = slog.New(slog.DiscardHandler)
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.Header.Set("X-Request-Id", "r1")
			tt.h.Write(rec, req, tt.err)
			if rec.Code != tt.status || rec.Body.String() != tt.body || rec.Header().Get("Content-Type") != tt.ct {
				t.Errorf("Write: got %d %s %s\nwant %d %s %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body, tt.status, tt.ct, tt.body)
			}
			r := httperr.Request{Method: http.MethodGet, Path: "/", RequestID: "r1"}
			resp := tt.h.Render(nil, r, tt.err)
			if resp.Status != tt.status || string(resp.Body) != tt.body || resp.ContentType != tt.ct {
				t.Errorf("Render: got %d %s %s\nwant %d %s %s", resp.Status, resp.ContentType, resp.Body, tt.status, tt.ct, tt.body)
			}
			if got := tt.h.Status(r, tt.err); got != tt.status {
				t.Errorf("Status = %d, want %d", got, tt.status)
			}
		})
	}
}

// TestDeclaredNegotiation: the declared envelope's media type is negotiated as a
// configured one is; a client that accepts none of them gets 406 in the envelope of
// the code that answers it, which names the media types the declared envelope offers.
func TestDeclaredNegotiation(t *testing.T) {
	h := &httperr.Handler{Logger: slog.New(slog.DiscardHandler)}
	for _, tt := range []struct {
		accept string
		status int
		ct     string
		body   string
	}{
		{"application/json", 200, "application/json", `{"message":"User not found","code":2004,"data":null}`},
		{"application/*;q=0.5", 200, "application/json", `{"message":"User not found","code":2004,"data":null}`},
		{"text/html", 406, "application/problem+json",
			`{"type":"https://errcat.dev/catalogs/common/errors/000033/","title":"Unsupported media type in Accept header","status":406,"detail":"The media type(s) in your Accept header are not supported. Supported media types: application/json.","instance":"urn:errcat:request:r1","code":"000033","params":{"supported":"application/json"}}`},
	} {
		r := httperr.Request{Method: http.MethodGet, Accept: tt.accept, RequestID: "r1"}
		resp := h.Render(nil, r, declaredIdentity.Lookup("2004").New())
		if resp.Status != tt.status || resp.ContentType != tt.ct || string(resp.Body) != tt.body {
			t.Errorf("Accept %s: got %d %s %s\nwant %d %s %s", tt.accept, resp.Status, resp.ContentType, resp.Body, tt.status, tt.ct, tt.body)
		}
		if got := h.Status(r, declaredIdentity.Lookup("2004").New()); got != tt.status {
			t.Errorf("Accept %s: Status = %d, want %d", tt.accept, got, tt.status)
		}
	}
}

// TestDeclaredFrames: the declared envelopes' bodies are the same the first time a
// code is written (member by member) and after (from its compiled frame).
func TestDeclaredFrames(t *testing.T) {
	h := &httperr.Handler{Logger: slog.New(slog.DiscardHandler)}
	r := httperr.Request{Method: http.MethodGet, RequestID: "r1"}
	for _, code := range []string{"2004", "2005"} {
		var bodies [3][]byte
		for i := range bodies {
			bodies[i] = h.Render(nil, r, declaredIdentity.Lookup(code).New()).Body
		}
		if !bytes.Equal(bodies[0], bodies[1]) || !bytes.Equal(bodies[0], bodies[2]) {
			t.Errorf("%s: bodies differ:\n%s\n%s\n%s", code, bodies[0], bodies[1], bodies[2])
		}
	}
}

// TestDeclared: Declared configures the envelope a declaration names.
func TestDeclared(t *testing.T) {
	if got := httperr.Declared(errcat.ResponseSpec{}); got != nil {
		t.Errorf("Declared(zero) = %v, want nil", got)
	}
	if got := httperr.Declared(errcat.ResponseSpec{Envelope: "simple", Status: 200}); got != httperr.Simple {
		t.Errorf("Declared(simple) = %v, want Simple", got)
	}
	if got := httperr.Declared(errcat.ResponseSpec{Envelope: "bulk"}); got != httperr.Bulk {
		t.Errorf("Declared(bulk) = %v, want Bulk", got)
	}
	r := errcat.ResponseSpec{Envelope: "bulk", BulkStatusCode: 4000, OmitFieldMessage: true}
	got, ok := httperr.Declared(r).(*httperr.BulkEnvelope)
	if !ok || *got != (httperr.BulkEnvelope{StatusCode: 4000, OmitFieldMessage: true}) {
		t.Errorf("Declared(bulk 4000) = %#v", got)
	}
	if again := httperr.Declared(r); again != httperr.Envelope(got) {
		t.Errorf("Declared made a second envelope for the same declaration")
	}
}

// TestDeclaredRenderAllocates: answering in a declared envelope costs no allocation
// beyond the body's buffer, as answering in a configured one.
func TestDeclaredRenderAllocates(t *testing.T) {
	h := &httperr.Handler{Logger: slog.New(slog.DiscardHandler)}
	req := httperr.Request{Method: http.MethodGet, RequestID: "r1"}
	for _, err := range []error{declaredBulk.Lookup("4016").New(), declaredIdentity.Lookup("2004").New()} {
		buf := make([]byte, 0, 1024)
		if n := testing.AllocsPerRun(100, func() { buf = h.Render(buf[:0], req, err).Body }); n != 0 {
			t.Errorf("%v: %v allocations per Render", err, n)
		}
	}
}
