package portal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
)

// Server serves the documentation site of catalogs, with a JSON API:
//
//	GET /api/errors?q=WORDS&locale=L&catalog=C&limit=N   search (all codes without q)
//	GET /api/errors/{code}?locale=L&catalog=C            one code, all its texts
//	GET /api/errors/{code}/render?envelope=E&locale=L&param=NAME=VALUE…
//	                                                     the response a client gets
//
// Pages and search files are rendered when first asked for and kept in a cache of
// bounded size ([Options.CacheBytes]), so memory does not grow with the catalogs'
// pages; search indexes are built per locale on first use.
//
// It rebuilds the site when [Server.Reload] is called, as [Server.Watch] does when a
// catalog file changes. A catalog that fails to load leaves the last good site
// served, with its problems shown on every page, until it loads again. API errors
// are themselves catalog errors of the built-in common catalog, written by httperr.
type Server struct {
	load   func() ([]*catalog.Catalog, error)
	opts   Options
	log    *slog.Logger
	api    http.Handler
	mux    *http.ServeMux // the API's routes, inside api
	state  atomic.Pointer[state]
	reload sync.Mutex
	ready  chan struct{} // closed once the first load has ended
}

// state is one build of the site.
type state struct {
	site     *site
	cache    *pageCache
	problems string    // why the last reload failed; empty when it did not
	loaded   time.Time // when the catalogs of the site were read
	loading  bool      // the first load has not ended yet
}

// defaultCacheBytes is the size of a server's page cache when Options.CacheBytes is 0.
const defaultCacheBytes = 64 << 20

// NewServer returns a server of the catalogs load returns, built once now. load is
// called again by each reload. A first load that fails still gives a server: it shows
// the problems until a reload succeeds. logger receives reloads and their problems
// (slog.Default() when nil).
func NewServer(load func() ([]*catalog.Catalog, error), opts Options, logger *slog.Logger) *Server {
	s := newServer(load, opts, logger)
	s.Reload()
	close(s.ready)
	return s
}

// StartServer is NewServer that returns at once and loads the catalogs in the
// background, so that it can listen while they load: until the first load ends,
// pages answer 503 with a page that reloads itself, and the API 503 with
// Retry-After. Ready is closed when the first load ends.
func StartServer(load func() ([]*catalog.Catalog, error), opts Options, logger *slog.Logger) *Server {
	s := newServer(load, opts, logger)
	s.state.Store(&state{loading: true})
	go func() {
		s.Reload()
		close(s.ready)
	}()
	return s
}

func newServer(load func() ([]*catalog.Catalog, error), opts Options, logger *slog.Logger) *Server {
	if logger == nil {
		logger = slog.Default()
	}
	s := &Server{load: load, opts: opts, log: logger, ready: make(chan struct{})}
	s.state.Store(&state{})
	h := &httperr.Handler{Logger: logger}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/errors", s.search)
	mux.HandleFunc("GET /api/errors/{code}", s.code)
	mux.HandleFunc("GET /api/errors/{code}/render", s.render)
	s.api, s.mux = h.Wrap(mux), mux
	return s
}

// Ready returns a channel closed once the server's first load has ended, with a site
// or with problems.
func (s *Server) Ready() <-chan struct{} { return s.ready }

// Reload loads the catalogs again and rebuilds the site. On failure the last good
// site stays, and the problems are shown on its pages, logged and returned; a first
// load with problems has no site to keep and is not logged: [Server.Problems] tells.
func (s *Server) Reload() error {
	_, err := s.reloadIf(nil)
	return err
}

// errChanged is why a reload was dropped: the files changed while they were read.
var errChanged = errors.New("the catalog files changed while they were read")

// reloadIf is Reload that keeps what it built only if still reports true once the
// catalogs are read (nil: always); it reports whether it kept the result.
func (s *Server) reloadIf(still func() bool) (bool, error) {
	s.reload.Lock()
	defer s.reload.Unlock()
	start := time.Now()
	next, err := s.build(start)
	if still != nil && !still() {
		return false, errChanged
	}
	if err != nil {
		old := s.state.Load()
		shown := relativeTo(err.Error(), s.opts.Roots)
		s.state.Store(&state{site: old.site, cache: old.cache, problems: shown, loaded: start})
		if old.site != nil {
			s.log.Error("catalog has problems; serving the last good site", "problems", err.Error())
		}
		return true, err
	}
	s.state.Store(next)
	// The search indexes of the default locale are built now rather than on the
	// first keystroke.
	go func() {
		next.site.index(next.site.Catalogs, "")
		for _, v := range next.site.Catalogs {
			next.site.index([]*catalogView{v}, v.DefaultLocale)
		}
	}()
	return true, nil
}

