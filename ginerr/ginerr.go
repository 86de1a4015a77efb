// Package ginerr makes a gin engine answer every failure with an errcat catalog
// code, as [httperr.Handler.Wrap] does for a ServeMux: unknown routes, wrong methods
// (with Allow), panics, errors attached to the context with c.Error, and binding
// errors, whose validation failures become field errors keyed by JSON pointers.
//
//	h := &httperr.Handler{MaxBodyBytes: 1 << 20}
//	r := gin.New() // not gin.Default: its Recovery answers panics in text
//	ginerr.Register(r, h)
//	srv := &http.Server{Handler: h.Wrap(r)}
//
// Handlers report errors with c.Error(err) and return, or with [httperr.Write].
package ginerr

import (
	"net/http"
	"runtime/debug"

	"github.com/errcat/errcat/httperr"
	"github.com/gin-gonic/gin"
)

// Register sets e up to answer its failures with h: it turns on
// HandleMethodNotAllowed, answers unknown routes with [NoRoute] and wrong methods
// with [NoMethod], and uses [Recovery] and [Errors] as its first middleware, so that
// they see every handler. It also makes gin's default validator name fields by
// their json tags (see [UseJSONNames]). Call it before adding routes and other
// middleware.
func Register(e *gin.Engine, h *httperr.Handler) {
	e.HandleMethodNotAllowed = true
	e.NoRoute(NoRoute(h))
	e.NoMethod(NoMethod(h))
	e.Use(Recovery(h), Errors(h))
	UseJSONNames()
}

// NoRoute returns the handler of requests no route matches, for e.NoRoute: it
// answers with [httperr.Handler.NotFoundError].
func NoRoute(h *httperr.Handler) gin.HandlerFunc {
	return func(c *gin.Context) {
		h.Write(c.Writer, c.Request, h.NotFoundError(c.Request.Method, c.Request.URL.Path))
		c.Abort()
	}
}

// NoMethod returns the handler of requests whose route exists for other methods,
// for e.NoMethod (with e.HandleMethodNotAllowed set): it answers with
// [httperr.Handler.MethodNotAllowedError], which sorts the methods as a ServeMux
// sorts them, in the Allow header and the body alike.
func NoMethod(h *httperr.Handler) gin.HandlerFunc {
	return func(c *gin.Context) {
		h.Write(c.Writer, c.Request, h.MethodNotAllowedError(c.Request.Method, c.Writer.Header().Get("Allow")))
		c.Abort()
	}
}

// Recovery returns middleware that answers a panic with h's Codes.Internal (500),
// the panic's value and stack in the log only, as [httperr.Handler.Wrap] does; it
// replaces gin.Recovery. When the response has begun it can only log, and aborts
// the response with http.ErrAbortHandler as net/http does.
func Recovery(h *httperr.Handler) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			p := &httperr.PanicError{Value: v, Stack: debug.Stack()}
			if c.Writer.Written() {
				req := httperr.RequestOf(c.Request)
				resp := h.Render(nil, req, p)
				h.Log(c.Request.Context(), req, &resp, p)
				panic(http.ErrAbortHandler)
			}
			h.Write(c.Writer, c.Request, p)
			c.Abort()
		}()
		c.Next()
	}
}

// Errors returns middleware that answers a request whose handlers attached errors
// with c.Error and wrote nothing: the last error attached becomes the response,
// through [Error] (binding and validation errors are mapped) and h.Write.
func Errors(h *httperr.Handler) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		if len(c.Errors) == 0 || c.Writer.Written() {
			return
		}
		err := c.Errors.Last().Err
		h.Write(c.Writer, c.Request, Error(h, err))
	}
}
