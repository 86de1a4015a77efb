package httperr_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/httperr"
)

// TestSensitiveParamLoggedRedacted checks that the record Handler logs shows a
// sensitive param as [REDACTED], in the params, the message and the chain, while
// the response keeps it: the catalog put it in the message for the client.
func TestSensitiveParamLoggedRedacted(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "auth", Errors: []errcat.Spec{{
		Code: "AUTH-401", Name: "TokenExpired", Status: 401,
		Texts:  errcat.Texts{Message: "Token {token} of {user} expired."},
		Params: []errcat.Param{{Name: "token", Sensitive: true}, {Name: "user"}},
	}}})
	err := fmt.Errorf("login: %w", set.Lookup("AUTH-401").New(errcat.String("tok-secret"), errcat.String("ana")))
	var logs bytes.Buffer
	h := &httperr.Handler{Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		}}))}
	r := httptest.NewRequest(http.MethodPost, "/login", nil)
	r.Header.Set("X-Request-ID", "req-1")
	w := httptest.NewRecorder()
	h.Write(w, r, err)

	wantLog := `{"level":"INFO","msg":"request failed","error":{"code":"AUTH-401","status":401,"message":"Token [REDACTED] of ana expired.","params":{"token":"[REDACTED]","user":"ana"}},"status":401,"method":"POST","path":"/login","request_id":"req-1","chain":"login: AUTH-401: Token [REDACTED] of ana expired."}` + "\n"
	if logs.String() != wantLog {
		t.Errorf("log\n got %s\nwant %s", logs.String(), wantLog)
	}
	wantBody := `{"type":"about:blank","title":"Token {token} of {user} expired.","status":401,"detail":"Token tok-secret of ana expired.","instance":"urn:errcat:request:req-1","code":"AUTH-401","params":{"token":"tok-secret","user":"ana"}}`
	if w.Body.String() != wantBody {
		t.Errorf("body\n got %s\nwant %s", w.Body.String(), wantBody)
	}
}
