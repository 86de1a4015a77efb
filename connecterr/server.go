package connecterr

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"

	"connectrpc.com/connect"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"github.com/errcat/errcat/httperr"
)

// Server answers the errors of Connect handlers with Connect errors carrying the
// catalog's code and details. The zero Server is ready to use: slog's default logger,
// the common catalog's codes. A Server must not be changed once its interceptor is in
// use; the interceptor is safe for concurrent use.
type Server struct {
	// Logger receives one record per error answered; slog.Default() when nil.
	Logger *slog.Logger
	// Codes remaps the failures the interceptor answers itself: Codes.Internal
	// answers panics and errors that are not catalog errors (000001 when nil), and
	// Codes.Timeout an expired deadline (000022 when nil). Other fields are unused.
	Codes httperr.Codes
	// Observe, when set, is called once per catalog error answered (not for
	// *connect.Errors sent as they are, nor cancelled calls), with the call's
	// context, its procedure ("/pkg.Service/Method") and the error, before the error
	// is sent; an otelerr.Recorder's Record method fits. It must not keep err.
	Observe func(ctx context.Context, procedure string, err *errcat.Error)
}

// Interceptor returns the handler interceptor that answers the errors and panics of
// unary and streaming handlers as [Server.Error] describes. Install it with
// connect.WithInterceptors on the handler.
func (s *Server) Interceptor() connect.Interceptor { return serverInterceptor{s} }

type serverInterceptor struct{ s *Server }

func (i serverInterceptor) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (resp connect.AnyResponse, err error) {
		if req.Spec().IsClient {
			return next(ctx, req)
		}
		defer func() {
			if v := recover(); v != nil {
				resp, err = nil, i.s.Error(ctx, req.Spec().Procedure, req.Header(), i.s.panicError(v))
			}
		}()
		resp, err = next(ctx, req)
		if err != nil {
			return nil, i.s.Error(ctx, req.Spec().Procedure, req.Header(), err)
		}
		return resp, nil
	}
}

func (i serverInterceptor) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

func (i serverInterceptor) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return func(ctx context.Context, conn connect.StreamingHandlerConn) (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = i.s.Error(ctx, conn.Spec().Procedure, conn.RequestHeader(), i.s.panicError(v))
			}
		}()
		if err = next(ctx, conn); err != nil {
			return i.s.Error(ctx, conn.Spec().Procedure, conn.RequestHeader(), err)
		}
		return nil
	}
}

// Error returns the Connect error that answers err in a call with the request
// headers h, and logs err once. A catalog error (*errcat.Error, found through any
// wrapping) is answered with its code, in the locale Accept-Language prefers; an
// expired deadline with Codes.Timeout; a *connect.Error with that error, as the
// handler made it; a cancelled call with CodeCanceled; and anything else with
// Codes.Internal, with nothing of its text sent. The catalog answers carry the
// call's id (X-Request-ID when well-formed, else a new one), which the log record
// quotes. procedure names the call in the log.
func (s *Server) Error(ctx context.Context, procedure string, h http.Header, err error) error {
	e := catalogError(err)
	if e == nil {
		var ce *connect.Error
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			e = s.timeout().Wrap(err)
		case errors.As(err, &ce):
			return ce // not err: its wrapping text is not for the client
		case errors.Is(err, context.Canceled):
			return connect.NewError(connect.CodeCanceled, context.Canceled) // not err's text
		default:
			e = s.internal().Wrap(err)
		}
	}
	c := &richstatus.Context{RequestID: richstatus.RequestID(h.Get("X-Request-Id"))}
	if set := e.Definition().Set(); set != nil {
		c.Locale = richstatus.NegotiateLocale(set, h.Get("Accept-Language"))
	}
	if d, ok := richstatus.RetryAfter(err); ok {
		c.RetryAfter = d
	}
	ce := Error(e, c)
	s.log(ctx, procedure, e, err, ce.Code(), c.RequestID)
	if s.Observe != nil {
		s.Observe(ctx, procedure, e)
	}
	return ce
}

// catalogError returns the *errcat.Error err is or wraps, or nil. The usual case, err
// itself, costs no allocation, which errors.As's target would.
func catalogError(err error) *errcat.Error {
	if e, ok := err.(*errcat.Error); ok {
		return e
	}
	var e *errcat.Error
	errors.As(err, &e)
	return e
}

// panicError returns the error that answers a recovered panic value v.
func (s *Server) panicError(v any) error {
	if v == http.ErrAbortHandler {
		panic(v)
	}
	return s.internal().Wrap(&httperr.PanicError{Value: v, Stack: debug.Stack()})
}

func (s *Server) internal() *errcat.Definition {
	if s.Codes.Internal != nil {
		return s.Codes.Internal
	}
	return common.ErrInternalServerError
}

func (s *Server) timeout() *errcat.Definition {
	if s.Codes.Timeout != nil {
		return s.Codes.Timeout
	}
	return common.ErrUpstreamTimeout
}

// log records the error once, at its definition's level, with the call's id and the
// whole cause chain; responses never carry the cause.
func (s *Server) log(ctx context.Context, procedure string, e *errcat.Error, orig error, code connect.Code, id string) {
	l := s.Logger
	if l == nil {
		l = slog.Default()
	}
	level := e.Variant().LogLevel()
	if !l.Enabled(ctx, level) {
		return
	}
	attrs := []slog.Attr{
		slog.Any("error", e),
		slog.String("connect_code", code.String()),
		slog.String("procedure", procedure),
		slog.String("request_id", id),
	}
	if orig != nil && orig != error(e) {
		attrs = append(attrs, slog.String("chain", orig.Error()))
	}
	l.LogAttrs(ctx, level, "call failed", attrs...)
}
