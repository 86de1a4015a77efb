package httperr

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/errcat/errcat"
)

// Handler writes errors as responses and, through [Handler.Wrap], turns the failures
// of a server (panics, unknown routes, oversized bodies, timeouts…) into catalog
// errors. The zero Handler is ready to use: problem+json, slog's default logger, the
// common catalog's codes. A Handler must not be changed once in use.
type Handler struct {
	// Envelope is the shape of error bodies; Problem when nil. A client that does not
	// accept its media type but accepts application/json gets the same body as that.
	Envelope Envelope
	// Logger receives one record per error written; slog.Default() when nil.
	Logger *slog.Logger
	// Codes remaps the HTTP layer's own failures to your catalog's codes.
	Codes Codes

	// MaxBodyBytes, when positive, limits request bodies; a larger body is answered
	// with Codes.PayloadTooLarge (413).
	MaxBodyBytes int64
	// Timeout, when positive, bounds each request; a handler still running then is
	// answered with Codes.Timeout (504) and its context is cancelled.
	Timeout time.Duration
	// ContentTypes, when set, are the media types request bodies may have; another is
	// answered with Codes.UnsupportedContentType (415).
	ContentTypes []string
	// RateLimit, when set, is asked about each request; a refusal is answered with
	// Codes.RateLimited (429) and a Retry-After header.
	RateLimit func(r *http.Request) (retryAfter time.Duration, limited bool)
	// Maintenance, when set, is asked about each request; while it is on, requests are
	// answered with Codes.Maintenance (503) and a Retry-After header.
	Maintenance func(r *http.Request) (retryAfter time.Duration, on bool)

	once     sync.Once
	codes    Codes
	offers   []string   // media types to answer in, preferred first
	offerHdr [][]string // offers as shared header values
}

func (h *Handler) init() {
	h.once.Do(func() {
		h.codes = h.Codes.withDefaults()
		h.offers = []string{h.envelope().ContentType(), "application/json"}
		if h.offers[0] == h.offers[1] {
			h.offers = h.offers[:1]
		}
		for _, o := range h.offers {
			h.offerHdr = append(h.offerHdr, []string{o})
		}
	})
}

// headerOf returns the first value of a request header by its canonical key, without
// the canonicalization (and its cost) of Header.Get.
func headerOf(r *http.Request, canonicalKey string) string {
	if v := r.Header[canonicalKey]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// envelope returns h's envelope.
func (h *Handler) envelope() Envelope {
	if h.Envelope == nil {
		return Problem
	}
	return h.Envelope
}

func (h *Handler) logger() *slog.Logger {
	if h.Logger == nil {
		return slog.Default()
	}
	return h.Logger
}

// defaultHandler serves the package-level Write outside Wrap.
var defaultHandler = &Handler{}

// Write writes err as an error response to r with the Handler that wraps w (see
// [Handler.Wrap]), or with a zero Handler. See [Handler.Write].
func Write(w http.ResponseWriter, r *http.Request, err error) {
	if rw := findWriter(w); rw != nil {
		rw.h.write(w, r, err, rw.requestID())
		return
	}
	defaultHandler.Write(w, r, err)
}

// Write answers r with err. A catalog error (*errcat.Error, found through any
// wrapping) is written with its code, status and texts in the locale Accept-Language
// prefers; any other error is written as Codes.Internal, with nothing of its text in
// the body. The body is in the envelope Accept allows, or Codes.NotAcceptable (406)
// when it allows none. The error is logged once, with its cause chain, at its
// definition's log level.
func (h *Handler) Write(w http.ResponseWriter, r *http.Request, err error) {
	h.write(w, r, err, requestID(w, r))
}

// write is Write with the request id decided, as a header value of one element: one
// validRequestID accepted, or one newRequestID made.
func (h *Handler) write(w http.ResponseWriter, r *http.Request, err error, id []string) {
	h.init()
	e := h.catalogError(err)
	ctx := Context{Instance: id[0], checked: id[0]}
	if d, ok := retryAfterOf(err); ok {
		ctx.RetryAfter = d
	}
	env := h.envelope()
	ct, ok := negotiate(headerOf(r, "Accept"), h.offers)
	if !ok {
		supported := env.ContentType()
		if supported != "application/json" {
			supported += ", application/json"
		}
		e = h.codes.NotAcceptable.Wrap(e, errcat.String(supported))
		ct = env.ContentType()
	}
	if set := e.Definition().Set(); set != nil {
		if len(set.Locales()) == 1 {
			ctx.Locale = set.DefaultLocale() // nothing to negotiate
		} else {
			ctx.Locale = negotiateLocale(set, headerOf(r, "Accept-Language"))
		}
	}
	st := status(e)

	// Header values are shared, immutable slices: setting them allocates nothing. What
	// may be there already is dealt with first, while the map is often still empty
	// and a lookup costs no hashing.
	hd := w.Header()
	delete(hd, "Content-Length")
	if v, ok := hd["Vary"]; ok {
		hd["Vary"] = append(v[:len(v):len(v)], vary[0])
	} else {
		hd["Vary"] = vary
	}
	if ct == h.offers[0] {
		hd["Content-Type"] = h.offerHdr[0]
	} else {
		hd["Content-Type"] = h.offerHdr[1]
	}
	hd["X-Content-Type-Options"] = nosniff
	if ctx.Locale != "" {
		hd["Content-Language"] = headerValue(ctx.Locale)
	}
	if ctx.RetryAfter > 0 {
		hd["Retry-After"] = []string{strconv.FormatInt(int64((ctx.RetryAfter+time.Second-1)/time.Second), 10)}
	}
	hd[requestIDKey] = id

	rs := renders.Get().(*renderState)
	rs.ctx = ctx
	rs.buf = env.AppendBody(rs.buf[:0], e, &rs.ctx)
	w.WriteHeader(st)
	w.Write(rs.buf)
	if cap(rs.buf) <= 64<<10 {
		renders.Put(rs)
	}

	h.log(r, e, err, st, ctx.Instance)
}

// catalogError returns the catalog error err carries, or err mapped to one: a body
// over its limit to Codes.PayloadTooLarge, an expired deadline to Codes.Timeout, and
// anything else to Codes.Internal wrapping it.
func (h *Handler) catalogError(err error) *errcat.Error {
	if e, ok := err.(*errcat.Error); ok {
		return e // the common case, without errors.As's reflection
	}
	var e *errcat.Error
	if errors.As(err, &e) {
		return e
	}
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return h.codes.PayloadTooLarge.Wrap(err, errcat.String("The limit is "+strconv.FormatInt(mb.Limit, 10)+" bytes"))
	case errors.Is(err, context.DeadlineExceeded):
		return h.codes.Timeout.Wrap(err)
	}
	return h.codes.Internal.Wrap(err)
}

