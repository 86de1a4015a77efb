// Package humaerr makes a huma (v2) API answer every error with an errcat catalog
// code, in the envelope, locale and headers [httperr.Handler.Write] would use:
// errors handlers return, huma's own validation errors (as field errors keyed by
// RFC 6901 pointers), bodies that are not JSON or too large, and the error responses
// the OpenAPI document describes.
//
//	h := &httperr.Handler{MaxBodyBytes: 1 << 20}
//	mux := http.NewServeMux()
//	api := humago.New(mux, humaerr.Config(h, huma.DefaultConfig("Pets", "1.0.0")))
//	srv := &http.Server{Handler: h.Wrap(mux)} // unknown routes, wrong methods, panics
//
// huma makes its errors through the package variables huma.NewError and
// huma.NewErrorWithContext, which Config replaces: the replacement is
// process-wide, and the Handler of the last Config call decides the status of
// errors made without a request (huma.Error404NotFound in a handler) and the error
// schema of the OpenAPI documents. Each API renders its responses with its own
// Handler. An error made without its request keeps its status when the client
// accepts no type the Handler answers in (huma has settled the status by then):
// its body is then in the envelope's type, where Handler.Write would answer 406.
package humaerr

import (
	"errors"
	"io"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/danielgtaylor/huma/v2"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/httperr"
)

// current is the Handler of the last Config call.
var current atomic.Pointer[httperr.Handler]

func handler() *httperr.Handler {
	if h := current.Load(); h != nil {
		return h
	}
	return defaultHandler
}

var defaultHandler = &httperr.Handler{}

// Config returns c set up to answer errors with h, and replaces huma.NewError and
// huma.NewErrorWithContext (see the package documentation):
//
//   - a transformer, first of c's, renders each error huma writes with
//     [httperr.Handler.Render], sets its headers and logs it with h.Log;
//   - every format of c (copied, not changed in place) writes a rendered error's
//     body as it is, byte for byte what h.Write sends;
//   - operations' error responses in the OpenAPI document refer to the schema of
//     h's envelope ("ProblemDetails" for problem+json).
//
// Pass the result to an adapter's New (humago.New, humachi.New…). Call Config
// before any API serves: it sets package variables of huma's, which requests
// read unguarded.
func Config(h *httperr.Handler, c huma.Config) huma.Config {
	current.Store(h)
	huma.NewError = NewError
	huma.NewErrorWithContext = NewErrorWithContext
	formats := make(map[string]huma.Format, len(c.Formats)+1)
	for k, f := range c.Formats {
		formats[k] = rawFormat(f)
	}
	if _, ok := formats["json"]; !ok && c.DefaultFormat != "" {
		// Error content types such as application/problem+json are looked up by
		// their +json suffix.
		formats["json"] = formats[c.DefaultFormat]
	}
	c.Formats = formats
	c.Transformers = append([]huma.Transformer{transformer(h)}, c.Transformers...)
	return c
}

// rawFormat returns f writing a rendered error's body as it is.
func rawFormat(f huma.Format) huma.Format {
	marshal := f.Marshal
	f.Marshal = func(w io.Writer, v any) error {
		if b, ok := v.(*renderedBody); ok {
			_, err := w.Write(b.body)
			if cap(b.body) <= 64<<10 {
				bodies.Put(b)
			}
			return err
		}
		return marshal(w, v)
	}
	return f
}

// renderedBody is an error response's body, rendered; pooled from the transformer
// that renders it to the format that writes it.
type renderedBody struct{ body []byte }

var bodies = sync.Pool{New: func() any { return &renderedBody{body: make([]byte, 0, 1024)} }}

