package portal

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
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

// TestServerBoundsEchoedInput: a long path, code or catalog name is repeated in the
// answer and its log line only by its start, so a request's size does not multiply.
func TestServerBoundsEchoedInput(t *testing.T) {
	dir := petstoreDir(t)
	var log bytes.Buffer
	s := NewServer(func() ([]*catalog.Catalog, error) {
		c, err := catalog.LoadFiles(dir)
		return []*catalog.Catalog{c}, err
	}, Options{}, slog.New(slog.NewTextHandler(&log, nil)))
	ts := httptest.NewServer(s)
	defer ts.Close()
	long := strings.Repeat("x", 100_000)
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/api/" + long, 404},
		{"/api/errors/" + long, 404},
		{"/api/errors/" + long + "/render/more", 404},
		{"/api/errors?q=x&catalog=" + long, 400},
		{"/" + long, 404},
	} {
		log.Reset()
		resp, body := get(t, ts.URL+tc.path)
		if resp.StatusCode != tc.status {
			t.Errorf("%.40s…: status %d; want %d", tc.path, resp.StatusCode, tc.status)
		}
		if len(body) > 2000 || strings.Count(body, strings.Repeat("x", maxShown+1)) > 0 {
			t.Errorf("%.40s…: a %d-byte body repeats more than %d bytes of the input", tc.path, len(body), maxShown)
		}
		if log.Len() > 2000 {
			t.Errorf("%.40s…: a %d-byte log line", tc.path, log.Len())
		}
	}
}

