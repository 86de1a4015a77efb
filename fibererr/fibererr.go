// Package fibererr makes a fiber (v2) app answer every failure with an errcat
// catalog code: errors handlers return, unknown routes, wrong methods (with Allow),
// panics, bodies over the limit and bad JSON from c.BodyParser, rendered by
// [httperr.Handler.Render] straight into fiber's response, without net/http types
// or an adaptor.
//
//	h := &httperr.Handler{MaxBodyBytes: 1 << 20}
//	app := fiber.New(fibererr.Config(h, fiber.Config{}))
//	app.Use(fibererr.Recover())
//
// Handlers return errors (an *errcat.Error, or any error, which h classifies).
package fibererr

import (
	"errors"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/httperr"
	"github.com/gofiber/fiber/v2"
)

// Config returns c with h answering its errors: ErrorHandler is [ErrorHandler] of
// h, and, when h.MaxBodyBytes is positive, BodyLimit is that limit, so that fiber
// refuses the bodies h would.
func Config(h *httperr.Handler, c fiber.Config) fiber.Config {
	c.ErrorHandler = ErrorHandler(h)
	if h.MaxBodyBytes > 0 {
		c.BodyLimit = int(min(h.MaxBodyBytes, int64(^uint(0)>>1)))
	}
	return c
}

// ErrorHandler returns a fiber.ErrorHandler that answers err as h.Write would
// answer the same request over net/http: the same status, headers and body, logged
// once with h.Log. fiber's own errors are mapped first (see [Error]). The body is
// rendered into a pooled buffer and copied into fiber's response; nothing of the
// error's Error() text reaches the client.
func ErrorHandler(h *httperr.Handler) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		err = Error(h, c, err)
		req := Request(c)
		b := bodies.Get().(*[]byte)
		resp := h.Render((*b)[:0], req, err)
		writeResponse(c, &resp)
		h.Log(c.UserContext(), req, &resp, err)
		if cap(resp.Body) <= 64<<10 {
			*b = resp.Body
			bodies.Put(b)
		}
		return nil
	}
}

var bodies = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// Request returns the httperr.Request of c. Its strings are fiber's, valid only
// until the handler returns (unless fiber's Immutable is set): ErrorHandler logs
// within the call, and a slog.Handler that keeps records to format later must
// copy them, as with any value of fiber's.
func Request(c *fiber.Ctx) httperr.Request {
	return httperr.Request{Method: c.Method(), Path: c.Path(), Accept: c.Get(fiber.HeaderAccept),
		AcceptLanguage: c.Get(fiber.HeaderAcceptLanguage), ContentType: c.Get(fiber.HeaderContentType),
		RequestID: c.Get(fiber.HeaderXRequestID)}
}

// writeResponse writes resp to c's response: its status and headers (Vary added to
// what is there), and a copy of its body.
func writeResponse(c *fiber.Ctx, resp *httperr.Response) {
	r := c.Response()
	r.SetStatusCode(resp.Status)
	hd := &r.Header
	hd.SetContentType(resp.ContentType)
	if resp.ContentLanguage != "" {
		hd.Set(fiber.HeaderContentLanguage, resp.ContentLanguage)
	}
	if resp.RetryAfter != "" {
		hd.Set(fiber.HeaderRetryAfter, resp.RetryAfter)
	}
	if resp.Allow != "" {
		hd.Set(fiber.HeaderAllow, resp.Allow)
	}
	hd.Add(fiber.HeaderVary, "Accept, Accept-Language")
	hd.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	hd.Set(fiber.HeaderXRequestID, resp.RequestID)
	r.SetBody(resp.Body)
}

// Error returns err with fiber's own failures mapped to h's codes:
//
//   - the router's "Cannot GET /path" 404: [httperr.Handler.NotFoundError];
//   - fiber.ErrMethodNotAllowed: [httperr.Handler.MethodNotAllowedError] with the
//     methods fiber put in the Allow header, sorted;
//   - fiber.ErrRequestEntityTooLarge (a body over BodyLimit): an
//     http.MaxBytesError with fiber's limit, which h answers with
//     Codes.PayloadTooLarge naming the limit;
//   - any other *fiber.Error (c.BodyParser's unknown content type is 422…): an
//     error reporting its status, which h classifies by it.
//
// A *fiber.Error is found through wrapping by single causes; an error that carries
// a catalog error before it, and any other error, is returned as it is. c.BodyParser's JSON errors are
// encoding/json's, which h classifies as Codes.MalformedJSON or Codes.WrongJSONType.
func Error(h *httperr.Handler, c *fiber.Ctx, err error) error {
	fe := fiberError(err)
	if fe == nil {
		return err
	}
	switch {
	case fe == fiber.ErrMethodNotAllowed:
		return h.MethodNotAllowedError(c.Method(), string(c.Response().Header.Peek(fiber.HeaderAllow)))
	case fe.Code == fiber.StatusNotFound && strings.HasPrefix(fe.Message, "Cannot "+c.Method()+" "):
		// The error may outlive the request (a logger may keep it); fiber's path
		// is a view of a buffer fasthttp reuses.
		return h.NotFoundError(c.Method(), strings.Clone(c.Path()))
	case fe.Code == fiber.StatusRequestEntityTooLarge:
		// The limit is fiber's, whether or not h has one: said as h says its own.
		return &http.MaxBytesError{Limit: int64(c.App().Config().BodyLimit)}
	}
	return &statusError{err: err, status: fe.Code}
}

// fiberError returns the *fiber.Error along err's chain of single causes, or nil
// when there is none or a catalog error comes first. It walks the chain itself:
// errors.As would allocate its target on every error.
func fiberError(err error) *fiber.Error {
	for i := 0; err != nil && i < 32; i++ {
		switch e := err.(type) {
		case *errcat.Error:
			return nil
		case *fiber.Error:
			return e
		}
		err = errors.Unwrap(err)
	}
	return nil
}

// statusError reports the status of the fiber.Error in err's chain the way
// httperr.Handler.Classify reads it.
type statusError struct {
	err    error
	status int
}

func (e *statusError) Error() string   { return e.err.Error() }
func (e *statusError) Unwrap() error   { return e.err }
func (e *statusError) StatusCode() int { return e.status }

// Recover returns middleware that turns a panic in the handlers after it into an
// error, an *httperr.PanicError with the value and stack, which the app's error
// handler answers with Codes.Internal (500) and logs; it replaces fiber's
// middleware/recover, which would show the panic's value to the client through the
// default error handler.
func Recover() fiber.Handler {
	return func(c *fiber.Ctx) (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = &httperr.PanicError{Value: v, Stack: debug.Stack()}
			}
		}()
		return c.Next()
	}
}
