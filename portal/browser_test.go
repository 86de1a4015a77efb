package portal

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// browser starts Debian's Chromium (ERRCAT_CHROMIUM, else chromium on the PATH) for
// a test. Without it the test is skipped, except in CI, where scripts/test.sh
// installs it and its absence is a failure.
func browser(t *testing.T) context.Context {
	t.Helper()
	if os.Getenv("ERRCAT_BROWSER_STEP") != "" {
		t.Skip("scripts/test.sh runs the browser tests in a step of their own")
	}
	bin := os.Getenv("ERRCAT_CHROMIUM")
	if bin == "" {
		bin, _ = exec.LookPath("chromium")
	}
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium: scripts/test.sh installs Debian's chromium package")
		}
		t.Skip("no chromium on the PATH (apt-get install chromium, or set ERRCAT_CHROMIUM)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

func servePortal(t *testing.T, cats ...*catalog.Catalog) *httptest.Server {
	t.Helper()
	s := NewServer(func() ([]*catalog.Catalog, error) { return cats, nil }, Options{}, slog.New(slog.DiscardHandler))
	if p := s.Problems(); p != "" {
		t.Fatal(p)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

// screenshot writes a PNG for a person to look at: under $ERRCAT_SCREENSHOTS, else
// docs/screenshots (ignored by git).
func screenshot(t *testing.T, name string, png []byte) {
	dir := os.Getenv("ERRCAT_SCREENSHOTS")
	if dir == "" {
		dir = "screenshots"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%d KiB)", path, len(png)>>10)
}

const noResults = "No errors found matching your search."

// TestBrowserPortal drives the served portal of the built-in catalog: search as you
// type, the empty state, the query in the URL, the keyboard, a code page.
func TestBrowserPortal(t *testing.T) {
	ctx := browser(t)
	ts := servePortal(t, commonCatalog(t))
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	do("open the index", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	do("type locate", chromedp.SendKeys(chromedp.ID("q"), "locate"),
		chromedp.WaitVisible(chromedp.CSS(`#result-list a[href="errors/000012/"]`)))
	count, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("result-count")))
	if err != nil || count != "1 error matches." {
		t.Errorf("result count %q, %v", count, err)
	}
	do("the query reaches the URL once typing pauses", waitJS("location.search === '?q=locate'"))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.HasSuffix(loc, "/?q=locate") {
		t.Errorf("the query is not in the URL: %s %v", loc, err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, "index-search.png", png)

	// The overview is hidden while results show; the same search finds what Go finds.
	ix, err := NewIndex("", commonCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"locate", "0000 429", "billing disabled", "not_found", "found", "value already", "00001", "404", "zzqxv", "  Field  required ", "a", "É\u0130", "{0}", "pet-4"} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf("errcatFind(%q)", q), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, h := range ix.Search(q).Hits {
			want = append(want, h.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("search %q: browser finds %v, Go %v", q, got, want)
		}
	}

	do("type nonsense", chromedp.SendKeys(chromedp.ID("q"), kb.Escape), chromedp.SendKeys(chromedp.ID("q"), "xqzvwk"),
		waitJS(fmt.Sprintf("document.getElementById('result-count').textContent === %q", noResults)))
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int]("document.querySelectorAll('#result-list li').length")); n != 0 {
		t.Errorf("%d results for nonsense", n)
	}

	// Keyboard only: "/" goes to the box, Escape clears, ↓ moves to the first result,
	// ↑ back to the box, Enter opens a result.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("document.activeElement.blur(), true")); err != nil {
		t.Fatal(err)
	}
	do("slash focuses the box", chromedp.KeyEvent("/"), waitJS("document.activeElement.id === 'q'"))
	do("open a code page by keyboard", chromedp.KeyEvent(kb.Escape),
		waitJS("document.getElementById('q').value === '' && document.getElementById('results').hidden"),
		chromedp.SendKeys(chromedp.ID("q"), "locate"),
		chromedp.WaitVisible(chromedp.CSS(`#result-list a[href="errors/000012/"]`)),
		chromedp.KeyEvent(kb.ArrowDown),
		waitJS("document.activeElement.getAttribute('href') === 'errors/000012/'"),
		chromedp.KeyEvent(kb.ArrowUp),
		waitJS("document.activeElement.id === 'q'"),
		chromedp.KeyEvent(kb.ArrowDown),
		waitJS("document.activeElement.getAttribute('href') === 'errors/000012/'"),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.ID("causes")))
	main, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	d := commonCatalog(t).Set().Lookup("000012")
	wants := []string{"Root Cause", "Resolution", "HTTP status\n404"}
	for _, t := range append(d.Causes(""), d.Resolutions("")...) {
		var b strings.Builder // as the page shows it: {name} for each placeholder
		for _, p := range t.Parts() {
			if p.Param >= 0 {
				b.WriteString("{" + p.Text + "}")
			} else {
				b.WriteString(strings.ReplaceAll(p.Text, "`", ""))
			}
		}
		wants = append(wants, b.String())
	}
	for _, want := range wants {
		if !strings.Contains(main, want) {
			t.Errorf("the page of 000012 lacks %q", want)
		}
	}
	png, err = chromedp.Run(ctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, "code-000012.png", png)

	// A shared search URL opens with its results.
	do("open a search URL", chromedp.Navigate(ts.URL+"/?q=AUTH-"),
		waitJS(fmt.Sprintf("document.getElementById('result-count').textContent === %q", noResults)))
}

