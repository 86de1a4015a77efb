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
	sc := scratches.Get().(*scratch)
	defer sc.release()
	sc.status.Code, sc.status.Message, sc.status.Details = int32(code), msg, sc.marshalAll(details)
	// status.FromProto keeps a deep copy (proto.Clone), which TestFromProtoCopies
	// holds it to, so the scratch memory is free again once it returns.
	return status.FromProto(&sc.status)
}

// scratch is the memory Status builds a status in: the Any messages of the details
// and one buffer holding their bytes. It is reused through scratches.
type scratch struct {
	status spb.Status
	buf    []byte
	anys   [8]anypb.Any
	ptrs   [8]*anypb.Any
}

var scratches = sync.Pool{New: func() any { return &scratch{buf: make([]byte, 0, 1024)} }}

// release clears what sc points to and returns it to scratches; a buffer grown
// past 64 KiB by a huge detail is dropped rather than kept.
func (sc *scratch) release() {
	sc.status = spb.Status{}
	for i := range sc.anys {
		sc.anys[i] = anypb.Any{}
		sc.ptrs[i] = nil
	}
	if cap(sc.buf) > 64<<10 {
		sc.buf = make([]byte, 0, 1024)
	}
	sc.buf = sc.buf[:0]
	scratches.Put(sc)
}

// marshalAll returns details as Any messages in sc, their bytes in sc's buffer. The
// errdetails messages always marshal; one that did not would be left out.
func (sc *scratch) marshalAll(details []proto.Message) []*anypb.Any {
	anys, out := sc.anys[:], sc.ptrs[:0]
	if len(details) > len(anys) {
		anys, out = make([]anypb.Any, len(details)), make([]*anypb.Any, 0, len(details))
	}
	buf := sc.buf
	for i, d := range details {
		start := len(buf)
		var url string
		var ok bool
		if buf, url, ok = appendDetail(buf, d); !ok {
			var err error
			if buf, err = (proto.MarshalOptions{}).MarshalAppend(buf, d); err != nil {
				buf = buf[:start]
				continue
			}
			url = typeURL(d)
		}
		a := &anys[i]
		a.TypeUrl = url
		a.Value = buf[start:len(buf):len(buf)]
		out = append(out, a)
	}
	sc.buf = buf
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
