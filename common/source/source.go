// Package source embeds the YAML catalog that package common is generated from: the
// general-purpose codes 000001–000052 with their HTTP statuses. The errcat command
// uses it when no catalog of the user's is named.
package source

import (
	"embed"
	"sync"

	"github.com/errcat/errcat/catalog"
)

// FS holds the catalog's files at its root.
//
//go:embed *.yaml
var FS embed.FS

// Name is the catalog's name, as its files declare it.
const Name = "common"

var load = sync.OnceValues(func() (*catalog.Catalog, error) { return catalog.Load(FS, ".") })

// Load returns the loaded catalog. It is loaded once; the result is shared and must not
// be modified.
func Load() (*catalog.Catalog, error) { return load() }
