package grpcerr_test

import (
	"context"
	"log/slog"
	"net"
	"testing"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/grpcerr"
	"github.com/errcat/errcat/grpcerr/richstatus"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
)

// BenchmarkUnary is a failing unary call over bufconn, in process: chain=bare is a
// pass-through interceptor on each side and a handler returning a plain status with
// the same code and message; chain=prebuilt is the same chain returning the status
// grpcerr makes, with its details, built once; chain=errcat is grpcerr's server and
// client interceptors and a handler returning common.UnableToLocate("project", "42"),
// which the client gets back as an *errcat.Error. errcat − prebuilt is what the
// conversion costs a call; prebuilt − bare what carrying the details costs gRPC.
func BenchmarkUnary(b *testing.B) {
	bare := func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		return h(ctx, req)
	}
	bareClient := func(ctx context.Context, m string, req, reply any, cc *grpc.ClientConn, inv grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		return inv(ctx, m, req, reply, cc, opts...)
	}
	b.Run("chain=bare", func(b *testing.B) {
		cc := serve(b, &health{check: func(context.Context) error {
			return status.Error(codes.NotFound, "Unable to locate project with id 42.")
		}}, []grpc.ServerOption{grpc.UnaryInterceptor(bare)}, grpc.WithUnaryInterceptor(bareClient))
		runCalls(b, cc, codes.NotFound)
	})
	b.Run("chain=prebuilt", func(b *testing.B) {
		// The status errcat sends, built once: what carrying its details costs gRPC,
		// apart from building and decoding them.
		st := grpcerr.Status(common.UnableToLocate("project", "42"), &richstatus.Context{Locale: "en", RequestID: "0123456789abcdef01234567"}).Err()
		cc := serve(b, &health{check: func(context.Context) error { return st }},
			[]grpc.ServerOption{grpc.UnaryInterceptor(bare)}, grpc.WithUnaryInterceptor(bareClient))
		runCalls(b, cc, codes.NotFound)
	})
	b.Run("chain=errcat", func(b *testing.B) {
		srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler)}
		cc := serve(b, &health{check: func(context.Context) error {
			return common.UnableToLocate("project", "42")
		}}, []grpc.ServerOption{grpc.UnaryInterceptor(srv.UnaryInterceptor())},
			grpc.WithUnaryInterceptor(grpcerr.UnaryClientInterceptor(common.Set)))
		runCalls(b, cc, codes.NotFound)
	})
}

// BenchmarkUnaryLoopback is BenchmarkUnary's chain=bare and chain=errcat over TCP on
// the loopback interface: a round trip as a service in another process makes it.
func BenchmarkUnaryLoopback(b *testing.B) {
	for _, chain := range []string{"bare", "errcat"} {
		b.Run("chain="+chain, func(b *testing.B) {
			h := &health{check: func(context.Context) error {
				return status.Error(codes.NotFound, "Unable to locate project with id 42.")
			}}
			var srvOpts []grpc.ServerOption
			var cliOpts []grpc.DialOption
			if chain == "errcat" {
				srv := &grpcerr.Server{Logger: slog.New(slog.DiscardHandler)}
				h.check = func(context.Context) error { return common.UnableToLocate("project", "42") }
				srvOpts = append(srvOpts, grpc.UnaryInterceptor(srv.UnaryInterceptor()))
				cliOpts = append(cliOpts, grpc.WithUnaryInterceptor(grpcerr.UnaryClientInterceptor(common.Set)))
			}
			runCalls(b, serveTCP(b, h, srvOpts, cliOpts...), codes.NotFound)
		})
	}
}

// serveTCP is serve on a loopback TCP listener.
func serveTCP(b *testing.B, h *health, srvOpts []grpc.ServerOption, cliOpts ...grpc.DialOption) *grpc.ClientConn {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := grpc.NewServer(srvOpts...)
	grpc_health_v1.RegisterHealthServer(srv, h)
	go srv.Serve(lis)
	b.Cleanup(srv.Stop)
	cc, err := grpc.NewClient(lis.Addr().String(), append([]grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}, cliOpts...)...)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { cc.Close() })
	return cc
}

func runCalls(b *testing.B, cc *grpc.ClientConn, want codes.Code) {
	client := grpc_health_v1.NewHealthClient(cc)
	ctx := context.Background()
	req := &grpc_health_v1.HealthCheckRequest{}
	if _, err := client.Check(ctx, req); status.Code(err) != want {
		b.Fatalf("call: %v, want %v", err, want)
	}
	loop(b, func() { client.Check(ctx, req) })
}

// loop runs body b.N times and reports, beside sec/op, the CPU time the process
// spent per iteration as cpu-ns/op: client and server both, as both run in the
// process. Unlike sec/op it leaves out time spent waiting for a core, so it holds on
// a machine that other work keeps busy.
func loop(b *testing.B, body func()) {
	b.ReportAllocs()
	start, n := cpuTime(), 0
	for b.Loop() {
		body()
		n++
	}
	if used := cpuTime() - start; used > 0 && n > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(n), "cpu-ns/op")
	}
}

// BenchmarkConvert is the conversion alone: encode=… builds the status a server sends
// (details marshalled), decode=… turns a received status into an *errcat.Error of the
// client's set (details parsed), for the same error as BenchmarkUnary. The status
// decoded is made once, from its wire form, as the client's transport makes it; what
// the transport spends on that is no part of the conversion.
func BenchmarkConvert(b *testing.B) {
	e := common.UnableToLocate("project", "42")
	c := &richstatus.Context{Locale: "en", RequestID: "0123456789abcdef01234567"}
	b.Run("step=encode", func(b *testing.B) {
		loop(b, func() { _ = grpcerr.Status(e, c).Err() })
	})
	b.Run("step=decode", func(b *testing.B) {
		wire, err := proto.Marshal(grpcerr.Status(e, c).Proto())
		if err != nil {
			b.Fatal(err)
		}
		var p spb.Status
		if err := proto.Unmarshal(wire, &p); err != nil {
			b.Fatal(err)
		}
		s := status.FromProto(&p)
		loop(b, func() { _ = grpcerr.FromStatus(s, common.Set) })
	})
	b.Run("step=copies", func(b *testing.B) {
		// The two copies of the status that gRPC's API makes the conversion pay, one on
		// each side: status.FromProto (the only way to give a status its details) and
		// Status.Proto (the only way to read them without unmarshalling each).
		s := grpcerr.Status(e, c)
		p := s.Proto()
		loop(b, func() { _ = status.FromProto(p).Err(); _ = s.Proto() })
	})
}
