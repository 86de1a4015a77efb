package connecterr_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"testing"

	"connectrpc.com/connect"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/connecterr"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

// BenchmarkUnary is a failing unary Connect call over loopback HTTP/1.1: chain=bare
// is a handler returning a plain *connect.Error with the same code and message, no
// interceptors; chain=errcat is connecterr's server and client interceptors and a
// handler returning common.UnableToLocate("project", "42").
func BenchmarkUnary(b *testing.B) {
	b.Run("chain=bare", func(b *testing.B) {
		url := serveConnect(b, func(context.Context, *req) (*resp, error) {
			return nil, connect.NewError(connect.CodeNotFound, errors.New("Unable to locate project with id 42."))
		})
		runConnect(b, url)
	})
	b.Run("chain=errcat", func(b *testing.B) {
		srv := &connecterr.Server{Logger: slog.New(slog.DiscardHandler)}
		url := serveConnect(b, func(context.Context, *req) (*resp, error) {
			return nil, common.UnableToLocate("project", "42")
		}, connect.WithInterceptors(srv.Interceptor()))
		runConnect(b, url, connect.WithInterceptors(connecterr.ClientInterceptor(common.Set)))
	})
}

func runConnect(b *testing.B, url string, opts ...connect.ClientOption) {
	c := connect.NewClient[wrapperspb.StringValue, wrapperspb.StringValue](http.DefaultClient, url+procedure, opts...)
	ctx := context.Background()
	r := connect.NewRequest(wrapperspb.String("42"))
	if _, err := c.CallUnary(ctx, r); connect.CodeOf(err) != connect.CodeNotFound {
		b.Fatalf("call: %v, want not_found", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c.CallUnary(ctx, r)
	}
}

// BenchmarkConvert is the conversion alone: encode=… builds the Connect error a
// server sends, decode=… turns the error a client received (its details in wire
// form, as the transport leaves them) into an *errcat.Error of the client's set.
func BenchmarkConvert(b *testing.B) {
	e := common.UnableToLocate("project", "42")
	c := &richstatus.Context{Locale: "en", RequestID: "0123456789abcdef01234567"}
	b.Run("step=encode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = connecterr.Error(e, c)
		}
	})
	b.Run("step=decode", func(b *testing.B) {
		received := connect.NewError(connect.CodeNotFound, errors.New("Unable to locate project with id 42."))
		for _, d := range connecterr.Error(e, c).Details() {
			wire, err := connect.NewErrorDetail(&anypb.Any{TypeUrl: "type.googleapis.com/" + d.Type(), Value: d.Bytes()})
			if err != nil {
				b.Fatal(err)
			}
			received.AddDetail(wire)
		}
		b.ReportAllocs()
		for b.Loop() {
			_ = connecterr.FromError(received, common.Set)
		}
	})
}
