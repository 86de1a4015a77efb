package portal

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/examples/seeds"
	"github.com/errcat/errcat/internal/golden"
	"golang.org/x/net/html"
)

func generateFiles(t testing.TB, cats ...*catalog.Catalog) *Files {
	t.Helper()
	var f Files
	if _, err := Generate(cats, Options{}, &f); err != nil {
		t.Fatal(err)
	}
	return &f
}

func commonCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := source.Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestGolden pins the pages of the petstore example (a translation, operations, a
// code with a missing translation) byte for byte.
func TestGolden(t *testing.T) {
	f := generateFiles(t, catalogtest.Load(t, "../examples/petstore/errors"))
	for _, name := range []string{"index.html", "errors/PET-404/index.html", "vi/index.html", "vi/errors/PET-422/index.html", "search/r-0.js", "search/t-7065.js", "vi/search/t-74c3ac.js", "404.html"} {
		data, ok := f.File(name)
		if !ok {
			t.Errorf("no %s in %v", name, f.Names())
			continue
		}
		golden.Check(t, filepath.Join("testdata/golden/petstore", name), data)
	}
}

func TestLayout(t *testing.T) {
	f := generateFiles(t, commonCatalog(t))
	names := f.Names()
	for _, want := range []string{"index.html", "search/r-0.js", "search/t-3030.js", "404.html", "assets/style.css", "assets/search.js", "errors/000012/index.html", "errors/000051/index.html"} {
		if _, ok := f.File(want); !ok {
			t.Errorf("no %s", want)
		}
	}
	// One page per code, variants as sections of their parent's page.
	pages := 0
	for _, n := range names {
		if strings.HasPrefix(n, "errors/") {
			pages++
		}
	}
	if want := len(commonCatalog(t).Errors); pages != want {
		t.Errorf("%d code pages; want %d", pages, want)
	}
	page, _ := f.File("errors/000037/index.html")
	for _, want := range []string{`id="variant-0"`, `Used when field is not given`, `<h2 id="causes">Root Cause</h2>`, `<h2 id="resolutions">Resolution</h2>`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("000037's page lacks %s", want)
		}
	}
	// The docs_url of the catalog points at the pages: .../errors/{code}/.
	if u := commonCatalog(t).DocsURL; !strings.HasSuffix(u, "/errors/{code}/") {
		t.Errorf("common's docs_url %s does not end in the site's page path", u)
	}
}

// TestValidHTML checks every page of a site of every example catalog: it parses,
// ids are unique, images have alt texts, no script is inline or fetched from
// elsewhere, nor any style, and every link within the site leads to a file of it
// (and to an element, for a fragment).
func TestValidHTML(t *testing.T) {
	more, err := seeds.Catalogs()
	if err != nil {
		t.Fatal(err)
	}
	cats := append([]*catalog.Catalog{commonCatalog(t), catalogtest.Load(t, "../examples/petstore/errors"), catalogtest.Load(t, "testdata/escape"), catalogtest.Load(t, "testdata/hostile")}, more...)
	for _, sites := range [][]*catalog.Catalog{cats, {catalogtest.Load(t, "../examples/petstore/errors")}, {catalogtest.Load(t, "testdata/hostile")}} {
		f := generateFiles(t, sites...)
		checkSite(t, f)
	}
}

func checkSite(t *testing.T, f *Files) {
	ids := map[string]map[string]bool{}
	type ref struct{ from, to string }
	var refs []ref
	for _, name := range f.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := f.File(name)
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.HasPrefix(data, []byte("<!DOCTYPE html>\n<html lang=")) {
			t.Errorf("%s: no doctype or lang", name)
		}
		seen := map[string]bool{}
		ids[name] = seen
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				attrs := map[string]string{}
				for _, a := range n.Attr {
					attrs[a.Key] = a.Val
				}
				if id, ok := attrs["id"]; ok {
					if seen[id] {
						t.Errorf("%s: id %q twice", name, id)
					}
					seen[id] = true
				}
				switch n.Data {
				case "img":
					if _, ok := attrs["alt"]; !ok {
						t.Errorf("%s: img without alt", name)
					}
				case "script":
					if attrs["src"] == "" || n.FirstChild != nil {
						t.Errorf("%s: inline script", name)
					}
				case "style":
					t.Errorf("%s: inline style element", name)
				}
				for _, key := range []string{"href", "src", "action"} {
					v, ok := attrs[key]
					if !ok {
						continue
					}
					u, err := url.Parse(v)
					if err != nil {
						t.Errorf("%s: %s %q: %v", name, key, v, err)
						continue
					}
					if u.Scheme == "data" {
						continue // within the page
					}
					if u.Scheme != "" || u.Host != "" {
						if n.Data != "a" {
							t.Errorf("%s: %s fetches %s from elsewhere", name, n.Data, v)
						}
						continue
					}
					if v == "" {
						t.Errorf("%s: empty %s", name, key)
					}
					refs = append(refs, ref{name, v})
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	for _, r := range refs {
		u, _ := url.Parse(r.to)
		target := r.from
		if u.Path != "" {
			if strings.HasPrefix(u.Path, "/") {
				target = strings.TrimPrefix(u.Path, "/") // 404.html links from the root
			} else {
				target = path.Join(path.Dir(r.from), u.Path)
			}
			if strings.HasSuffix(u.Path, "/") || target == "." || target == "" {
				target = strings.TrimPrefix(path.Join(target, "index.html"), "./")
			}
		}
		if _, ok := f.File(target); !ok {
			t.Errorf("%s: link %q leads to %s, which the site does not have", r.from, r.to, target)
			continue
		}
		if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
			t.Errorf("%s: link %q: %s has no id %q", r.from, r.to, target, u.Fragment)
		}
	}
}