// TestServerSearchBounded: a query over the bounds is refused with a 400 that says
// which bound; Index.Search itself searches only a query's bounded start.
func TestServerSearchBounded(t *testing.T) {
	_, ts := serve(t, petstoreDir(t))
	for _, tc := range []struct {
		q      string
		status int
		says   string
	}{
		{strings.Repeat("a", MaxQueryBytes), 200, ""},
		{strings.Repeat("a", MaxQueryBytes+1), 400, `q: a search is at most 256 bytes; this one has 257`},
		{strings.Repeat("pet ", MaxQueryWords), 200, ""},
		{strings.Repeat("pet ", MaxQueryWords+1), 400, `q: a search is at most 8 words; this one has 9`},
		{strings.Repeat("x ", 80_000), 400, `q: a search is at most 256 bytes; this one has 160000`},
	} {
		resp, body := get(t, ts.URL+"/api/errors?q="+url.QueryEscape(tc.q))
		if resp.StatusCode != tc.status || !strings.Contains(body, tc.says) {
			t.Errorf("%d-byte query: %d %.300s; want %d saying %q", len(tc.q), resp.StatusCode, body, tc.status, tc.says)
		}
	}
	ix, err := NewIndex("", commonCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("value already exists ", 8000)
	got, want := ix.Search(long), ix.Search("value already exists value already exists value already")
	if len(got.Hits) != len(want.Hits) || len(got.Hits) == 0 {
		t.Errorf("a long query finds %d codes, its bounded start %d", len(got.Hits), len(want.Hits))
	}
}

// TestServerProblemsRelative: while a catalog is broken, pages name its files from the
// served directory, never by the server's absolute paths.
func TestServerProblemsRelative(t *testing.T) {
	dir := petstoreDir(t) // absolute
	file := filepath.Join(dir, "errors.yaml")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{dir, dir + "/...", file} {
		os.WriteFile(file, orig, 0o644)
		s := NewServer(func() ([]*catalog.Catalog, error) {
			c, err := catalog.LoadFiles(dir)
			return []*catalog.Catalog{c}, err
		}, Options{Roots: []string{root}}, slog.New(slog.DiscardHandler))
		ts := httptest.NewServer(s)
		os.WriteFile(file, bytes.Replace(orig, []byte("status: 404"), []byte("status: [404"), 1), 0o644)
		s.Reload()
		_, body := get(t, ts.URL+"/errors/PET-404/")
		ts.Close()
		want := filepath.Base(dir) + "/errors.yaml:"
		if root == file {
			want = "<pre>errors.yaml:"
		}
		if !strings.Contains(body, want) || strings.Contains(body, dir) || strings.Contains(s.Problems(), dir) {
			t.Errorf("root %s: the page shows the problems as\n%s\nwant them under %q, without %s", root, s.Problems(), want, dir)
		}
	}
}

// TestServerReloadWaitsForWriter: a catalog rewritten in place, a few codes at a time,
// is never served half-written: every answer during the rewrites has all its codes.
func TestServerReloadWaitsForWriter(t *testing.T) {
	dir := t.TempDir()
	data := catalogtest.Synthetic("big", 300, 0)["big/errors.yaml"].Data
	file := filepath.Join(dir, "errors.yaml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, ts := serve(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx, []string{dir}, 50*time.Millisecond)

	// The writer rewrites the file in place, ten codes at a time: each pause leaves a
	// file that loads, with fewer codes.
	var cuts []int
	for i := 0; ; {
		j := bytes.Index(data[i+1:], []byte("\n  - code:"))
		if j < 0 {
			break
		}
		i += 1 + j
		cuts = append(cuts, i+1)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for round := range 3 {
			f, err := os.OpenFile(file, os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				t.Error(err)
				return
			}
			at := 0
			for k := 9; k < len(cuts); k += 10 {
				f.Write(data[at:cuts[k]])
				at = cuts[k]
				time.Sleep(time.Millisecond)
			}
			f.Write(data[at:])
			f.Write([]byte(strings.Repeat(" ", round+1))) // a new size each round
			f.Close()
			time.Sleep(200 * time.Millisecond)
		}
	}()
	total := func() string {
		_, body := get(t, ts.URL+"/api/errors?limit=1")
		i := strings.Index(body, `"total": `)
		if i < 0 {
			return body
		}
		return strings.TrimRight(body[i+9:i+9+strings.IndexByte(body[i+9:], ',')], " ")
	}
	want := total()
	for polls := 0; ; polls++ {
		select {
		case <-done:
			t.Logf("%d polls during the rewrites", polls)
			return
		default:
		}
		if got := total(); got != want {
			t.Errorf("during a rewrite the API answers %s codes; want %s", got, want)
			<-done
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestStartServerAnswersWhileLoading: a server started on a slow load answers at once,
// 503 with Retry-After, and serves the site once the load ends.
func TestStartServerAnswersWhileLoading(t *testing.T) {
	release := make(chan struct{})
	c := catalogtest.Load(t, "../examples/petstore/errors")
	s := StartServer(func() ([]*catalog.Catalog, error) {
		<-release
		return []*catalog.Catalog{c}, nil
	}, Options{}, slog.New(slog.DiscardHandler))
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, p := range []string{"/", "/errors/PET-404/", "/api/errors?q=pet"} {
		resp, body := get(t, ts.URL+p)
		if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" {
			t.Errorf("%s while loading: %d Retry-After %q\n%s", p, resp.StatusCode, resp.Header.Get("Retry-After"), body)
		}
	}
	close(release)
	<-s.Ready()
	if resp, _ := get(t, ts.URL+"/errors/PET-404/"); resp.StatusCode != 200 {
		t.Errorf("after loading: %d", resp.StatusCode)
	}
}

// TestPageCacheBounded: the cache keeps at most its limit, the most recent files, and
// requests for one file at once render it once.
func TestPageCacheBounded(t *testing.T) {
	c := newPageCache(1000)
	renders := 0
	page := func(n int) func() ([]byte, bool) {
		return func() ([]byte, bool) { renders++; return bytes.Repeat([]byte("x"), n), true }
	}
	for i := range 20 {
		c.load(strings.Repeat("p", i+1), page(100))
	}
	if c.size > 1000 || len(c.items) != 10 {
		t.Errorf("%d bytes in %d files; want at most 1000 in 10", c.size, len(c.items))
	}
	if _, ok := c.get("p"); ok {
		t.Error("the oldest file is still kept")
	}
	renders = 0
	c.load("big", page(400)) // over a quarter of the limit: served, not kept
	c.load("big", page(400))
	if renders != 2 || c.size > 1000 {
		t.Errorf("%d renders of a large file, %d bytes kept", renders, c.size)
	}
}
