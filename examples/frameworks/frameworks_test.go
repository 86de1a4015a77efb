package frameworks

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/errcat/errcat/httperr"
)

// maxBody is the body limit of every server under test.
const maxBody = 64

// server is one framework's API on a loopback address, with its log.
type server struct {
	name string
	url  string
	log  *syncBuffer
}

// syncBuffer is a bytes.Buffer safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newHandler returns the Handler every server uses, writing env and logging to log.
func newHandler(env httperr.Envelope, log io.Writer) *httperr.Handler {
	return &httperr.Handler{Envelope: env, MaxBodyBytes: maxBody, Logger: slog.New(slog.NewTextHandler(log, nil))}
}

// startServers starts the reference ServeMux and each framework's API on loopback
// servers, writing errors in env, closed when t ends.
func startServers(t *testing.T, env httperr.Envelope) (ref server, others []server) {
	t.Helper()
	netHTTP := func(name string, build func(*httperr.Handler) http.Handler) server {
		log := new(syncBuffer)
		srv := httptest.NewServer(build(newHandler(env, log)))
		t.Cleanup(srv.Close)
		return server{name: name, url: srv.URL, log: log}
	}
	ref = netHTTP("servemux", newServeMux)
	others = append(others,
		netHTTP("chi", newChi),
		netHTTP("echo", newEcho),
		netHTTP("gin", newGin),
		netHTTP("huma", func(h *httperr.Handler) http.Handler { hd, _ := newHuma(h); return hd }),
	)
	log := new(syncBuffer)
	app := newFiber(newHandler(env, log))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { app.Shutdown() })
	others = append(others, server{name: "fiber", url: "http://" + ln.Addr().String(), log: log})
	return ref, others
}

// failure is a request every API answers with an error.
type failure struct {
	name, method, path, body string
	header                   map[string]string
	status                   int    // the reference's status
	code                     string // the reference's code, as the problem envelope writes it
}

var failures = []failure{
	{name: "catalog not-found", method: "GET", path: "/pets/7", status: 404, code: "PET-404"},
	{name: "bad JSON", method: "POST", path: "/pets", body: `{"name":`, header: map[string]string{"Content-Type": "application/json"}, status: 400, code: "000003"},
	{name: "unknown route", method: "GET", path: "/nope", status: 404, code: "000029"},
	{name: "wrong method", method: "DELETE", path: "/pets", status: 405, code: "000031"},
	{name: "panic", method: "GET", path: "/panic", status: 500, code: "000001"},
	{name: "oversized body", method: "POST", path: "/pets", body: `{"name":"` + strings.Repeat("x", 2*maxBody) + `"}`, header: map[string]string{"Content-Type": "application/json"}, status: 413, code: "000024"},
	{name: "Accept-Language vi", method: "GET", path: "/pets/7", header: map[string]string{"Accept-Language": "vi"}, status: 404, code: "PET-404"},
	{name: "client request id", method: "GET", path: "/pets/7", header: map[string]string{"X-Request-Id": "req-42"}, status: 404, code: "PET-404"},
	{name: "JSON wanted", method: "GET", path: "/pets/7", header: map[string]string{"Accept": "application/json"}, status: 404, code: "PET-404"},
}

// response is what a test compares of a response: its status, its headers but
// Date, and its body, the request id in both replaced by "<id>".
type response struct {
	status int
	header http.Header
	body   string
}

