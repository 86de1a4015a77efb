package grpcerr_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/grpcerr"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"github.com/errcat/errcat/httperr"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
)

// details returns the status's details by type.
func details(t *testing.T, s *status.Status) (info *errdetails.ErrorInfo, lm *errdetails.LocalizedMessage, ri *errdetails.RequestInfo, help *errdetails.Help) {
	t.Helper()
	for _, d := range s.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			info = d
		case *errdetails.LocalizedMessage:
			lm = d
		case *errdetails.RequestInfo:
			ri = d
		case *errdetails.Help:
			help = d
		case error:
			t.Fatalf("detail does not decode: %v", d)
		}
	}
	return
}

func viContext() context.Context {
	return metadata.AppendToOutgoingContext(context.Background(), "accept-language", "vi-VN, en;q=0.5", "x-request-id", "req-42")
}

func TestUnableToLocateStatus(t *testing.T) {
	set := loadCommonVi(t)
	srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler)}
	h := &health{check: func(context.Context) error {
		return set.Lookup(common.CodeUnableToLocate).New(errcat.String("project"), errcat.String("42"))
	}}
	cc := serve(t, h, []grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())})

	_, err := grpc_health_v1.NewHealthClient(cc).Check(viContext(), &grpc_health_v1.HealthCheckRequest{})
	s, ok := status.FromError(err)
	if !ok {
		t.Fatalf("error %v is not a status", err)
	}
	const wantMsg = "Không tìm thấy project có id 42."
	if s.Code() != codes.NotFound || s.Message() != wantMsg {
		t.Errorf("status = %v %q, want NotFound %q", s.Code(), s.Message(), wantMsg)
	}
	info, lm, ri, help := details(t, s)
	if info == nil || info.Reason != "UNABLE_TO_LOCATE" || info.Domain != "common" {
		t.Fatalf("ErrorInfo = %v, want reason UNABLE_TO_LOCATE, domain common", info)
	}
	if want := map[string]string{"kind": "project", "id": "42"}; !maps.Equal(info.Metadata, want) {
		t.Errorf("ErrorInfo metadata = %v, want %v", info.Metadata, want)
	}
	if lm == nil || lm.Locale != "vi" || lm.Message != wantMsg {
		t.Errorf("LocalizedMessage = %v, want vi %q", lm, wantMsg)
	}
	if ri == nil || ri.RequestId != "req-42" {
		t.Errorf("RequestInfo = %v, want request id req-42", ri)
	}
	if help == nil || len(help.Links) != 1 || help.Links[0].Url != "https://errcat.dev/catalogs/common/errors/000012/" {
		t.Errorf("Help = %v, want the docs URL of 000012", help)
	}
}

func TestClientInterceptor(t *testing.T) {
	set := loadCommonVi(t)
	srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler)}
	h := &health{check: func(context.Context) error {
		return set.Lookup(common.CodeUnableToLocate).New(errcat.String("project"), errcat.String("42"))
	}}
	cc := serve(t, h, []grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())},
		grpc.WithUnaryInterceptor(grpcerr.UnaryClientInterceptor(set)))

	_, err := grpc_health_v1.NewHealthClient(cc).Check(viContext(), &grpc_health_v1.HealthCheckRequest{})
	if !errors.Is(err, common.ErrUnableToLocate) {
		t.Fatalf("errors.Is(%v, common.ErrUnableToLocate) = false", err)
	}
	var e *errcat.Error
	if !errors.As(err, &e) {
		t.Fatalf("%T is not an *errcat.Error", err)
	}
	if got, want := e.Message("vi"), "Không tìm thấy project có id 42."; got != want {
		t.Errorf("Message(vi) = %q, want %q", got, want)
	}
	if e.Arg("kind").Str() != "project" || e.Arg("id").Str() != "42" {
		t.Errorf("params = %v, want kind=project id=42", e.Args())
	}
	var r *grpcerr.Remote
	if !errors.As(err, &r) || r.RequestID != "req-42" || r.Locale != "vi" {
		t.Errorf("Remote = %+v, want request id req-42, locale vi", r)
	}
	if status.Code(err) != codes.NotFound {
		t.Errorf("status.Code = %v, want NotFound", status.Code(err))
	}
}