func (s *Server) build(start time.Time) (*state, error) {
	cats, err := s.load()
	if err != nil {
		return nil, err
	}
	st, err := newSite(cats, s.opts)
	if err != nil {
		return nil, err
	}
	limit := s.opts.CacheBytes
	if limit <= 0 {
		limit = defaultCacheBytes
	}
	s.log.Info("catalogs loaded", "catalogs", len(cats), "took", time.Since(start).Round(time.Millisecond))
	return &state{site: st, cache: newPageCache(limit), loaded: start}, nil
}

// relativeTo rewrites the absolute paths text names under the directory holding each
// of roots to start there: /srv/errors/errors.yaml becomes errors/errors.yaml for the
// root /srv/errors (or errors.yaml for the root /srv/errors/errors.yaml). Deeper
// directories are rewritten first.
func relativeTo(text string, roots []string) string {
	var dirs []string
	for _, root := range roots {
		abs, err := filepath.Abs(strings.TrimSuffix(root, "..."))
		if err != nil {
			continue
		}
		if dir := filepath.Dir(abs); dir != filepath.Dir(dir) { // not the file system's root
			dirs = append(dirs, dir+string(filepath.Separator))
		}
	}
	sort.Slice(dirs, func(i, j int) bool { return len(dirs[i]) > len(dirs[j]) })
	pairs := make([]string, 0, 2*len(dirs))
	for _, d := range dirs {
		pairs = append(pairs, d, "")
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

// Problems returns the problems of the last reload, or "" when it succeeded.
func (s *Server) Problems() string { return s.state.Load().problems }

// Watch calls Reload whenever a file under paths (catalog files, or directories of
// them) is added, removed or changed, checking every interval until ctx is done.
// It polls rather than subscribing to file system events: editors that save by
// renaming a new file into place, network file systems and containers all look the
// same to it. A change is loaded only once the files are stable, the same at two
// polls in a row, and what was read is kept only if the files did not change while
// they were read, so a file being rewritten in place is not served half-written (a
// writer that pauses longer than interval mid-file can still be caught; a half file
// that fails to load leaves the last good site served).
func (s *Server) Watch(ctx context.Context, paths []string, interval time.Duration) {
	select {
	case <-s.ready:
	case <-ctx.Done():
		return
	}
	// A file changed while the site was being built is built again. File times are
	// coarser than the clock (a few milliseconds), hence the margin.
	last, newest := fingerprint(paths)
	stale := newest.After(s.state.Load().loaded.Add(-2 * time.Second))
	t := time.NewTicker(interval)
	defer t.Stop()
	tick := func() bool {
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
			return true
		}
	}
	for tick() {
		now, _ := fingerprint(paths)
		if now == last && !stale {
			continue
		}
		stale = false
		for {
			if !tick() {
				return
			}
			again, _ := fingerprint(paths)
			if again == now {
				break
			}
			now = again
		}
		// Files that changed while they were read are read again once stable.
		if kept, _ := s.reloadIf(func() bool { again, _ := fingerprint(paths); return again == now }); kept {
			last = now
		} else {
			stale = true
		}
	}
}

// fingerprint sums up the names, sizes and times of the files under paths that a
// catalog may be made of (.yaml, .yml, .json), and the newest of their times.
func fingerprint(paths []string) (sum string, newest time.Time) {
	var b strings.Builder
	for _, root := range paths {
		err := filepath.WalkDir(strings.TrimSuffix(root, "..."), func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch filepath.Ext(name) {
			case ".yaml", ".yml", ".json":
			default:
				return nil
			}
			if fi, err := d.Info(); err == nil && !d.IsDir() {
				fmt.Fprintf(&b, "%s %d %d\n", name, fi.Size(), fi.ModTime().UnixNano())
				if fi.ModTime().After(newest) {
					newest = fi.ModTime()
				}
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(&b, "%s: %v\n", root, err)
		}
	}
	return b.String(), newest
}

// ServeHTTP serves the API under /api/ and the site's files elsewhere.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/") {
		if len(r.URL.Path) > maxShown && !s.knownCode(r.URL.Path) {
			// The answer and its log line name the path: only its start.
			short := *r
			short.URL = &url.URL{Path: shorten(r.URL.Path)}
			r = &short
		}
		s.api.ServeHTTP(w, r)
		return
	}
	s.serveFile(w, r)
}

// knownCode reports whether p is the API path of a code the site has.
func (s *Server) knownCode(p string) bool {
	id, ok := strings.CutPrefix(p, "/api/errors/")
	st := s.state.Load()
	if !ok || st.site == nil {
		return false
	}
	id = strings.TrimSuffix(id, "/render")
	for _, v := range st.site.Catalogs {
		if v.set.Lookup(id) != nil {
			return true
		}
	}
	return false
}