func fetch(t *testing.T, base string, f failure) response {
	t.Helper()
	var body io.Reader
	if f.body != "" {
		body = strings.NewReader(f.body)
	}
	req, err := http.NewRequest(f.method, base+f.path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range f.header {
		req.Header.Set(k, v)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true, DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", f.method, f.path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	hd := resp.Header.Clone()
	hd.Del("Date")
	id := hd.Get("X-Request-Id")
	if id == "" {
		t.Errorf("%s %s: no X-Request-Id", f.method, f.path)
	} else {
		hd.Set("X-Request-Id", "<id>")
		b = bytes.ReplaceAll(b, []byte(id), []byte("<id>"))
	}
	return response{status: resp.StatusCode, header: hd, body: string(b)}
}

// TestFrameworksAnswerAsServeMux holds each framework's answer to every failure
// kind to the ServeMux reference, in each envelope: the same status, headers and
// body bytes.
func TestFrameworksAnswerAsServeMux(t *testing.T) {
	for _, env := range []httperr.Envelope{httperr.Problem, httperr.Simple, httperr.Bulk, httperr.Google} {
		t.Run(env.Name(), func(t *testing.T) { testAnswers(t, env) })
	}
}

func testAnswers(t *testing.T, env httperr.Envelope) {
	ref, others := startServers(t, env)
	for _, f := range failures {
		want := fetch(t, ref.url, f)
		if want.status != f.status || env == httperr.Problem && !strings.Contains(want.body, `"code":"`+f.code+`"`) {
			t.Fatalf("%s: reference answered %d %s, want %d with code %s", f.name, want.status, want.body, f.status, f.code)
		}
		for _, s := range others {
			t.Run(f.name+"/"+s.name, func(t *testing.T) {
				got := fetch(t, s.url, f)
				if got.status != want.status {
					t.Errorf("status = %d, want %d", got.status, want.status)
				}
				if d := headerDiff(got.header, want.header); d != "" {
					t.Errorf("headers differ:\n%s", d)
				}
				if got.body != want.body {
					t.Errorf("body:\n got %s\nwant %s", got.body, want.body)
				}
			})
		}
	}
	// Each error is logged once, wherever it was answered.
	for _, s := range append([]server{ref}, others...) {
		if n := strings.Count(s.log.String(), `msg="request failed"`); n != len(failures) {
			t.Errorf("%s: %d errors logged, want %d:\n%s", s.name, n, len(failures), s.log.String())
		}
	}
}

// headerDiff describes how got differs from want, or returns "".
func headerDiff(got, want http.Header) string {
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		if !slices.Equal(got[k], want[k]) {
			b.WriteString("  " + k + ": got " + strings.Join(got[k], " | ") + "; want " + strings.Join(want[k], " | ") + "\n")
		}
	}
	return b.String()
}

// TestSecretNeverSent asks every API for a catalog error whose cause holds a
// secret, and for an error of no catalog whose text holds it, and searches the raw
// responses, status line, headers and body, for any part of it; the secret must be
// in the log.
func TestSecretNeverSent(t *testing.T) {
	ref, others := startServers(t, httperr.Problem)
	for _, s := range append([]server{ref}, others...) {
		for path, status := range map[string]string{"/secret": "404", "/plain": "500"} {
			t.Run(s.name+path, func(t *testing.T) {
				raw := rawGet(t, s.url, path)
				if !bytes.HasPrefix(raw, []byte("HTTP/1.1 "+status+" ")) {
					t.Fatalf("response:\n%s\nwant a %s", raw, status)
				}
				for _, part := range append([]string{Secret}, strings.Fields(Secret)...) {
					if len(part) >= 4 && bytes.Contains(raw, []byte(part)) {
						t.Errorf("response holds %q of the secret:\n%s", part, raw)
					}
				}
			})
		}
		// The log keeps what the response leaves out, as the ServeMux's does.
		quoted := strings.ReplaceAll(Secret, `"`, `\"`)
		if n, want := strings.Count(s.log.String(), quoted), strings.Count(ref.log.String(), quoted); n != want || n < 2 {
			t.Errorf("%s: the secret is in the log %d times, the ServeMux's %d, want at least 2 (each error):\n%s", s.name, n, want, s.log.String())
		}
	}
}

// rawGet sends GET path over a new connection to base and returns every byte the
// server answers.
func rawGet(t *testing.T, base, path string) []byte {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(conn)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
