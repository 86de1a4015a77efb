package diff_test

import (
	"fmt"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/diff"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

// Compare classifies each change between two versions of a catalog and suggests the
// semantic-version bump: here a changed status breaks clients, an added code does not.
func ExampleCompare() {
	old := load(`catalog: shop
version: 1.4.0
errors:
  - {code: SHOP-100, name: OutOfStock, status: 409, message: Out of stock.}
`)
	new := load(`catalog: shop
version: 1.4.0
errors:
  - {code: SHOP-100, name: OutOfStock, status: 410, message: Out of stock.}
  - {code: SHOP-101, name: Discontinued, status: 410, message: No longer sold.}
`)
	r := diff.Compare(old, new)
	for _, c := range r.Changes {
		fmt.Printf("%s %s breaking=%t: %s\n", c.ID, c.Kind, c.Breaking, c.What)
	}
	fmt.Println("bump:", r.Bump, r.OldVersion, "→", r.Suggested)
	// Output:
	// SHOP-100 changed breaking=true: status 409 → 410
	// SHOP-100 changed breaking=true: gRPC status ABORTED → NOT_FOUND
	// SHOP-101 added breaking=false: code SHOP-101 (Discontinued) added
	// bump: major 1.4.0 → 2.0.0
}

func load(src string) *catalog.Catalog {
	c, err := catalog.Load(fstest.MapFS{"errors.yaml": {Data: []byte(src)}}, "errors.yaml")
	if err != nil {
		panic(err)
	}
	return c
}
