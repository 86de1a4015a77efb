package lint_test

import (
	"errors"
	"fmt"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/lint"
)

// Run takes what catalog.Load returned, its problems included, and applies every rule
// but those disabled; a finding prints as file:line:col: rule: message.
func ExampleRun() {
	fsys := fstest.MapFS{"errors.yaml": {Data: []byte(`catalog: shop
errors:
  - code: SHOP-100
    name: OutOfStock
    message: Item {item} is out of stock.
    params: [{name: item}]
  - code: SHOP-101
    name: SoldOut
    status: 409
    message: Item {item} is out of stock.
    params: [{name: item}]
`)}}
	c, err := catalog.Load(fsys, "errors.yaml")
	var probs catalog.Problems
	if err != nil && !errors.As(err, &probs) {
		fmt.Println(err)
		return
	}
	findings := lint.Run(c, probs, lint.Options{})
	for _, f := range findings {
		fmt.Printf("%s (%s)\n", f, f.Severity)
	}
	fmt.Println("failed:", lint.Failed(findings))
	// Output:
	// errors.yaml:3:11: missing-status: code SHOP-100 has no HTTP status: add status: (servers answer it with 500 meanwhile) (error)
	// errors.yaml:10:14: duplicate-text: SHOP-101 has the same message as SHOP-100 (errors.yaml:5:14): clients cannot tell them apart (warning)
	// failed: true
}