// TestEscaping: catalog texts with markup show as text on every page, and the only
// scripts are the site's own.
func TestEscaping(t *testing.T) {
	f := generateFiles(t, catalogtest.Load(t, "testdata/escape"))
	checkInert(t, f)
	page, _ := f.File("errors/X-1/index.html")
	for _, want := range []string{
		`<h1><code>X-1</code> &lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; <var>{name}</var></h1>`,
		`Value <var>{name}</var> is &lt;img src=x onerror=alert(1)&gt; not allowed | really.`,
		`<code>&lt;code&gt;</code>`,
		`<td>&lt;i&gt;param&lt;/i&gt;</td>`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("X-1's page lacks %s", want)
		}
	}
	dep, _ := f.File("errors/X-2/index.html")
	if !bytes.Contains(dep, []byte(`Use <a href="../../errors/X-1/"><code>X-1</code></a> instead.`)) || !bytes.Contains(dep, []byte(`&lt;b&gt;use X-1&lt;/b&gt;`)) {
		t.Errorf("X-2's page does not link its replacement or escape its note:\n%s", dep)
	}
	x1, _ := f.File("errors/X-1/index.html")
	if !bytes.Contains(x1, []byte(`<a href="../../errors/X-2/"><code>X-2</code></a>`)) {
		t.Error("X-1's page does not list X-2, which it replaces")
	}
}

// TestHostileCatalog: a catalog with markup, quotes, javascript: URLs and NUL bytes
// in its codes, variant keys, operations, version, docs URL and translations, alone
// and in a site of several catalogs under a hostile title, gives pages where all of
// it is text.
func TestHostileCatalog(t *testing.T) {
	hostile := catalogtest.Load(t, "testdata/hostile")
	checkInert(t, generateFiles(t, hostile))
	var multi Files
	if _, err := Generate([]*catalog.Catalog{hostile, catalogtest.Load(t, "testdata/escape")}, Options{Title: `<script>alert("site")</script> " onload="x`}, &multi); err != nil {
		t.Fatal(err)
	}
	checkInert(t, &multi)
}

