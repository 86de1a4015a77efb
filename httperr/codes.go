package httperr

import (
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
)

// Codes are the catalog codes the HTTP layer raises for failures of its own. A nil
// field takes the built-in common catalog's code; set fields to remap failures to
// your own catalog's codes. Each definition is raised with the params listed.
type Codes struct {
	// Internal answers panics and errors that are not catalog errors (000001).
	Internal *errcat.Definition
	// NotFound answers a request no route matches (000029: path, method).
	NotFound *errcat.Definition
	// MethodNotAllowed answers a route that exists for other methods (000031:
	// method, allowed methods).
	MethodNotAllowed *errcat.Definition
	// NotAcceptable answers an Accept header no envelope satisfies (000033:
	// supported media types).
	NotAcceptable *errcat.Definition
	// PayloadTooLarge answers a body over the limit (000024: detail).
	PayloadTooLarge *errcat.Definition
	// UnsupportedContentType answers a body in a media type not read (000052:
	// content type, supported types).
	UnsupportedContentType *errcat.Definition
	// MalformedJSON answers a body that is not JSON (000003).
	MalformedJSON *errcat.Definition
	// WrongJSONType answers a JSON value of the wrong type (000011: field, type).
	WrongJSONType *errcat.Definition
	// UnknownField is the field error of a JSON field the target has not (000039:
	// field).
	UnknownField *errcat.Definition
	// MissingField is the field error of a required field left out (000038: field).
	MissingField *errcat.Definition
	// RateLimited answers a request the rate limit refused (000013).
	RateLimited *errcat.Definition
	// Timeout answers a handler that ran past its deadline (000022).
	Timeout *errcat.Definition
	// Maintenance answers while maintenance mode is on (000014).
	Maintenance *errcat.Definition

	// ByStatus maps a 4xx status to the code that answers an error which reports
	// that status but is not a catalog error (see [Handler.Classify]); statuses it
	// leaves out take [Codes.ForStatus]'s defaults.
	ByStatus map[int]*errcat.Definition
}

// ForStatus returns the code that answers a 4xx status reported by an error that
// is not a catalog error: ByStatus's, else 404 ResourceNotFound (000002), 405
// MethodNotAllowed, 406 NotAcceptable, 413 PayloadTooLarge, 415
// UnsupportedContentType, 429 RateLimited, and InvalidRequest (000003, 400) for any
// other status. Fields left nil take the common catalog's codes.
func (c *Codes) ForStatus(status int) *errcat.Definition {
	if d := c.ByStatus[status]; d != nil {
		return d
	}
	dc := c.WithDefaults()
	switch status {
	case 404:
		return common.ErrResourceNotFound
	case 405:
		return dc.MethodNotAllowed
	case 406:
		return dc.NotAcceptable
	case 413:
		return dc.PayloadTooLarge
	case 415:
		return dc.UnsupportedContentType
	case 429:
		return dc.RateLimited
	}
	return common.ErrInvalidRequest
}

// WithDefaults returns c with every nil field set to the common catalog's code: the
// codes a [Handler] configured with c raises. ByStatus is kept as it is.
func (c Codes) WithDefaults() Codes {
	def := func(d **errcat.Definition, fallback *errcat.Definition) {
		if *d == nil {
			*d = fallback
		}
	}
	def(&c.Internal, common.ErrInternalServerError)
	def(&c.NotFound, common.ErrEndpointNotFound)
	def(&c.MethodNotAllowed, common.ErrMethodNotSupported)
	def(&c.NotAcceptable, common.ErrUnsupportedAcceptType)
	def(&c.PayloadTooLarge, common.ErrPayloadTooLarge)
	def(&c.UnsupportedContentType, common.ErrUnsupportedContentType)
	def(&c.MalformedJSON, common.ErrInvalidRequest)
	def(&c.WrongJSONType, common.ErrInvalidJSONFieldType)
	def(&c.UnknownField, common.ErrInvalidFieldValue)
	def(&c.MissingField, common.ErrFieldRequired)
	def(&c.RateLimited, common.ErrTooManyRequests)
	def(&c.Timeout, common.ErrUpstreamTimeout)
	def(&c.Maintenance, common.ErrDeploymentInProgress)
	return c
}
