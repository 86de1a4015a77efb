package cli

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/portal"
)

// TestServedCompresses: errcat serve sends pages gzipped to a client that accepts
// gzip, and as they are to one that does not.
func TestServedCompresses(t *testing.T) {
	srv := portal.NewServer(func() ([]*catalog.Catalog, error) { return loadForServe(nil) }, portal.Options{}, nil)
	for _, tt := range []struct{ accept, want string }{{"gzip", "gzip"}, {"", ""}} {
		r := httptest.NewRequest("GET", "/", nil)
		if tt.accept != "" {
			r.Header.Set("Accept-Encoding", tt.accept)
		}
		w := httptest.NewRecorder()
		served(srv).ServeHTTP(w, r)
		if w.Code != http.StatusOK || w.Header().Get("Content-Encoding") != tt.want {
			t.Errorf("Accept-Encoding %q: %d, Content-Encoding %q, want %q", tt.accept, w.Code, w.Header().Get("Content-Encoding"), tt.want)
		}
	}
}
