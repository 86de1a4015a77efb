package httperr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
)

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// Reset empties the buffer.
func (s *syncBuffer) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// slowCancelled receives the context error the slow handler saw.
var slowCancelled = make(chan error, 1)

type item struct {
	Name  string   `json:"name" errcat:"required"`
	Price float64  `json:"price" errcat:"required"`
	Tags  []string `json:"tags"`
}

// testServer serves a small API through a Handler with every option on.
func testServer(t *testing.T, env Envelope) (*httptest.Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		Write(w, r, common.UnableToLocate("item", r.PathValue("id")))
	})
	mux.HandleFunc("POST /items", func(w http.ResponseWriter, r *http.Request) {
		var it item
		if err := DecodeJSON(w, r, &it); err != nil {
			Write(w, r, err)
			return
		}
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "created %s", it.Name)
	})
	mux.HandleFunc("GET /panic", func(http.ResponseWriter, *http.Request) { panic("secret=hunter2") })
	mux.HandleFunc("GET /leak", func(w http.ResponseWriter, r *http.Request) {
		Write(w, r, fmt.Errorf("query users: db password=s3cr3t: connection refused"))
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
			select {
			case slowCancelled <- r.Context().Err():
			default:
			}
		case <-time.After(5 * time.Second):
		}
		io.WriteString(w, "too late")
	})
	mux.HandleFunc("GET /ok", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	h := &Handler{
		Envelope:     env,
		Logger:       slog.New(slog.NewJSONHandler(logs, nil)),
		MaxBodyBytes: 64,
		Timeout:      300 * time.Millisecond,
		ContentTypes: []string{"application/json"},
		RateLimit: func(r *http.Request) (time.Duration, bool) {
			return 2500 * time.Millisecond, r.Header.Get("X-Test-Limit") != ""
		},
		Maintenance: func(r *http.Request) (time.Duration, bool) {
			return time.Minute, r.Header.Get("X-Test-Maintenance") != ""
		},
	}
	srv := httptest.NewServer(h.Wrap(mux))
	t.Cleanup(srv.Close)
	return srv, logs
}

type call struct {
	method, path, body string
	header             map[string]string
}

func (c call) do(t *testing.T, srv *httptest.Server) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(c.body))
	if err != nil {
		t.Fatal(err)
	}
	if c.body == "" {
		req.Body = http.NoBody
	}
	req.Header.Set("X-Request-ID", "req-1")
	if c.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

