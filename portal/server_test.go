package portal

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/internal/golden"
)

// petstoreDir copies the petstore catalog into a temporary directory the test may edit.
func petstoreDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"errors.yaml", "errors.vi.yaml"} {
		data, err := os.ReadFile(filepath.Join("../examples/petstore/errors", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func serve(t *testing.T, dir string) (*Server, *httptest.Server) {
	t.Helper()
	s := NewServer(func() ([]*catalog.Catalog, error) {
		c, err := catalog.LoadFiles(dir)
		if err != nil {
			return nil, err
		}
		return []*catalog.Catalog{c}, nil
	}, Options{}, slog.New(slog.DiscardHandler))
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestServerSite(t *testing.T) {
	_, ts := serve(t, petstoreDir(t))
	resp, body := get(t, ts.URL+"/")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" || !strings.Contains(body, "<h1>Petstore API errors</h1>") {
		t.Errorf("index: %d %s", resp.StatusCode, resp.Header)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	resp, body = get(t, ts.URL+"/vi/errors/PET-404/")
	if resp.StatusCode != 200 || !strings.Contains(body, "Không tìm thấy thú cưng") {
		t.Errorf("vi page: %d", resp.StatusCode)
	}
	// A directory without its slash redirects; http.Get follows.
	resp, _ = get(t, ts.URL+"/errors/PET-404")
	if resp.Request.URL.Path != "/errors/PET-404/" || resp.StatusCode != 200 {
		t.Errorf("redirect to %s, %d", resp.Request.URL.Path, resp.StatusCode)
	}
	resp, body = get(t, ts.URL+"/errors/PET-999/")
	if resp.StatusCode != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("unknown page: %d", resp.StatusCode)
	}
	resp, _ = get(t, ts.URL+"/assets/search.js")
	if resp.Header.Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Errorf("search.js served as %s", resp.Header.Get("Content-Type"))
	}
	resp, body = get(t, ts.URL+"/favicon.ico")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/x-icon" || !strings.HasPrefix(body, "\x00\x00\x01\x00") {
		t.Errorf("favicon.ico: %d, %s, %d bytes", resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
	}
}

// TestServerGzip: served through Gzip, as errcat serve serves it, pages are
// compressed for a client that accepts gzip and sent as they are to one that does not.
func TestServerGzip(t *testing.T) {
	s, _ := serve(t, petstoreDir(t))
	ts := httptest.NewServer(Gzip(s))
	t.Cleanup(ts.Close)
	req, _ := http.NewRequest("GET", ts.URL+"/errors/PET-404/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("gzip accepted: %d, Content-Encoding %q, Vary %q", resp.StatusCode, resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"))
	}
	req.Header.Set("Accept-Encoding", "identity")
	resp, err = http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("identity asked for: Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
}

func TestServerAPI(t *testing.T) {
	_, ts := serve(t, petstoreDir(t))
	for _, tc := range []struct {
		name, path string
		status     int
	}{
		{"search", "/api/errors?q=pet+id", 200},
		{"search-vi", "/api/errors?q=th%C3%BA&locale=vi&limit=1", 200},
		{"search-fuzzy", "/api/errors?q=speceis", 200},
		{"code", "/api/errors/PET-404", 200},
		{"code-vi", "/api/errors/PET-409?locale=vi", 200},
		{"render", "/api/errors/PET-404/render?envelope=simple&locale=vi&param=id=7", 200},
		{"render-problem", "/api/errors/PET-409/render?param=name=Rex", 200},
		{"unknown-code", "/api/errors/PET-000", 404},
		{"bad-envelope", "/api/errors/PET-404/render?envelope=xml", 400},
		{"bad-param", "/api/errors/PET-404/render?param=id=seven", 400},
		{"bad-limit", "/api/errors?limit=0", 400},
		{"unknown-route", "/api/nothing", 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, ts.URL+tc.path)
			if resp.StatusCode != tc.status {
				t.Errorf("status %d; want %d", resp.StatusCode, tc.status)
			}
			var b strings.Builder
			for _, h := range []string{"Content-Type", "Content-Language", "Errcat-Status"} {
				if v := resp.Header.Get(h); v != "" {
					b.WriteString(h + ": " + v + "\n")
				}
			}
			// Request ids differ from run to run.
			if i := strings.Index(body, `"instance":"`); i >= 0 {
				j := strings.Index(body[i+12:], `"`)
				body = body[:i+12] + "ID" + body[i+12+j:]
			}
			golden.Check(t, "testdata/golden/api/"+tc.name+".txt", []byte(b.String()+"\n"+body))
		})
	}
}

