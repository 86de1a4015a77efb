package main

import (
	"context"
	"log/slog"
	"net/http"

	"connectrpc.com/connect"
	"github.com/errcat/errcat/connecterr"
)

// mountConnect adds a's methods to mux as Connect handlers behind connecterr's
// interceptor, so that Connect, gRPC-Web and Connect's HTTP/JSON clients get the same
// codes and details as gRPC clients.
func mountConnect(mux *http.ServeMux, a *api, logger *slog.Logger) {
	opt := connect.WithInterceptors((&connecterr.Server{Logger: logger}).Interceptor())
	mux.Handle(procGetPet, connectHandler(a, procGetPet, (*api).GetPet, opt))
	mux.Handle(procCreatePet, connectHandler(a, procCreatePet, (*api).CreatePet, opt))
	mux.Handle(procPanic, connectHandler(a, procPanic, (*api).Panic, opt))
}

// connectHandler serves procedure with call, as protoc-gen-connect-go would
// generate it.
func connectHandler[Req, Res any](a *api, procedure string, call func(*api, context.Context, *Req) (*Res, error), opts ...connect.HandlerOption) http.Handler {
	return connect.NewUnaryHandler(procedure, func(ctx context.Context, r *connect.Request[Req]) (*connect.Response[Res], error) {
		res, err := call(a, ctx, r.Msg)
		if err != nil {
			return nil, err
		}
		return connect.NewResponse(res), nil
	}, opts...)
}
