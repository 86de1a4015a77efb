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

// Every benchmark runs the same error path: build an error with two params ("project",
// "42") that wraps a cause, check it with errors.Is, and write it as a problem+json
// response into a reused http.ResponseWriter. Peers without a problem+json writer
// marshal the same body with encoding/json; herodot writes its own JSON shape with its
// own writer.

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

// problem is the problem+json body the peers marshal.
type problem struct {
	Type     string            `json:"type"`
	Title    string            `json:"title"`
	Status   int               `json:"status"`
	Detail   string            `json:"detail"`
	Instance string            `json:"instance,omitempty"`
	Code     string            `json:"code"`
	Params   map[string]string `json:"params,omitempty"`
}

func writeProblem(w http.ResponseWriter, p *problem) {
	body, _ := json.Marshal(p)
	// The same headers errcat sends, as such code sets them.
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Language", "en")
	h.Set("Vary", "Accept, Accept-Language")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Request-ID", p.Instance)
	w.WriteHeader(p.Status)
	w.Write(body)
}

// quietLogger logs nothing, as the peers log nothing.
var quietLogger = slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError + 1}))

const docs = "https://errcat.dev/catalogs/common/errors/000012/"

func BenchmarkErrcat(b *testing.B) {
	w, r := setup(b)
	h := &httperr.Handler{Logger: quietLogger}
	for b.Loop() {
		w.reset()
		err := common.ErrUnableToLocate.Wrap(cause, errcat.String("project"), errcat.String("42"))
		if !errors.Is(err, common.ErrUnableToLocate) {
			b.Fatal("errors.Is")
		}
		h.Write(w, r, err)
	}
}

func BenchmarkKratos(b *testing.B) {
	w, r := setup(b)
	sentinel := kratos.New(404, "UNABLE_TO_LOCATE", "")
	for b.Loop() {
		w.reset()
		kind, id := "project", "42"
		err := kratos.New(404, "UNABLE_TO_LOCATE", fmt.Sprintf("Unable to locate %s with id %s.", kind, id)).
			WithCause(cause).WithMetadata(map[string]string{"kind": kind, "id": id})
		if !errors.Is(err, sentinel) {
			b.Fatal("errors.Is")
		}
		writeProblem(w, &problem{Type: docs, Title: "Unable to locate " + kind + " with id " + id, Status: int(err.Code),
			Detail: err.Message, Instance: r.Header.Get("X-Request-ID"), Code: err.Reason, Params: err.Metadata})
	}
}

func BenchmarkHerodot(b *testing.B) {
	w, r := setup(b)
	hw := herodot.NewJSONWriter(quiet{}) // its default reporter prints every error
	for b.Loop() {
		w.reset()
		kind, id := "project", "42"
		err := herodot.ErrNotFound.WithReasonf("Unable to locate %s with id %s.", kind, id).WithWrap(cause).
			WithDetail("kind", kind).WithDetail("id", id)
		if !errors.Is(err, herodot.ErrNotFound) {
			b.Fatal("errors.Is")
		}
		hw.WriteError(w, r, err)
	}
}

func BenchmarkOops(b *testing.B) {
	w, r := setup(b)
	for b.Loop() {
		w.reset()
		kind, id := "project", "42"
		err := oops.Code("000012").With("kind", kind).With("id", id).Wrapf(cause, "Unable to locate %s with id %s.", kind, id)
		oe, ok := oops.AsOops(err)
		if !ok || oe.Code() != "000012" || !errors.Is(err, cause) {
			b.Fatal("errors.Is")
		}
		ctx := oe.Context()
		writeProblem(w, &problem{Type: docs, Title: "Unable to locate " + kind + " with id " + id, Status: 404, Detail: oe.Error(),
			Instance: r.Header.Get("X-Request-ID"), Code: fmt.Sprint(oe.Code()), Params: map[string]string{"kind": fmt.Sprint(ctx["kind"]), "id": fmt.Sprint(ctx["id"])}})
	}
}

var errUnableToLocate = crdb.New("000012 unable to locate")

func BenchmarkCockroachdb(b *testing.B) {
	w, r := setup(b)
	for b.Loop() {
		w.reset()
		kind, id := "project", "42"
		err := crdb.Mark(crdb.Wrapf(cause, "Unable to locate %s with id %s.", kind, id), errUnableToLocate)
		if !crdb.Is(err, errUnableToLocate) {
			b.Fatal("errors.Is")
		}
		writeProblem(w, &problem{Type: docs, Title: "Unable to locate " + kind + " with id " + id, Status: 404,
			Detail: crdb.UnwrapOnce(err).Error(), Instance: r.Header.Get("X-Request-ID"), Code: "000012", Params: map[string]string{"kind": kind, "id": id}})
	}
}

// plainError is what a team writes with the standard library and encoding/json.
type plainError struct {
	Code, Kind, ID string
	Cause          error
}

func (e *plainError) Error() string {
	return fmt.Sprintf("Unable to locate %s with id %s.", e.Kind, e.ID)
}
func (e *plainError) Unwrap() error { return e.Cause }
func (e *plainError) Is(t error) bool {
	p, ok := t.(*plainError)
	return ok && p.Code == e.Code
}

var errPlainNotFound = &plainError{Code: "000012"}

func BenchmarkEncodingJSON(b *testing.B) {
	w, r := setup(b)
	for b.Loop() {
		w.reset()
		var err error = &plainError{Code: "000012", Kind: "project", ID: "42", Cause: cause}
		if !errors.Is(err, errPlainNotFound) {
			b.Fatal("errors.Is")
		}
		pe := err.(*plainError)
		writeProblem(w, &problem{Type: docs, Title: "Unable to locate " + pe.Kind + " with id " + pe.ID, Status: 404, Detail: pe.Error(),
			Instance: r.Header.Get("X-Request-ID"), Code: pe.Code, Params: map[string]string{"kind": pe.Kind, "id": pe.ID}})
	}
}

// quiet is a herodot reporter that reports nothing, as errcat's benchmark logs nothing.
type quiet struct{}

func (quiet) ReportError(*http.Request, int, error, ...interface{}) {}
