package portal

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/errcat/errcat/catalog"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// templates of the kinds of pages, each the layout with its own "main".
var (
	indexTmpl    = pageTemplate("index.html")
	catalogsTmpl = pageTemplate("catalogs.html")
	codeTmpl     = pageTemplate("code.html")
	notFoundTmpl = pageTemplate("notfound.html")
)

func pageTemplate(files ...string) *template.Template {
	names := []string{"templates/layout.html"}
	for _, f := range files {
		names = append(names, "templates/"+f)
	}
	return template.Must(template.New("layout").ParseFS(templateFS, names...))
}

// Options configure a generated site.
type Options struct {
	// Title is the title of a site of several catalogs; "Error catalogs" when empty.
	Title string
	// Roots are the catalog paths a [Server] serves (files, directories, dir/...).
	// The problems its pages show name files from the directory that holds each root,
	// "errors/errors.yaml:3:5" for the root /srv/errors, never by the server's
	// absolute paths.
	Roots []string
	// Force lets [WriteDir] replace a directory it did not write, whatever it holds.
	Force bool
}

// Output receives the files of a site. WriteFile is called from several goroutines at
// once, with slash-separated paths relative to the site's root, each path once.
type Output interface {
	WriteFile(name string, data []byte) error
}

// Stats count what a site's generation wrote.
type Stats struct {
	Files int
	Bytes int64
}

// Generate renders the site of the catalogs into out: the pages of one catalog at the
// root, or of several each under catalogs/NAME/ with a list of them at the root. Every
// catalog must have loaded without problems, and names must differ.
func Generate(cats []*catalog.Catalog, opts Options, out Output) (Stats, error) {
	_, stats, err := generate(cats, opts, out)
	return stats, err
}

// generate is Generate that also returns the site, for the server's API.
func generate(cats []*catalog.Catalog, opts Options, out Output) (*site, Stats, error) {
	s, err := newSite(cats, opts)
	if err != nil {
		return nil, Stats{}, err
	}
	c := &countingOutput{out: out}
	if err := s.generate(c); err != nil {
		return nil, Stats{}, err
	}
	return s, Stats{Files: int(c.files.Load()), Bytes: c.bytes.Load()}, nil
}

// countingOutput counts the files and bytes written through it.
type countingOutput struct {
	out   Output
	files atomic.Int64
	bytes atomic.Int64
}

func (c *countingOutput) WriteFile(name string, data []byte) error {
	c.files.Add(1)
	c.bytes.Add(int64(len(data)))
	return c.out.WriteFile(name, data)
}

func newSite(cats []*catalog.Catalog, opts Options) (*site, error) {
	if len(cats) == 0 {
		return nil, errors.New("no catalog to document")
	}
	s := &site{Title: opts.Title, Multi: len(cats) > 1}
	if s.Title == "" {
		s.Title = "Error catalogs"
	}
	seen := map[string]bool{}
	for _, c := range cats {
		if seen[c.Name] {
			return nil, fmt.Errorf("two catalogs are named %q; a site needs each name once", c.Name)
		}
		seen[c.Name] = true
		v, err := newCatalogView(c, s.Multi)
		if err != nil {
			return nil, fmt.Errorf("catalog %s: %w", c.Name, err)
		}
		s.Catalogs = append(s.Catalogs, v)
	}
	return s, nil
}

// job is one page to render.
type job struct {
	v      *catalogView
	locale string
	i      int // index of the code in v.defs
}

func (s *site) generate(out Output) error {
	var (
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	failed := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return firstErr != nil
	}
	jobs := make(chan job, 256)
	var wg sync.WaitGroup
	// Writing a page is mostly waiting on the file system: twice as many workers as
	// processors keep both busy.
	for range 2 * runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for j := range jobs {
				if failed() {
					continue
				}
				name, err := s.codeFile(&buf, j)
				if err == nil {
					err = out.WriteFile(name, bytes.Clone(buf.Bytes()))
				}
				if err != nil {
					fail(err)
				}
			}
		}()
	}
	// The shared files and indexes are written while the workers render code pages.
	go func() {
		defer close(jobs)
		for _, v := range s.Catalogs {
			for _, loc := range v.Locales {
				for i := range v.defs {
					if failed() {
						return
					}
					jobs <- job{v, loc, i}
				}
			}
		}
	}()
	if err := s.sharedFiles(out); err != nil {
		fail(err)
	}
	wg.Wait()
	return firstErr
}

