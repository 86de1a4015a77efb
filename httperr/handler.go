package httperr

import (
	"crypto/rand"
	"encoding/hex"
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
	// Envelope is the shape of error bodies. When nil, an error is written in the
	// envelope its catalog declares ([errcat.Set.Response], configured by
	// [Declared]), else in Problem. A client that does not accept the envelope's
	// media type but accepts application/json gets the same body as that. Whatever
	// the envelope, an error of a catalog that declares one transport status is
	// answered with that HTTP status; the body keeps the code's own. The HTTP
	// layer's own failures are codes of the common catalog, which declares nothing:
	// to answer them in a catalog's declared envelope too, set Envelope to
	// Declared(set.Response()), or remap Codes to that catalog's codes.
	Envelope Envelope
	// Logger receives one record per error written; slog.Default() when nil.
	Logger *slog.Logger
	// Codes remaps the HTTP layer's own failures to your catalog's codes.
	Codes Codes

	// MaxBodyBytes, when positive, limits request bodies; a larger body is answered
	// with Codes.PayloadTooLarge (413).
	MaxBodyBytes int64
	// Timeout, when positive, bounds each request; a handler still running then is
	// answered with Codes.Timeout (504) and its context is cancelled. The deadline
	// decides: what the handler writes after it is dropped, and an error or panic it
	// raises then is logged (with after_timeout) under the same request id.
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

	once   sync.Once
	codes  Codes
	offers map[string]*offers // by the envelope's media type
	own    *offers            // the offers of h.envelope()
}

// offers are the media types to answer an envelope's bodies in, preferred first,
// and the same as shared header values.
type offers struct {
	types []string
	hdr   [][]string
}

func newOffers(ct string) *offers {
	o := &offers{types: []string{ct, "application/json"}}
	if o.types[0] == o.types[1] {
		o.types = o.types[:1]
	}
	for _, t := range o.types {
		o.hdr = append(o.hdr, []string{t})
	}
	return o
}

func (h *Handler) init() {
	h.once.Do(func() {
		h.codes = h.Codes.WithDefaults()
		h.offers = map[string]*offers{}
		for _, env := range append([]Envelope{h.envelope()}, Envelopes...) {
			if ct := env.ContentType(); h.offers[ct] == nil {
				h.offers[ct] = newOffers(ct)
			}
		}
		h.own = h.offers[h.envelope().ContentType()]
	})
}

// envelopeFor returns the envelope an error of set is written in, and its offers:
// h.Envelope, else the one set declares, else Problem.
func (h *Handler) envelopeFor(set *errcat.Set) (Envelope, *offers) {
	if h.Envelope != nil || set == nil || set.Response().Envelope == "" {
		return h.envelope(), h.own
	}
	env := Declared(set.Response())
	if env == nil {
		return h.envelope(), h.own
	}
	return env, h.offersFor(env)
}

// offersFor returns the offers of env: one made in init for errcat's envelopes and
// h's own, else made now.
func (h *Handler) offersFor(env Envelope) *offers {
	if o := h.offers[env.ContentType()]; o != nil {
		return o
	}
	return newOffers(env.ContentType())
}

