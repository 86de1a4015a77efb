package portal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/httperr"
)

// exampleRetryAfter is the Retry-After the examples of retryable codes show.
const exampleRetryAfter = 30 * time.Second

// exampleRequestID is the X-Request-ID of the examples, so a page shows the instance
// a real response carries and stays the same from build to build.
const exampleRequestID = "4bf92f3577b34da6a3ce929d"

// Response is the response a server using httperr writes for an error: its status,
// headers and body, in one envelope and locale.
type Response struct {
	Envelope string
	Status   int
	// Header holds every header httperr sets, Content-Type among them.
	Header http.Header
	// Body is the body exactly as written (compact JSON).
	Body []byte
}

// Render returns what [httperr.Handler.Write] answers for e to a client that accepts
// env's media type and the language locale, with Retry-After when retryAfter is
// positive and requestID (if well-formed) as the request's X-Request-ID. It is that
// response, written by httperr itself, not a copy of its rules.
func Render(e *errcat.Error, env httperr.Envelope, locale string, retryAfter time.Duration, requestID string) Response {
	return render(exampleHandler(env), e, locale, retryAfter, requestID)
}

// exampleHandler returns the Handler that Render writes responses in env with. It
// keeps nothing from one response to the next, so one serves any number of them.
func exampleHandler(env httperr.Envelope) *httperr.Handler {
	return &httperr.Handler{Envelope: env, Logger: slog.New(slog.DiscardHandler)}
}

// render is Render with h, an exampleHandler.
func render(h *httperr.Handler, e *errcat.Error, locale string, retryAfter time.Duration, requestID string) Response {
	req := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: "/"}, Header: http.Header{"Accept": {h.Envelope.ContentType()}}}
	if locale != "" {
		req.Header["Accept-Language"] = []string{locale}
	}
	if requestID != "" {
		req.Header["X-Request-Id"] = []string{requestID}
	}
	var err error = e
	if retryAfter > 0 {
		err = httperr.RetryAfter(e, retryAfter)
	}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	h.Write(rec, req, err)
	return Response{Envelope: h.Envelope.Name(), Status: rec.status, Header: rec.header, Body: rec.body}
}

// EnvelopeFor returns the envelope a catalog's examples are rendered in: env when
// it is set, else the envelope set declares, configured with its options
// ([httperr.Declared]), else httperr.Problem.
func EnvelopeFor(set *errcat.Set, env httperr.Envelope) httperr.Envelope {
	if env != nil {
		return env
	}
	if set != nil {
		if d := httperr.Declared(set.Response()); d != nil {
			return d
		}
	}
	return httperr.Problem
}

// recorder is the ResponseWriter Render hands httperr.
type recorder struct {
	header http.Header
	status int
	body   []byte
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) WriteHeader(status int)      { r.status = status }
func (r *recorder) Write(p []byte) (int, error) { r.body = append(r.body, p...); return len(p), nil }

// ContentType is the response's media type.
func (r Response) ContentType() string { return r.Header.Get("Content-Type") }

// Text is the response as a reader sees it: status line, headers (Content-Type first,
// then by name), a blank line and the body indented.
func (r Response) Text() string {
	var b bytes.Buffer
	b.Grow(512 + 2*len(r.Body))
	b.WriteString("HTTP/1.1 ")
	b.WriteString(strconv.Itoa(r.Status))
	b.WriteByte(' ')
	b.WriteString(http.StatusText(r.Status))
	b.WriteString("\nContent-Type: ")
	b.WriteString(r.ContentType())
	b.WriteByte('\n')
	names := make([]string, 0, len(r.Header))
	for name := range r.Header {
		if name != "Content-Type" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		for _, v := range r.Header[name] {
			b.WriteString(name)
			b.WriteString(": ")
			b.WriteString(v)
			b.WriteByte('\n')
		}
	}
	b.WriteByte('\n')
	head := b.Len()
	if json.Indent(&b, r.Body, "", "  ") != nil {
		b.Truncate(head)
		b.Write(r.Body) // not JSON: a user's envelope may write anything
	}
	return b.String()
}

// ParseParams turns NAME=VALUE (or INDEX=VALUE, {0} being 0) strings into values in
// d's parameter order, each parsed by its parameter's type; parameters left out stay
// missing. The error says which parameter is wrong and what d has.
func ParseParams(d *errcat.Definition, params []string) ([]errcat.Value, error) {
	ps := d.Params()
	values := make([]errcat.Value, len(ps))
	for _, f := range params {
		name, text, ok := strings.Cut(f, "=")
		if !ok {
			return nil, fmt.Errorf("%q: want NAME=VALUE, such as id=42", f)
		}
		i := -1
		if n, err := strconv.Atoi(name); err == nil {
			i = n
		} else {
			for j, p := range ps {
				if p.Name == name {
					i = j
				}
			}
		}
		if i < 0 || i >= len(ps) {
			return nil, fmt.Errorf("%q: %s has no parameter %s; it has %s", f, d.ID(), name, paramList(ps))
		}
		v, err := errcat.ParseValue(ps[i].Kind, text)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		values[i] = v
	}
	return values, nil
}

func paramList(ps []errcat.Param) string {
	if len(ps) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "{%d} %s (%s)", i, p.Name, p.Kind)
	}
	return b.String()
}