// TestStreamInterceptors checks that a streaming handler's catalog error reaches a
// stream client as the same catalog error.
func TestStreamInterceptors(t *testing.T) {
	srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler)}
	h := &health{watch: func(grpc_health_v1.Health_WatchServer) error {
		return common.UnableToLocate("service", "billing")
	}}
	cc := serve(t, h, []grpc.ServerOption{grpc.StreamInterceptor(srv.StreamInterceptor())},
		grpc.WithStreamInterceptor(grpcerr.StreamClientInterceptor(common.Set)))
	st, err := grpc_health_v1.NewHealthClient(cc).Watch(context.Background(), &grpc_health_v1.HealthCheckRequest{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.Recv()
	if !errors.Is(err, common.ErrUnableToLocate) {
		t.Fatalf("Recv error %v is not common.ErrUnableToLocate", err)
	}
	var e *errcat.Error
	errors.As(err, &e)
	if got, want := e.Message(""), "Unable to locate service with id billing."; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}

// logRecords returns the JSON log records in buf.
func logRecords(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
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

// TestPanicAndPlainErrors checks that a panic and a plain error carrying a secret
// reach the client as 000001 with nothing of the secret in any byte the server sent,
// and are logged once each with the secret and the incident id the client got.
func TestPanicAndPlainErrors(t *testing.T) {
	const secret = "s3cr3t-password-hunter2"
	for _, tc := range []struct {
		name  string
		check func(context.Context) error
	}{
		{"panic", func(context.Context) error { panic("db login failed: " + secret) }},
		{"plain error", func(context.Context) error { return errors.New("db login failed: " + secret) }},
		{"wrapped plain error", func(context.Context) error { return errors.Join(errors.New(secret), context.Canceled) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs bytes.Buffer
			srv := &grpcerr.Server{Logger: slog.New(slog.NewJSONHandler(&logs, nil))}
			cc, recorded := serveRecorded(t, &health{check: tc.check}, []grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())})
			var header, trailer metadata.MD
			_, err := grpc_health_v1.NewHealthClient(cc).Check(context.Background(), &grpc_health_v1.HealthCheckRequest{},
				grpc.Header(&header), grpc.Trailer(&trailer))
			s := status.Convert(err)
			if tc.name == "wrapped plain error" {
				// errors.Is(err, context.Canceled): the call was abandoned.
				if s.Code() != codes.Canceled {
					t.Fatalf("code = %v, want Canceled", s.Code())
				}
				assertNoSecret(t, wireTexts(t, recorded()), secret)
				return
			}
			if s.Code() != codes.Internal || s.Message() != "Internal Server Error" {
				t.Errorf("status = %v %q, want Internal \"Internal Server Error\"", s.Code(), s.Message())
			}
			info, _, ri, _ := details(t, s)
			if info == nil || info.Reason != "INTERNAL_SERVER_ERROR" || info.Domain != "common" || len(info.Metadata) != 0 {
				t.Errorf("ErrorInfo = %v, want INTERNAL_SERVER_ERROR of common without metadata", info)
			}
			if ri == nil || ri.RequestId == "" {
				t.Fatalf("RequestInfo = %v, want an incident id", ri)
			}
			texts := wireTexts(t, recorded())
			texts = append(texts, s.String())
			for k, v := range trailer {
				texts = append(texts, k+": "+strings.Join(v, ","))
			}
			for k, v := range header {
				texts = append(texts, k+": "+strings.Join(v, ","))
			}
			assertNoSecret(t, texts, secret)

			recs := logRecords(t, &logs)
			if len(recs) != 1 {
				t.Fatalf("%d log records, want 1:\n%s", len(recs), logs.String())
			}
			rec := recs[0]
			if rec["request_id"] != ri.RequestId || rec["level"] != "ERROR" || rec["method"] != "/grpc.health.v1.Health/Check" {
				t.Errorf("log record = %v, want request_id %s at ERROR for the Check method", rec, ri.RequestId)
			}
			if !strings.Contains(logs.String(), secret) {
				t.Errorf("the log lacks the cause: %s", logs.String())
			}
		})
	}
}