// TestBrowserSearchLatency types into the portal of a 10,000-code catalog (or
// ERRCAT_BROWSER_CODES; bench/scale.sh runs it at 50,000) and reads how long each
// keystroke took, from the input event to the next painted frame. The browser loads
// only the parts of the index the words typed need.
func TestBrowserSearchLatency(t *testing.T) {
	ctx := browser(t)
	codes := 10000
	if s := os.Getenv("ERRCAT_BROWSER_CODES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1235 {
			t.Fatalf("ERRCAT_BROWSER_CODES=%q: want a number of codes of at least 1235", s)
		}
		codes = n
	}
	c, err := catalog.Load(catalogtest.SyntheticJSON("big", codes, 0), "big")
	if err != nil {
		t.Fatal(err)
	}
	ts := servePortal(t, c)
	const query = "thing 1234"
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.ID("q"))); err != nil {
		t.Fatal(err)
	}
	// One key at a time, as a person types: each waits for the last to be painted.
	for i, r := range query {
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), string(r)),
			waitJS(fmt.Sprintf("document.getElementById('results').dataset.done === '%d'", i+1))); err != nil {
			t.Fatal(err)
		}
	}
	timings, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64]("window.errcatTimings"))
	if err != nil {
		t.Fatal(err)
	}
	count, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("result-count")))
	first, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#result-list li:first-child .code")))
	if first != "E001234" {
		t.Errorf("first result %q (%s); want E001234", first, count)
	}
	t.Logf("per keystroke: %.1f", timings)
	sorted := slices.Clone(timings)
	slices.Sort(sorted)
	median, worst := sorted[len(sorted)/2], sorted[len(sorted)-1]
	t.Logf("%d codes: %d keystrokes, median %.1f ms, worst %.1f ms per keystroke (input event to painted frame); %s", codes, len(timings), median, worst, count)
	loaded, _ := chromedp.Run(ctx, chromedp.Evaluate[float64]("performance.getEntriesByType('resource').filter(function (r) { return r.name.indexOf('/search/') >= 0; }).reduce(function (n, r) { return n + r.transferSize; }, 0)"))
	t.Logf("index files loaded: %.0f KiB", loaded/1024)
	if median >= 50 {
		t.Errorf("median %.1f ms per keystroke; the portal must answer under 50 ms", median)
	}

	// A query that most codes match lists the first 50 and says how many there are.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape), chromedp.SendKeys(chromedp.ID("q"), "thing"),
		waitJS(fmt.Sprintf("document.getElementById('result-count').textContent === '%d errors match; the first 50 are shown.'", codes+codes/10))); err != nil {
		t.Fatal(err)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int]("document.querySelectorAll('#result-list li').length")); n != 50 {
		t.Errorf("%d results listed; want the first 50", n)
	}
}

// waitJS waits until a JavaScript expression is true.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	poll := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(30*time.Second))
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := poll(ctx, t)
		return chromedp.Void{}, err
	}
}

// phoneCheck lists what a page at the current viewport gets wrong: the page is wider
// than the screen, a table is not in a box of its own that scrolls, or scrolling
// that box does not bring the table's right edge on screen.
// A mobile browser widens its layout viewport to a page that overflows, so the
// screen's width is the bound, not only innerWidth.
const phoneCheck = `(function () {
  var out = [], de = document.documentElement, w = Math.min(innerWidth, screen.width);
  if (w !== 390) { out.push('the viewport is ' + innerWidth + ' px, the screen ' + screen.width + ' px'); }
  if (de.scrollWidth > w) { out.push('the page is ' + de.scrollWidth + ' px wide on a ' + w + ' px screen'); }
  document.querySelectorAll('table').forEach(function (t, i) {
    var box = t.parentElement;
    if (!box.classList.contains('scroll')) { out.push('table ' + i + ' is not in a scroll box'); return; }
    for (var a = box; a; a = a.parentElement) {
      var cs = getComputedStyle(a);
      if (cs.contentVisibility === 'auto') { out.push('table ' + i + ' is inside content-visibility: auto'); }
    }
    box.scrollLeft = box.scrollWidth;
    var r = t.getBoundingClientRect(), b = box.getBoundingClientRect();
    if (r.right > b.right + 1 || b.right > w + 1 || r.left < -r.width) {
      out.push('table ' + i + ' (' + Math.round(r.width) + ' px) ends at ' + Math.round(r.right) + ' px once scrolled, its box at ' + Math.round(b.right) + ' px');
    }
    box.scrollLeft = 0;
  });
  return out;
})()`