func TestMiddlewareFailures(t *testing.T) {
	srv, logs := testServer(t, nil)
	tests := []struct {
		name    string
		call    call
		status  int
		body    string // exact when set
		contain []string
		headers map[string]string
	}{
		{name: "unknown route", call: call{method: "GET", path: "/nope"}, status: 404,
			body: `{"type":"https://errcat.dev/catalogs/common/errors/000029/","title":"API endpoint does not exist","status":404,"detail":"API endpoint '/nope' with HTTP method 'GET' was not found.","instance":"urn:errcat:request:req-1","code":"000029","params":{"path":"/nope","method":"GET"}}`,
			headers: map[string]string{"Content-Type": "application/problem+json", "X-Request-ID": "req-1", "Content-Language": "en",
				"Vary": "Accept, Accept-Language", "X-Content-Type-Options": "nosniff"}},
		{name: "wrong method", call: call{method: "DELETE", path: "/items/7"}, status: 405,
			body:    `{"type":"https://errcat.dev/catalogs/common/errors/000031/","title":"HTTP method not supported for this endpoint","status":405,"detail":"The HTTP method 'DELETE' is not supported for this endpoint. Supported methods: GET, HEAD.","instance":"urn:errcat:request:req-1","code":"000031","params":{"method":"DELETE","allowed":"GET, HEAD"}}`,
			headers: map[string]string{"Allow": "GET, HEAD"}},
		{name: "handler error", call: call{method: "GET", path: "/items/7"}, status: 404, contain: []string{`"code":"000012"`, `"detail":"Unable to locate item with id 7."`}},
		{name: "oversized body", call: call{method: "POST", path: "/items", body: `{"name": "` + strings.Repeat("x", 100) + `"}`}, status: 413,
			contain: []string{`"code":"000024"`, `The request payload is too large. The limit is 64 bytes.`}},
		{name: "malformed JSON", call: call{method: "POST", path: "/items", body: `{"name": `}, status: 400, contain: []string{`"code":"000003"`}},
		{name: "wrong JSON type", call: call{method: "POST", path: "/items", body: `{"name": "a", "price": "cheap"}`}, status: 400,
			contain: []string{`"code":"000011"`, `"detail":"The JSON data format is invalid. Please ensure that the price field is of type number."`, `"pointer":"/price"`}},
		{name: "missing fields", call: call{method: "POST", path: "/items", body: `{"tags": []}`}, status: 400,
			contain: []string{`"code":"000003"`, `{"pointer":"/name","code":"000038","detail":"Field 'name' is required and cannot be left blank."}`, `{"pointer":"/price","code":"000038"`}},
		{name: "unknown field", call: call{method: "POST", path: "/items", body: `{"name": "a", "price": 1, "colour": "red"}`}, status: 400,
			contain: []string{`{"pointer":"/colour","code":"000039","detail":"The value of the field 'colour' is invalid or does not exist."}`}},
		{name: "unsupported content type", call: call{method: "POST", path: "/items", body: `name=a`, header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}, status: 415,
			contain: []string{`"code":"000052"`, `The Content-Type 'application/x-www-form-urlencoded' is not supported. Supported types: application/json.`}},
		{name: "rate limit", call: call{method: "GET", path: "/ok", header: map[string]string{"X-Test-Limit": "1"}}, status: 429,
			contain: []string{`"code":"000013"`}, headers: map[string]string{"Retry-After": "3"}},
		{name: "maintenance", call: call{method: "GET", path: "/ok", header: map[string]string{"X-Test-Maintenance": "1"}}, status: 503,
			contain: []string{`"code":"000014"`}, headers: map[string]string{"Retry-After": "60"}},
		{name: "timeout", call: call{method: "GET", path: "/slow"}, status: 504, contain: []string{`"code":"000022"`}},
		{name: "not acceptable", call: call{method: "GET", path: "/items/7", header: map[string]string{"Accept": "text/html"}}, status: 406,
			contain: []string{`"code":"000033"`, `Supported media types: application/problem+json, application/json.`}},
		{name: "accept json", call: call{method: "GET", path: "/items/7", header: map[string]string{"Accept": "application/json"}}, status: 404,
			headers: map[string]string{"Content-Type": "application/json"}},
		{name: "success passes through", call: call{method: "GET", path: "/ok"}, status: 200, body: "ok", headers: map[string]string{"X-Request-ID": "req-1"}},
		{name: "created", call: call{method: "POST", path: "/items", body: `{"name": "lamp", "price": 2.5}`}, status: 201, body: "created lamp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := tt.call.do(t, srv)
			if resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d; body %s", resp.StatusCode, tt.status, body)
			}
			if tt.body != "" && body != tt.body {
				t.Errorf("body =\n%s\nwant\n%s", body, tt.body)
			}
			for _, c := range tt.contain {
				if !strings.Contains(body, c) {
					t.Errorf("body %s\ndoes not contain %s", body, c)
				}
			}
			for k, v := range tt.headers {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
		})
	}
	if strings.Contains(logs.String(), `"msg":"request failed"`) == false {
		t.Error("no error was logged")
	}
}

