package httperr

import (
	"fmt"
	"mime"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/errcat/errcat"
)

// Wrap returns next with h's handling of failures around it:
//
//   - the request's X-Request-ID, when well-formed, is echoed on the response and
//     quoted as the instance of error bodies; an error without one gets a new id;
//   - a panic is answered with Codes.Internal (500), its value and stack in the log
//     only, and the server goes on serving;
//   - when next is an *http.ServeMux, its plain-text "404 page not found" and "405
//     method not allowed" become Codes.NotFound and Codes.MethodNotAllowed (with its
//     Allow header) in h's envelope;
//   - Maintenance, RateLimit, MaxBodyBytes, ContentTypes and Timeout apply as their
//     fields describe.
//
// Handlers inside report errors with [Write] (or h.Write), which finds h through the
// ResponseWriter, and decode bodies with [DecodeJSON].
func (h *Handler) Wrap(next http.Handler) http.Handler {
	h.init()
	mux, _ := next.(*http.ServeMux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rw := writers.Get().(*responseWriter)
		*rw = responseWriter{ResponseWriter: w, h: h, r: r, mux: mux}
		if rw.id = clientRequestID(r); rw.id != nil {
			w.Header()[requestIDKey] = rw.id
		}
		defer func() {
			rw.handlePanic(recover()) // recover must be called by the deferred function itself
			// A handler may not use its ResponseWriter after it returns, so the
			// wrapper can be reused; not after a timeout, whose goroutine may live on.
			if h.Timeout <= 0 {
				*rw = responseWriter{}
				writers.Put(rw)
			}
		}()
		if h.Maintenance != nil {
			if after, on := h.Maintenance(r); on {
				h.write(w, r, RetryAfter(h.codes.Maintenance.New(), after), rw.requestID())
				return
			}
		}
		if h.RateLimit != nil {
			if after, limited := h.RateLimit(r); limited {
				h.write(w, r, RetryAfter(h.codes.RateLimited.New(), after), rw.requestID())
				return
			}
		}
		if hasBody(r) {
			if h.MaxBodyBytes > 0 {
				if r.ContentLength > h.MaxBodyBytes {
					h.write(w, r, &http.MaxBytesError{Limit: h.MaxBodyBytes}, rw.requestID())
					return
				}
				r.Body = http.MaxBytesReader(rw, r.Body, h.MaxBodyBytes)
			}
			if len(h.ContentTypes) > 0 {
				if ct := r.Header.Get("Content-Type"); !acceptsContentType(h.ContentTypes, ct) {
					h.write(w, r, h.codes.UnsupportedContentType.New(errcat.String(ct), errcat.String(strings.Join(h.ContentTypes, ", "))), rw.requestID())
					return
				}
			}
		}
		if h.Timeout > 0 {
			h.serveWithTimeout(rw, r, next)
			return
		}
		next.ServeHTTP(rw, r)
	})
}

var writers = sync.Pool{New: func() any { return new(responseWriter) }}

// hasBody reports whether r carries a body.
func hasBody(r *http.Request) bool {
	return r.Body != nil && r.Body != http.NoBody && (r.ContentLength != 0 || len(r.TransferEncoding) > 0)
}

// acceptsContentType reports whether ct is one of types, ignoring parameters.
func acceptsContentType(types []string, ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	for _, t := range types {
		if strings.EqualFold(t, mt) {
			return true
		}
	}
	return false
}

// responseWriter is the ResponseWriter handlers inside Wrap see. It tracks whether the
// response has begun, and replaces the ServeMux's own 404 and 405 responses.
type responseWriter struct {
	http.ResponseWriter
	h           *Handler
	r           *http.Request
	mux         *http.ServeMux
	id          []string // the request id, as a header value of one element
	wroteHeader bool
	discard     bool // the mux's text body is being dropped
}

// Unwrap lets http.ResponseController reach the server's writer.
func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// requestID returns the request's id as a header value: the client's, or one made now.
func (w *responseWriter) requestID() []string {
	if w.id == nil {
		w.id = []string{newRequestID()}
	}
	return w.id
}

func (w *responseWriter) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	if (code == http.StatusNotFound || code == http.StatusMethodNotAllowed) && w.mux != nil {
		if _, pattern := w.mux.Handler(w.r); pattern == "" {
			// The mux answered for want of a route: answer in the envelope instead.
			w.discard = true
			var err error
			if code == http.StatusNotFound {
				err = w.h.NotFoundError(w.r.Method, w.r.URL.Path)
			} else {
				err = w.h.MethodNotAllowedError(w.r.Method, w.Header().Get("Allow"))
			}
			w.h.write(w.ResponseWriter, w.r, err, w.requestID())
			return
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *responseWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.discard {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// Flush flushes the server's writer, when it can.
func (w *responseWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok && !w.discard {
		if !w.wroteHeader {
			w.WriteHeader(http.StatusOK)
		}
		f.Flush()
	}
}

// handlePanic answers a recovered panic value v with Codes.Internal. When the
// response has begun it can only log, and aborts the response as net/http does.
func (w *responseWriter) handlePanic(v any) {
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	w.answerPanic(&PanicError{Value: v, Stack: debug.Stack()})
}

// answerPanic answers a panic with Codes.Internal; when the response has begun it can
// only log, and aborts the response as net/http does.
func (w *responseWriter) answerPanic(p *PanicError) {
	err := w.h.codes.Internal.Wrap(p)
	if w.wroteHeader {
		w.h.logError(w.r.Context(), w.r.Method, w.r.URL.Path, err, nil, 0, w.requestID()[0], false)
		panic(http.ErrAbortHandler)
	}
	w.wroteHeader = true
	w.h.write(w.ResponseWriter, w.r, err, w.requestID())
}

// PanicError is the cause of the error that answers a panic: the panic's value and
// the stack where it happened. It is logged, never sent.
type PanicError struct {
	Value any
	Stack []byte
}

// Error returns "panic: " and the value, then the stack.
func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v\n%s", e.Value, e.Stack) }

// findWriter returns the responseWriter of the Handler that wraps w, or nil.
func findWriter(w http.ResponseWriter) *responseWriter {
	for range 8 {
		switch t := w.(type) {
		case *responseWriter:
			return t
		case *timeoutWriter:
			return t.rw
		case interface{ Unwrap() http.ResponseWriter }:
			w = t.Unwrap()
		default:
			return nil
		}
	}
	return nil
}
