package httperr

import (
	"net/http"
	"time"

	"github.com/errcat/errcat"
)

// Envelope is a JSON shape for error responses. Implementations must be safe for
// concurrent use; AppendBody must not retain dst or err.
type Envelope interface {
	// Name identifies the envelope, as in "problem"; it names it in flags and queries.
	Name() string
	// ContentType is the media type of the bodies, such as "application/problem+json".
	ContentType() string
	// AppendBody appends the JSON body of err, rendered for c, to dst.
	AppendBody(dst []byte, err *errcat.Error, c *Context) []byte
}

// Context is what an envelope needs to know of the request an error answers. The zero
// Context renders in the catalog's default locale with no instance.
type Context struct {
	// Locale is the locale of the texts, as negotiated from Accept-Language.
	Locale string
	// Instance identifies this occurrence, such as a request id or path (RFC 9457).
	Instance string
	// RetryAfter, when positive, is how long the client should wait before retrying.
	RetryAfter time.Duration
}

// Envelopes lists errcat's envelopes, the default first.
var Envelopes = []Envelope{Problem, Simple, Bulk, Google}

// EnvelopeByName returns the envelope called name among Envelopes, or nil.
func EnvelopeByName(name string) Envelope {
	for _, e := range Envelopes {
		if e.Name() == name {
			return e
		}
	}
	return nil
}

// status returns the HTTP status err is answered with: its definition's, or 500 when
// the catalog gives none.
func status(err *errcat.Error) int {
	if s := err.Status(); s != 0 {
		return s
	}
	return http.StatusInternalServerError
}

// public reports whether err's own texts and params may be shown to clients.
func public(err *errcat.Error) bool { return !err.Variant().Internal() }

// appendTitle appends, as a JSON string, err's title in c's locale, or its status's
// text when the error is not public.
func appendTitle(dst []byte, err *errcat.Error, c *Context) []byte {
	dst = append(dst, '"')
	if public(err) {
		dst = err.AppendTitleJSON(dst, c.Locale)
	} else {
		dst = append(dst, http.StatusText(status(err))...) // plain ASCII
	}
	return append(dst, '"')
}

// appendMessage appends, as a JSON string, err's message in c's locale, or its
// status's text when the error is not public.
func appendMessage(dst []byte, err *errcat.Error, c *Context) []byte {
	dst = append(dst, '"')
	if public(err) {
		dst = err.AppendMessageJSON(dst, c.Locale)
	} else {
		dst = append(dst, http.StatusText(status(err))...) // plain ASCII
	}
	return append(dst, '"')
}