// TestNoLeaks checks that a panic and a plain error answer 500 with nothing of their
// text in the body, while the log has the cause.
func TestNoLeaks(t *testing.T) {
	srv, logs := testServer(t, nil)
	for _, tt := range []struct{ path, secret string }{{"/panic", "hunter2"}, {"/leak", "s3cr3t"}} {
		resp, body := call{method: "GET", path: tt.path, header: map[string]string{"X-Request-ID": "incident-" + tt.secret[:2]}}.do(t, srv)
		if resp.StatusCode != 500 {
			t.Errorf("%s: status %d, want 500", tt.path, resp.StatusCode)
		}
		want := `{"type":"https://errcat.dev/catalogs/common/errors/000001/","title":"Internal Server Error","status":500,"detail":"Internal Server Error","instance":"urn:errcat:request:incident-` + tt.secret[:2] + `","code":"000001"}`
		if body != want {
			t.Errorf("%s: body\n%s\nwant\n%s", tt.path, body, want)
		}
		if !strings.Contains(logs.String(), tt.secret) || !strings.Contains(logs.String(), `"request_id":"incident-`+tt.secret[:2]+`"`) {
			t.Errorf("%s: the log lacks the cause or the incident id:\n%s", tt.path, logs.String())
		}
	}
	// The server goes on serving after a panic.
	if resp, body := (call{method: "GET", path: "/ok"}).do(t, srv); resp.StatusCode != 200 || body != "ok" {
		t.Errorf("after a panic: %d %q", resp.StatusCode, body)
	}
}

// TestDecodeRoundTrip writes errors in every envelope and decodes them on a client:
// code, status, message, params, fields, retry-after and errors.Is survive the wire.
func TestDecodeRoundTrip(t *testing.T) {
	for _, env := range Envelopes {
		t.Run(env.Name(), func(t *testing.T) {
			srv, _ := testServer(t, env)
			req, _ := http.NewRequest("GET", srv.URL+"/items/42", nil)
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			e, err := Decode(resp, common.Set)
			if err != nil {
				t.Fatal(err)
			}
			if !errors.Is(e, common.ErrUnableToLocate) || e.Status() != 404 || e.Message("") != "Unable to locate item with id 42." {
				t.Errorf("decoded %v (status %d), want 000012 404 with its message", e, e.Status())
			}
			var remote *Remote
			if !errors.As(e, &remote) || remote.StatusCode != 404 || remote.Envelope != env.Name() || remote.RequestID == "" {
				t.Errorf("remote = %+v", remote)
			}

			resp2, _ := http.Post(srv.URL+"/items", "application/json", strings.NewReader(`{"tags": []}`))
			e2, err := Decode(resp2, common.Set)
			if err != nil {
				t.Fatal(err)
			}
			if len(e2.Fields()) != 2 || e2.Fields()[0].Err.Code() != "000038" && env != Google {
				t.Errorf("fields = %+v", e2.Fields())
			}

			req3, _ := http.NewRequest("GET", srv.URL+"/ok", nil)
			req3.Header.Set("X-Test-Limit", "1")
			resp3, _ := srv.Client().Do(req3)
			e3, err := Decode(resp3)
			if err != nil {
				t.Fatal(err)
			}
			if e3.Code() != "000013" || !errors.Is(e3, common.ErrTooManyRequests) || !errors.As(e3, &remote) || remote.RetryAfter != 3*time.Second {
				t.Errorf("rate limit decoded as %v, retry after %v", e3, remote.RetryAfter)
			}
		})
	}
}

func TestDecodeNotAnEnvelope(t *testing.T) {
	resp := &http.Response{StatusCode: 502, Body: io.NopCloser(strings.NewReader("<html>bad gateway</html>")), Header: http.Header{}}
	if _, err := Decode(resp); err == nil || !strings.Contains(err.Error(), "HTTP 502: the body is not a JSON object") {
		t.Errorf("Decode = %v", err)
	}
}

func TestNegotiate(t *testing.T) {
	offers := []string{"application/problem+json", "application/json"}
	for accept, want := range map[string]string{
		"":                                       "application/problem+json",
		"*/*":                                    "application/problem+json",
		"application/json":                       "application/json",
		"application/json, application/*;q=0.5":  "application/json",
		"text/html, application/*;q=0.1":         "application/problem+json",
		"application/problem+json;q=0, */*;q=.2": "application/json",
		"text/html":                              "",
	} {
		got, _ := negotiate(accept, offers)
		if got != want {
			t.Errorf("negotiate(%q) = %q, want %q", accept, got, want)
		}
	}
}

