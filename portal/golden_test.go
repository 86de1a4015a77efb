package portal

import (
	"path"
	"slices"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/internal/golden"
)

// goldenSites are the sites whose pages TestGoldenSites pins byte for byte: the
// built-in catalog in its eight locales, each example catalog written from a
// published document, the hostile catalogs, the gRPC shapes, messages with plurals
// and selects in five locales, and a site of several catalogs with a title of its own.
var goldenSites = []struct {
	name  string
	dirs  []string // catalog directories; "common" is the built-in catalog
	title string
}{
	{name: "common", dirs: []string{"common"}},
	{name: "devdocs", dirs: []string{"../examples/seeds/001-devdocs"}},
	{name: "backend", dirs: []string{"../examples/seeds/002-backend"}},
	{name: "identity", dirs: []string{"../examples/seeds/003-identity"}},
	{name: "bulk", dirs: []string{"../examples/seeds/004-bulk"}},
	{name: "escape", dirs: []string{"testdata/escape"}},
	{name: "hostile", dirs: []string{"testdata/hostile"}},
	{name: "grpc", dirs: []string{"testdata/grpc"}},
	{name: "plural", dirs: []string{"testdata/plural"}},
	{name: "multi", dirs: []string{"../examples/petstore/errors", "testdata/hostile", "testdata/grpc", "../examples/seeds/001-devdocs"}, title: `Docs <b>"all"</b> & more`},
}

// TestGoldenSites pins the pages of the golden sites: every index page, the 404 page
// and the catalogs page, every code page of a small catalog and, of a larger one, the
// first and last codes and the first code of each shape (see pinnedCodes), in every
// locale.
func TestGoldenSites(t *testing.T) {
	for _, gs := range goldenSites {
		t.Run(gs.name, func(t *testing.T) {
			var cats []*catalog.Catalog
			for _, dir := range gs.dirs {
				if dir == "common" {
					cats = append(cats, commonCatalog(t))
				} else {
					cats = append(cats, catalogtest.Load(t, dir))
				}
			}
			var f Files
			opts := Options{Title: gs.title}
			if _, err := Generate(cats, opts, &f); err != nil {
				t.Fatal(err)
			}
			s, err := newSite(cats, opts)
			if err != nil {
				t.Fatal(err)
			}
			names := []string{"404.html", "index.html"}
			for _, v := range s.Catalogs {
				for _, loc := range v.Locales {
					dir := v.Dir + v.localeDir(loc)
					names = append(names, dir+"index.html")
					for _, code := range pinnedCodes(v, loc) {
						names = append(names, dir+codePath(code)+"index.html")
					}
				}
			}
			slices.Sort(names)
			for _, name := range slices.Compact(names) {
				data, ok := f.File(name)
				if !ok {
					t.Errorf("the site has no %s", name)
					continue
				}
				golden.Check(t, path.Join("testdata/golden/sites", gs.name, name), data)
			}
		})
	}
}

// pinnedCodes are the codes of v whose pages in locale TestGoldenSites pins: all of
// a catalog of at most 20 codes; else the first and the last, and the first code of
// each shape a page shows differently.
func pinnedCodes(v *catalogView, locale string) []string {
	if len(v.defs) <= 20 {
		var all []string
		for _, d := range v.defs {
			all = append(all, d.Code())
		}
		return all
	}
	shapes := []func(d *errcat.Definition) bool{
		func(d *errcat.Definition) bool { return len(d.Variants()) > 0 },
		func(d *errcat.Definition) bool { return d.Deprecated() != nil },
		func(d *errcat.Definition) bool { return len(v.replaces[d.Code()]) > 0 },
		func(d *errcat.Definition) bool { return d.Status() == 0 },
		func(d *errcat.Definition) bool { return !d.Public() },
		func(d *errcat.Definition) bool { return d.GRPC() != "" },
		func(d *errcat.Definition) bool { return d.Retryable() },
		func(d *errcat.Definition) bool { return len(d.ReturnedBy()) > 1 },
		func(d *errcat.Definition) bool { return len(d.Params()) > 1 },
		func(d *errcat.Definition) bool { _, err := v.c.Example(d); return err != nil },
		func(d *errcat.Definition) bool { return d.Title(locale).IsZero() },
		func(d *errcat.Definition) bool { return d.Category() == "" },
		func(d *errcat.Definition) bool { return len(d.Causes(locale)) > 1 },
	}
	if locale != v.DefaultLocale {
		fallsBack := func(d *errcat.Definition, f field) bool { return v.ownFields(d, locale)&f.bit() == 0 }
		// Elsewhere than in the default locale, the shapes of translation.
		shapes = []func(d *errcat.Definition) bool{
			func(d *errcat.Definition) bool { return !d.Translated(locale) },
			func(d *errcat.Definition) bool {
				return d.Translated(locale) && !fallsBack(d, fieldMessage) && !fallsBack(d, fieldTitle)
			},
			func(d *errcat.Definition) bool {
				return d.Translated(locale) && (fallsBack(d, fieldMessage) || fallsBack(d, fieldTitle))
			},
			func(d *errcat.Definition) bool {
				return d.Translated(locale) && len(d.Causes(locale)) > 0 && fallsBack(d, fieldCauses)
			},
			func(d *errcat.Definition) bool { return len(d.Variants()) > 0 },
		}
	}
	codes := []string{v.defs[0].Code(), v.defs[len(v.defs)-1].Code()}
	for _, shape := range shapes {
		for _, d := range v.defs {
			if shape(d) {
				codes = append(codes, d.Code())
				break
			}
		}
	}
	return codes
}
