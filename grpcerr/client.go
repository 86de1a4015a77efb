package grpcerr

import (
	"context"

	"github.com/errcat/errcat"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

// UnaryClientInterceptor returns an interceptor that turns the status a unary call
// fails with into the catalog error it carries, as [FromError] does: an error of a
// definition of sets when one has the code, else one made from the status, so that
// a code the client does not know still has its code, params and message. The
// received status stays reachable: status.Code(err) and status.FromError(err) see it
// through the error's [*Remote] cause.
func UnaryClientInterceptor(sets ...*errcat.Set) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		return FromError(invoker(ctx, method, req, reply, cc, opts...), sets...)
	}
}

// StreamClientInterceptor returns an interceptor that does for streams what
// [UnaryClientInterceptor] does for unary calls: the errors of opening the stream,
// of its Header, SendMsg, RecvMsg and CloseSend are decoded; io.EOF, which ends a
// stream, is returned as it is.
func StreamClientInterceptor(sets ...*errcat.Set) grpc.StreamClientInterceptor {
	return func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		cs, err := streamer(ctx, desc, cc, method, opts...)
		if err != nil {
			return nil, FromError(err, sets...)
		}
		return &clientStream{ClientStream: cs, sets: sets}, nil
	}
}

// clientStream decodes the errors of a client stream.
type clientStream struct {
	grpc.ClientStream
	sets []*errcat.Set
}

func (s *clientStream) RecvMsg(m any) error {
	return FromError(s.ClientStream.RecvMsg(m), s.sets...)
}

func (s *clientStream) SendMsg(m any) error {
	return FromError(s.ClientStream.SendMsg(m), s.sets...)
}

func (s *clientStream) CloseSend() error {
	return FromError(s.ClientStream.CloseSend(), s.sets...)
}

func (s *clientStream) Header() (metadata.MD, error) {
	md, err := s.ClientStream.Header()
	return md, FromError(err, s.sets...)
}
