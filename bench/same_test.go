package bench

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// record returns what a contender's path sends, and what it logs through a JSON
// handler.
func record(c contender, logged bool) (*httptest.ResponseRecorder, string) {
	_, r := setup(&testing.B{})
	w := httptest.NewRecorder()
	var logs bytes.Buffer
	var l *slog.Logger
	if logged {
		l = slog.New(slog.NewJSONHandler(&logs, nil))
	}
	c.path(l)(w, r)
	return w, logs.String()
}

// TestSameResponse holds the comparison to the same response: every contender sends
// errcat's status, headers and body, byte for byte, or differs only as its row says:
// params in another member order (the same JSON value), or herodot's own body and
// Content-Type. No contender sends the cause's text.
func TestSameResponse(t *testing.T) {
	want, _ := record(contenders[1], false)
	if contenders[1].name != "Errcat" {
		t.Fatal("contenders[1] is not errcat")
	}
	for _, c := range contenders {
		got, _ := record(c, false)
		if strings.Contains(got.Body.String(), cause.Error()) {
			t.Errorf("%s sends the cause: %s", c.name, got.Body)
		}
		if got.Code != want.Code {
			t.Errorf("%s: status %d, errcat %d", c.name, got.Code, want.Code)
		}
		gh, wh := got.Header().Clone(), want.Header().Clone()
		if c.name == "Herodot" {
			if gh.Get("Content-Type") != "application/json" || !strings.HasPrefix(got.Body.String(), `{"error":{`) {
				t.Errorf("%s: not its own shape: %v %s", c.name, gh, got.Body)
			}
			gh.Del("Content-Type")
			wh.Del("Content-Type")
			gh.Del("Ory-Error-Id")
		}
		if !reflect.DeepEqual(gh, wh) {
			t.Errorf("%s: headers %v, errcat %v", c.name, gh, wh)
		}
		switch {
		case c.differs == "":
			if got.Body.String() != want.Body.String() {
				t.Errorf("%s: body\n%s\nerrcat\n%s", c.name, got.Body, want.Body)
			}
		case strings.HasPrefix(c.differs, "params members in key order"):
			var g, w any
			json.Unmarshal(got.Body.Bytes(), &g)
			json.Unmarshal(want.Body.Bytes(), &w)
			if !reflect.DeepEqual(g, w) || got.Body.String() == want.Body.String() {
				t.Errorf("%s: body\n%s\nis not errcat's with params reordered\n%s", c.name, got.Body, want.Body)
			}
		}
	}
}

// TestLoggedOnce: with logging on, every contender logs the error once, with the
// request id, and errcat's and the hand-written record hold the same facts.
func TestLoggedOnce(t *testing.T) {
	for _, c := range contenders {
		_, logs := record(c, true)
		if n := strings.Count(logs, "\n"); n != 1 || !strings.Contains(logs, `"request_id":"req-1"`) {
			t.Errorf("%s logged %d records:\n%s", c.name, n, logs)
		}
	}
	for _, c := range contenders[:2] {
		_, logs := record(c, true)
		for _, fact := range []string{`"000012"`, `404`, `"Unable to locate project with id 42."`, `"kind":"project"`, `"id":"42"`,
			`"cause":"sql: no rows in result set"`, `"method":"GET"`, `"path":"/projects/42"`} {
			if !strings.Contains(logs, fact) {
				t.Errorf("%s's record lacks %s: %s", c.name, fact, logs)
			}
		}
	}
}
