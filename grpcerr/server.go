package grpcerr

import (
	"context"
	"errors"
	"log/slog"
	"runtime/debug"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"github.com/errcat/errcat/httperr"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Server answers the errors of gRPC handlers with rich statuses. The zero Server is
// ready to use: slog's default logger, the common catalog's codes. A Server must not
// be changed once its interceptors are in use; they are safe for concurrent use.
type Server struct {
	// Logger receives one record per error answered; slog.Default() when nil.
	Logger *slog.Logger
	// Codes remaps the failures the interceptors answer themselves: Codes.Internal
	// answers panics and errors that are not catalog errors (000001 when nil), and
	// Codes.Timeout an expired deadline (000022 when nil). Other fields are unused.
	Codes httperr.Codes
	// Observe, when set, is called once per catalog error answered (not for status
	// errors sent as they are, nor cancelled calls), with the call's context, its
	// full method name ("/pkg.Service/Method") and the error, before the status is
	// sent; an otelerr.Recorder's Record method fits. It must not keep err.
	Observe func(ctx context.Context, method string, err *errcat.Error)
}

// UnaryInterceptor returns the interceptor that answers a unary handler's error (or
// panic) as [Server.Error] describes.
func (s *Server) UnaryInterceptor() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
		defer func() {
			if v := recover(); v != nil {
				resp, err = nil, s.answer(ctx, info.FullMethod, s.panicError(v))
			}
		}()
		resp, err = handler(ctx, req)
		if err != nil {
			return nil, s.answer(ctx, info.FullMethod, err)
		}
		return resp, nil
	}
}

// StreamInterceptor returns the interceptor that answers a streaming handler's error
// (or panic) as [Server.Error] describes.
func (s *Server) StreamInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = s.answer(ss.Context(), info.FullMethod, s.panicError(v))
			}
		}()
		if err = handler(srv, ss); err != nil {
			return s.answer(ss.Context(), info.FullMethod, err)
		}
		return nil
	}
}

// Error returns the status error that answers err in the call ctx belongs to, and
// logs err once. A catalog error (*errcat.Error, found through any wrapping) is
// answered with its code, in the locale the "accept-language" metadata prefers; an
// expired deadline with Codes.Timeout; a status error (one made by package status)
// with that status, as the handler chose it; a cancelled call with CANCELLED; and
// anything else with Codes.Internal, with nothing of its text sent. Every answer but
// the last two carries the call's id, from "x-request-id" when well-formed, else a
// new one, which the log record quotes. method names the call in the log.
func (s *Server) Error(ctx context.Context, method string, err error) error {
	return s.answer(ctx, method, err)
}

func (s *Server) answer(ctx context.Context, method string, err error) error {
	e := catalogError(err)
	if e == nil {
		var gs interface{ GRPCStatus() *status.Status }
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			e = s.timeout().Wrap(err)
		case errors.As(err, &gs) && gs.GRPCStatus() != nil:
			return gs.GRPCStatus().Err() // not err: its wrapping text is not for the client
		case errors.Is(err, context.Canceled):
			return status.Error(codes.Canceled, context.Canceled.Error()) // not err's text
		default:
			e = s.internal().Wrap(err)
		}
	}
	c := &richstatus.Context{RequestID: richstatus.RequestID(first(ctx, "x-request-id"))}
	if set := e.Definition().Set(); set != nil {
		c.Locale = richstatus.NegotiateLocale(set, first(ctx, "accept-language"))
	}
	if d, ok := richstatus.RetryAfter(err); ok {
		c.RetryAfter = d
	}
	st := Status(e, c)
	s.log(ctx, method, e, err, st, c.RequestID)
	if s.Observe != nil {
		s.Observe(ctx, method, e)
	}
	return st.Err()
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
// whole cause chain; statuses never carry the cause.
func (s *Server) log(ctx context.Context, method string, e *errcat.Error, orig error, st *status.Status, id string) {
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
		slog.String("grpc_code", st.Code().String()),
		slog.String("method", method),
		slog.String("request_id", id),
	}
	if orig != nil && orig != error(e) {
		attrs = append(attrs, slog.String("chain", orig.Error()))
	}
	l.LogAttrs(ctx, level, "call failed", attrs...)
}

// first returns the first value of an incoming metadata key, or "", without copying
// the call's whole metadata as metadata.FromIncomingContext does.
func first(ctx context.Context, key string) string {
	if v := metadata.ValueFromIncomingContext(ctx, key); len(v) > 0 {
		return v[0]
	}
	return ""
}