// sharedFiles writes everything but the code pages: assets, indexes, search indexes
// and the 404 page.
func (s *site) sharedFiles(out Output) error {
	for _, name := range []string{"assets/style.css", "assets/search.js"} {
		data, err := assetFS.ReadFile(name)
		if err != nil {
			return err
		}
		if err := out.WriteFile(name, data); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	write := func(name string, t *template.Template, p *page) error {
		buf.Reset()
		if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
			return fmt.Errorf("rendering %s: %w", name, err)
		}
		return out.WriteFile(name, bytes.Clone(buf.Bytes()))
	}
	if s.Multi {
		p := &page{Lang: s.Catalogs[0].DefaultLocale, Title: s.Title, Root: "./", Site: s, Home: "./", SearchAction: "./", SearchIndex: "search-index.js"}
		for _, v := range s.Catalogs {
			n := v.count()
			p.Count += n
			p.Catalogs = append(p.Catalogs, catalogSummary{Name: v.Name, Title: v.Title, Description: v.Description, Href: v.Dir, Count: n, Locales: v.Locales})
		}
		if err := write("index.html", catalogsTmpl, p); err != nil {
			return err
		}
		if err := out.WriteFile("search-index.js", searchScript(newIndex(s.Catalogs, ""), s)); err != nil {
			return err
		}
	}
	for _, v := range s.Catalogs {
		for _, loc := range v.Locales {
			dir := v.Dir + v.localeDir(loc)
			root := rootOf(dir)
			p := &page{
				Lang: loc, Title: v.Title, Root: root, Home: "./", Site: s, Cat: v,
				Languages:    v.languages(loc, root, ""),
				SearchAction: "./", SearchIndex: "search-index.js",
				Count: v.count(), Groups: v.groups(loc),
			}
			if err := write(dir+"index.html", indexTmpl, p); err != nil {
				return err
			}
			ix := newIndex([]*catalogView{v}, loc)
			if err := out.WriteFile(dir+"search-index.js", searchScript(ix, nil)); err != nil {
				return err
			}
		}
	}
	nf := &page{Lang: s.Catalogs[0].DefaultLocale, Title: "Page not found", Root: "/", Home: "/", Site: s}
	return write("404.html", notFoundTmpl, nf)
}

// codeFile renders the page of job j into buf and returns its path.
func (s *site) codeFile(buf *bytes.Buffer, j job) (string, error) {
	v, d := j.v, j.v.defs[j.i]
	dir := v.Dir + v.localeDir(j.locale) + codePath(d.Code())
	root := rootOf(dir)
	home := "../../"
	langs := v.languages(j.locale, root, codePath(d.Code()))
	code := v.codePage(d, j.locale, home, langs)
	p := &page{
		Lang: j.locale, Title: d.Code() + " " + plain(d.Title(j.locale)) + " · " + v.Title,
		Root: root, Home: home, Site: s, Cat: v,
		Languages: langs, SearchAction: home, Code: code,
	}
	if code.Title.HTML == "" {
		p.Title = d.Code() + " · " + v.Title
	}
	buf.Reset()
	if err := codeTmpl.ExecuteTemplate(buf, "layout", p); err != nil {
		return "", fmt.Errorf("rendering the page of %s: %w", d.ID(), err)
	}
	return dir + "index.html", nil
}

// languages is the language switcher of the page at rel (relative to a locale's
// directory) in locale, for a page whose root is root.
func (v *catalogView) languages(locale, root, rel string) []languageLink {
	out := make([]languageLink, 0, len(v.Locales))
	for _, loc := range v.Locales {
		href := root + v.Dir + v.localeDir(loc) + rel
		if href == "" {
			href = "./"
		}
		out = append(out, languageLink{Locale: loc, Name: v.localeNames[loc], Href: href, Current: loc == locale})
	}
	return out
}

// count is the number of codes and variants of the catalog.
func (v *catalogView) count() int {
	n := 0
	for _, d := range v.defs {
		n += 1 + len(d.Variants())
	}
	return n
}

// searchScript is the search index as a script for the site's search box:
//
//	window.errcatIndex = {"entries": [[id, title, status, category, href, text, catalog], …]}
//
// text is the lower-case text the words are looked for in. Links of a site-wide index
// (s not nil) lead from the site's root.
func searchScript(ix *Index, s *site) []byte {
	dirs := map[string]string{}
	if s != nil {
		for _, v := range s.Catalogs {
			dirs[v.Name] = v.Dir
		}
	}
	rows := make([][]any, len(ix.Entries))
	for i, e := range ix.Entries {
		status := ""
		if e.Status != 0 {
			status = strconv.Itoa(e.Status)
		}
		row := []any{e.ID, e.Title, status, e.Category, dirs[e.Catalog] + e.Href, e.hay}
		if s != nil {
			row = append(row, e.Catalog)
		}
		rows[i] = row
	}
	data, err := json.Marshal(map[string]any{"entries": rows})
	if err != nil {
		panic(err) // strings and numbers only
	}
	var b bytes.Buffer
	b.WriteString("window.errcatIndex = ")
	b.Write(data) // encoding/json escapes <, > and &, so the script holds no markup
	b.WriteString(";\n")
	return b.Bytes()
}

// rootOf is the relative link from a page in dir (slash-terminated, relative to the
// site's root) back to the root: "./" for the root itself.
func rootOf(dir string) string {
	if n := strings.Count(dir, "/"); n > 0 {
		return strings.Repeat("../", n)
	}
	return "./"
}
