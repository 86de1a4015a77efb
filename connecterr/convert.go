package connecterr

import (
	"errors"
	"time"

	"connectrpc.com/connect"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"google.golang.org/protobuf/types/known/anypb"
)

// Error returns the Connect error that answers e, rendered for c as
// [richstatus.Encode] describes; a nil c is the zero Context. Nothing of e's cause
// is in it: its message is the one Encode chose. The details are written by
// [richstatus.AppendEncoded], without building their messages.
func Error(e *errcat.Error, c *richstatus.Context) *connect.Error {
	if c == nil {
		c = &richstatus.Context{}
	}
	var detailBuf [8]richstatus.Detail
	// The details' bytes stay with the error, one buffer for all of them.
	code, msg, _, details := richstatus.AppendEncoded(make([]byte, 0, 512), detailBuf[:0], e, c)
	ce := connect.NewError(connect.Code(code), errors.New(msg))
	anys := make([]anypb.Any, len(details))
	for i, d := range details {
		anys[i].TypeUrl, anys[i].Value = d.TypeURL, d.Value
		if ed, err := connect.NewErrorDetail(&anys[i]); err == nil { // an Any is taken as it is
			ce.AddDetail(ed)
		}
	}
	return ce
}

// FromError returns the catalog error that err, an error a Connect call returned,
// carries: decoded with [richstatus.Decode] against sets (from the details' wire form,
// by [richstatus.DecodeDetails]), with a [*Remote] as its
// cause. An error that is not a *connect.Error, or nil, is returned unchanged.
func FromError(err error, sets ...*errcat.Set) error {
	var ce *connect.Error
	if err == nil || !errors.As(err, &ce) {
		return err
	}
	var detailBuf [8]richstatus.Detail
	details := detailBuf[:0]
	for _, d := range ce.Details() {
		details = append(details, richstatus.Detail{TypeURL: d.Type(), Value: d.Bytes()})
	}
	e, r := richstatus.DecodeDetails(uint32(ce.Code()), ce.Message(), details, sets...)
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
