// Package builtin embeds the catalogs that ship with errcat, so that the errcat
// command works with no catalog of the user's: "common", seed 000's general-purpose
// codes 000001–000051 with their HTTP statuses.
package builtin

import (
	"embed"
	"sync"

	"github.com/errcat/errcat/catalog"
)

// FS holds the built-in catalogs, one directory each ("common").
//
//go:embed common
var FS embed.FS

// Names lists the built-in catalogs, by the directory each is in.
var Names = []string{"common"}

var common = sync.OnceValues(func() (*catalog.Catalog, error) { return catalog.Load(FS, "common") })

// Common returns the loaded "common" catalog. It is loaded once; the result is shared
// and must not be modified.
func Common() (*catalog.Catalog, error) { return common() }
