package httperr

import (
	"bytes"
	"context"
	"net/http"
	"runtime/debug"
	"sync"
)

// serveWithTimeout runs next with a deadline, buffering its response, as
// http.TimeoutHandler does. The deadline decides who owns the response: a handler
// that returns before it has its buffered response sent; once it has passed, the
// response is Codes.Timeout, whatever the handler does. What the handler writes after
// the deadline is dropped (an error it writes then is logged as late) and a panic it
// raises then is logged. The request id is fixed before the handler starts, so that
// both sides quote the same one.
func (h *Handler) serveWithTimeout(rw *responseWriter, r *http.Request, next http.Handler) {
	ctx, cancel := context.WithTimeout(r.Context(), h.Timeout)
	defer cancel()
	r = r.WithContext(ctx)
	id := rw.requestID() // fixed here: read-only from now on, in both goroutines
	tw := &timeoutWriter{rw: rw, ctx: ctx, header: make(http.Header)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if p := recover(); p != nil {
				tw.finish(h, r, id, &PanicError{Value: p, Stack: debug.Stack()})
			}
		}()
		next.ServeHTTP(tw, r)
		tw.finish(h, r, id, nil)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
	tw.mu.Lock()
	timedOut := tw.expired()
	tw.mu.Unlock()
	if timedOut {
		rw.wroteHeader = true
		h.write(rw.ResponseWriter, r, h.codes.Timeout.Wrap(ctx.Err()), id)
		return
	}
	<-done // the handler finished as the deadline passed: its response stands
	if p := tw.panicked; p != nil {
		if p.Value == http.ErrAbortHandler {
			panic(p.Value)
		}
		rw.answerPanic(p)
		return
	}
	dst := rw.Header()
	for k, v := range tw.header {
		dst[k] = v
	}
	if tw.code == 0 {
		tw.code = http.StatusOK
	}
	rw.WriteHeader(tw.code)
	rw.Write(tw.buf.Bytes())
}

// timeoutWriter buffers a response until the handler returns.
type timeoutWriter struct {
	rw     *responseWriter
	ctx    context.Context // done at the deadline
	header http.Header     // the handler's alone
	buf    bytes.Buffer

	mu       sync.Mutex
	code     int
	finished bool        // the handler returned before the deadline
	timedOut bool        // the deadline passed first: the timeout owns the response
	panicked *PanicError // what the handler panicked with, when it finished so
}

// finish records the handler's end, or logs a panic raised after the deadline, which
// no response can report.
func (t *timeoutWriter) finish(h *Handler, r *http.Request, id []string, p *PanicError) {
	t.mu.Lock()
	late := t.expired()
	if !late {
		t.finished, t.panicked = true, p
	}
	t.mu.Unlock()
	if late && p != nil && p.Value != http.ErrAbortHandler {
		h.logError(r.Context(), r.Method, r.URL.Path, h.codes.Internal.Wrap(p), nil, 0, id[0], true)
	}
}

// expired reports whether the deadline has passed, and marks the response as the
// timeout's when it has. t.mu must be held.
func (t *timeoutWriter) expired() bool {
	if !t.timedOut && !t.finished && t.ctx.Err() != nil {
		t.timedOut = true
	}
	return t.timedOut
}

func (t *timeoutWriter) Header() http.Header { return t.header }

func (t *timeoutWriter) WriteHeader(code int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.code == 0 && !t.expired() {
		t.code = code
	}
}

func (t *timeoutWriter) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.expired() {
		return 0, http.ErrHandlerTimeout
	}
	if t.code == 0 {
		t.code = http.StatusOK
	}
	return t.buf.Write(b)
}
