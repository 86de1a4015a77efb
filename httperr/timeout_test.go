package httperr

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errcat/errcat/common"
)

// lateServer serves, with a short Timeout, handlers that act only once their deadline
// has passed: one writes its own error, one panics. Each signals on done when it has.
func lateServer(t *testing.T) (*httptest.Server, *syncBuffer, chan struct{}) {
	t.Helper()
	logs := &syncBuffer{}
	done := make(chan struct{}, 8)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /late-error", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		Write(w, r, common.UnableToLocate("item", "7"))
		done <- struct{}{}
	})
	mux.HandleFunc("GET /late-panic", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		defer func() { done <- struct{}{} }()
		panic("late secret=hunter2")
	})
	h := &Handler{Logger: slog.New(slog.NewJSONHandler(logs, nil)), Timeout: 20 * time.Millisecond}
	srv := httptest.NewServer(h.Wrap(mux))
	t.Cleanup(srv.Close)
	return srv, logs, done
}

// logRecords returns the JSON log records in logs.
func logRecords(t *testing.T, logs *syncBuffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// TestTimeoutOwnsResponse: a handler that writes its error after the deadline does not
// race the timeout (run with -race), the client gets the timeout, and both log records
// carry the request id the client received, even one the server made.
func TestTimeoutOwnsResponse(t *testing.T) {
	srv, logs, done := lateServer(t)
	for range 20 {
		resp, err := http.Get(srv.URL + "/late-error")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		<-done
		if resp.StatusCode != 504 {
			t.Fatalf("status %d, want 504", resp.StatusCode)
		}
		id := resp.Header.Get("X-Request-ID")
		var codes []string
		for _, rec := range logRecords(t, logs) {
			if rec["request_id"] != id {
				t.Errorf("log record under request id %v, the client got %q: %v", rec["request_id"], id, rec)
			}
			code := rec["error"].(map[string]any)["code"].(string)
			if late := rec["after_timeout"] == true; late != (code == "000012") {
				t.Errorf("record of %s: after_timeout = %v", code, late)
			}
			codes = append(codes, code)
		}
		if slices.Sort(codes); strings.Join(codes, ",") != "000012,000022" {
			t.Errorf("logged codes %v, want the timeout and the late error", codes)
		}
		logs.Reset()
	}
}

// TestTimeoutLatePanic: a panic raised after the deadline is logged, with the request
// id the client got, and the server goes on serving.
func TestTimeoutLatePanic(t *testing.T) {
	srv, logs, done := lateServer(t)
	req, _ := http.NewRequest("GET", srv.URL+"/late-panic", nil)
	req.Header.Set("X-Request-ID", "late-1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	<-done
	if resp.StatusCode != 504 {
		t.Fatalf("status %d, want 504", resp.StatusCode)
	}
	var found bool
	for i := 0; i < 200 && !found; i++ { // the record is written as the handler's goroutine unwinds
		found = strings.Contains(logs.String(), "late secret=hunter2")
		if !found {
			time.Sleep(5 * time.Millisecond)
		}
	}
	if !found {
		t.Fatalf("the late panic was not logged:\n%s", logs)
	}
	var last map[string]any
	for _, rec := range logRecords(t, logs) {
		if c, _ := rec["error"].(map[string]any)["cause"].(string); strings.Contains(c, "late secret") {
			last = rec
		}
	}
	if last["request_id"] != "late-1" || last["after_timeout"] != true || last["error"].(map[string]any)["code"] != "000001" {
		t.Errorf("late panic logged as %v", last)
	}
}
