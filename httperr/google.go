package httperr

import (
	"strconv"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/internal/jsontext"
)

// Google is the error shape of Google's AIP-193, application/json:
//
//	{"error": {"code": HTTP status, "message": message, "status": gRPC status name,
//	 "details": [ErrorInfo{reason: code, domain: catalog name, metadata: params},
//	             LocalizedMessage{locale, message}, BadRequest{fieldViolations},
//	             Help{links: [docs URL]}, RetryInfo{retryDelay} when retryable]}}
//
// Metadata values are strings, as ErrorInfo requires.
var Google Envelope = google{}

type google struct{}

func (google) Name() string        { return "google" }
func (google) ContentType() string { return "application/json" }

const typePrefix = `{"@type":"type.googleapis.com/google.rpc.`

func (google) AppendBody(dst []byte, err *errcat.Error, c *Context) []byte {
	d := err.Variant()
	sh := shownOf(err)
	pub := sh.public
	dst = append(dst, `{"error":{"code":`...)
	dst = strconv.AppendInt(dst, int64(sh.status), 10)
	dst = append(dst, `,"message":`...)
	dst = sh.appendText(dst, err, c.Locale)
	dst = append(dst, `,"status":`...)
	g := d.GRPC()
	if g == "" {
		g = "UNKNOWN"
	}
	dst = appendString(dst, g)

	dst = append(dst, `,"details":[`...)
	dst = append(dst, typePrefix+`ErrorInfo","reason":`...)
	dst = appendString(dst, err.Code())
	dst = append(dst, `,"domain":`...)
	if s := d.Set(); s != nil {
		dst = appendString(dst, s.Name())
	} else {
		dst = append(dst, `""`...)
	}
	if pub {
		dst = appendParams(dst, `,"metadata":`, err, true)
	}
	dst = append(dst, '}')

	if pub {
		dst = append(dst, ","+typePrefix+`LocalizedMessage","locale":`...)
		locale := c.Locale
		if s := d.Set(); s != nil {
			locale = s.MatchLocale(c.Locale)
		}
		dst = appendString(dst, locale)
		dst = append(dst, `,"message":`...)
		dst = sh.appendText(dst, err, c.Locale)
		dst = append(dst, '}')
	}
	if fields := err.Fields(); pub && len(fields) > 0 {
		dst = append(dst, ","+typePrefix+`BadRequest","fieldViolations":[`...)
		for i, f := range fields {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"field":`...)
			dst = appendString(dst, fieldPath(f.Field))
			dst = append(dst, `,"description":`...)
			dst = appendMessage(dst, f.Err, c)
			dst = append(dst, '}')
		}
		dst = append(dst, "]}"...)
	}
	if u := err.Definition().DocsURL(); u != "" {
		dst = append(dst, ","+typePrefix+`Help","links":[{"description":`...)
		dst = append(dst, `"Error `...)
		dst = jsontext.AppendEscaped(dst, err.Code())
		dst = append(dst, '"')
		dst = append(dst, `,"url":`...)
		dst = appendString(dst, u)
		dst = append(dst, "}]}"...)
	}
	if d.Retryable() {
		dst = append(dst, ","+typePrefix+`RetryInfo"`...)
		if c.RetryAfter > 0 {
			dst = append(dst, `,"retryDelay":`...)
			dst = appendString(dst, protoDuration(c.RetryAfter))
		}
		dst = append(dst, '}')
	}
	return append(dst, "]}}"...)
}

// protoDuration writes d as the JSON form of google.protobuf.Duration: seconds with
// up to nine fractional digits and an "s", as in "1.5s".
func protoDuration(d time.Duration) string {
	s := strconv.FormatFloat(d.Seconds(), 'f', -1, 64)
	return s + "s"
}
