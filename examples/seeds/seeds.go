// Package seeds embeds example catalogs, each written from a published error-code
// document: devdocs (symbolic AREA-STATUS codes), backend (numeric codes with
// "Returned By" operations), identity (the {message, code, data} envelope with code
// ranges) and bulk (the bulk response_status envelope). 000-common links to the
// built-in common catalog (common/source).
//
// The catalogs keep their documents' mistakes on purpose, so that lint has real ones
// to find.
package seeds

import (
	"embed"
	"sync"

	"github.com/errcat/errcat/catalog"
)

// FS holds the example catalogs, one directory each.
//
//go:embed 001-devdocs 002-backend 003-identity 004-bulk
var FS embed.FS

// Dirs lists the directories of FS, in name order.
var Dirs = []string{"001-devdocs", "002-backend", "003-identity", "004-bulk"}

var load = sync.OnceValues(func() ([]*catalog.Catalog, error) {
	cats := make([]*catalog.Catalog, 0, len(Dirs))
	for _, dir := range Dirs {
		c, err := catalog.Load(FS, dir)
		if err != nil {
			return nil, err
		}
		cats = append(cats, c)
	}
	return cats, nil
})

// Catalogs returns the loaded example catalogs, in the order of Dirs. They are loaded once;
// the result is shared and must not be modified.
func Catalogs() ([]*catalog.Catalog, error) { return load() }
