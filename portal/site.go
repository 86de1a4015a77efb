package portal

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
)

//go:embed assets
var assetFS embed.FS

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
	// Envelope is the envelope of the example response on each code's page; when
	// nil, each catalog's declared envelope ([EnvelopeFor]). The server renders the
	// others on demand.
	Envelope httperr.Envelope
	// CacheBytes bounds the rendered files a [Server] keeps (64 MiB when 0).
	CacheBytes int
}

// Output receives the files of a site. WriteFile is called from several goroutines at
// once, with slash-separated paths relative to the site's root, each path once; it
// must not keep data once it returns.
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

// generate is Generate that also returns the site.
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
	s := &site{Title: opts.Title, Multi: len(cats) > 1, env: opts.Envelope, indexes: map[string]*Index{}}
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
	for _, v := range s.Catalogs {
		v.handler = exampleHandler(EnvelopeFor(v.set, s.env))
		v.chrome = map[string]*codeChrome{}
		for _, loc := range v.Locales {
			v.chrome[loc] = s.codeChromeOf(v, loc)
		}
	}
	return s, nil
}

// generate writes every file of the site to out: the names the site lists, each
// rendered as the server renders it on demand, by a worker per processor.
func (s *site) generate(out Output) error {
	files := make(chan siteFile, 256)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		if firstErr == nil {
			firstErr = err
		}
	}
	// Writing a file waits on the file system as long as rendering it takes: twice as
	// many workers as processors keep both busy.
	for range 2 * runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for f := range files {
				data, err := f.data, error(nil)
				if f.render != nil {
					buf.Reset()
					f.render(&buf)
					data = buf.Bytes()
				} else if data == nil {
					buf.Reset()
					var ok bool
					ok, err = s.file(f.name, &buf)
					if err == nil && !ok {
						err = fmt.Errorf("the site lists %s but has no such file", f.name)
					}
					data = buf.Bytes()
				}
				if err == nil {
					err = out.WriteFile(f.name, data)
				}
				if err != nil {
					fail(err)
				}
				if buf.Cap() > maxKeptBuffer {
					// An overview of a large catalog: not kept for the code pages.
					buf = bytes.Buffer{}
				}
			}
		}()
	}
	s.files(func(f siteFile) bool {
		mu.Lock()
		failed := firstErr != nil
		mu.Unlock()
		if !failed {
			files <- f
		}
		return !failed
	})
	close(files)
	wg.Wait()
	return firstErr
}

// siteFile is a file of the site: its name, and its content when rendered already
// or how to render it when that needs more than its name.
type siteFile struct {
	name   string
	data   []byte
	render func(*bytes.Buffer)
}

// files calls f with each file of the site, until f returns false: shared files
// first, then for each catalog its index and search files in each locale, then its
// code pages, each code's in every locale. Search
// files come rendered, from an index built for them and dropped once they are all
// out, so a build holds one index at a time.
func (s *site) files(f func(siteFile) bool) {
	for _, name := range []string{"assets/style.css", "assets/search.js", "favicon.ico", "404.html"} {
		if !f(siteFile{name: name}) {
			return
		}
	}
	if s.Multi {
		dirs := map[string]string{}
		for _, v := range s.Catalogs {
			dirs[v.Name] = v.Dir
		}
		ix := newIndex(s.Catalogs, "")
		keys := ix.termKeys()
		index := siteFile{name: "index.html", render: func(buf *bytes.Buffer) {
			writePage(htmlWriter{buf}, s.catalogsPage(keys), writeCatalogs)
		}}
		if !f(index) || !searchFiles("", ix, dirs, f) {
			return
		}
	}
	for _, v := range s.Catalogs {
		for _, loc := range v.Locales {
			dir := v.Dir + v.localeDir(loc)
			ix := newIndex([]*catalogView{v}, loc)
			keys := ix.termKeys()
			index := siteFile{name: dir + "index.html", render: func(buf *bytes.Buffer) {
				writePage(htmlWriter{buf}, s.indexPage(v, loc, keys), writeIndex)
			}}
			if !f(index) || !searchFiles(dir, ix, nil, f) {
				return
			}
			// The index compiled every code's texts in loc.
			v.set.ReleaseTranslations()
		}
		// Code pages come a code at a time, in every locale: the set compiles a
		// code's translations for its first translated page, and releasing them
		// every releaseEvery codes holds those of the codes at hand only.
		for i, d := range v.defs {
			for _, loc := range v.Locales {
				if !f(siteFile{name: v.Dir + v.localeDir(loc) + codePath(d.Code()) + "index.html"}) {
					return
				}
			}
			if (i+1)%releaseEvery == 0 {
				v.set.ReleaseTranslations()
			}
		}
		v.set.ReleaseTranslations()
	}
}

