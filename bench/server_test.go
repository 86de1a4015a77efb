package bench

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/errcat/errcat/httperr"
)

// BenchmarkServerBare and BenchmarkServerWrapped measure what httperr's middleware
// adds to a request that succeeds, as a service sees it: a GET over loopback HTTP with
// keep-alive, through a ServeMux, bare and wrapped.
func BenchmarkServerBare(b *testing.B) { benchServer(b, false) }

func BenchmarkServerWrapped(b *testing.B) { benchServer(b, true) }

func benchServer(b *testing.B, wrap bool) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ok", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	var h http.Handler = mux
	if wrap {
		h = (&httperr.Handler{}).Wrap(mux)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := srv.Client()
	url := srv.URL + "/ok"
	b.ReportAllocs()
	for b.Loop() {
		resp, err := client.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatal(resp.Status)
		}
	}
}
