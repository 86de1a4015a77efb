package connecterr

import (
	"errors"
	"time"

	"connectrpc.com/connect"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"google.golang.org/protobuf/proto"
)

// Error returns the Connect error that answers e, rendered for c as
// [richstatus.Encode] describes; a nil c is the zero Context. Nothing of e's cause
// is in it: its message is the one Encode chose.
func Error(e *errcat.Error, c *richstatus.Context) *connect.Error {
	if c == nil {
		c = &richstatus.Context{}
	}
	code, msg, details := richstatus.Encode(e, c)
	ce := connect.NewError(connect.Code(code), errors.New(msg))
	for _, d := range details {
		if ed, err := connect.NewErrorDetail(d); err == nil { // the errdetails messages always marshal
			ce.AddDetail(ed)
		}
	}
	return ce
}

// FromError returns the catalog error that err, an error a Connect call returned,
// carries: decoded with [richstatus.Decode] against sets, with a [*Remote] as its
// cause. An error that is not a *connect.Error, or nil, is returned unchanged.
func FromError(err error, sets ...*errcat.Set) error {
	var ce *connect.Error
	if err == nil || !errors.As(err, &ce) {
		return err
	}
	details := make([]proto.Message, 0, len(ce.Details()))
	for _, d := range ce.Details() {
		if m, err := d.Value(); err == nil {
			details = append(details, m)
		}
	}
	e, r := richstatus.Decode(uint32(ce.Code()), ce.Message(), details, sets...)
	return e.WithCause(&Remote{Received: r, err: ce})
}

// Remote is the cause of an error decoded from a Connect error: what it said besides
// the catalog error. Find it with errors.As. It unwraps to the *connect.Error as
// received, so that connect.CodeOf and errors.As see it.
type Remote struct {
	richstatus.Received
	err *connect.Error
}

// Error describes the received error.
func (r *Remote) Error() string {
	s := "remote Connect error " + connect.Code(r.Code).String()
	if r.RequestID != "" {
		s += ", request " + r.RequestID
	}
	if r.Retry && r.RetryAfter > 0 {
		s += ", retry after " + r.RetryAfter.Round(time.Millisecond).String()
	}
	return s
}

// Unwrap returns the *connect.Error as received.
func (r *Remote) Unwrap() error { return r.err }
