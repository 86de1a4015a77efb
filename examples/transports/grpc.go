package main

import (
	"context"
	"log/slog"

	"github.com/errcat/errcat/grpcerr"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
)

// newGRPCServer returns a gRPC server of a's methods behind grpcerr's interceptors,
// which answer catalog errors with rich statuses and panics with the internal error.
func newGRPCServer(a *api, logger *slog.Logger) *grpc.Server {
	srv := &grpcerr.Server{Logger: logger}
	gs := grpc.NewServer(
		grpc.UnaryInterceptor(srv.UnaryInterceptor()),
		grpc.StreamInterceptor(srv.StreamInterceptor()),
	)
	gs.RegisterService(&grpc.ServiceDesc{
		ServiceName: serviceName,
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{
			grpcMethod("GetPet", (*api).GetPet),
			grpcMethod("CreatePet", (*api).CreatePet),
			grpcMethod("Panic", (*api).Panic),
		},
		Metadata: "petstore.proto",
	}, a)
	return gs
}

// grpcMethod describes the unary method name served by call, what protoc-gen-go-grpc
// would generate for it: decode the request, then call through the interceptor.
func grpcMethod[R any, Req interface {
	*R
	proto.Message
}, Res proto.Message](name string, call func(*api, context.Context, Req) (Res, error)) grpc.MethodDesc {
	full := "/" + serviceName + "/" + name
	return grpc.MethodDesc{
		MethodName: name,
		Handler: func(srv any, ctx context.Context, dec func(any) error, icpt grpc.UnaryServerInterceptor) (any, error) {
			in := Req(new(R))
			if err := dec(in); err != nil {
				return nil, err
			}
			a := srv.(*api)
			if icpt == nil {
				return call(a, ctx, in)
			}
			info := &grpc.UnaryServerInfo{Server: srv, FullMethod: full}
			return icpt(ctx, in, info, func(ctx context.Context, req any) (any, error) {
				return call(a, ctx, req.(Req))
			})
		},
	}
}