// maxKeptBuffer is the most a generation's worker keeps of the buffer it renders
// files into, between files.
const maxKeptBuffer = 1 << 20

// releaseEvery is how many codes' pages a site's generation sends before it releases
// the translations compiled for them: the pages in flight, a few dozen codes', are
// the most that may have to compile theirs again.
const releaseEvery = 1024

// searchFiles calls f with each search file of ix, for the index page in dir.
func searchFiles(dir string, ix *Index, dirs map[string]string, f func(siteFile) bool) bool {
	more := true
	ix.searchFiles(func(name string) {
		if more {
			data, _ := ix.searchFile(name, dirs)
			more = f(siteFile{name: dir + searchDir + name, data: data})
		}
	})
	return more
}

// index returns the search index of views in locale, built on first use. It is kept
// by the locales the catalogs match, so any number of locale strings clients send
// make at most one index per combination of the catalogs' own locales.
func (s *site) index(views []*catalogView, locale string) *Index {
	var key strings.Builder
	for _, v := range views {
		key.WriteString(v.Name)
		key.WriteByte(0)
		key.WriteString(v.matchLocale(locale))
		key.WriteByte(0)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ix := s.indexes[key.String()]
	if ix == nil {
		ix = newIndex(views, locale)
		s.indexes[key.String()] = ix
	}
	return ix
}

// file renders the file of the site at name (slash-separated, from the site's root)
// into buf, and reports whether the site has one.
func (s *site) file(name string, buf *bytes.Buffer) (bool, error) {
	switch name {
	case "assets/search.js":
		buf.Write(searchScript())
		return true, nil
	case "assets/style.css":
		data, err := assetFS.ReadFile(name)
		buf.Write(data)
		return err == nil, err
	case "favicon.ico":
		buf.Write(favicon())
		return true, nil
	case "404.html":
		nf := &page{Lang: s.Catalogs[0].DefaultLocale, Title: "Page not found", Root: "/", Home: "/", Site: s, Description: "No page of " + s.Title + " has this address."}
		writePage(htmlWriter{buf}, nf, writeNotFound)
		return true, nil
	}
	if s.Multi {
		if name == "index.html" {
			writePage(htmlWriter{buf}, s.catalogsPage(s.index(s.Catalogs, "").termKeys()), writeCatalogs)
			return true, nil
		}
		if rest, ok := strings.CutPrefix(name, searchDir); ok {
			dirs := map[string]string{}
			for _, v := range s.Catalogs {
				dirs[v.Name] = v.Dir
			}
			data, ok := s.index(s.Catalogs, "").searchFile(rest, dirs)
			buf.Write(data)
			return ok, nil
		}
	}
	for _, v := range s.Catalogs {
		rest, ok := strings.CutPrefix(name, v.Dir)
		if !ok {
			continue
		}
		loc := v.DefaultLocale
		for _, l := range v.Locales[1:] {
			if r, ok := strings.CutPrefix(rest, v.localeDir(l)); ok {
				loc, rest = l, r
				break
			}
		}
		return s.catalogFile(v, loc, rest, buf), nil
	}
	return false, nil
}

// catalogFile renders the file at rest in the directory of v's pages in locale.
func (s *site) catalogFile(v *catalogView, locale, rest string, buf *bytes.Buffer) bool {
	if rest == "index.html" {
		keys := s.index([]*catalogView{v}, locale).termKeys()
		writePage(htmlWriter{buf}, s.indexPage(v, locale, keys), writeIndex)
		return true
	}
	if r, ok := strings.CutPrefix(rest, searchDir); ok {
		data, ok := s.index([]*catalogView{v}, locale).searchFile(r, nil)
		buf.Write(data)
		return ok
	}
	seg, ok := strings.CutPrefix(rest, "errors/")
	if !ok {
		return false
	}
	seg, ok = strings.CutSuffix(seg, "/index.html")
	if !ok {
		return false
	}
	code, ok := unsegment(seg)
	if !ok {
		return false
	}
	i, ok := v.index[code]
	if !ok {
		return false
	}
	s.codeFile(buf, v, locale, i)
	return true
}

// catalogsPage is the root page of a site of several catalogs; keys are its search
// index's (see Index.termKeys).
func (s *site) catalogsPage(keys string) *page {
	p := &page{Lang: s.Catalogs[0].DefaultLocale, Title: s.Title, Root: "./", Site: s, Home: "./", SearchAction: "./", SearchIndex: searchDir, SearchKeys: keys}
	codes, variants := 0, 0
	for _, v := range s.Catalogs {
		c, vs := v.count()
		codes, variants = codes+c, variants+vs
		p.Catalogs = append(p.Catalogs, catalogSummary{Name: v.Name, Title: v.Title, Description: v.Description, Href: v.Dir, Count: counted(c, vs), Locales: v.Locales})
	}
	p.Entries, p.Count = codes+variants, counted(codes, variants)
	p.Description = fmt.Sprintf("%s: the error codes of %s, %s, with their meaning, causes, resolutions and example responses.", s.Title, plural(len(s.Catalogs), "catalog", "catalogs"), p.Count)
	return p
}

// indexPage is the overview of v in locale; keys are its search index's.
func (s *site) indexPage(v *catalogView, locale, keys string) *page {
	root := rootOf(v.Dir + v.localeDir(locale))
	codes, variants := v.count()
	groups := v.groups(locale)
	p := &page{
		Lang: locale, Title: v.Title, Root: root, Home: "./", Site: s, Cat: v,
		Languages:    v.languages(locale, root, ""),
		SearchAction: "./", SearchIndex: searchDir, SearchKeys: keys,
		Entries: codes + variants, Count: counted(codes, variants),
		Groups: groups, Columns: columnsOf(groups), Footnotes: v.footnotes(),
	}
	p.Description = v.Description
	if p.Description == "" {
		p.Description = v.Title + ": " + p.Count + ", with their meaning, causes, resolutions and example responses."
	}
	return p
}

// codeFile renders the page of the i-th code of v in locale into buf.
func (s *site) codeFile(buf *bytes.Buffer, v *catalogView, locale string, i int) {
	d := v.defs[i]
	root := rootOf(v.Dir + v.localeDir(locale) + codePath(d.Code()))
	langs := v.languages(locale, root, codePath(d.Code()))
	code := v.codePage(d, locale, "../../", langs, v.handler)
	writeCodePage(htmlWriter{buf}, v.chrome[locale], code)
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

// count is the number of codes of the catalog and the number of their variants.
func (v *catalogView) count() (codes, variants int) {
	for _, d := range v.defs {
		variants += len(d.Variants())
	}
	return len(v.defs), variants
}

// rootOf is the relative link from a page in dir (slash-terminated, relative to the
// site's root) back to the root: "./" for the root itself.
func rootOf(dir string) string {
	if n := strings.Count(dir, "/"); n > 0 {
		return strings.Repeat("../", n)
	}
	return "./"
}
