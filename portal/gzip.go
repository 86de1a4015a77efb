package portal

import (
	"compress/gzip"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// Gzip wraps h so that it answers in gzip the responses worth compressing (text,
// JSON, JavaScript, SVG) to clients whose Accept-Encoding accepts gzip, and says
// Vary: Accept-Encoding on each of them either way, so caches keep both forms apart.
// A response that sets its own Content-Encoding, has no body (HEAD, 204, 304) or is
// not of a compressible type passes as h wrote it. Content-Length, when h set one,
// is dropped from a compressed response.
func Gzip(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gw := &gzipWriter{ResponseWriter: w, accepts: acceptsGzip(r.Header.Get("Accept-Encoding")), head: r.Method == http.MethodHead}
		defer gw.close()
		h.ServeHTTP(gw, r)
	})
}

var gzipPool = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

// gzipWriter decides at the first WriteHeader or Write whether to compress.
type gzipWriter struct {
	http.ResponseWriter
	accepts, head, decided bool
	gz                     *gzip.Writer
}

func (g *gzipWriter) WriteHeader(status int) {
	if !g.decided {
		g.decide(status)
	}
	g.ResponseWriter.WriteHeader(status)
}

func (g *gzipWriter) Write(p []byte) (int, error) {
	if !g.decided {
		hd := g.Header()
		if hd.Get("Content-Type") == "" {
			hd.Set("Content-Type", http.DetectContentType(p))
		}
		g.WriteHeader(http.StatusOK)
	}
	if g.gz != nil {
		return g.gz.Write(p)
	}
	return g.ResponseWriter.Write(p)
}

func (g *gzipWriter) decide(status int) {
	g.decided = true
	hd := g.Header()
	if hd.Get("Content-Encoding") != "" || !compressible(hd.Get("Content-Type")) {
		return
	}
	hd.Add("Vary", "Accept-Encoding")
	if !g.accepts || g.head || status == http.StatusNoContent || status == http.StatusNotModified || status < 200 {
		return
	}
	hd.Set("Content-Encoding", "gzip")
	hd.Del("Content-Length")
	g.gz = gzipPool.Get().(*gzip.Writer)
	g.gz.Reset(g.ResponseWriter)
}

func (g *gzipWriter) close() {
	if g.gz != nil {
		g.gz.Close()
		gzipPool.Put(g.gz)
		g.gz = nil
	}
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.ResponseWriter }

// compressible reports whether a response of media type ct gains from gzip.
func compressible(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return strings.HasPrefix(mt, "text/") || strings.HasSuffix(mt, "json") || strings.HasSuffix(mt, "+xml") ||
		mt == "application/javascript" || mt == "application/xml" || mt == "image/x-icon"
}

// acceptsGzip reports whether an Accept-Encoding header value accepts gzip: it lists
// gzip or * with a quality above zero.
func acceptsGzip(header string) bool {
	star, gz := false, -1
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(k, "q") {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "gzip", "x-gzip":
			gz = 0
			if q > 0 {
				gz = 1
			}
		case "*":
			star = q > 0
		}
	}
	if gz >= 0 {
		return gz == 1
	}
	return star
}
