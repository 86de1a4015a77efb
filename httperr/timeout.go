package httperr

import (
	"bytes"
	"context"
	"net/http"
	"sync"
)

// serveWithTimeout runs next with a deadline, buffering its response, as
// http.TimeoutHandler does; a handler still running at the deadline is answered with
// Codes.Timeout, and what it writes afterwards is dropped.
func (h *Handler) serveWithTimeout(rw *responseWriter, r *http.Request, next http.Handler) {
	ctx, cancel := context.WithTimeout(r.Context(), h.Timeout)
	defer cancel()
	r = r.WithContext(ctx)
	tw := &timeoutWriter{rw: rw, header: make(http.Header)}
	done := make(chan struct{})
	panicked := make(chan any, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				panicked <- p
			}
		}()
		next.ServeHTTP(tw, r)
		close(done)
	}()
	select {
	case p := <-panicked:
		panic(p) // recovered by Wrap's deferred handlePanic, in the serving goroutine
	case <-done:
		tw.mu.Lock()
		defer tw.mu.Unlock()
		dst := rw.Header()
		for k, v := range tw.header {
			dst[k] = v
		}
		if tw.code == 0 {
			tw.code = http.StatusOK
		}
		rw.WriteHeader(tw.code)
		rw.Write(tw.buf.Bytes())
	case <-ctx.Done():
		tw.mu.Lock()
		defer tw.mu.Unlock()
		tw.timedOut = true
		rw.wroteHeader = true
		h.write(rw.ResponseWriter, r, h.codes.Timeout.Wrap(ctx.Err()), rw.requestID())
	}
}

// timeoutWriter buffers a response until the handler returns.
type timeoutWriter struct {
	rw       *responseWriter
	mu       sync.Mutex
	header   http.Header
	buf      bytes.Buffer
	code     int
	timedOut bool
}

func (t *timeoutWriter) Header() http.Header { return t.header }

func (t *timeoutWriter) WriteHeader(code int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.code == 0 && !t.timedOut {
		t.code = code
	}
}

func (t *timeoutWriter) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.timedOut {
		return 0, http.ErrHandlerTimeout
	}
	if t.code == 0 {
		t.code = http.StatusOK
	}
	return t.buf.Write(b)
}