// transportStatus returns the HTTP status e is answered with: the one status its
// catalog declares for every error, else its code's.
func transportStatus(e *errcat.Error) int {
	if set := e.Definition().Set(); set != nil {
		if st := set.Response().Status; st != 0 {
			return st
		}
	}
	return status(e)
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
// prefers, and Content-Language names the locale the texts are in; any other error
// is mapped by [Handler.Classify] (Codes.Internal for what it does not recognize),
// with nothing of its text in the body. The body is in the envelope Accept allows,
// or Codes.NotAcceptable (406) when it allows none. A [RetryAfter] delay and the
// methods of a [Handler.MethodNotAllowedError] are sent as Retry-After and Allow.
// The error is logged once, with its cause chain, at its definition's log level.
func (h *Handler) Write(w http.ResponseWriter, r *http.Request, err error) {
	h.write(w, r, err, requestID(w, r))
}

// write is Write with the request id decided, as a header value of one element: one
// validRequestID accepted, or one newRequestID made.
func (h *Handler) write(w http.ResponseWriter, r *http.Request, err error, id []string) {
	h.init()
	rs := renders.Get().(*renderState)
	var out rendered
	// Only what the response can depend on is read: Accept-Language when the error's
	// catalog has several locales, Content-Type for an error Classify maps.
	req := Request{Method: r.Method, Accept: headerOf(r, "Accept")}
	if e, ok := err.(*errcat.Error); !ok {
		req.ContentType = headerOf(r, "Content-Type")
		req.AcceptLanguage = headerOf(r, "Accept-Language")
	} else if set := e.Definition().Set(); set != nil && len(set.Locales()) > 1 {
		req.AcceptLanguage = headerOf(r, "Accept-Language")
	}
	rs.buf, out = h.render(rs.buf[:0], rs, &req, id[0], err)

	// Header values are shared, immutable slices: setting them allocates nothing. What
	// may be there already (a Content-Length, a Vary) is dealt with first, and only
	// when the map holds anything.
	hd := w.Header()
	if len(hd) == 0 {
		hd["Vary"] = vary
	} else {
		delete(hd, "Content-Length")
		if v, ok := hd["Vary"]; ok {
			hd["Vary"] = append(v[:len(v):len(v)], vary[0])
		} else {
			hd["Vary"] = vary
		}
	}
	hd["Content-Type"] = out.contentType
	hd["X-Content-Type-Options"] = nosniff
	if out.locale != "" {
		hd["Content-Language"] = headerValue(out.locale)
	}
	if out.retryAfter > 0 {
		hd["Retry-After"] = []string{retryAfterSeconds(out.retryAfter)}
	}
	if out.allow != "" {
		hd["Allow"] = []string{out.allow}
	}
	hd[requestIDKey] = id
	w.WriteHeader(out.status)
	_, werr := w.Write(rs.buf)
	if cap(rs.buf) <= 64<<10 {
		renders.Put(rs)
	}
	h.logError(r.Context(), r.Method, r.URL.Path, out.e, err, out.status, id[0], werr == http.ErrHandlerTimeout)
}

// rendered is what render decided besides the body.
type rendered struct {
	e           *errcat.Error // the catalog error written
	status      int
	contentType []string // the Content-Type, as a shared header value
	locale      string   // Content-Language, or ""
	retryAfter  time.Duration
	allow       string // Allow, or ""
}

// render appends to dst the body err is answered with, negotiated from req's Accept
// and Accept-Language headers, with id as the instance; rs holds the Context while
// the envelope writes.
func (h *Handler) render(dst []byte, rs *renderState, req *Request, id string, err error) ([]byte, rendered) {
	out, env := h.resolve(req, err)
	rs.ctx = Context{Instance: id, checked: id} // callers pass ids validRequestID accepts
	rs.ctx.RetryAfter = out.retryAfter
	e := out.e
	if set := e.Definition().Set(); set != nil && (len(set.Locales()) == 1 || req.AcceptLanguage == "") {
		out.locale = set.DefaultLocale() // nothing to negotiate
	} else {
		out.locale = ResponseLocale(e, req.AcceptLanguage)
	}
	rs.ctx.Locale = out.locale
	return env.AppendBody(dst, e, &rs.ctx), out
}

// resolve decides, without rendering, which catalog error answers req with err, in
// which envelope and media type, and with which status and advice headers.
func (h *Handler) resolve(req *Request, err error) (rendered, Envelope) {
	var out rendered
	out.retryAfter, out.allow = adviceOf(err)
	e, ok := err.(*errcat.Error)
	if !ok {
		e = h.classify(err, req, out.allow)
	}
	env, o := h.envelopeFor(e.Definition().Set())
	ct, ok := negotiate(req.Accept, o.types)
	if !ok {
		e = h.codes.NotAcceptable.Wrap(e, errcat.String(strings.Join(o.types, ", ")))
		env, o = h.envelopeFor(e.Definition().Set())
		ct = env.ContentType()
	}
	out.contentType = o.hdr[0]
	if ct != o.types[0] {
		out.contentType = o.hdr[1]
	}
	out.e, out.status = e, transportStatus(e)
	return out, env
}

// Status returns the HTTP status [Handler.Render] answers req with for err, without
// rendering the body: for frameworks that need the status before the body.
func (h *Handler) Status(req Request, err error) int {
	h.init()
	out, _ := h.resolve(&req, err)
	return out.status
}

// retryAfterSeconds returns d as a Retry-After value: whole seconds, rounded up.
func retryAfterSeconds(d time.Duration) string {
	return strconv.FormatInt(int64((d+time.Second-1)/time.Second), 10)
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
