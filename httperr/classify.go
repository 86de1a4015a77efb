package httperr

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
)

// The methods errors report an HTTP status with: StatusCode (go-kit's StatusCoder and
// many clients), GetStatus (huma's StatusError), and the spellings other libraries use.
// echo's *echo.HTTPError and fiber's *fiber.Error keep theirs in a Code field, and
// gin's binder returns encoding/json's errors or validator's: an adapter for those
// frameworks maps them, with [Codes.ByStatus] or its own codes.
type (
	statusCoder    interface{ StatusCode() int }
	statuser       interface{ Status() int }
	getStatuser    interface{ GetStatus() int }
	httpStatuser   interface{ HTTPStatus() int }
	httpStatusCode interface{ HTTPStatusCode() int }
)

// Classify returns the catalog error err carries, found through any wrapping, or err
// mapped to a catalog code, wrapping err as its cause (logged, never sent):
//
//   - an [http.MaxBytesError]: Codes.PayloadTooLarge, with the limit;
//   - a [json.SyntaxError], a truncated body ([io.ErrUnexpectedEOF]), or a
//     [json.UnmarshalTypeError] (as frameworks' JSON binders return them):
//     Codes.MalformedJSON, or Codes.WrongJSONType naming the field;
//   - an expired deadline ([context.DeadlineExceeded]): Codes.Timeout;
//   - an error reporting a 4xx status through a method StatusCode() int, Status() int,
//     GetStatus() int, HTTPStatus() int or HTTPStatusCode() int: the code
//     [Codes.ForStatus] gives that status, with the params it can tell (a wrong
//     method's Allow, the supported media types, the body limit; when rendering a
//     response, the request's method and Content-Type too);
//   - anything else, a 5xx status included: Codes.Internal.
//
// The framework's own message is never shown: only the code's texts are. Classify
// returns nil for a nil err.
func (h *Handler) Classify(err error) *errcat.Error {
	if err == nil {
		return nil
	}
	h.init()
	_, allow := adviceOf(err)
	return h.classify(err, &Request{}, allow)
}

// classify is Classify for a response to req.
func (h *Handler) classify(err error, req *Request, allow string) *errcat.Error {
	var e *errcat.Error
	if errors.As(err, &e) {
		return e
	}
	var (
		mb  *http.MaxBytesError
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &mb):
		return h.codes.PayloadTooLarge.Wrap(err, errcat.String("The limit is "+strconv.FormatInt(mb.Limit, 10)+" bytes"))
	case errors.As(err, &typ):
		if want, ok := jsonTypeOf(typ.Type); ok {
			field := fieldName(typ.Field)
			return h.codes.WrongJSONType.Wrap(err, errcat.String(field), errcat.String(want))
		}
		return h.codes.Internal.Wrap(err) // no JSON decodes into the target: a server fault
	case errors.As(err, &syn), errors.Is(err, io.ErrUnexpectedEOF):
		return h.codes.MalformedJSON.Wrap(err)
	case errors.Is(err, context.DeadlineExceeded):
		return h.codes.Timeout.Wrap(err)
	}
	if st := statusOf(err); st >= 400 && st < 500 {
		return h.statusError(h.codes.ForStatus(st), err, req, allow)
	}
	return h.codes.Internal.Wrap(err)
}

// statusOf returns the HTTP status the first error along err's chain to report one
// reports, or 0.
func statusOf(err error) int {
	for i := 0; err != nil && i < 32; i++ {
		switch e := err.(type) {
		case statusCoder:
			return e.StatusCode()
		case statuser:
			return e.Status()
		case getStatuser:
			return e.GetStatus()
		case httpStatuser:
			return e.HTTPStatus()
		case httpStatusCode:
			return e.HTTPStatusCode()
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				if st := statusOf(x); st != 0 {
					return st
				}
			}
			return 0
		default:
			return 0
		}
	}
	return 0
}

// statusError returns d wrapping err, with the params it can tell when d is one of
// the HTTP layer's own codes; another code is raised without params.
func (h *Handler) statusError(d *errcat.Definition, err error, req *Request, allow string) *errcat.Error {
	c := &h.codes
	switch d {
	case c.MethodNotAllowed:
		return d.Wrap(err, errcat.String(boundText(req.Method)), errcat.String(allow))
	case c.NotAcceptable:
		return d.Wrap(err, errcat.String(strings.Join(h.own.types, ", ")))
	case c.UnsupportedContentType:
		supported := "application/json"
		if len(h.ContentTypes) > 0 {
			supported = strings.Join(h.ContentTypes, ", ")
		}
		return d.Wrap(err, errcat.String(boundText(req.ContentType)), errcat.String(supported))
	case c.PayloadTooLarge:
		if h.MaxBodyBytes > 0 {
			return d.Wrap(err, errcat.String("The limit is "+strconv.FormatInt(h.MaxBodyBytes, 10)+" bytes"))
		}
	}
	return d.Wrap(err)
}
