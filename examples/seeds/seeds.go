// Package seeds embeds the example catalogs written from errcat's seed documents:
// devdocs (seed 001), backend (002), identity (003) and bulk (004). Seed 000 is the
// built-in common catalog (package builtin); 000-common links to it.
//
// The catalogs keep the seeds' mistakes on purpose, so that lint has real ones to
// find; they are what errcat serve shows beside the common catalog.
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

// Dirs lists the directories of FS, in seed order.
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

// Catalogs returns the loaded example catalogs, in seed order. They are loaded once;
// the result is shared and must not be modified.
func Catalogs() ([]*catalog.Catalog, error) { return load() }
