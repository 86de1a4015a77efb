package errcat_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"testing"

	"github.com/errcat/errcat"
)

var authSet = errcat.MustNewSet(errcat.SetSpec{Name: "auth", Errors: []errcat.Spec{{
	Code: "AUTH-401", Name: "TokenExpired", Status: 401,
	Texts:  errcat.Texts{Message: "Token {token} of {user} expired {n} times."},
	Params: []errcat.Param{{Name: "token", Sensitive: true}, {Name: "user"}, {Name: "n", Kind: errcat.KindInt}},
}}})

// TestSensitiveParamsRedacted checks that a sensitive param's value stays out of
// what logs read (Error, fmt's verbs, LogValue), the message included, and stays in
// what clients are answered with (Message).
func TestSensitiveParamsRedacted(t *testing.T) {
	e := authSet.Lookup("AUTH-401").New(errcat.String("tok-secret"), errcat.String("ana"), errcat.Int(3))
	e.WithCause(errors.New("expired at 10:00"))
	for _, tc := range []struct{ name, got, want string }{
		{"Error", e.Error(), "AUTH-401: Token [REDACTED] of ana expired 3 times."},
		{"%v", fmt.Sprintf("%v", e), "AUTH-401: Token [REDACTED] of ana expired 3 times."},
		{"%q", fmt.Sprintf("%q", e), `"AUTH-401: Token [REDACTED] of ana expired 3 times."`},
		{"%+v", fmt.Sprintf("%+v", e), "AUTH-401: Token [REDACTED] of ana expired 3 times: expired at 10:00"},
		{"wrapped", fmt.Errorf("login: %w", e).Error(), "login: AUTH-401: Token [REDACTED] of ana expired 3 times."},
		{"Message", e.Message(""), "Token tok-secret of ana expired 3 times."},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.name, tc.got, tc.want)
		}
	}

	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})).Error("failed", "error", e)
	want := `{"level":"ERROR","msg":"failed","error":{"code":"AUTH-401","status":401,"message":"Token [REDACTED] of ana expired 3 times.","params":{"token":"[REDACTED]","user":"ana","n":3},"cause":"expired at 10:00"}}` + "\n"
	if buf.String() != want {
		t.Errorf("log record\n got %s\nwant %s", buf.String(), want)
	}
}

// TestSensitiveParamNotGiven checks that a sensitive param that was not given stays
// as a missing one renders, and that redaction picks no other variant.
func TestSensitiveParamNotGiven(t *testing.T) {
	e := authSet.Lookup("AUTH-401").New(errcat.Value{}, errcat.String("ana"))
	if got, want := e.Error(), "AUTH-401: Token {token?} of ana expired {n?} times."; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
