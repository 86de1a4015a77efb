package frameworks

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"testing"

	"github.com/errcat/errcat/httperr"
	"github.com/valyala/fasthttp"
)

// benchRequest is a request the benchmarks send: one success and the errors.
type benchRequest struct {
	kind, method, path, body string
}

var benchRequests = []benchRequest{
	{kind: "ok", method: "GET", path: "/pets/1"},
	{kind: "catalog", method: "GET", path: "/pets/7"},
	{kind: "route", method: "GET", path: "/nope"},
	{kind: "badjson", method: "POST", path: "/pets", body: `{"name":`},
}

// BenchmarkError measures a request through each framework's API, in process: a
// success, for the framework's own cost, and each error, whose cost over the
// success is what the error path adds. The ServeMux with httperr.Handler.Wrap is
// the reference. Nothing is logged (a discarding logger), as logging costs the
// same in every framework. Compare the frameworks with
// benchstat -col /fw (bench/frameworks.sh).
func BenchmarkError(b *testing.B) {
	newH := func() *httperr.Handler {
		return &httperr.Handler{MaxBodyBytes: maxBody, Logger: slog.New(slog.DiscardHandler)}
	}
	apps := []struct {
		name  string
		build func(*httperr.Handler) http.Handler
	}{
		{"servemux", newServeMux},
		{"chi", newChi},
		{"echo", newEcho},
		{"gin", newGin},
		{"huma", func(h *httperr.Handler) http.Handler { hd, _ := newHuma(h); return hd }},
	}
	for _, br := range benchRequests {
		for _, app := range apps {
			b.Run("kind="+br.kind+"/fw="+app.name, func(b *testing.B) {
				benchNetHTTP(b, app.build(newH()), br)
			})
		}
		b.Run("kind="+br.kind+"/fw=fiber", func(b *testing.B) {
			benchFiber(b, newFiber(newH()).Handler(), br)
		})
	}
}

// benchNetHTTP serves br with h b.N times, into a writer that discards the body.
func benchNetHTTP(b *testing.B, h http.Handler, br benchRequest) {
	u, err := url.Parse("http://localhost" + br.path)
	if err != nil {
		b.Fatal(err)
	}
	base, err := http.NewRequest(br.method, u.String(), nil)
	if err != nil {
		b.Fatal(err)
	}
	if br.body != "" {
		base.Header.Set("Content-Type", "application/json")
		base.ContentLength = int64(len(br.body))
	}
	body := bytes.NewReader(nil)
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		r := new(http.Request)
		*r = *base
		if br.body != "" {
			body.Reset([]byte(br.body))
			r.Body = io.NopCloser(body)
		}
		clear(w.h)
		w.status = 0
		h.ServeHTTP(w, r)
	}
	if w.status == 0 {
		b.Fatal("no status written")
	}
}

// discardWriter is an http.ResponseWriter that keeps the status and drops the body.
type discardWriter struct {
	h      http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }

// benchFiber serves br with fiber's handler b.N times, on one reused request
// context, as fasthttp serves a connection.
func benchFiber(b *testing.B, h fasthttp.RequestHandler, br benchRequest) {
	var ctx fasthttp.RequestCtx
	var req fasthttp.Request
	ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}, nil)
	b.ReportAllocs()
	for b.Loop() {
		ctx.Request.Reset()
		ctx.Response.Reset()
		ctx.Request.Header.SetMethod(br.method)
		ctx.Request.SetRequestURI(br.path)
		ctx.Request.Header.SetHost("localhost")
		if br.body != "" {
			ctx.Request.Header.SetContentType("application/json")
			ctx.Request.SetBodyString(br.body)
		}
		h(&ctx)
	}
	if ctx.Response.StatusCode() == 0 {
		b.Fatal("no status written")
	}
}
