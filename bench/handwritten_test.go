package bench

import (
	"errors"
	"log/slog"
	"net/http"
	"sync"
)

// The hand-written version is what a careful engineer writes for this one error with
// the standard library alone: a pre-parsed template, JSON by appending, a pooled
// buffer, shared header values. It has no catalog, locales or negotiation; it stands
// for the practical limit of the path.

type handError struct {
	code     string
	kind, id string
	cause    error
}

func (e *handError) Error() string {
	var buf [96]byte
	return string(e.appendMessage(buf[:0]))
}
func (e *handError) Unwrap() error   { return e.cause }
func (e *handError) Is(t error) bool { h, ok := t.(*handError); return ok && h.code == e.code }

// segments of "Unable to locate {0} with id {1}." parsed once.
var msgParts = []string{"Unable to locate ", " with id ", "."}

// title is the problem title of the code: the same for every occurrence.
const title = "Object not found with provided ID"

func (e *handError) appendText(dst []byte, parts []string) []byte {
	dst = append(dst, parts[0]...)
	dst = append(dst, e.kind...)
	dst = append(dst, parts[1]...)
	dst = append(dst, e.id...)
	return append(dst, parts[2]...)
}

// appendTextJSON is appendText for a JSON string: the values come from the request
// (the id from the URL), so they are escaped; the template's literals are known not
// to need it.
func (e *handError) appendTextJSON(dst []byte, parts []string) []byte {
	dst = append(dst, parts[0]...)
	dst = appendJSONEscaped(dst, e.kind)
	dst = append(dst, parts[1]...)
	dst = appendJSONEscaped(dst, e.id)
	return append(dst, parts[2]...)
}

func (e *handError) appendMessage(dst []byte) []byte { return e.appendText(dst, msgParts) }

var errHandNotFound = &handError{code: "000012"}

var handBufs = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

var (
	problemCT = []string{"application/problem+json"}
	english   = []string{"en"}
	nosniff   = []string{"nosniff"}
	vary      = []string{"Accept, Accept-Language"}
	hex       = "0123456789abcdef"
)

func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONEscaped(dst, s)
	return append(dst, '"')
}

// appendJSONEscaped escapes s for a JSON string: quotes, backslashes and control
// characters (what RFC 8259 requires; encoding/json also escapes <, > and &). Runs
// that need nothing are copied whole; UTF-8 is passed through.
func appendJSONEscaped(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			start = i + 1
		}
	}
	return append(dst, s[start:]...)
}

func writeHand(w http.ResponseWriter, r *http.Request, e *handError) {
	bp := handBufs.Get().(*[]byte)
	b := (*bp)[:0]
	b = append(b, `{"type":"`+docs+`","title":"`+title+`","status":404,"detail":"`...)
	b = e.appendTextJSON(b, msgParts)
	b = append(b, '"')
	if v := r.Header["X-Request-Id"]; len(v) > 0 {
		b = append(b, `,"instance":"urn:errcat:request:`...)
		b = appendJSONEscaped(b, v[0])
		b = append(b, '"')
	}
	b = append(b, `,"code":"000012","params":{"kind":`...)
	b = appendJSONString(b, e.kind)
	b = append(b, `,"id":`...)
	b = appendJSONString(b, e.id)
	b = append(b, "}}"...)
	// The same headers errcat sends, set as cheaply as Go allows.
	h := w.Header()
	h["Content-Type"] = problemCT
	h["Content-Language"] = english
	h["Vary"] = vary
	h["X-Content-Type-Options"] = nosniff
	if v := r.Header["X-Request-Id"]; len(v) > 0 {
		h["X-Request-Id"] = v[:1]
	}
	w.WriteHeader(404)
	w.Write(b)
	*bp = b
	handBufs.Put(bp)
}

func handWrittenPath(log *slog.Logger) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		var err error = &handError{code: "000012", kind: "project", id: "42", cause: cause}
		if !errors.Is(err, errHandNotFound) {
			panic("errors.Is")
		}
		writeHand(w, r, err.(*handError))
		if log != nil {
			logHand(log, r, err.(*handError))
		}
	}
}

// logHand logs the error once with what errcat's log record holds (its code, status,
// message, params and cause, the request's method, path and id), as flat attributes:
// groups would cost an allocation each.
func logHand(l *slog.Logger, r *http.Request, e *handError) {
	ctx := r.Context()
	if !l.Enabled(ctx, slog.LevelInfo) {
		return
	}
	l.LogAttrs(ctx, slog.LevelInfo, "request failed",
		slog.String("code", e.code), slog.Int("status", 404), slog.String("message", e.Error()),
		slog.String("kind", e.kind), slog.String("id", e.id), slog.String("cause", e.cause.Error()),
		slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("request_id", requestID(r)))
}