// TestRemappedInternal checks that Codes.Internal replaces 000001.
func TestRemappedInternal(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "shop", Errors: []errcat.Spec{
		{Code: "SHOP-500", Name: "ShopBroken", Status: 500, Texts: errcat.Texts{Message: "The shop is broken."}},
	}})
	srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler), Codes: httperr.Codes{Internal: set.Lookup("SHOP-500")}}
	cc := serve(t, &health{check: func(context.Context) error { panic("boom") }},
		[]grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())},
		grpc.WithUnaryInterceptor(grpcerr.UnaryClientInterceptor(set)))
	_, err := grpc_health_v1.NewHealthClient(cc).Check(context.Background(), &grpc_health_v1.HealthCheckRequest{})
	if !errors.Is(err, set.Lookup("SHOP-500")) || status.Code(err) != codes.Internal {
		t.Errorf("err = %v (%v), want SHOP-500, Internal", err, status.Code(err))
	}
}

// TestStatusErrorsPassThrough checks that a status a handler made itself is sent as
// it is, without the text of what wraps it.
func TestStatusErrorsPassThrough(t *testing.T) {
	srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler)}
	cc := serve(t, &health{check: func(context.Context) error {
		return errors.Join(errors.New("secret"), status.Error(codes.AlreadyExists, "exists"))
	}}, []grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())})
	_, err := grpc_health_v1.NewHealthClient(cc).Check(context.Background(), &grpc_health_v1.HealthCheckRequest{})
	if s := status.Convert(err); s.Code() != codes.AlreadyExists || s.Message() != "exists" {
		t.Errorf("status = %v %q, want AlreadyExists \"exists\"", s.Code(), s.Message())
	}
}

func TestDeadlineExceeded(t *testing.T) {
	srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler)}
	cc := serve(t, &health{check: func(context.Context) error {
		return richstatus.WithRetryAfter(context.DeadlineExceeded, 3*time.Second)
	}}, []grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())},
		grpc.WithUnaryInterceptor(grpcerr.UnaryClientInterceptor(common.Set)))
	_, err := grpc_health_v1.NewHealthClient(cc).Check(context.Background(), &grpc_health_v1.HealthCheckRequest{})
	var r *grpcerr.Remote
	if !errors.Is(err, common.ErrUpstreamTimeout) || !errors.As(err, &r) {
		t.Fatalf("err = %v, want 000022 from a remote status", err)
	}
	if r.Code != uint32(codes.DeadlineExceeded) || !r.Retry || r.RetryAfter != 3*time.Second {
		t.Errorf("Remote = %+v, want DEADLINE_EXCEEDED with RetryInfo 3s", r.Received)
	}
}

// TestObserve checks the hook telemetry uses: called once per error answered, with
// the method and the catalog error, panics included.
func TestObserve(t *testing.T) {
	type call struct{ method, code string }
	var calls []call
	srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler), Observe: func(_ context.Context, method string, err *errcat.Error) {
		calls = append(calls, call{method, err.Code()})
	}}
	n := 0
	cc := serve(t, &health{check: func(context.Context) error {
		n++
		if n == 1 {
			return common.UnableToLocate("project", "42")
		}
		panic("boom")
	}}, []grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())})
	for range 2 {
		grpc_health_v1.NewHealthClient(cc).Check(context.Background(), &grpc_health_v1.HealthCheckRequest{})
	}
	want := []call{{"/grpc.health.v1.Health/Check", "000012"}, {"/grpc.health.v1.Health/Check", "000001"}}
	if len(calls) != 2 || calls[0] != want[0] || calls[1] != want[1] {
		t.Errorf("Observe calls = %v, want %v", calls, want)
	}
}

