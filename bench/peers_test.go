package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"testing"

	crdb "github.com/cockroachdb/errors"
	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/httperr"
	kratos "github.com/go-kratos/kratos/v2/errors"
	"github.com/ory/herodot"
	"github.com/samber/oops"
)

// Every contender runs the same error path: build an error with two params ("project",
// "42") that wraps a cause, check it with errors.Is, and write it as a problem+json
// response into a reused http.ResponseWriter, sending errcat's headers. Peers without a
// problem+json writer marshal the body with encoding/json, and set the headers as
// cheaply as that code can (shared values assigned to the header map) unless the row
// says otherwise; herodot writes its own JSON shape with its own writer.
// TestSameResponse holds every contender to errcat's status, headers and body, or to
// the difference its row states.

// contender is one way to answer the error. path returns the path with its logging:
// none when log is nil, else the error logged once through log.
type contender struct {
	name    string
	path    func(log *slog.Logger) func(w http.ResponseWriter, r *http.Request)
	differs string // how the response differs from errcat's; "" for not at all
}

var contenders = []contender{
	{name: "HandWritten", path: handWrittenPath},
	{name: "Errcat", path: errcatPath},
	{name: "EncodingJSONCareful", path: carefulPath},
	{name: "EncodingJSON", path: naivePath, differs: "params members in key order (a map)"},
	{name: "Kratos", path: kratosPath, differs: "params members in key order (a map)"},
	{name: "Oops", path: oopsPath, differs: "params members in key order (a map)"},
	{name: "Cockroachdb", path: cockroachPath, differs: "params members in key order (a map)"},
	{name: "Herodot", path: herodotPath, differs: "herodot's own body ({\"error\":{…}}) as application/json, and an empty Ory-Error-Id header"},
}

var cause = errors.New("sql: no rows in result set")

// discard is a reusable ResponseWriter that keeps nothing.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}
func (d *discard) reset()                      { clear(d.h) }

func setup(b *testing.B) (*discard, *http.Request) {
	w := &discard{h: http.Header{}}
	r, _ := http.NewRequest("GET", "/projects/42", nil)
	r.Header.Set("X-Request-ID", "req-1")
	b.ReportAllocs()
	return w, r
}

// bench runs a contender's path without logging.
func bench(b *testing.B, name string) {
	for _, c := range contenders {
		if c.name == name {
			w, r := setup(b)
			run := c.path(nil)
			for b.Loop() {
				w.reset()
				run(w, r)
			}
			return
		}
	}
	b.Fatalf("no contender %s", name)
}

func BenchmarkHandWritten(b *testing.B)         { bench(b, "HandWritten") }
func BenchmarkErrcat(b *testing.B)              { bench(b, "Errcat") }
func BenchmarkEncodingJSONCareful(b *testing.B) { bench(b, "EncodingJSONCareful") }
func BenchmarkEncodingJSON(b *testing.B)        { bench(b, "EncodingJSON") }
func BenchmarkKratos(b *testing.B)              { bench(b, "Kratos") }
func BenchmarkOops(b *testing.B)                { bench(b, "Oops") }
func BenchmarkCockroachdb(b *testing.B)         { bench(b, "Cockroachdb") }
func BenchmarkHerodot(b *testing.B)             { bench(b, "Herodot") }

// quietLogger logs nothing, for the rows without logging.
var quietLogger = slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError + 1}))

func errcatPath(log *slog.Logger) func(http.ResponseWriter, *http.Request) {
	if log == nil {
		log = quietLogger
	}
	h := &httperr.Handler{Logger: log}
	return func(w http.ResponseWriter, r *http.Request) {
		err := common.ErrUnableToLocate.Wrap(cause, errcat.String("project"), errcat.String("42"))
		if !errors.Is(err, common.ErrUnableToLocate) {
			panic("errors.Is")
		}
		h.Write(w, r, err)
	}
}

const docs = "https://errcat.dev/catalogs/common/errors/000012/"

// problem is the problem+json body the careful encoding/json code marshals: a struct
// all through, in errcat's member order.
type problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance,omitempty"`
	Code     string `json:"code"`
	Params   params `json:"params"`
}

type params struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

// mapProblem is problem with params as a map, as code does that carries metadata in
// one.
type mapProblem struct {
	Type     string            `json:"type"`
	Title    string            `json:"title"`
	Status   int               `json:"status"`
	Detail   string            `json:"detail"`
	Instance string            `json:"instance,omitempty"`
	Code     string            `json:"code"`
	Params   map[string]string `json:"params,omitempty"`
}

// setHeaders sets errcat's headers as cheaply as Go allows: shared values assigned to
// the header map under their canonical keys.
func setHeaders(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h["Content-Type"] = problemCT
	h["Content-Language"] = english
	h["Vary"] = vary
	h["X-Content-Type-Options"] = nosniff
	if v := r.Header["X-Request-Id"]; len(v) > 0 {
		h["X-Request-Id"] = v[:1]
	}
}

// writeJSON marshals v and writes it with errcat's headers.
func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, _ := json.Marshal(v)
	setHeaders(w, r)
	w.WriteHeader(status)
	w.Write(body)
}

// instance is the problem instance of a request: a URN of its id.
func instance(r *http.Request) string { return "urn:errcat:request:" + requestID(r) }

// plainError is what a team writes with the standard library and encoding/json.
type plainError struct {
	Code, Kind, ID string
	Cause          error
}

func (e *plainError) Error() string   { return "Unable to locate " + e.Kind + " with id " + e.ID + "." }
func (e *plainError) Unwrap() error   { return e.Cause }
func (e *plainError) Is(t error) bool { p, ok := t.(*plainError); return ok && p.Code == e.Code }

