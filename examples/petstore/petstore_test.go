package main

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/examples/petstore/apierr"
	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/internal/golden"
)

func serve(t *testing.T, env httperr.Envelope) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(newServer(env, slog.New(slog.NewTextHandler(io.Discard, nil))))
	t.Cleanup(srv.Close)
	return srv
}

func do(t *testing.T, srv *httptest.Server, method, path, body string, header ...string) (*http.Response, string) {
	t.Helper()
	var rd io.Reader = http.NoBody
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, srv.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Request-ID", "req-42")
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

// TestEnvelopes pins, for every envelope, the body of a domain error in English and
// Vietnamese and of a validation error with field details.
func TestEnvelopes(t *testing.T) {
	for _, env := range httperr.Envelopes {
		srv := serve(t, env)
		for _, tt := range []struct {
			name, method, path, body, lang string
			status                         int
			contentLanguage                string
		}{
			{"not-found", "GET", "/pets/99", "", "", 404, "en"},
			{"not-found.vi", "GET", "/pets/99", "", "vi-VN,vi;q=0.9,en;q=0.5", 404, "vi"},
			{"not-found.fr", "GET", "/pets/99", "", "fr-FR", 404, "en"},
			{"name-taken.vi", "POST", "/pets", `{"name": "rex", "species": "dog"}`, "vi", 409, "vi"},
			{"fields", "POST", "/pets", `{"name": ""}`, "", 400, "en"},
		} {
			t.Run(env.Name()+"/"+tt.name, func(t *testing.T) {
				resp, body := do(t, srv, tt.method, tt.path, tt.body, "Accept-Language", tt.lang)
				if resp.StatusCode != tt.status {
					t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
				}
				if got := resp.Header.Get("Content-Language"); got != tt.contentLanguage {
					t.Errorf("Content-Language %q, want %q", got, tt.contentLanguage)
				}
				if got := resp.Header.Get("Content-Type"); got != env.ContentType() {
					t.Errorf("Content-Type %q, want %q", got, env.ContentType())
				}
				golden.Check(t, filepath.Join("testdata", env.Name()+"."+tt.name+".json"), []byte(body+"\n"))
			})
		}
	}
}

func TestFailures(t *testing.T) {
	srv := serve(t, httperr.Problem)
	for _, tt := range []struct {
		method, path, body string
		status             int
		code               string
		header             [2]string
	}{
		{"GET", "/cats", "", 404, "000029", [2]string{}},
		{"PUT", "/pets", "", 405, "000031", [2]string{"Allow", "GET, HEAD, POST"}},
		{"POST", "/pets", `{"name": "Nemo", "species": "dragon"}`, 422, "PET-422", [2]string{}},
		{"POST", "/pets", `{"name": "Nemo"`, 400, "000003", [2]string{}},
		{"POST", "/pets", `{"name": 7, "species": "fish"}`, 400, "000011", [2]string{}},
		{"POST", "/pets", `{"name": "` + strings.Repeat("n", 2000) + `", "species": "fish"}`, 413, "000024", [2]string{}},
		{"DELETE", "/pets/abc", "", 400, "PET-400", [2]string{}},
		{"GET", "/pets/-1", "", 400, "PET-400", [2]string{}},
		{"DELETE", "/pets/99", "", 404, "PET-404", [2]string{}},
		{"POST", "/pets", `{"name": "Nemo", "species": "fish"}`, 201, "", [2]string{}},
	} {
		resp, body := do(t, srv, tt.method, tt.path, tt.body)
		if resp.StatusCode != tt.status || tt.code != "" && !strings.Contains(body, `"code":"`+tt.code+`"`) {
			t.Errorf("%s %s: %d %s, want %d with code %s", tt.method, tt.path, resp.StatusCode, body, tt.status, tt.code)
		}
		if tt.header[0] != "" && resp.Header.Get(tt.header[0]) != tt.header[1] {
			t.Errorf("%s %s: %s = %q, want %q", tt.method, tt.path, tt.header[0], resp.Header.Get(tt.header[0]), tt.header[1])
		}
	}
	do(t, srv, "POST", "/admin/close", "")
	resp, body := do(t, srv, "GET", "/pets", "")
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "3600" || !strings.Contains(body, `"code":"000014"`) {
		t.Errorf("in maintenance: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
}

// TestClient shows a Go client of the petstore keeping errors.Is across the wire, in
// every envelope.
func TestClient(t *testing.T) {
	for _, env := range httperr.Envelopes {
		srv := serve(t, env)
		resp, err := srv.Client().Get(srv.URL + "/pets/99")
		if err != nil {
			t.Fatal(err)
		}
		e, err := httperr.Decode(resp, apierr.Set, common.Set)
		if err != nil {
			t.Fatal(err)
		}
		if !errors.Is(e, apierr.ErrPetNotFound) || e.Arg("id").Int64() != 99 && env != httperr.Simple && env != httperr.Bulk {
			t.Errorf("%s: decoded %v", env.Name(), e)
		}
		if e.Message("") != "No pet with id 99 exists in the store." {
			t.Errorf("%s: message %q", env.Name(), e.Message(""))
		}
	}
}

// TestMalformedID: an id that is not a number is a bad parameter (400, PET-400), not a
// pet the client never asked for.
func TestMalformedID(t *testing.T) {
	srv := serve(t, httperr.Problem)
	resp, body := do(t, srv, "GET", "/pets/abc", "")
	want := `{"type":"https://petstore.example.com/errors/PET-400","title":"Pet ids are whole numbers","status":400,` +
		`"detail":"The pet id abc is not a number of 0 or more.","instance":"urn:errcat:request:req-42","code":"PET-400","params":{"id":"abc"}}`
	if resp.StatusCode != 400 || body != want {
		t.Errorf("GET /pets/abc: %d\n%s\nwant 400\n%s", resp.StatusCode, body, want)
	}
}

// TestServerTimeouts: the server cuts off a client that sends its headers slowly
// (slowloris) instead of holding the connection; every timeout is set.
func TestServerTimeouts(t *testing.T) {
	s := newHTTPServer("127.0.0.1:0", newServer(httperr.Problem, slog.New(slog.NewTextHandler(io.Discard, nil))))
	if s.ReadHeaderTimeout <= 0 || s.ReadHeaderTimeout > 10*time.Second || s.ReadTimeout <= 0 || s.IdleTimeout <= 0 ||
		s.WriteTimeout <= handlerTimeout || s.MaxHeaderBytes <= 0 {
		t.Fatalf("server timeouts: header %v, read %v, write %v, idle %v, max header %d",
			s.ReadHeaderTimeout, s.ReadTimeout, s.WriteTimeout, s.IdleTimeout, s.MaxHeaderBytes)
	}
	s.ReadHeaderTimeout = 100 * time.Millisecond // the behaviour, quickly
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	defer s.Close()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /pets HTTP/1.1\r\nHost: x\r\nX-Slow: ")
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.ReadAll(c); err != nil {
		t.Errorf("the server held a connection whose headers never ended: %v", err)
	}
}
