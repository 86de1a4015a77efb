package httperr

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/errcat/errcat"
)

// Request is what an error response depends on of the request it answers, for
// servers and frameworks that do not hand errcat an *http.Request.
type Request struct {
	Method, Path string // logged; Path is a not-found error's param
	// Accept and AcceptLanguage are the request's headers, which choose the media
	// type and the locale of the body.
	Accept, AcceptLanguage string
	// ContentType is the request's Content-Type, which an unsupported media type
	// error (415) mapped by [Handler.Classify] names.
	ContentType string
	// RequestID is the request's X-Request-ID. [Handler.Render] keeps it when it is 1
	// to 128 letters, digits or ._:- and makes a new one otherwise.
	RequestID string
}

// RequestOf returns the Request of r.
func RequestOf(r *http.Request) Request {
	return Request{Method: r.Method, Path: r.URL.Path, Accept: headerOf(r, "Accept"),
		AcceptLanguage: headerOf(r, "Accept-Language"), ContentType: headerOf(r, "Content-Type"), RequestID: headerOf(r, requestIDKey)}
}

// Response is an error response as [Handler.Render] makes it: what [Handler.Write]
// would send for the same request and error.
type Response struct {
	Status          int
	ContentType     string
	ContentLanguage string // the locale the texts are in; "" when there is none
	RetryAfter      string // seconds, or ""
	Allow           string // the methods a method-not-allowed error allows, or ""
	RequestID       string // the X-Request-ID header and the body's instance
	Body            []byte
	// Err is the catalog error the body is rendered from, for logging.
	Err *errcat.Error
}

// Headers calls set for each header of the response, in a fixed order: Content-Type,
// Content-Language, Retry-After, Allow, Vary, X-Content-Type-Options and X-Request-ID,
// leaving out those without a value. The keys are canonical.
func (r *Response) Headers(set func(key, value string)) {
	set("Content-Type", r.ContentType)
	if r.ContentLanguage != "" {
		set("Content-Language", r.ContentLanguage)
	}
	if r.RetryAfter != "" {
		set("Retry-After", r.RetryAfter)
	}
	if r.Allow != "" {
		set("Allow", r.Allow)
	}
	set("Vary", vary[0])
	set("X-Content-Type-Options", nosniff[0])
	set(requestIDKey, r.RequestID)
}

// Render renders err as [Handler.Write] would answer req with it, appending the body
// to dst, without writing or logging anything: for frameworks that do not use
// http.ResponseWriter. The negotiation, classification and headers are Write's; log
// the error with [Handler.Log]. Render allocates nothing beyond growing dst, making a
// request id when req has none, and what mapping a non-catalog error costs.
func (h *Handler) Render(dst []byte, req Request, err error) Response {
	h.init()
	id := req.RequestID
	if !validRequestID(id) {
		id = newRequestID()
	}
	rs := renders.Get().(*renderState)
	body, out := h.render(dst, rs, &req, id, err)
	rs.ctx = Context{}
	renders.Put(rs)
	resp := Response{Status: out.status, ContentType: out.contentType[0], ContentLanguage: out.locale,
		Allow: out.allow, RequestID: id, Body: body, Err: out.e}
	if out.retryAfter > 0 {
		resp.RetryAfter = retryAfterSeconds(out.retryAfter)
	}
	return resp
}

// Log records resp, rendered from err for req by [Handler.Render], as Write does: once,
// at the level of its code, with the request id and the whole cause chain.
func (h *Handler) Log(ctx context.Context, req Request, resp *Response, err error) {
	h.logError(ctx, req.Method, req.Path, resp.Err, err, resp.Status, resp.RequestID, false)
}

// logError records the error once, at its definition's level, with the request id and
// the whole cause chain; bodies never carry the cause. late reports a response the
// handler wrote after its deadline, which the client never received.
func (h *Handler) logError(ctx context.Context, method, path string, e *errcat.Error, orig error, status int, id string, late bool) {
	l := h.logger()
	level := e.Variant().LogLevel()
	if !l.Enabled(ctx, level) {
		return
	}
	attrs := make([]slog.Attr, 0, 7)
	attrs = append(attrs,
		slog.Any("error", e),
		slog.Int("status", status),
		slog.String("method", method),
		slog.String("path", boundText(path)),
	)
	if id != "" {
		attrs = append(attrs, slog.String("request_id", id))
	}
	if orig != nil && orig != error(e) {
		if chain := orig.Error(); chain != e.Error() {
			attrs = append(attrs, slog.String("chain", boundText(chain)))
		}
	}
	if late {
		attrs = append(attrs, slog.Bool("after_timeout", true))
	}
	l.LogAttrs(ctx, level, "request failed", attrs...)
}

// maxEcho is how many bytes of a client's input (a path, a method) an error echoes in
// its params and the log.
const maxEcho = 256

// boundText returns s, or its first maxEcho bytes (cut at a character boundary) and
// "…" when it is longer.
func boundText(s string) string {
	if len(s) <= maxEcho {
		return s
	}
	n := maxEcho
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// NotFoundError returns Codes.NotFound for a request of method to path, the path cut
// to 256 bytes.
func (h *Handler) NotFoundError(method, path string) *errcat.Error {
	h.init()
	return h.codes.NotFound.New(errcat.String(boundText(path)), errcat.String(boundText(method)))
}

// MethodNotAllowedError returns Codes.MethodNotAllowed for method, with the methods
// allowed (a comma-separated list, sorted and without duplicates as net/http's
// ServeMux writes it), which Write and Render also send as the Allow header.
func (h *Handler) MethodNotAllowedError(method, allow string) error {
	h.init()
	allow = sortAllow(allow)
	e := h.codes.MethodNotAllowed.New(errcat.String(boundText(method)), errcat.String(allow))
	if allow == "" {
		return e
	}
	return &allowErr{err: e, allow: allow}
}

// sortAllow returns the comma-separated methods of an Allow value trimmed, sorted and
// without duplicates or empty entries.
func sortAllow(allow string) string {
	if !strings.Contains(allow, ",") {
		return strings.TrimSpace(allow)
	}
	methods := strings.Split(allow, ",")
	for i, m := range methods {
		methods[i] = strings.TrimSpace(m)
	}
	slices.Sort(methods)
	methods = slices.Compact(methods)
	if methods[0] == "" {
		methods = methods[1:]
	}
	return strings.Join(methods, ", ")
}

// NotFound answers r with [Handler.NotFoundError]: a handler for routers' unknown
// routes, such as chi's NotFound.
func (h *Handler) NotFound(w http.ResponseWriter, r *http.Request) {
	h.Write(w, r, h.NotFoundError(r.Method, r.URL.Path))
}

// MethodNotAllowed answers r with [Handler.MethodNotAllowedError], the allowed methods
// taken from the Allow header the router set on w: a handler for routers' wrong
// methods, such as chi's MethodNotAllowed.
func (h *Handler) MethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	h.Write(w, r, h.MethodNotAllowedError(r.Method, w.Header().Get("Allow")))
}

// NegotiateContentType returns the media type h answers a request with the Accept
// header accept in, for an error in h's own envelope (Envelope, else Problem): that
// envelope's, or application/json when the client prefers it (RFC 9110 quality
// values; an empty header accepts anything), and reports whether the client accepts
// either. When it accepts neither, Write answers with Codes.NotAcceptable in the
// envelope's media type. An error of a catalog that declares its envelope is
// negotiated against that envelope instead; [Handler.Status] tells its status.
func (h *Handler) NegotiateContentType(accept string) (string, bool) {
	h.init()
	return negotiate(accept, h.own.types)
}
