package connecterr_test

import (
	"bytes"
	"context"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"testing/fstest"

	"connectrpc.com/connect"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/common/source"
	"google.golang.org/protobuf/types/known/wrapperspb"
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

// procedure is the one method the tests serve: a unary call from a string to a
// string, with the well-known wrapper messages, so that no generated code is needed.
const procedure = "/errcat.test.v1.Projects/Get"

type (
	req  = connect.Request[wrapperspb.StringValue]
	resp = connect.Response[wrapperspb.StringValue]
)

// serveConnect serves get behind the interceptors on a loopback listener and returns
// the server's URL.
func serveConnect(t testing.TB, get func(context.Context, *req) (*resp, error), opts ...connect.HandlerOption) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(procedure, connect.NewUnaryHandler(procedure, get, opts...))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

// recordingClient returns an HTTP client whose connections keep every byte read from
// the server, and a function that returns them.
func recordingClient() (*http.Client, func() []byte) {
	var mu sync.Mutex
	var buf bytes.Buffer
	d := &net.Dialer{}
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return &recordingConn{Conn: c, mu: &mu, buf: &buf}, nil
	}}
	return &http.Client{Transport: tr}, func() []byte {
		mu.Lock()
		defer mu.Unlock()
		return bytes.Clone(buf.Bytes())
	}
}

type recordingConn struct {
	net.Conn
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (c *recordingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	c.buf.Write(p[:n])
	c.mu.Unlock()
	return n, err
}

// newServer serves h on a loopback listener and returns its URL.
func newServer(t testing.TB, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}