var errPlainNotFound = &plainError{Code: "000012"}

func carefulPath(log *slog.Logger) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		var err error = &plainError{Code: "000012", Kind: "project", ID: "42", Cause: cause}
		if !errors.Is(err, errPlainNotFound) {
			panic("errors.Is")
		}
		pe := err.(*plainError)
		detail := pe.Error()
		writeJSON(w, r, 404, &problem{Type: docs, Title: title, Status: 404, Detail: detail,
			Instance: instance(r), Code: pe.Code, Params: params{Kind: pe.Kind, ID: pe.ID}})
		if log != nil {
			logError(log, r, err)
		}
	}
}

// naivePath is the first thing such code looks like: fmt for the texts, params in a
// map, each header set with Header.Set.
func naivePath(log *slog.Logger) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		var err error = &plainError{Code: "000012", Kind: "project", ID: "42", Cause: cause}
		if !errors.Is(err, errPlainNotFound) {
			panic("errors.Is")
		}
		pe := err.(*plainError)
		body, _ := json.Marshal(&mapProblem{Type: docs, Title: title, Status: 404,
			Detail: fmt.Sprintf("Unable to locate %s with id %s.", pe.Kind, pe.ID), Instance: "urn:errcat:request:" + r.Header.Get("X-Request-ID"),
			Code: pe.Code, Params: map[string]string{"kind": pe.Kind, "id": pe.ID}})
		h := w.Header()
		h.Set("Content-Type", "application/problem+json")
		h.Set("Content-Language", "en")
		h.Set("Vary", "Accept, Accept-Language")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Request-ID", r.Header.Get("X-Request-ID"))
		w.WriteHeader(404)
		w.Write(body)
		if log != nil {
			log.Info("request failed", "error", err, "method", r.Method, "path", r.URL.Path, "request_id", r.Header.Get("X-Request-ID"))
		}
	}
}

func kratosPath(log *slog.Logger) func(http.ResponseWriter, *http.Request) {
	sentinel := kratos.New(404, "UNABLE_TO_LOCATE", "")
	return func(w http.ResponseWriter, r *http.Request) {
		kind, id := "project", "42"
		err := kratos.New(404, "UNABLE_TO_LOCATE", "Unable to locate "+kind+" with id "+id+".").
			WithCause(cause).WithMetadata(map[string]string{"kind": kind, "id": id})
		if !errors.Is(err, sentinel) {
			panic("errors.Is")
		}
		writeJSON(w, r, int(err.Code), &mapProblem{Type: docs, Title: title, Status: int(err.Code),
			Detail: err.Message, Instance: instance(r), Code: "000012", Params: err.Metadata})
		if log != nil {
			logError(log, r, err)
		}
	}
}

func oopsPath(log *slog.Logger) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		kind, id := "project", "42"
		msg := "Unable to locate " + kind + " with id " + id + "."
		err := oops.Code("000012").With("kind", kind).With("id", id).Public(msg).Wrap(cause)
		oe, ok := oops.AsOops(err)
		if !ok || oe.Code() != "000012" || !errors.Is(err, cause) {
			panic("errors.Is")
		}
		ctx := oe.Context()
		detail := oe.Public() // the client's text; Error() has the cause
		writeJSON(w, r, 404, &mapProblem{Type: docs, Title: title, Status: 404, Detail: detail,
			Instance: instance(r), Code: "000012", Params: map[string]string{"kind": ctx["kind"].(string), "id": ctx["id"].(string)}})
		if log != nil {
			logError(log, r, err)
		}
	}
}

var errUnableToLocate = crdb.New("000012 unable to locate")

func cockroachPath(log *slog.Logger) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		kind, id := "project", "42"
		err := crdb.Mark(crdb.WithDetailf(crdb.WithStack(cause), "Unable to locate %s with id %s.", kind, id), errUnableToLocate)
		if !crdb.Is(err, errUnableToLocate) {
			panic("errors.Is")
		}
		detail := crdb.FlattenDetails(err) // the client's text; Error() has the cause
		writeJSON(w, r, 404, &mapProblem{Type: docs, Title: title, Status: 404, Detail: detail,
			Instance: instance(r), Code: "000012", Params: map[string]string{"kind": kind, "id": id}})
		if log != nil {
			logError(log, r, err)
		}
	}
}

func herodotPath(log *slog.Logger) func(http.ResponseWriter, *http.Request) {
	var rep herodot.ErrorReporter = quiet{}
	if log != nil {
		rep = slogReporter{log}
	}
	hw := herodot.NewJSONWriter(rep)
	return func(w http.ResponseWriter, r *http.Request) {
		kind, id := "project", "42"
		err := herodot.ErrNotFound.WithReasonf("Unable to locate %s with id %s.", kind, id).WithWrap(cause).
			WithDetail("kind", kind).WithDetail("id", id)
		if !errors.Is(err, herodot.ErrNotFound) {
			panic("errors.Is")
		}
		h := w.Header() // the headers herodot does not send
		h["Content-Language"] = english
		h["Vary"] = vary
		h["X-Content-Type-Options"] = nosniff
		if v := r.Header["X-Request-Id"]; len(v) > 0 {
			h["X-Request-Id"] = v[:1]
		}
		hw.WriteError(w, r, err)
	}
}

// quiet is a herodot reporter that reports nothing, for the rows without logging.
type quiet struct{}

func (quiet) ReportError(*http.Request, int, error, ...interface{}) {}

// slogReporter is a herodot reporter that logs the error once through slog.
type slogReporter struct{ l *slog.Logger }

func (s slogReporter) ReportError(r *http.Request, _ int, err error, _ ...interface{}) {
	logError(s.l, r, err)
}
