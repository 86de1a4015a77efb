package connecterr_test

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"connectrpc.com/connect"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/connecterr"
	"github.com/errcat/errcat/grpcerr"
	"github.com/errcat/errcat/httperr"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
)

// TestOneErrorThreeTransports checks that the same catalog error, served over gRPC,
// Connect and HTTP (httperr's problem+json), reaches each transport's client as the
// same *errcat.Error: one code, the same params, the same message in the locale the
// client asked for, and errors.Is the common catalog's sentinel. The test lives in
// this module because it is the one adapter module that already depends on the other
// two transports' runtime pieces (grpcerr for the shared details, net/http for
// httperr); the gRPC server adds only a test dependency.
func TestOneErrorThreeTransports(t *testing.T) {
	set := loadCommonVi(t)
	fail := func() error {
		return set.Lookup(common.CodeUnableToLocate).New(errcat.String("project"), errcat.String("42"))
	}
	quiet := slog.New(slog.DiscardHandler)

	got := map[string]error{
		"grpc":    grpcCall(t, fail, quiet, set),
		"connect": connectCall(t, fail, quiet, set),
		"http":    httpCall(t, fail, quiet, set),
	}
	type seen struct {
		code, message string
		params        []string
	}
	want := seen{"000012", "Không tìm thấy project có id 42.", []string{"project", "42"}}
	for name, err := range got {
		if !errors.Is(err, common.ErrUnableToLocate) {
			t.Errorf("%s: errors.Is(%v, common.ErrUnableToLocate) = false", name, err)
			continue
		}
		var e *errcat.Error
		errors.As(err, &e)
		s := seen{code: e.Code(), message: e.Message("vi")}
		for _, a := range e.Args() {
			s.params = append(s.params, a.String())
		}
		if s.code != want.code || s.message != want.message || !slices.Equal(s.params, want.params) {
			t.Errorf("%s: got %+v, want %+v", name, s, want)
		}
	}
}

type checkFunc func(context.Context, *grpc_health_v1.HealthCheckRequest) (*grpc_health_v1.HealthCheckResponse, error)

type healthServer struct {
	grpc_health_v1.UnimplementedHealthServer
	check checkFunc
}

func (h healthServer) Check(ctx context.Context, r *grpc_health_v1.HealthCheckRequest) (*grpc_health_v1.HealthCheckResponse, error) {
	return h.check(ctx, r)
}

func grpcCall(t *testing.T, fail func() error, log *slog.Logger, set *errcat.Set) error {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &grpcerr.Server{Logger: log}
	gs := grpc.NewServer(grpc.UnaryInterceptor(srv.UnaryInterceptor()))
	grpc_health_v1.RegisterHealthServer(gs, healthServer{check: func(context.Context, *grpc_health_v1.HealthCheckRequest) (*grpc_health_v1.HealthCheckResponse, error) {
		return nil, fail()
	}})
	go gs.Serve(lis)
	t.Cleanup(gs.Stop)
	cc, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithUnaryInterceptor(grpcerr.UnaryClientInterceptor(set)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cc.Close() })
	ctx := metadata.AppendToOutgoingContext(context.Background(), "accept-language", "vi")
	_, err = grpc_health_v1.NewHealthClient(cc).Check(ctx, &grpc_health_v1.HealthCheckRequest{})
	return err
}

func connectCall(t *testing.T, fail func() error, log *slog.Logger, set *errcat.Set) error {
	srv := &connecterr.Server{Logger: log}
	url := serveConnect(t, func(context.Context, *req) (*resp, error) { return nil, fail() }, connect.WithInterceptors(srv.Interceptor()))
	return call(t, http.DefaultClient, url, connect.WithInterceptors(connecterr.ClientInterceptor(set)))
}

func httpCall(t *testing.T, fail func() error, log *slog.Logger, set *errcat.Set) error {
	h := &httperr.Handler{Logger: log}
	hs := httptest.NewServer(h.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httperr.Write(w, r, fail())
	})))
	t.Cleanup(hs.Close)
	r, _ := http.NewRequest("GET", hs.URL+"/projects/42", nil)
	r.Header.Set("Accept-Language", "vi")
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	e, err := httperr.Decode(res, set)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
