package httperr

import (
	"errors"
	"net/http"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
)

// discard is a reusable ResponseWriter that keeps nothing, so that benchmarks measure
// the code under test rather than a recorder.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}

func (d *discard) reset() { clear(d.h) }

var okHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("ok"))
})

// BenchmarkBareHandler and BenchmarkWrappedHandler measure what Wrap adds to a
// handler that succeeds.
func BenchmarkBareHandler(b *testing.B) {
	benchHandler(b, okHandler)
}

func BenchmarkWrappedHandler(b *testing.B) {
	benchHandler(b, (&Handler{}).Wrap(okHandler))
}

func BenchmarkWrappedMux(b *testing.B) {
	mux := http.NewServeMux()
	mux.Handle("GET /ok", okHandler)
	benchHandler(b, (&Handler{}).Wrap(mux))
}

func BenchmarkBareMux(b *testing.B) {
	mux := http.NewServeMux()
	mux.Handle("GET /ok", okHandler)
	benchHandler(b, mux)
}

func benchHandler(b *testing.B, h http.Handler) {
	w := &discard{h: http.Header{}}
	r, _ := http.NewRequest("GET", "/ok", nil)
	b.ReportAllocs()
	for b.Loop() {
		w.reset()
		h.ServeHTTP(w, r)
	}
}

var errDB = errors.New("sql: no rows in result set")

// BenchmarkErrorPath is the full error path: a two-param error wrapping a cause,
// errors.Is, and a problem+json response into a reused ResponseWriter.
func BenchmarkErrorPath(b *testing.B) {
	w := &discard{h: http.Header{}}
	r, _ := http.NewRequest("GET", "/projects/42", nil)
	h := &Handler{Logger: discardLogger}
	id := []string{"req-1"}
	b.ReportAllocs()
	for b.Loop() {
		w.reset()
		err := common.ErrUnableToLocate.Wrap(errDB, errcat.String("project"), errcat.String("42"))
		if !errors.Is(err, common.ErrUnableToLocate) {
			b.Fatal("errors.Is")
		}
		h.write(w, r, err, id)
	}
}

var discardLogger = slogDiscard()