// checkInert checks that catalog text made no markup on the pages of f: the only
// elements a page holds are those of the site's own pages, no element has an event
// handler attribute, the only script is the site's, and every link, source and form
// action leads within the site, but for the icon, a data: image.
func checkInert(t *testing.T, f *Files) {
	t.Helper()
	own := map[string]bool{}
	for _, e := range strings.Fields(`html head meta title link body a header nav span form label input
		button p kbd main h1 h2 h3 h4 code dl dt dd section div table caption thead tbody tr th td ul ol li br small var
		details summary pre article sup noscript footer script`) {
		own[e] = true
	}
	for _, name := range f.Names() {
		data, _ := f.File(name)
		if !strings.HasSuffix(name, ".html") {
			if strings.Contains(name, "search/") && bytes.Contains(data, []byte("<")) {
				t.Errorf("%s holds a raw <", name)
			}
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if !own[n.Data] {
					t.Errorf("%s: element <%s> came from a catalog text", name, n.Data)
				}
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") {
						t.Errorf("%s: <%s %s=%q> came from a catalog text", name, n.Data, a.Key, a.Val)
					}
					switch a.Key {
					case "href", "src", "action":
						u, err := url.Parse(a.Val)
						switch {
						case err != nil:
							t.Errorf("%s: <%s %s=%q>: %v", name, n.Data, a.Key, a.Val, err)
						case n.Data == "link" && strings.HasPrefix(a.Val, "data:image/svg+xml,"):
						case u.Scheme != "" || u.Host != "":
							t.Errorf("%s: <%s %s=%q> leads off the site", name, n.Data, a.Key, a.Val)
						}
					}
				}
				if n.Data == "script" {
					src := ""
					for _, a := range n.Attr {
						if a.Key == "src" {
							src = a.Val
						}
					}
					if !strings.HasSuffix(src, "assets/search.js") || n.FirstChild != nil {
						t.Errorf("%s: <script src=%q> is not the site's", name, src)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	c := catalogtest.Load(t, "../examples/petstore/errors")
	if _, err := WriteDir([]*catalog.Catalog{c}, Options{}, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "vi/errors/PET-404/index.html")); err != nil {
		t.Fatal(err)
	}
	// An earlier site is replaced; a directory of other files is refused untouched.
	if _, err := WriteDir([]*catalog.Catalog{c}, Options{}, dir); err != nil {
		t.Fatalf("rebuilding over an earlier site: %v", err)
	}
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644)
	_, err := WriteDir([]*catalog.Catalog{c}, Options{}, other)
	if err == nil || !strings.Contains(err.Error(), "holds files errcat did not write (it has no .errcat-site)") {
		t.Fatalf("writing over other files: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(other, "notes.txt")); string(data) != "mine" {
		t.Error("other files were touched")
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if e.Name() != "site" {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

func TestTwoCatalogsOfOneName(t *testing.T) {
	c := commonCatalog(t)
	_, err := Generate([]*catalog.Catalog{c, c}, Options{}, &Files{})
	if err == nil || !strings.Contains(err.Error(), `two catalogs are named "common"`) {
		t.Fatalf("got %v", err)
	}
}

// TestGroupsByRange: a catalog without categories, such as seed 003, has its overview
// grouped by its numeric ranges, in catalog order.
func TestGroupsByRange(t *testing.T) {
	f := generateFiles(t, catalogtest.Load(t, "../examples/seeds/003-identity"))
	index, _ := f.File("index.html")
	var got []string
	for _, line := range strings.Split(string(index), "\n") {
		if strings.HasPrefix(line, `<tr class="group">`) {
			got = append(got, line)
		}
	}
	want := []string{
		`<tr class="group"><th scope="colgroup" colspan="2" id="group-1000_E2_80_931999_20System">1000–1999 System</th></tr>`,
		`<tr class="group"><th scope="colgroup" colspan="2" id="group-2000_E2_80_932999_20Users_2C_20user_20pools_20and_20applications">2000–2999 Users, user pools and applications</th></tr>`,
	}
	if n := strings.Count(string(index), "<table>"); n != 1 {
		t.Errorf("%d tables in the overview; want one, its groups as heading rows", n)
	}
	if len(got) < 7 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("groups:\n%s", strings.Join(got, "\n"))
	}
}

// TestWriteDirFailureKeepsSite: a build that fails leaves the earlier site as it was.
func TestWriteDirFailureKeepsSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	c := catalogtest.Load(t, "../examples/petstore/errors")
	if _, err := WriteDir([]*catalog.Catalog{c}, Options{}, dir); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "errors/PET-404/index.html"))
	if _, err := WriteDir([]*catalog.Catalog{c, c}, Options{}, dir); err == nil {
		t.Fatal("two catalogs of one name built")
	}
	after, err := os.ReadFile(filepath.Join(dir, "errors/PET-404/index.html"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the earlier site changed: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left beside the site: %v", entries)
	}
}

// TestSegmentDistinct: codes that an escaping could confuse get pages of their own.
func TestSegmentDistinct(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"A<", "A_3C"},
		{"A_3C", "A_5F3C"},
		{"PET-404", "PET-404"},
		{"000037", "000037"},
		{"a.b", "a.b"},
		{"..", "_2E_2E"},
		{"", "_"},
		{"not_found", "not_5Ffound"},
	} {
		if got := segment(tc.in); got != tc.want {
			t.Errorf("segment(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestSearchKeys: the index page lists exactly the terms files its search has, so the
// browser asks for no file that is not there.
func TestSearchKeys(t *testing.T) {
	f := generateFiles(t, commonCatalog(t))
	index, _ := f.File("index.html")
	_, rest, ok := strings.Cut(string(index), `data-keys="`)
	if !ok {
		t.Fatal("no data-keys on the index page")
	}
	listed, _, _ := strings.Cut(rest, `"`)
	var files []string
	for _, name := range f.Names() {
		if key, ok := strings.CutPrefix(name, "search/t-"); ok {
			files = append(files, strings.TrimSuffix(key, ".js"))
		}
	}
	if got, want := listed, strings.Join(files, " "); got != want || len(files) < 10 {
		t.Errorf("data-keys %q\nfiles     %q", got, want)
	}
}
