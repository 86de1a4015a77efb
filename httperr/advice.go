package httperr

import (
	"errors"
	"time"

	"github.com/errcat/errcat"
)

// retryAfterErr attaches a Retry-After delay to an error.
type retryAfterErr struct {
	err   error
	after time.Duration
}

func (e *retryAfterErr) Error() string { return e.err.Error() }
func (e *retryAfterErr) Unwrap() error { return e.err }

// RetryAfter returns the delay; the gRPC and Connect adapters find it by this method.
func (e *retryAfterErr) RetryAfter() time.Duration { return e.after }

// RetryAfter returns err with a delay after which the client may retry: Write sends
// it as a Retry-After header and, in the Google envelope, as RetryInfo. It is found
// around the catalog error (directly, or under fmt.Errorf's %w), not among the causes
// the catalog error wraps. The error has a RetryAfter() time.Duration method, by
// which the gRPC and Connect adapters (grpcerr, connecterr) send the delay as
// RetryInfo over their transports, a retryable code's as HTTP's.
func RetryAfter(err error, d time.Duration) error { return &retryAfterErr{err: err, after: d} }

// allowErr attaches an Allow header value to an error.
type allowErr struct {
	err   error
	allow string
}

func (e *allowErr) Error() string { return e.err.Error() }
func (e *allowErr) Unwrap() error { return e.err }

// adviceOf finds, along err's chain of single causes down to the catalog error, the
// RetryAfter delay and the Allow value attached to it: what a catalog error wraps is
// its cause, not advice to the client.
func adviceOf(err error) (retryAfter time.Duration, allow string) {
	for i := 0; err != nil && i < 32; i++ {
		switch e := err.(type) {
		case *errcat.Error:
			return retryAfter, allow
		case *retryAfterErr:
			if retryAfter == 0 {
				retryAfter = e.after
			}
		case *allowErr:
			if allow == "" {
				allow = e.allow
			}
		}
		err = errors.Unwrap(err)
	}
	return retryAfter, allow
}

// retryAfterOf returns the RetryAfter delay attached to err, as adviceOf finds it.
func retryAfterOf(err error) (time.Duration, bool) {
	d, _ := adviceOf(err)
	return d, d != 0
}
