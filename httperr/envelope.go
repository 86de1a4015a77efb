package httperr

import (
	"maps"
	"net/http"
	"sync"
	"sync/atomic"
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
	// Instance identifies this occurrence (RFC 9457), such as a URI. Write sets it to
	// the request id, which the problem envelope writes as "urn:errcat:request:" and
	// the id.
	Instance string
	// RetryAfter, when positive, is how long the client should wait before retrying.
	RetryAfter time.Duration

	// checked is the request id Write checked (nothing in it to escape): Instance, as
	// long as an envelope that passes the Context on has not changed it.
	checked string
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

// Declared returns the envelope a catalog's declared wire shape names, configured
// with its options (the bulk envelope's code and field messages), or nil when r
// names none or one errcat does not have. Equal declarations get the same Envelope.
// r's transport status is not the envelope's: [Handler] applies it.
func Declared(r errcat.ResponseSpec) Envelope {
	if r.Envelope != "bulk" || r.BulkStatusCode == 0 && !r.OmitFieldMessage {
		return EnvelopeByName(r.Envelope)
	}
	return declaredBulk(BulkEnvelope{StatusCode: r.BulkStatusCode, OmitFieldMessage: r.OmitFieldMessage})
}

// declaredBulk returns the bulk envelope with the options of b, made once: a map
// replaced whole on each addition, read without locking or allocating, that keeps
// at most maxBulkEnvelopes envelopes.
func declaredBulk(b BulkEnvelope) Envelope {
	if m := bulkEnvelopes.Load(); m != nil {
		if env, ok := (*m)[b]; ok {
			return env
		}
	}
	env := new(BulkEnvelope) // a copy: &b would move b to the heap on every call
	*env = b
	bulkEnvelopesMu.Lock()
	defer bulkEnvelopesMu.Unlock()
	m := map[BulkEnvelope]Envelope{}
	if old := bulkEnvelopes.Load(); old != nil {
		if kept, ok := (*old)[b]; ok {
			return kept
		}
		if len(*old) >= maxBulkEnvelopes {
			return env
		}
		m = maps.Clone(*old)
	}
	m[b] = env
	bulkEnvelopes.Store(&m)
	return env
}

var (
	bulkEnvelopes   atomic.Pointer[map[BulkEnvelope]Envelope]
	bulkEnvelopesMu sync.Mutex
)

const maxBulkEnvelopes = 256

// shown is what an envelope needs to know of an error before writing it: the status
// it is answered with (its variant's, or 500 when the catalog gives none) and whether
// its own texts and params may be shown to clients. It looks the variant up once.
type shown struct {
	status int
	public bool
}

func shownOf(err *errcat.Error) shown {
	v := err.Variant()
	s := shown{status: v.Status(), public: v.Public()}
	if s.status == 0 {
		s.status = http.StatusInternalServerError
	}
	return s
}

// status returns the HTTP status err is answered with.
func status(err *errcat.Error) int {
	if s := err.Variant().Status(); s != 0 {
		return s
	}
	return http.StatusInternalServerError
}

// public reports whether err's own texts and params may be shown to clients.
func public(err *errcat.Error) bool { return err.Variant().Public() }

// appendText appends, as a JSON string, err's message in locale, or the status's
// text when the error is not public.
func (s shown) appendText(dst []byte, err *errcat.Error, locale string) []byte {
	dst = append(dst, '"')
	if s.public {
		dst = err.AppendMessageJSON(dst, locale)
	} else {
		dst = append(dst, http.StatusText(s.status)...) // plain ASCII
	}
	return append(dst, '"')
}

// appendMessage appends, as a JSON string, err's message in c's locale, or its
// status's text when the error is not public.
func appendMessage(dst []byte, err *errcat.Error, c *Context) []byte {
	return shownOf(err).appendText(dst, err, c.Locale)
}