// TestStreamPanic checks that a streaming handler's panic is answered with 000001.
func TestStreamPanic(t *testing.T) {
	srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler)}
	h := &health{watch: func(grpc_health_v1.Health_WatchServer) error { panic("secret") }}
	cc := serve(t, h, []grpc.ServerOption{grpc.StreamInterceptor(srv.StreamInterceptor())},
		grpc.WithStreamInterceptor(grpcerr.StreamClientInterceptor(common.Set)))
	st, err := grpc_health_v1.NewHealthClient(cc).Watch(context.Background(), &grpc_health_v1.HealthCheckRequest{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.Recv()
	if !errors.Is(err, common.ErrInternalServerError) || strings.Contains(err.Error(), "secret") {
		t.Errorf("Recv error = %v, want 000001 without the panic's text", err)
	}
}

// TestHTTPRetryAfter checks that a delay attached with httperr.RetryAfter, directly
// or under fmt.Errorf's %w, reaches a gRPC client as RetryInfo with that delay.
func TestHTTPRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
	}{
		{"direct", httperr.RetryAfter(common.ErrUpstreamTimeout.New(), 1500*time.Millisecond)},
		{"wrapped", fmt.Errorf("fetching: %w", httperr.RetryAfter(common.ErrUpstreamTimeout.New(), 1500*time.Millisecond))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler)}
			cc := serve(t, &health{check: func(context.Context) error { return tc.err }},
				[]grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())},
				grpc.WithUnaryInterceptor(grpcerr.UnaryClientInterceptor(common.Set)))
			_, err := grpc_health_v1.NewHealthClient(cc).Check(context.Background(), &grpc_health_v1.HealthCheckRequest{})
			var r *grpcerr.Remote
			if !errors.Is(err, common.ErrUpstreamTimeout) || !errors.As(err, &r) {
				t.Fatalf("err = %v, want 000022 from a remote status", err)
			}
			if !r.Retry || r.RetryAfter != 1500*time.Millisecond {
				t.Errorf("Remote = %+v, want RetryInfo 1.5s", r.Received)
			}
			var got []*errdetails.RetryInfo
			for _, d := range status.Convert(err).Details() {
				if ri, ok := d.(*errdetails.RetryInfo); ok {
					got = append(got, ri)
				}
			}
			if want := durationpb.New(1500 * time.Millisecond); len(got) != 1 || !proto.Equal(got[0].GetRetryDelay(), want) {
				t.Errorf("RetryInfo details %v, want one with %v", got, want)
			}
		})
	}
}

// TestSensitiveParam checks that a sensitive param reaches the client, in the
// message and the ErrorInfo metadata as the response body of HTTP has it, and that
// the server's log record shows it redacted.
func TestSensitiveParam(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "auth", Errors: []errcat.Spec{{
		Code: "AUTH-401", Name: "TokenExpired", Status: 401,
		Texts:  errcat.Texts{Message: "Token {token} of {user} expired."},
		Params: []errcat.Param{{Name: "token", Sensitive: true}, {Name: "user"}},
	}}})
	var logs bytes.Buffer
	srv := &grpcerr.Server{Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	cc := serve(t, &health{check: func(context.Context) error {
		return set.Lookup("AUTH-401").New(errcat.String("tok-secret"), errcat.String("ana"))
	}}, []grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())})
	_, err := grpc_health_v1.NewHealthClient(cc).Check(context.Background(), &grpc_health_v1.HealthCheckRequest{})
	s := status.Convert(err)
	info, _, _, _ := details(t, s)
	if s.Message() != "Token tok-secret of ana expired." || !maps.Equal(info.GetMetadata(), map[string]string{"token": "tok-secret", "user": "ana"}) {
		t.Errorf("status %q with metadata %v, want the token in both", s.Message(), info.GetMetadata())
	}
	if log := logs.String(); strings.Contains(log, "tok-secret") || !strings.Contains(log, `error.message="Token [REDACTED] of ana expired." error.params.token=[REDACTED] error.params.user=ana`) {
		t.Errorf("log record does not show the token redacted: %s", log)
	}
}
