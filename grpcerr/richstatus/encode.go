package richstatus

import (
	"errors"
	"net/http"
	"time"

	"github.com/errcat/errcat"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
)

// Context is what a transport knows of the call an error answers. The zero Context
// renders in the catalog's default locale, without RequestInfo or a retry delay.
type Context struct {
	// Locale is the locale of the texts, as [NegotiateLocale] chose it.
	Locale string
	// RequestID identifies the call, for the client to quote; sent as RequestInfo.
	RequestID string
	// RetryAfter, when positive, is the delay sent in RetryInfo.
	RetryAfter time.Duration
}

// Encode returns the code, message and details that answer e:
//
//   - the code is [Code] of e's variant;
//   - the message is e's message in c.Locale, or, when e's code is not public, only
//     the generic text of its HTTP status (as net/http's StatusText gives it);
//   - ErrorInfo has the code's [Reason], the catalog name as domain and, when public,
//     every param given, as text, by name;
//   - when public: LocalizedMessage (the locale c.Locale falls back to in the set,
//     and the message), and BadRequest with a violation per field error (field,
//     reason and message in c.Locale);
//   - Help links the code's documentation when the catalog has a docs URL;
//   - RetryInfo is sent when the code is retryable, with c.RetryAfter as its delay;
//   - RequestInfo carries c.RequestID when it is not empty.
//
// Encode does not look at e's cause: nothing of it is sent. The details must not be
// modified: some are shared between calls.
func Encode(e *errcat.Error, c *Context) (code uint32, message string, details []proto.Message) {
	v := e.Variant()
	pub := v.Public()
	set := v.Set()
	message = text(e, c.Locale)
	details = make([]proto.Message, 0, 6)

	info := &errdetails.ErrorInfo{Reason: reasonOf(v)}
	if set != nil {
		info.Domain = set.Name()
	}
	if pub {
		info.Metadata = metadata(e)
	}
	details = append(details, info)
	if pub {
		locale := c.Locale
		if set != nil {
			locale = set.MatchLocale(c.Locale)
		}
		details = append(details, &errdetails.LocalizedMessage{Locale: locale, Message: message})
		if fields := e.Fields(); len(fields) > 0 {
			details = append(details, badRequest(fields, c.Locale))
		}
	}
	if u := v.DocsURL(); u != "" {
		details = append(details, help(e.Code(), u))
	}
	if v.Retryable() {
		ri := &errdetails.RetryInfo{}
		if c.RetryAfter > 0 {
			ri.RetryDelay = durationpb.New(c.RetryAfter)
		}
		details = append(details, ri)
	}
	if c.RequestID != "" {
		details = append(details, &errdetails.RequestInfo{RequestId: c.RequestID})
	}
	return Code(v), message, details
}

// text returns e's message in locale, or its status's generic text when e is not
// public.
func text(e *errcat.Error, locale string) string {
	v := e.Variant()
	if v.Public() {
		return e.Message(locale)
	}
	s := v.Status()
	if s == 0 {
		s = http.StatusInternalServerError
	}
	return http.StatusText(s)
}

// metadata returns e's params as ErrorInfo metadata, by name, as text; nil when it has
// none.
func metadata(e *errcat.Error) map[string]string {
	args := e.Args()
	params := e.Definition().Params()
	var m map[string]string
	for i, a := range args {
		if a.IsZero() || i >= len(params) {
			continue
		}
		if m == nil {
			m = make(map[string]string, len(args))
		}
		m[params[i].Name] = a.String()
	}
	return m
}

// badRequest returns the BadRequest detail of fields.
func badRequest(fields []errcat.FieldError, locale string) *errdetails.BadRequest {
	br := &errdetails.BadRequest{FieldViolations: make([]*errdetails.BadRequest_FieldViolation, len(fields))}
	for i, f := range fields {
		fv := &errdetails.BadRequest_FieldViolation{Field: f.Field}
		if f.Err != nil {
			fv.Reason = reasonOf(f.Err.Variant())
			fv.Description = text(f.Err, locale)
		}
		br.FieldViolations[i] = fv
	}
	return br
}

// retryAfterError attaches a retry delay to an error.
type retryAfterError struct {
	err   error
	after time.Duration
}

func (e *retryAfterError) Error() string             { return e.err.Error() }
func (e *retryAfterError) Unwrap() error             { return e.err }
func (e *retryAfterError) RetryAfter() time.Duration { return e.after }

// WithRetryAfter returns err with a delay after which the client may retry, sent as
// RetryInfo when err's code is retryable. [RetryAfter] finds it.
func WithRetryAfter(err error, d time.Duration) error { return &retryAfterError{err: err, after: d} }

// RetryAfter returns the retry delay attached to err: by [WithRetryAfter], or by any
// error along err's chain of single causes, down to the catalog error, that has a
// RetryAfter() time.Duration method. What a catalog error wraps is its cause, not
// advice to the client, so the search stops there.
func RetryAfter(err error) (time.Duration, bool) {
	for i := 0; err != nil && i < 32; i++ {
		switch e := err.(type) {
		case interface{ RetryAfter() time.Duration }:
			return e.RetryAfter(), true
		case *errcat.Error:
			return 0, false
		}
		err = errors.Unwrap(err)
	}
	return 0, false
}
