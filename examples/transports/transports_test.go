package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"connectrpc.com/connect"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/connecterr"
	"github.com/errcat/errcat/examples/petstore/apierr"
	"github.com/errcat/errcat/grpcerr"
	"github.com/errcat/errcat/httperr"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

// call is one request, as each transport sends it.
type call struct {
	name       string
	httpMethod string
	httpPath   string
	httpBody   string
	procedure  string
	in         proto.Message
	sentinel   *errcat.Definition
	// want is the code, the params as text and the Vietnamese message every
	// transport's client must read.
	want seen
}

type seen struct {
	code    string
	params  []string
	message string
}

var calls = []call{
	{
		name: "get pet 99", httpMethod: "GET", httpPath: "/pets/99",
		procedure: procGetPet, in: wrapperspb.Int64(99), sentinel: apierr.ErrPetNotFound,
		want: seen{"PET-404", []string{"99"}, "Cửa hàng không có thú cưng nào với id 99."},
	},
	{
		name: "create a duplicate name", httpMethod: "POST", httpPath: "/pets", httpBody: `{"name":"Rex","species":"dog"}`,
		procedure: procCreatePet, in: mustStruct(map[string]any{"name": "Rex", "species": "dog"}), sentinel: apierr.ErrPetNameTaken,
		want: seen{"PET-409", []string{"Rex"}, "Cửa hàng đã có một thú cưng tên Rex."},
	},
	{
		name: "panic", httpMethod: "POST", httpPath: "/debug/panic",
		procedure: procPanic, in: &emptypb.Empty{}, sentinel: common.ErrInternalServerError,
		want: seen{"000001", nil, ""},
	},
}

// TestSameErrorOnEveryTransport serves one store over HTTP, gRPC and Connect from the
// same process, as main does, and checks that each call's error reaches the HTTP
// client (httperr.Decode), the gRPC client (grpcerr's interceptor) and the Connect
// client (connecterr's interceptor) as the same catalog error: errors.Is its
// sentinel, the same code, params and message in the locale asked for, and nothing
// of a panic's value.
func TestSameErrorOnEveryTransport(t *testing.T) {
	quiet := slog.New(slog.DiscardHandler)
	a := &api{s: newStore()}
	hs := httptest.NewServer(newHTTPHandler(a, quiet))
	t.Cleanup(hs.Close)
	gl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gs := newGRPCServer(a, quiet)
	go gs.Serve(gl)
	t.Cleanup(gs.Stop)
	cc, err := grpc.NewClient(gl.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithUnaryInterceptor(grpcerr.UnaryClientInterceptor(apierr.Set, common.Set)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cc.Close() })

	for _, c := range calls {
		got := map[string]error{
			"http":    httpCall(t, hs.URL, c),
			"grpc":    grpcCall(cc, c),
			"connect": connectCall(hs.URL, c),
		}
		want := c.want
		if want.message == "" {
			want.message = c.sentinel.New().Message("vi")
		}
		for transport, err := range got {
			if !errors.Is(err, c.sentinel) {
				t.Errorf("%s over %s: errors.Is(%v, %s) = false", c.name, transport, err, c.sentinel.Code())
				continue
			}
			var e *errcat.Error
			errors.As(err, &e)
			s := seen{code: e.Code(), message: e.Message("vi")}
			for _, v := range e.Args() {
				s.params = append(s.params, v.String())
			}
			if s.code != want.code || s.message != want.message || !slices.Equal(s.params, want.params) {
				t.Errorf("%s over %s: got %+v, want %+v", c.name, transport, s, want)
			}
			if text := fmt.Sprintf("%+v", err); strings.Contains(text, "hunter2") {
				t.Errorf("%s over %s: the panic's value reached the client: %s", c.name, transport, text)
			}
		}
	}
}

func httpCall(t *testing.T, url string, c call) error {
	r, err := http.NewRequest(c.httpMethod, url+c.httpPath, strings.NewReader(c.httpBody))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Accept-Language", "vi")
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		return err
	}
	e, err := httperr.Decode(res, apierr.Set, common.Set)
	if err != nil {
		return err
	}
	return e
}

func grpcCall(cc *grpc.ClientConn, c call) error {
	ctx := metadata.AppendToOutgoingContext(context.Background(), "accept-language", "vi")
	var out proto.Message = &structpb.Struct{}
	if c.procedure == procPanic {
		out = &emptypb.Empty{}
	}
	return cc.Invoke(ctx, c.procedure, c.in, out)
}

func connectCall(url string, c call) error {
	opt := connect.WithInterceptors(connecterr.ClientInterceptor(apierr.Set, common.Set))
	switch in := c.in.(type) {
	case *wrapperspb.Int64Value:
		return connectUnary[wrapperspb.Int64Value, structpb.Struct](url+c.procedure, in, opt)
	case *structpb.Struct:
		return connectUnary[structpb.Struct, structpb.Struct](url+c.procedure, in, opt)
	case *emptypb.Empty:
		return connectUnary[emptypb.Empty, emptypb.Empty](url+c.procedure, in, opt)
	}
	panic(fmt.Sprintf("no Connect client for %T", c.in))
}

func connectUnary[Req, Res any](url string, in *Req, opts ...connect.ClientOption) error {
	req := connect.NewRequest(in)
	req.Header().Set("Accept-Language", "vi")
	_, err := connect.NewClient[Req, Res](http.DefaultClient, url, opts...).CallUnary(context.Background(), req)
	return err
}

func mustStruct(m map[string]any) *structpb.Struct {
	s, err := structpb.NewStruct(m)
	if err != nil {
		panic(err)
	}
	return s
}
