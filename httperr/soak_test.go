package httperr

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// soakCalls are a request down every path of the middleware and the status each is
// answered with.
var soakCalls = []struct {
	call   call
	status int
}{
	{call{method: "GET", path: "/nope"}, 404},
	{call{method: "DELETE", path: "/items/7"}, 405},
	{call{method: "GET", path: "/items/7", header: map[string]string{"Accept-Language": "vi"}}, 404},
	{call{method: "POST", path: "/items", body: `{"name": "` + strings.Repeat("x", 100) + `"}`}, 413},
	{call{method: "POST", path: "/items", body: `{"name": `}, 400},
	{call{method: "POST", path: "/items", body: `{"name": "a", "price": "cheap"}`}, 400},
	{call{method: "POST", path: "/items", body: `{"tags": []}`}, 400},
	{call{method: "POST", path: "/items", body: `{"name": "a", "price": 1, "x": 1}`}, 400},
	{call{method: "POST", path: "/items", body: `a=b`, header: map[string]string{"Content-Type": "text/plain"}}, 415},
	{call{method: "GET", path: "/ok", header: map[string]string{"X-Test-Limit": "1"}}, 429},
	{call{method: "GET", path: "/ok", header: map[string]string{"X-Test-Maintenance": "1"}}, 503},
	{call{method: "GET", path: "/items/7", header: map[string]string{"Accept": "text/html"}}, 406},
	{call{method: "GET", path: "/panic"}, 500},
	{call{method: "GET", path: "/leak"}, 500},
	{call{method: "GET", path: "/ok"}, 200},
	{call{method: "POST", path: "/items", body: `{"name": "lamp", "price": 2.5}`}, 201},
}

// TestSoak sends a fixed number of requests down every middleware path, in every
// envelope, from several clients at once over loopback: every answer has its status
// (or, on a machine too busy to answer within the Handler's Timeout, the timeout's)
// and a well-formed body, and neither goroutines nor the heap grow from one round to
// the next. Timeouts are sent a few times per round, as each holds a request for the
// Handler's Timeout.
func TestSoak(t *testing.T) {
	rounds := 4
	if testing.Short() {
		rounds = 2
	}
	var srvs []*httptest.Server
	for _, env := range Envelopes {
		srv, _ := testServer(t, env)
		srvs = append(srvs, srv)
	}
	round := func() {
		var wg sync.WaitGroup
		for _, srv := range srvs {
			for c := range 8 {
				wg.Go(func() {
					for i := range len(soakCalls) {
						sc := soakCalls[(c+i)%len(soakCalls)]
						soakOne(t, srv.Client(), srv.URL, sc.call, sc.status)
					}
					if c < 2 {
						soakOne(t, srv.Client(), srv.URL, call{method: "GET", path: "/slow"}, 504)
					}
				})
			}
		}
		wg.Wait()
		for _, srv := range srvs {
			srv.Client().CloseIdleConnections()
		}
	}
	round() // warm pools, frames and connections
	goroutines, heap := settle()
	for range rounds {
		round()
	}
	g, h := settle()
	if g > goroutines+2 {
		t.Errorf("goroutines grew from %d to %d over %d rounds", goroutines, g, rounds)
	}
	if h > heap+4<<20 {
		t.Errorf("live heap grew from %d to %d bytes over %d rounds", heap, h, rounds)
	}
}

// soakOne sends c and checks the answer's status and body.
func soakOne(t *testing.T, client *http.Client, base string, c call, status int) {
	req, _ := http.NewRequest(c.method, base+c.path, strings.NewReader(c.body))
	if c.body == "" {
		req.Body = http.NoBody
	} else {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Errorf("%s %s: %v", c.method, c.path, err)
		return
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode == 504 && err == nil {
		status = 504 // a request that waited past the Timeout on a busy machine: still an answer
	}
	if err != nil || resp.StatusCode != status {
		t.Errorf("%s %s: %d (%v), want %d: %s", c.method, c.path, resp.StatusCode, err, status, body)
		return
	}
	if status >= 400 && (!json.Valid(body) || resp.Header.Get("X-Request-ID") == "" || !strings.Contains(resp.Header.Get("Content-Type"), "json")) {
		t.Errorf("%s %s: %d %v %s", c.method, c.path, status, resp.Header, body)
	}
}

// settle waits for the goroutines of finished requests to end (up to 2 s), then
// returns how many goroutines are left and the live heap after a collection.
func settle() (goroutines int, heap uint64) {
	n := runtime.NumGoroutine()
	for i := 0; i < 40; i++ {
		time.Sleep(50 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m >= n && i > 2 {
			break
		}
		n = m
	}
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return runtime.NumGoroutine(), ms.HeapAlloc
}
