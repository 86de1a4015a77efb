package portal

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"":                            false,
		"gzip":                        true,
		"gzip, deflate, br, zstd":     true,
		"br;q=1.0, gzip;q=0.8, *;q=0": true,
		"gzip;q=0":                    false,
		"GZIP ; Q=0.5":                true,
		"identity":                    false,
		"*":                           true,
		"*;q=0.1, gzip;q=0":           false,
		"x-gzip":                      true,
		"deflate":                     false,
	} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}

// TestGzip: text is compressed when the client accepts gzip, and each compressible
// response varies by Accept-Encoding; other responses pass as written.
func TestGzip(t *testing.T) {
	page := strings.Repeat("<p>errcat</p>\n", 200)
	h := Gzip(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Length", "2800")
			io.WriteString(w, page)
		case "/png":
			w.Header().Set("Content-Type", "image/png")
			io.WriteString(w, "\x89PNG")
		case "/empty":
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusNotModified)
		}
	}))
	get := func(method, path, accept string) *http.Response {
		r := httptest.NewRequest(method, path, nil)
		if accept != "" {
			r.Header.Set("Accept-Encoding", accept)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}

	res := get("GET", "/page", "gzip, br")
	if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Vary") != "Accept-Encoding" || res.Header.Get("Content-Length") != "" {
		t.Fatalf("headers %v", res.Header)
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil || string(body) != page {
		t.Errorf("body %d bytes, %v; want the page", len(body), err)
	}

	for _, accept := range []string{"", "gzip;q=0", "identity"} {
		res := get("GET", "/page", accept)
		body, _ := io.ReadAll(res.Body)
		if res.Header.Get("Content-Encoding") != "" || res.Header.Get("Vary") != "Accept-Encoding" || string(body) != page {
			t.Errorf("Accept-Encoding %q: headers %v, %d bytes", accept, res.Header, len(body))
		}
	}
	res = get("HEAD", "/page", "gzip")
	if res.Header.Get("Content-Encoding") != "" {
		t.Errorf("HEAD: headers %v", res.Header)
	}
	res = get("GET", "/png", "gzip")
	if body, _ := io.ReadAll(res.Body); res.Header.Get("Content-Encoding") != "" || res.Header.Get("Vary") != "" || string(body) != "\x89PNG" {
		t.Errorf("png: headers %v, body %q", res.Header, body)
	}
	res = get("GET", "/empty", "gzip")
	if body, _ := io.ReadAll(res.Body); res.StatusCode != http.StatusNotModified || res.Header.Get("Content-Encoding") != "" || len(body) != 0 {
		t.Errorf("304: %d, headers %v, body %q", res.StatusCode, res.Header, body)
	}
}