// transformer returns the transformer that renders Errors with h.
func transformer(h *httperr.Handler) huma.Transformer {
	return func(ctx huma.Context, status string, v any) (any, error) {
		e, ok := v.(*Error)
		if !ok {
			return v, nil
		}
		req := requestOf(ctx)
		b := bodies.Get().(*renderedBody)
		resp := h.Render(b.body[:0], req, e.err)
		if strconv.Itoa(resp.Status) != status {
			// Only an error made without its request (huma.NewError) can disagree,
			// when the client accepts no type h answers in: huma has settled the
			// status, so the body answers in h's own type.
			req.Accept = ""
			resp = h.Render(b.body[:0], req, e.err)
		}
		b.body = resp.Body
		ctx.SetHeader("Content-Type", resp.ContentType)
		resp.Headers(func(k, v string) {
			if k != "Content-Type" {
				ctx.SetHeader(k, v)
			}
		})
		h.Log(ctx.Context(), req, &resp, e.err)
		return b, nil
	}
}

// requestOf returns the httperr.Request of ctx.
func requestOf(ctx huma.Context) httperr.Request {
	return httperr.Request{Method: ctx.Method(), Path: ctx.URL().Path, Accept: ctx.Header("Accept"),
		AcceptLanguage: ctx.Header("Accept-Language"), ContentType: ctx.Header("Content-Type"),
		RequestID: ctx.Header("X-Request-Id")}
}

// Error is the error huma.NewError makes once [Config] has run: a catalog error, or
// an error the Handler classifies, with the status it is answered with. It is
// rendered when huma writes it; its Error text is the catalog error's, which holds
// no cause.
type Error struct {
	err    error
	status int
}

// NewError is the replacement of huma.NewError: the catalog error among errs (the
// first found through any wrapping); else, for huma's validation errors, the
// Handler's Codes.MalformedJSON with a field error per detail (see
// [ValidationError]); else an error reporting status, which the Handler
// classifies by it (413 PayloadTooLarge, 415 UnsupportedContentType…; 5xx
// Internal). msg is never shown: only the code's texts are.
func NewError(status int, msg string, errs ...error) huma.StatusError {
	h := handler()
	err := catalogError(h, status, msg, errs)
	return &Error{err: err, status: h.Status(httperr.Request{}, err)}
}

// NewErrorWithContext is the replacement of huma.NewErrorWithContext: NewError,
// with the status the Handler answers ctx's request with ([httperr.Handler.Status]):
// 406 for a client that accepts no type it answers in.
func NewErrorWithContext(ctx huma.Context, status int, msg string, errs ...error) huma.StatusError {
	h := handler()
	e := NewError(status, msg, errs...).(*Error)
	if ctx != nil {
		e.status = h.Status(requestOf(ctx), e.err)
	}
	return e
}

// catalogError returns the error a huma error is rendered from.
func catalogError(h *httperr.Handler, status int, msg string, errs []error) error {
	for _, err := range errs {
		if _, ok := err.(*errcat.Error); ok {
			return err
		}
		var e *errcat.Error
		if errors.As(err, &e) {
			return err
		}
	}
	if e := ValidationError(h, status, errs); e != nil {
		return e
	}
	return &statusError{status: status, msg: msg, errs: errs}
}

// Error returns the text of the catalog error, or of the error the Handler
// classifies: no cause.
func (e *Error) Error() string {
	var ce *errcat.Error
	if errors.As(e.err, &ce) {
		return ce.Error()
	}
	return handler().Classify(e.err).Error()
}

// Unwrap returns the error rendered: the catalog error or the error classified.
func (e *Error) Unwrap() error { return e.err }

// GetStatus returns the status the error is answered with.
func (e *Error) GetStatus() int { return e.status }

// ContentType returns the media type of the Handler's envelope for a JSON ct,
// which is what huma documents error responses with; the response's own
// Content-Type is the one the Handler negotiates.
func (e *Error) ContentType(ct string) string {
	if ct == "application/json" {
		return envelopeOf(handler()).ContentType()
	}
	return ct
}

// statusError is a huma error that names no catalog error: its status is what the
// Handler classifies it by.
type statusError struct {
	status int
	msg    string
	errs   []error
}

func (e *statusError) Error() string {
	if len(e.errs) == 0 {
		return e.msg
	}
	return e.msg + ": " + errors.Join(e.errs...).Error()
}

func (e *statusError) Unwrap() []error { return e.errs }

// StatusCode reports the status huma gave the error.
func (e *statusError) StatusCode() int { return e.status }