// TestServerReload: a changed catalog file is picked up; a broken one leaves the last
// good site served with its problems shown, and the API working.
func TestServerReload(t *testing.T) {
	dir := petstoreDir(t)
	s, ts := serve(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx, []string{dir}, 20*time.Millisecond)

	file := filepath.Join(dir, "errors.yaml")
	orig, _ := os.ReadFile(file)
	edit := func(data string) {
		// A new size makes the change visible even within the file system's time
		// resolution.
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waitFor := func(what string, ok func(body string) bool) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			_, body := get(t, ts.URL+"/errors/PET-404/")
			if ok(body) {
				return body
			}
			if time.Now().After(deadline) {
				t.Fatalf("no %s after 10s; page:\n%s", what, body)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	edit(strings.Replace(string(orig), "title: Pet {id} not found", "title: Pet {id} is nowhere to be found", 1))
	waitFor("rebuild", func(b string) bool { return strings.Contains(b, "Pet <var>{id}</var> is nowhere to be found") })

	edit(strings.Replace(string(orig), "status: 404", "status: [404", 1))
	body := waitFor("problems", func(b string) bool { return strings.Contains(b, `class="problems"`) })
	if !strings.Contains(body, "is nowhere to be found") || !strings.Contains(body, "errors.yaml:") {
		t.Errorf("the last good page with the problem's position should show:\n%s", body)
	}
	if resp, _ := get(t, ts.URL+"/api/errors/PET-404"); resp.StatusCode != 200 {
		t.Errorf("API during problems: %d", resp.StatusCode)
	}
	if s.Problems() == "" {
		t.Error("Problems() is empty")
	}
	edit(string(orig) + "\n")
	waitFor("recovery", func(b string) bool {
		return !strings.Contains(b, `class="problems"`) && strings.Contains(b, "Pet <var>{id}</var> not found")
	})
}

func TestServerFirstLoadFails(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "errors.yaml"), []byte("catalog: x\nerrors: [\n"), 0o644)
	s, ts := serve(t, dir)
	if s.Problems() == "" {
		t.Fatal("no problems reported")
	}
	resp, body := get(t, ts.URL+"/")
	if resp.StatusCode != 404 || !strings.Contains(body, "The catalog has problems") {
		t.Errorf("%d\n%s", resp.StatusCode, body)
	}
	if resp, _ := get(t, ts.URL+"/api/errors?q=x"); resp.StatusCode != 500 {
		t.Errorf("API without a site: %d", resp.StatusCode)
	}
}

// TestServerAPICatalogs: ?catalog= narrows search and look-up to one catalog of a
// site of several; an unknown one is a 400 naming those there are.
func TestServerAPICatalogs(t *testing.T) {
	common := commonCatalog(t)
	pets := catalogtest.Load(t, "../examples/petstore/errors")
	s := NewServer(func() ([]*catalog.Catalog, error) { return []*catalog.Catalog{common, pets}, nil }, Options{}, slog.New(slog.DiscardHandler))
	ts := httptest.NewServer(s)
	defer ts.Close()

	_, body := get(t, ts.URL+"/api/errors?q=found&catalog=petstore")
	if !strings.Contains(body, `"url": "/catalogs/petstore/errors/PET-404/"`) || strings.Contains(body, `"catalog": "common"`) || !strings.Contains(body, `"total": 1`) {
		t.Errorf("search in petstore:\n%s", body)
	}
	_, body = get(t, ts.URL+"/api/errors?q=found")
	if !strings.Contains(body, `"catalog": "common"`) || !strings.Contains(body, `"catalog": "petstore"`) {
		t.Errorf("search in both:\n%s", body)
	}
	resp, body := get(t, ts.URL+"/api/errors/PET-404?catalog=common")
	if resp.StatusCode != 404 || !strings.Contains(body, `"code":"000012"`) {
		t.Errorf("PET-404 in common: %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, ts.URL+"/api/errors?q=x&catalog=nope")
	if resp.StatusCode != 400 || !strings.Contains(body, `no catalog \"nope\"; there are common, petstore`) {
		t.Errorf("unknown catalog: %d %s", resp.StatusCode, body)
	}
}

// TestServerIndexesPerLocale: locales clients make up do not each build an index:
// they share the index of the locale the catalogs fall back to.
func TestServerIndexesPerLocale(t *testing.T) {
	s, ts := serve(t, petstoreDir(t))
	for _, loc := range []string{"", "en", "en-GB", "vi", "vi-VN", "fr", "xx-Bogus", "zh-Hant-TW", "de"} {
		if resp, _ := get(t, ts.URL+"/api/errors?q=pet&locale="+loc); resp.StatusCode != 200 {
			t.Fatalf("locale %q: %d", loc, resp.StatusCode)
		}
	}
	st := s.state.Load()
	if n := len(st.site.indexes); n != 2 {
		t.Errorf("%d search indexes for a catalog of 2 locales", n)
	}
}

// TestServerRenderInstance: the rendered body's instance is the portal request's id,
// the X-Request-ID its response carries.
func TestServerRenderInstance(t *testing.T) {
	_, ts := serve(t, petstoreDir(t))
	req, _ := http.NewRequest("GET", ts.URL+"/api/errors/PET-404/render?param=id=7", nil)
	req.Header.Set("X-Request-ID", "trace-42")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if got := resp.Header.Get("X-Request-ID"); got != "trace-42" || !strings.Contains(string(body), `"instance":"urn:errcat:request:trace-42"`) {
		t.Errorf("X-Request-ID %q, body %s", got, body)
	}
}
