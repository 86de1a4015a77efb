package portal

import (
	"net/http"
	"strings"
	"testing"
)

// noFollow is a client that returns redirects rather than following them.
var noFollow = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// TestServerRedirectsStayOnSite: whatever path a client sends, a redirect the server
// answers leads to a path on the same server, built from the cleaned path.
func TestServerRedirectsStayOnSite(t *testing.T) {
	_, ts := serve(t, petstoreDir(t))
	for _, tc := range []struct {
		path, location string // location "" for no redirect
	}{
		{"/errors/PET-404", "/errors/PET-404/"},
		{"/%2Fevil.example%2F..%2Ferrors%2FPET-404", "/errors/PET-404/"},
		{"//evil.example/../errors/PET-404", "/errors/PET-404/"},
		{"/%2F%2Fevil.example/..%2F..%2Ferrors/PET-404", "/errors/PET-404/"},
		{"/%5Cevil.example/../errors/PET-404", "/errors/PET-404/"},
		{"/%5C%5Cevil.example%2F..%2Ferrors%2FPET-404", "/errors/PET-404/"},
		{"/./vi/./errors/PET-404", "/vi/errors/PET-404/"},
		{"/errors/../errors/PET-404", "/errors/PET-404/"},
		{"/%09/evil.example/../../errors/PET-404", "/errors/PET-404/"},
		{"/%2Fevil.example", ""},
		{"/%5Cevil.example", ""},
		{"/errors/PET-404/", ""},
		{"/api//evil.example/..", ""},
	} {
		req, err := http.NewRequest("GET", ts.URL+tc.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := noFollow.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		loc := resp.Header.Get("Location")
		if loc != "" && (!strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.ContainsAny(loc, "\\\t\n\r")) {
			t.Errorf("%s: %d Location %q leaves the site", tc.path, resp.StatusCode, loc)
			continue
		}
		if tc.location == "" {
			if resp.StatusCode/100 == 3 && !strings.HasPrefix(tc.path, "/api/") {
				t.Errorf("%s: %d Location %q; want no redirect", tc.path, resp.StatusCode, loc)
			}
			continue
		}
		if resp.StatusCode != http.StatusMovedPermanently || loc != tc.location {
			t.Errorf("%s: %d Location %q; want 301 %q", tc.path, resp.StatusCode, loc, tc.location)
		}
	}
}
