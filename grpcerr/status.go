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
	"google.golang.org/protobuf/types/known/anypb"
)

// Status returns the status that answers e, rendered for c as [richstatus.Encode]
// describes; a nil c is the zero Context. Nothing of e's cause is in it. The details
// are written by [richstatus.AppendEncoded], without building their messages.
func Status(e *errcat.Error, c *richstatus.Context) *status.Status {
	if c == nil {
		c = &richstatus.Context{}
	}
	sc := scratches.Get().(*scratch)
	defer sc.release()
	var code uint32
	var msg string
	code, msg, sc.buf, sc.details = richstatus.AppendEncoded(sc.buf, sc.details[:0], e, c)
	sc.status.Code, sc.status.Message, sc.status.Details = int32(code), msg, sc.anys()
	// status.FromProto keeps a deep copy (proto.Clone), which TestFromProtoCopies
	// holds it to, so the scratch memory is free again once it returns.
	return status.FromProto(&sc.status)
}

// scratch is the memory Status builds a status in: the details' bytes, and the Any
// messages that hold them. It is reused through scratches.
type scratch struct {
	status  spb.Status
	buf     []byte
	details []richstatus.Detail
	any     [8]anypb.Any
	ptrs    [8]*anypb.Any
}

var scratches = sync.Pool{New: func() any { return &scratch{buf: make([]byte, 0, 1024)} }}

// anys returns the details as Any messages in sc.
func (sc *scratch) anys() []*anypb.Any {
	anys, out := sc.any[:], sc.ptrs[:0]
	if len(sc.details) > len(anys) {
		anys, out = make([]anypb.Any, len(sc.details)), make([]*anypb.Any, 0, len(sc.details))
	}
	for i, d := range sc.details {
		a := &anys[i]
		a.TypeUrl, a.Value = d.TypeURL, d.Value
		out = append(out, a)
	}
	return out
}

// release clears what sc points to and returns it to scratches; a buffer grown
// past 64 KiB by a huge detail is dropped rather than kept.
func (sc *scratch) release() {
	sc.status = spb.Status{}
	for i := range sc.any {
		sc.any[i] = anypb.Any{}
		sc.ptrs[i] = nil
	}
	clear(sc.details)
	if cap(sc.buf) > 64<<10 {
		sc.buf = make([]byte, 0, 1024)
	}
	sc.buf = sc.buf[:0]
	scratches.Put(sc)
}

// FromStatus returns the catalog error s carries, decoded with [richstatus.Decode]
// against sets, with a [*Remote] as its cause; nil for a nil or OK status. The
// details are read from their wire form by [richstatus.DecodeDetails].
func FromStatus(s *status.Status, sets ...*errcat.Set) *errcat.Error {
	if s == nil || s.Code() == codes.OK {
		return nil
	}
	// Proto copies the status; Details would unmarshal every detail into a message.
	p := s.Proto()
	var buf [8]richstatus.Detail
	details := buf[:0]
	for _, a := range p.GetDetails() {
		details = append(details, richstatus.Detail{TypeURL: a.GetTypeUrl(), Value: a.GetValue()})
	}
	e, r := richstatus.DecodeDetails(uint32(s.Code()), s.Message(), details, sets...)
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