// TestBrowserPhone opens the home page, catalog indexes and code pages of a site of
// several catalogs on a 390 px wide phone: no page scrolls sideways, and every table
// scrolls within its own box to its full width.
func TestBrowserPhone(t *testing.T) {
	ctx := browser(t)
	ts := servePortal(t, commonCatalog(t), catalogtest.Load(t, "../examples/seeds/002-backend"),
		catalogtest.Load(t, "../examples/seeds/003-identity"), catalogtest.Load(t, "../examples/petstore/errors"),
		catalogtest.Load(t, "testdata/plural"))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"/", "/catalogs/common/", "/catalogs/backend/", "/catalogs/identity/", "/catalogs/petstore/",
		"/catalogs/common/errors/000012/", "/catalogs/common/errors/000030/", "/catalogs/backend/errors/107/",
		"/catalogs/identity/errors/2227/", "/catalogs/petstore/errors/PET-404/", "/catalogs/common/vi/",
		"/catalogs/plural/pl/errors/F-1/", "/catalogs/plural/ar/errors/F-3/",
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+path), chromedp.WaitVisible(chromedp.ID("main"))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](phoneCheck))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("%s at 390 px: %s", path, p)
		}
		if name := phoneShots[path]; name != "" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
			if err != nil {
				t.Fatal(err)
			}
			screenshot(t, name, png)
		}
	}
}

// phoneShots are the pages TestBrowserPhone keeps a screenshot of, by path.
var phoneShots = map[string]string{
	"/catalogs/backend/":              "phone-backend.png",
	"/catalogs/plural/pl/errors/F-1/": "phone-forms.png",
}

// TestBrowserSearchTypos: the browser finds what Index.Search finds for exact and
// misspelt queries, typo fallback included, over a site of several catalogs.
func TestBrowserSearchTypos(t *testing.T) {
	ctx := browser(t)
	cats := []*catalog.Catalog{commonCatalog(t), catalogtest.Load(t, "../examples/seeds/002-backend"), catalogtest.Load(t, "../examples/petstore/errors")}
	ts := servePortal(t, cats...)
	ix, err := NewIndex("", cats...)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.ID("q"))); err != nil {
		t.Fatal(err)
	}
	fuzzy := 0
	for _, q := range []string{
		"lcoate", "locate", "requird field", "fiedl", "permision", "permission denied", "register user",
		"regsiter user", "reigster usr", "databse", "authentcation", "unauthroized", "not_found",
		"tokne expired", "pet 404", "pte", "xqzvwkj", "locate xqzvwkj", "timout", "quota", "acount disabled",
	} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf("errcatFind(%q)", q), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		r := ix.Search(q)
		var want []string
		for _, h := range r.Hits {
			want = append(want, h.ID)
		}
		if r.Fuzzy && len(want) > 0 {
			fuzzy++
		}
		if !slices.Equal(got, want) {
			t.Errorf("search %q: browser finds %v, Go %v (fuzzy %v)", q, got, want, r.Fuzzy)
		}
	}
	if fuzzy < 8 {
		t.Errorf("%d queries found codes through typos; the list should exercise the fallback", fuzzy)
	}
	// The page says what it searched for instead.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?q=lcoate"),
		waitJS(`document.getElementById('result-count').textContent.indexOf('showing matches for locate') > 0`),
		chromedp.WaitVisible(chromedp.CSS(`#result-list a[href="catalogs/common/errors/000012/"]`))); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserFileSite opens a built site from disk (file://), follows a code link
// from the overview, goes back by the breadcrumb, and opens a search result.
func TestBrowserFileSite(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	if _, err := WriteDir([]*catalog.Catalog{commonCatalog(t)}, Options{}, filepath.Join(dir, "site")); err != nil {
		t.Fatal(err)
	}
	root := "file://" + filepath.ToSlash(filepath.Join(dir, "site")) + "/"
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// at waits until the browser is at url, across the navigation a click starts.
	at := func(url string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			loc, err := chromedp.Run(ctx, chromedp.Location())
			if err == nil && loc == url {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("at %s (%v); want %s", loc, err, url)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	do("open the index", chromedp.Navigate(root+"index.html"), chromedp.WaitVisible(chromedp.ID("overview")))
	do("follow a code link", chromedp.Click(chromedp.CSS(`#overview a[href="./errors/000012/"]`)))
	at(root + "errors/000012/index.html")
	do("the code page", chromedp.WaitVisible(chromedp.ID("causes")))
	do("follow the breadcrumb", chromedp.Click(chromedp.CSS(`.crumbs a`)))
	at(root + "index.html")
	do("search", chromedp.WaitVisible(chromedp.ID("q")), chromedp.SendKeys(chromedp.ID("q"), "lcoate"),
		chromedp.WaitVisible(chromedp.CSS(`#result-list a[href="errors/000012/"]`)),
		chromedp.Click(chromedp.CSS(`#result-list a[href="errors/000012/"]`)))
	at(root + "errors/000012/index.html")
	do("the code page", chromedp.WaitVisible(chromedp.ID("causes")))
}
