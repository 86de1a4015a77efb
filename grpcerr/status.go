package grpcerr

import (
	"fmt"
	"sync"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/grpcerr/richstatus"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

// Status returns the status that answers e, rendered for c as [richstatus.Encode]
// describes; a nil c is the zero Context. Nothing of e's cause is in it.
func Status(e *errcat.Error, c *richstatus.Context) *status.Status {
	if c == nil {
		c = &richstatus.Context{}
	}
	code, msg, details := richstatus.Encode(e, c)
	return status.FromProto(&spb.Status{Code: int32(code), Message: msg, Details: marshalAll(details)})
}

// marshalAll returns details as Any messages, their bytes in one buffer and the
// messages in one array: a handful of allocations however many details there are.
// The errdetails messages always marshal; one that did not would be left out.
func marshalAll(details []proto.Message) []*anypb.Any {
	anys := make([]anypb.Any, len(details))
	out := make([]*anypb.Any, 0, len(details))
	size := 0
	for _, d := range details {
		size += proto.Size(d)
	}
	buf := make([]byte, 0, size)
	for i, d := range details {
		start := len(buf)
		var err error
		if buf, err = (proto.MarshalOptions{}).MarshalAppend(buf, d); err != nil {
			buf = buf[:start]
			continue
		}
		a := &anys[i]
		a.TypeUrl = typeURL(d)
		a.Value = buf[start:len(buf):len(buf)]
		out = append(out, a)
	}
	return out
}

// typeURLs holds the type URL of each message type marshalled so far.
var typeURLs sync.Map // protoreflect.FullName → string

// typeURL returns the Any type URL of m, "type.googleapis.com/" and its full name,
// as anypb.New writes it.
func typeURL(m proto.Message) string {
	name := m.ProtoReflect().Descriptor().FullName()
	if u, ok := typeURLs.Load(name); ok {
		return u.(string)
	}
	u := "type.googleapis.com/" + string(name)
	typeURLs.Store(name, u)
	return u
}

// FromStatus returns the catalog error s carries, decoded with [richstatus.Decode]
// against sets, with a [*Remote] as its cause; nil for a nil or OK status.
func FromStatus(s *status.Status, sets ...*errcat.Set) *errcat.Error {
	if s == nil || s.Code() == codes.OK {
		return nil
	}
	raw := s.Details()
	details := make([]proto.Message, 0, len(raw))
	for _, d := range raw {
		if m, ok := d.(proto.Message); ok {
			details = append(details, m)
		}
	}
	e, r := richstatus.Decode(uint32(s.Code()), s.Message(), details, sets...)
	return e.WithCause(&Remote{Received: r, status: s})
}

// FromError returns the catalog error that err, a status error a gRPC call returned,
// carries (see [FromStatus]). An error that is not a status error, or nil, is
// returned unchanged.
func FromError(err error, sets ...*errcat.Set) error {
	if err == nil {
		return nil
	}
	s, ok := status.FromError(err)
	if !ok {
		return err
	}
	if e := FromStatus(s, sets...); e != nil {
		return e
	}
	return err // an OK status: nothing to decode
}

// Remote is the cause of an error decoded from a status: what the status said
// besides the catalog error. Find it with errors.As. status.FromError and
// status.Code see the received status through it.
type Remote struct {
	richstatus.Received
	status *status.Status
}

// Error describes the status.
func (r *Remote) Error() string {
	s := "remote gRPC error " + richstatus.CodeName(r.Code)
	if r.RequestID != "" {
		s += ", request " + r.RequestID
	}
	if r.Retry && r.RetryAfter > 0 {
		s += fmt.Sprintf(", retry after %v", r.RetryAfter.Round(time.Millisecond))
	}
	return s
}

// GRPCStatus returns the status as received.
func (r *Remote) GRPCStatus() *status.Status { return r.status }
