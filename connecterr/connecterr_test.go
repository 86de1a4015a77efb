package connecterr_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/connecterr"
	"github.com/errcat/errcat/httperr"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

func unableToLocate(set *errcat.Set) func(context.Context, *req) (*resp, error) {
	return func(context.Context, *req) (*resp, error) {
		return nil, set.Lookup(common.CodeUnableToLocate).New(errcat.String("project"), errcat.String("42"))
	}
}

func call(t *testing.T, hc *http.Client, url string, opts ...connect.ClientOption) error {
	t.Helper()
	c := connect.NewClient[wrapperspb.StringValue, wrapperspb.StringValue](hc, url+procedure, opts...)
	r := connect.NewRequest(wrapperspb.String("42"))
	r.Header().Set("Accept-Language", "vi-VN, en;q=0.5")
	r.Header().Set("X-Request-ID", "req-42")
	_, err := c.CallUnary(context.Background(), r)
	if err == nil {
		t.Fatal("the call succeeded")
	}
	return err
}

func TestUnableToLocateConnectError(t *testing.T) {
	set := loadCommonVi(t)
	srv := &connecterr.Server{Logger: slog.New(slog.DiscardHandler)}
	url := serveConnect(t, unableToLocate(set), connect.WithInterceptors(srv.Interceptor()))

	err := call(t, http.DefaultClient, url)
	var ce *connect.Error
	if !errors.As(err, &ce) {
		t.Fatalf("%v is not a *connect.Error", err)
	}
	const wantMsg = "Không tìm thấy project có id 42."
	if ce.Code() != connect.CodeNotFound || ce.Message() != wantMsg {
		t.Errorf("error = %v %q, want not_found %q", ce.Code(), ce.Message(), wantMsg)
	}
	var info *errdetails.ErrorInfo
	var lm *errdetails.LocalizedMessage
	for _, d := range ce.Details() {
		v, err := d.Value()
		if err != nil {
			t.Fatal(err)
		}
		switch v := v.(type) {
		case *errdetails.ErrorInfo:
			info = v
		case *errdetails.LocalizedMessage:
			lm = v
		}
	}
	if info == nil || info.Reason != "UNABLE_TO_LOCATE" || info.Domain != "common" ||
		!maps.Equal(info.Metadata, map[string]string{"kind": "project", "id": "42"}) {
		t.Errorf("ErrorInfo = %v, want UNABLE_TO_LOCATE of common with {kind: project, id: 42}", info)
	}
	if lm == nil || lm.Locale != "vi" || lm.Message != wantMsg {
		t.Errorf("LocalizedMessage = %v, want vi %q", lm, wantMsg)
	}
}

func TestConnectClientInterceptor(t *testing.T) {
	set := loadCommonVi(t)
	srv := &connecterr.Server{Logger: slog.New(slog.DiscardHandler)}
	url := serveConnect(t, unableToLocate(set), connect.WithInterceptors(srv.Interceptor()))

	err := call(t, http.DefaultClient, url, connect.WithInterceptors(connecterr.ClientInterceptor(set)))
	if !errors.Is(err, common.ErrUnableToLocate) {
		t.Fatalf("errors.Is(%v, common.ErrUnableToLocate) = false", err)
	}
	var e *errcat.Error
	errors.As(err, &e)
	if got, want := e.Message("vi"), "Không tìm thấy project có id 42."; got != want {
		t.Errorf("Message(vi) = %q, want %q", got, want)
	}
	var r *connecterr.Remote
	if !errors.As(err, &r) || r.RequestID != "req-42" || r.Locale != "vi" {
		t.Errorf("Remote = %+v, want request id req-42, locale vi", r)
	}
	if connect.CodeOf(err) != connect.CodeNotFound {
		t.Errorf("connect.CodeOf = %v, want not_found", connect.CodeOf(err))
	}
}