func TestNegotiateLocale(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "x", Locales: []string{"vi", "pt-BR"}, Errors: []errcat.Spec{{Code: "1", Texts: errcat.Texts{Message: "m"}}}})
	for header, want := range map[string]string{"": "en", "vi": "vi", "vi-VN,en;q=0.5": "vi", "pt": "pt-BR", "fr, vi;q=0.3": "vi", "de": "en", "garbage;;": "en"} {
		if got := NegotiateLocale(set, header); got != want {
			t.Errorf("NegotiateLocale(%q) = %q, want %q", header, got, want)
		}
	}
}

// TestTimeoutCancelsHandler checks that a handler past the deadline sees its context
// cancelled, so that it can stop its work.
func TestTimeoutCancelsHandler(t *testing.T) {
	srv, _ := testServer(t, nil)
	resp, _ := call{method: "GET", path: "/slow"}.do(t, srv)
	if resp.StatusCode != 504 {
		t.Fatalf("status %d, want 504", resp.StatusCode)
	}
	select {
	case err := <-slowCancelled:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("handler saw %v, want context.DeadlineExceeded", err)
		}
	case <-time.After(2 * time.Second):
		t.Error("the handler's context was not cancelled")
	}
}

// TestLoggedOnce checks that every error response is logged once, and a success not.
func TestLoggedOnce(t *testing.T) {
	srv, logs := testServer(t, nil)
	for _, c := range []call{{method: "GET", path: "/nope"}, {method: "GET", path: "/items/1"}, {method: "GET", path: "/panic"}, {method: "GET", path: "/leak"}, {method: "GET", path: "/ok"}} {
		c.do(t, srv)
	}
	if n := strings.Count(logs.String(), `"msg":"request failed"`); n != 4 {
		t.Errorf("%d log records for 4 errors and a success, want 4:\n%s", n, logs.String())
	}
}

// TestRequestID checks the request id: a well-formed one is echoed, a malformed one
// replaced by a new id (quoted in the body too), and a success without one gets none.
func TestRequestID(t *testing.T) {
	srv, _ := testServer(t, nil)
	resp, body := call{method: "GET", path: "/nope", header: map[string]string{"X-Request-ID": "bad id <script>"}}.do(t, srv)
	id := resp.Header.Get("X-Request-ID")
	if len(id) != 24 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Errorf("malformed request id answered with %q, want a new 24-hex-digit id", id)
	}
	if !strings.Contains(body, `"instance":"urn:errcat:request:`+id+`"`) || strings.Contains(body, "script") {
		t.Errorf("body %s does not quote the new id, or echoes the malformed one", body)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/ok", nil)
	r2, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r2.Body.Close()
	if got := r2.Header.Get("X-Request-ID"); got != "" {
		t.Errorf("a success without a request id got X-Request-ID %q", got)
	}
}

// TestRetryAfterOf: a RetryAfter is advice around the catalog error, not one of its
// causes.
func TestRetryAfterOf(t *testing.T) {
	busy := common.ErrTooManyRequests.New()
	for _, c := range []struct {
		name string
		err  error
		want time.Duration
	}{
		{"around", RetryAfter(busy, time.Second), time.Second},
		{"under %w", fmt.Errorf("limited: %w", RetryAfter(busy, 2*time.Second)), 2 * time.Second},
		{"a plain error", RetryAfter(errors.New("busy"), 3*time.Second), 3 * time.Second},
		{"a cause of the catalog error", common.ErrTooManyRequests.Wrap(RetryAfter(errors.New("upstream"), time.Minute)), 0},
		{"none", busy, 0},
	} {
		if got, _ := retryAfterOf(c.err); got != c.want {
			t.Errorf("%s: retry after %v, want %v", c.name, got, c.want)
		}
	}
}
