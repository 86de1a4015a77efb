package grpcerr_test

import (
	"context"
	"io/fs"
	"net"
	"os"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/common/source"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/test/bufconn"
)

// loadCommonVi returns the common catalog with testdata/common.vi.yaml, a Vietnamese
// translation of 000012, loaded as a translation file beside the catalog's own.
func loadCommonVi(t testing.TB) *errcat.Set {
	t.Helper()
	files := fstest.MapFS{}
	yamls, err := fs.Glob(source.FS, "*.yaml")
	if err != nil || len(yamls) == 0 {
		t.Fatalf("common catalog files: %v", err)
	}
	for _, name := range yamls {
		data, err := fs.ReadFile(source.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = &fstest.MapFile{Data: data}
	}
	vi, err := os.ReadFile("testdata/common.vi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files["errors.vi.yaml"] = &fstest.MapFile{Data: vi}
	c, err := catalog.Load(files, ".")
	if err != nil {
		t.Fatal(err)
	}
	set, err := errcat.NewSet(c.SetSpec())
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// health is a health service whose handlers do what the test says: the one gRPC
// service that ships compiled with grpc-go, so the tests need no generated code.
type health struct {
	grpc_health_v1.UnimplementedHealthServer
	check func(ctx context.Context) error
	watch func(stream grpc_health_v1.Health_WatchServer) error
}

func (h *health) Check(ctx context.Context, _ *grpc_health_v1.HealthCheckRequest) (*grpc_health_v1.HealthCheckResponse, error) {
	if err := h.check(ctx); err != nil {
		return nil, err
	}
	return &grpc_health_v1.HealthCheckResponse{Status: grpc_health_v1.HealthCheckResponse_SERVING}, nil
}

func (h *health) Watch(_ *grpc_health_v1.HealthCheckRequest, s grpc_health_v1.Health_WatchServer) error {
	return h.watch(s)
}

// serve starts h behind srvOpts on a bufconn listener and returns a client
// connection made with cliOpts; both are closed when the test ends.
func serve(t testing.TB, h *health, srvOpts []grpc.ServerOption, cliOpts ...grpc.DialOption) *grpc.ClientConn {
	t.Helper()
	cc, _ := serveRecorded(t, h, srvOpts, cliOpts...)
	return cc
}

// serveRecorded is serve that also returns a function reporting every byte the
// client has read from the server so far.
func serveRecorded(t testing.TB, h *health, srvOpts []grpc.ServerOption, cliOpts ...grpc.DialOption) (*grpc.ClientConn, func() []byte) {
	t.Helper()
	var mu sync.Mutex
	var conns []*recordingConn
	recorded := func() []byte {
		mu.Lock()
		defer mu.Unlock()
		var b []byte
		for _, c := range conns {
			b = append(b, c.bytes()...)
		}
		return b
	}
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(srvOpts...)
	grpc_health_v1.RegisterHealthServer(srv, h)
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	opts := append([]grpc.DialOption{
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
			c, err := lis.DialContext(ctx)
			if err != nil {
				return nil, err
			}
			rc := &recordingConn{Conn: c}
			mu.Lock()
			conns = append(conns, rc)
			mu.Unlock()
			return rc, nil
		}),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
	}, cliOpts...)
	cc, err := grpc.NewClient("passthrough:///bufnet", opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cc.Close() })
	return cc, recorded
}