// log records the error once, at its definition's level, with the request id and the
// whole cause chain; bodies never carry the cause.
func (h *Handler) log(r *http.Request, e *errcat.Error, orig error, status int, id string) {
	l := h.logger()
	level := e.Variant().LogLevel()
	if !l.Enabled(r.Context(), level) {
		return
	}
	attrs := []slog.Attr{
		slog.Any("error", e),
		slog.Int("status", status),
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
	}
	if id != "" {
		attrs = append(attrs, slog.String("request_id", id))
	}
	if orig != nil && orig != error(e) {
		attrs = append(attrs, slog.String("chain", orig.Error()))
	}
	l.LogAttrs(r.Context(), level, "request failed", attrs...)
}

// requestIDKey is X-Request-ID in the canonical form header maps use.
const requestIDKey = "X-Request-Id"

// requestID returns the id of the request as a header value of one element: the
// X-Request-ID the wrapping Handler accepted or made, else the request's own header
// if it is well-formed, else a new one, so that every error has an id to quote to
// support.
func requestID(w http.ResponseWriter, r *http.Request) []string {
	if rw := findWriter(w); rw != nil {
		return rw.requestID()
	}
	if id := clientRequestID(r); id != nil {
		return id
	}
	return []string{newRequestID()}
}

// clientRequestID returns the request's own X-Request-ID as a header value of one
// element, to echo, or nil when it has none that validRequestID accepts.
func clientRequestID(r *http.Request) []string {
	if v := r.Header[requestIDKey]; len(v) > 0 && validRequestID(v[0]) {
		return v[:1]
	}
	return nil
}

// validRequestID reports whether id is safe to echo: 1 to 128 characters of
// letters, digits and ._:-.
func validRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if !idByte[id[i]] {
			return false
		}
	}
	return true
}

// idByte marks the bytes a request id may hold.
var idByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._:-", byte(c)) >= 0
	}
	return t
}()

func newRequestID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// retryAfterErr attaches a Retry-After delay to an error.
type retryAfterErr struct {
	err   error
	after time.Duration
}

func (e *retryAfterErr) Error() string { return e.err.Error() }
func (e *retryAfterErr) Unwrap() error { return e.err }

// RetryAfter returns err with a delay after which the client may retry: Write sends
// it as a Retry-After header and, in the Google envelope, as RetryInfo. It is found
// around the catalog error (directly, or under fmt.Errorf's %w), not among the causes
// the catalog error wraps.
func RetryAfter(err error, d time.Duration) error { return &retryAfterErr{err: err, after: d} }

// retryAfterOf finds a RetryAfter along err's chain of single causes, down to the
// catalog error: what a catalog error wraps is its cause, not advice to the client.
func retryAfterOf(err error) (time.Duration, bool) {
	for i := 0; err != nil && i < 32; i++ {
		switch e := err.(type) {
		case *retryAfterErr:
			return e.after, true
		case *errcat.Error:
			return 0, false
		}
		err = errors.Unwrap(err)
	}
	return 0, false
}

// renderState is what rendering a body needs on the heap, pooled: the buffer, and
// the Context, which escapes through the Envelope interface.
type renderState struct {
	buf []byte
	ctx Context
}

var renders = sync.Pool{New: func() any { return &renderState{buf: make([]byte, 0, 1024)} }}

var (
	nosniff      = []string{"nosniff"}
	vary         = []string{"Accept, Accept-Language"}
	headerValues sync.Map // string → []string
)

// headerValue returns a shared one-element slice holding v; the values it is asked for
// (locales) are few. The last one is kept at hand, as most responses repeat it.
func headerValue(v string) []string {
	if last := lastHeader.Load(); last != nil && (*last)[0] == v {
		return *last
	}
	hv, ok := headerValues.Load(v)
	if !ok {
		hv, _ = headerValues.LoadOrStore(v, []string{v})
	}
	s := hv.([]string)
	lastHeader.Store(&s)
	return s
}

var lastHeader atomic.Pointer[[]string]