// TestConnectJSON checks what a browser speaking the Connect protocol over
// HTTP/JSON reads: the code, the message and the same details.
func TestConnectJSON(t *testing.T) {
	set := loadCommonVi(t)
	srv := &connecterr.Server{Logger: slog.New(slog.DiscardHandler)}
	url := serveConnect(t, unableToLocate(set), connect.WithInterceptors(srv.Interceptor()))
	hr, _ := http.NewRequest("POST", url+procedure, strings.NewReader(`"42"`))
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Accept-Language", "vi")
	res, err := http.DefaultClient.Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Code, Message string
		Details       []struct{ Type, Value string }
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 404 || body.Code != "not_found" || body.Message != "Không tìm thấy project có id 42." {
		t.Errorf("HTTP %d %+v, want 404 not_found with the Vietnamese message", res.StatusCode, body)
	}
	var types []string
	for _, d := range body.Details {
		types = append(types, d.Type)
	}
	want := "google.rpc.ErrorInfo google.rpc.LocalizedMessage google.rpc.Help google.rpc.RequestInfo"
	if got := strings.Join(types, " "); got != want {
		t.Errorf("detail types = %s, want %s", got, want)
	}
}

// TestConnectPanicAndPlainErrors checks that a panic and a plain error with a secret
// reach the client as 000001 with nothing of the secret in the bytes it read (the
// details decoded from base64 too), logged once with the secret.
func TestConnectPanicAndPlainErrors(t *testing.T) {
	const secret = "s3cr3t-password-hunter2"
	for name, get := range map[string]func(context.Context, *req) (*resp, error){
		"panic":       func(context.Context, *req) (*resp, error) { panic("db login failed: " + secret) },
		"plain error": func(context.Context, *req) (*resp, error) { return nil, errors.New("db login failed: " + secret) },
	} {
		t.Run(name, func(t *testing.T) {
			var logs bytes.Buffer
			srv := &connecterr.Server{Logger: slog.New(slog.NewJSONHandler(&logs, nil))}
			url := serveConnect(t, get, connect.WithInterceptors(srv.Interceptor()))
			hc, recorded := recordingClient()
			err := call(t, hc, url, connect.WithInterceptors(connecterr.ClientInterceptor(common.Set)))
			if !errors.Is(err, common.ErrInternalServerError) || connect.CodeOf(err) != connect.CodeInternal {
				t.Fatalf("err = %v, want 000001, internal", err)
			}
			var r *connecterr.Remote
			if !errors.As(err, &r) || r.RequestID != "req-42" {
				t.Errorf("Remote = %+v, want the request id echoed", r)
			}
			raw := recorded()
			texts := []string{string(raw), err.Error()}
			// The body's JSON details hold proto bytes in base64.
			if i := bytes.Index(raw, []byte("\r\n\r\n")); i >= 0 {
				var body struct{ Details []struct{ Value string } }
				if json.NewDecoder(bytes.NewReader(raw[i+4:])).Decode(&body) != nil || len(body.Details) == 0 {
					t.Fatalf("no details in the response body:\n%s", raw)
				}
				for _, d := range body.Details {
					b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(d.Value, "="))
					if err != nil {
						t.Fatal(err)
					}
					texts = append(texts, string(b))
				}
			}
			for _, s := range texts {
				if strings.Contains(s, secret) {
					t.Errorf("the server sent the secret: %q", s)
				}
			}
			if n := strings.Count(logs.String(), "\n"); n != 1 || !strings.Contains(logs.String(), secret) || !strings.Contains(logs.String(), `"request_id":"req-42"`) {
				t.Errorf("%d log records, want 1 with the secret and the request id:\n%s", n, logs.String())
			}
		})
	}
}

// TestConnectStream checks a server stream's error through both interceptors.
func TestConnectStream(t *testing.T) {
	srv := &connecterr.Server{Logger: slog.New(slog.DiscardHandler)}
	const streamProc = "/errcat.test.v1.Projects/Watch"
	mux := http.NewServeMux()
	mux.Handle(streamProc, connect.NewServerStreamHandler(streamProc,
		func(_ context.Context, _ *req, s *connect.ServerStream[wrapperspb.StringValue]) error {
			if err := s.Send(wrapperspb.String("first")); err != nil {
				return err
			}
			return common.UnableToLocate("service", "billing")
		}, connect.WithInterceptors(srv.Interceptor())))
	hs := newServer(t, mux)
	c := connect.NewClient[wrapperspb.StringValue, wrapperspb.StringValue](http.DefaultClient, hs+streamProc,
		connect.WithInterceptors(connecterr.ClientInterceptor(common.Set)))
	st, err := c.CallServerStream(context.Background(), connect.NewRequest(wrapperspb.String("x")))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for st.Receive() {
		got = append(got, st.Msg().GetValue())
	}
	if len(got) != 1 || !errors.Is(st.Err(), common.ErrUnableToLocate) {
		t.Fatalf("messages %v, error %v; want [first] then 000012", got, st.Err())
	}
}

