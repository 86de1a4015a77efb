package connecterr

import (
	"context"
	"errors"
	"io"

	"connectrpc.com/connect"
	"github.com/errcat/errcat"
)

// ClientInterceptor returns an interceptor that turns the error a call fails with
// into the catalog error it carries, as [FromError] does: an error of a definition of
// sets when one has the code, else one made from the received error, so that a code
// the client does not know still has its code, params and message. It converts the
// errors of unary calls and of a stream's Send, Receive, CloseRequest and
// CloseResponse; io.EOF, which ends a stream, is returned as it is.
func ClientInterceptor(sets ...*errcat.Set) connect.Interceptor {
	return clientInterceptor{sets: sets}
}

type clientInterceptor struct{ sets []*errcat.Set }

func (c clientInterceptor) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		resp, err := next(ctx, req)
		if err != nil {
			return resp, FromError(err, c.sets...)
		}
		return resp, nil
	}
}

func (c clientInterceptor) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return func(ctx context.Context, spec connect.Spec) connect.StreamingClientConn {
		return &clientConn{StreamingClientConn: next(ctx, spec), sets: c.sets}
	}
}

func (c clientInterceptor) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return next
}

// clientConn decodes the errors of a client stream.
type clientConn struct {
	connect.StreamingClientConn
	sets []*errcat.Set
}

func (c *clientConn) convert(err error) error {
	if err == nil || errors.Is(err, io.EOF) {
		return err
	}
	return FromError(err, c.sets...)
}

func (c *clientConn) Send(m any) error     { return c.convert(c.StreamingClientConn.Send(m)) }
func (c *clientConn) Receive(m any) error  { return c.convert(c.StreamingClientConn.Receive(m)) }
func (c *clientConn) CloseRequest() error  { return c.convert(c.StreamingClientConn.CloseRequest()) }
func (c *clientConn) CloseResponse() error { return c.convert(c.StreamingClientConn.CloseResponse()) }