// maxShown bounds, in bytes, what of a client's input (a path, a code, a catalog
// name) an answer or a log line repeats.
const maxShown = 120

// shorten is s when it is at most maxShown bytes long, else its start, cut at a
// character boundary, and "…".
func shorten(s string) string {
	if len(s) <= maxShown {
		return s
	}
	i := maxShown
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".ico":  "image/x-icon",
}

// securityPolicy keeps pages to what the site itself serves: no inline script, nothing
// fetched from elsewhere.
const securityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.state.Load()
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	switch {
	case name == "":
		name = "index.html"
	case strings.HasSuffix(r.URL.Path, "/"):
		name += "/index.html"
	}
	data, ok := st.file(name)
	status := http.StatusOK
	if !ok {
		if _, dir := st.file(name + "/index.html"); dir {
			redirect(w, r, "/"+name+"/")
			return
		}
		name, status = "404.html", http.StatusNotFound
		data, ok = st.file(name)
		if !ok { // no site yet: the first load failed, or has not ended
			data = []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>No site yet</title></head><body><main id="main"></main></body></html>`)
		}
		if st.loading {
			status = http.StatusServiceUnavailable
			data = []byte(loadingPage)
			w.Header().Set("Retry-After", "1")
		}
	}
	hd := w.Header()
	hd.Set("Content-Type", contentTypes[path.Ext(name)])
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Security-Policy", securityPolicy)
	hd.Set("Cache-Control", "no-cache")
	if st.problems != "" && strings.HasSuffix(name, ".html") {
		data = withProblems(data, st.problems)
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// loadingPage answers pages while the first load runs; it asks the browser to come
// back in a second (the policy allows no script, and needs none).
const loadingPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>Loading the catalogs</title></head><body><main id="main"><p>The catalogs are loading; this page reloads by itself.</p></main></body></html>`

// file returns the file of st's site at name, rendered now or kept from an earlier
// request, and whether there is one.
func (st *state) file(name string) ([]byte, bool) {
	if st.site == nil {
		return nil, false
	}
	return st.cache.load(name, func() ([]byte, bool) {
		var buf bytes.Buffer
		ok, err := st.site.file(name, &buf)
		// The cache keeps a copy of the page's own size: the buffer's spare room,
		// up to as much again, would be memory its byte limit does not count.
		return bytes.Clone(buf.Bytes()), ok && err == nil
	})
}

// redirect answers 301 to target, a path on this server. Every redirect the server
// makes goes through it, so none leaves the site: target is cleaned, must start with
// one '/' and may not start with "//" or "/\", which browsers read as another host;
// any other target answers 404 instead. The Location is escaped, so it is one path.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	clean := path.Clean(target)
	if strings.HasSuffix(target, "/") && clean != "/" {
		clean += "/"
	}
	if !sameOrigin(clean) {
		http.NotFound(w, r)
		return
	}
	u := url.URL{Path: clean}
	w.Header().Set("Location", u.EscapedPath())
	w.WriteHeader(http.StatusMovedPermanently)
}

// sameOrigin reports whether p is a path a browser resolves on this server: it starts
// with '/', not "//", and holds no backslash (browsers read "/\" as "//") nor
// control character (browsers drop tabs and newlines from URLs).
func sameOrigin(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return false
		}
	}
	return true
}

// withProblems puts the problems of a failed reload at the top of a page's main.
func withProblems(page []byte, problems string) []byte {
	const at = `<main id="main">`
	i := bytes.Index(page, []byte(at))
	if i < 0 {
		return page
	}
	i += len(at)
	note := `<div class="problems" role="alert"><h2>The catalog has problems</h2><p>This is the last version that loaded. Fix these and save; the page rebuilds.</p><pre>` +
		html.EscapeString(problems) + `</pre></div>`
	out := make([]byte, 0, len(page)+len(note))
	out = append(out, page[:i]...)
	out = append(out, note...)
	return append(out, page[i:]...)
}

// index returns the search index of st's catalogs in locale.
func (st *state) index(locale string) *Index { return st.site.index(st.site.Catalogs, locale) }

// pageURL is the absolute path of an entry's page on the server.
func (st *state) pageURL(v *catalogView, locale, href string) string {
	return "/" + v.Dir + v.localeDir(locale) + href
}

func (st *state) catalog(name string) (*catalogView, error) {
	for _, v := range st.site.Catalogs {
		if v.Name == name {
			return v, nil
		}
	}
	var names []string
	for _, v := range st.site.Catalogs {
		names = append(names, v.Name)
	}
	return nil, fmt.Errorf("catalog: no catalog %q; there are %s", shorten(name), strings.Join(names, ", "))
}