// TestConnectObserve checks the hook telemetry uses: called once per error answered,
// with the procedure and the catalog error.
func TestConnectObserve(t *testing.T) {
	var got []string
	srv := &connecterr.Server{Logger: slog.New(slog.DiscardHandler), Observe: func(_ context.Context, proc string, err *errcat.Error) {
		got = append(got, proc+" "+err.Code())
	}}
	url := serveConnect(t, unableToLocate(common.Set), connect.WithInterceptors(srv.Interceptor()))
	call(t, http.DefaultClient, url)
	if want := procedure + " 000012"; len(got) != 1 || got[0] != want {
		t.Errorf("Observe calls = %q, want [%q]", got, want)
	}
}

// TestConnectHTTPRetryAfter checks that a delay attached with httperr.RetryAfter
// reaches a Connect client, over loopback HTTP, as RetryInfo with that delay.
func TestConnectHTTPRetryAfter(t *testing.T) {
	srv := &connecterr.Server{Logger: slog.New(slog.DiscardHandler)}
	url := serveConnect(t, func(context.Context, *req) (*resp, error) {
		return nil, fmt.Errorf("fetching: %w", httperr.RetryAfter(common.ErrUpstreamTimeout.New(), 1500*time.Millisecond))
	}, connect.WithInterceptors(srv.Interceptor()))
	err := call(t, http.DefaultClient, url, connect.WithInterceptors(connecterr.ClientInterceptor(common.Set)))
	var r *connecterr.Remote
	if !errors.Is(err, common.ErrUpstreamTimeout) || !errors.As(err, &r) {
		t.Fatalf("err = %v, want 000022 from a remote error", err)
	}
	if !r.Retry || r.RetryAfter != 1500*time.Millisecond {
		t.Errorf("Remote = %+v, want RetryInfo 1.5s", r.Received)
	}
	var ce *connect.Error
	errors.As(err, &ce)
	var got []*errdetails.RetryInfo
	for _, d := range ce.Details() {
		if m, err := d.Value(); err == nil {
			if ri, ok := m.(*errdetails.RetryInfo); ok {
				got = append(got, ri)
			}
		}
	}
	if want := durationpb.New(1500 * time.Millisecond); len(got) != 1 || !proto.Equal(got[0].GetRetryDelay(), want) {
		t.Errorf("RetryInfo details %v, want one with %v", got, want)
	}
}

// TestConnectSensitiveParam checks that a sensitive param reaches the client in the
// message and the ErrorInfo metadata, and that the server's log record shows it
// redacted.
func TestConnectSensitiveParam(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "auth", Errors: []errcat.Spec{{
		Code: "AUTH-401", Name: "TokenExpired", Status: 401,
		Texts:  errcat.Texts{Message: "Token {token} of {user} expired."},
		Params: []errcat.Param{{Name: "token", Sensitive: true}, {Name: "user"}},
	}}})
	var logs bytes.Buffer
	srv := &connecterr.Server{Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	url := serveConnect(t, func(context.Context, *req) (*resp, error) {
		return nil, set.Lookup("AUTH-401").New(errcat.String("tok-secret"), errcat.String("ana"))
	}, connect.WithInterceptors(srv.Interceptor()))
	err := call(t, http.DefaultClient, url, connect.WithInterceptors(connecterr.ClientInterceptor(set)))
	var e *errcat.Error
	if !errors.As(err, &e) || e.Message("") != "Token tok-secret of ana expired." || e.Arg("token").Str() != "tok-secret" {
		t.Errorf("client error %v, want the token in its message and params", err)
	}
	if log := logs.String(); strings.Contains(log, "tok-secret") || !strings.Contains(log, `error.message="Token [REDACTED] of ana expired." error.params.token=[REDACTED] error.params.user=ana`) {
		t.Errorf("log record does not show the token redacted: %s", log)
	}
}
