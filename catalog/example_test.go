package catalog_test

import (
	"errors"
	"fmt"
	"testing/fstest"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
)

// Load reads a catalog from any fs.FS (os.DirFS, embed.FS, a test's MapFS) and gives
// its errcat.Set, from which errors are made by code.
func ExampleLoad() {
	fsys := fstest.MapFS{"errors/errors.yaml": {Data: []byte(`catalog: shop
errors:
  - code: SHOP-100
    name: OutOfStock
    status: 409
    message: Item {item} is out of stock; restocking in {wait}.
    params:
      - {name: item}
      - {name: wait, type: duration}
`)}}
	c, err := catalog.Load(fsys, "errors")
	if err != nil {
		fmt.Println(err)
		return
	}
	outOfStock := c.Set().Lookup("SHOP-100")
	e := outOfStock.New(errcat.String("socks"), errcat.Duration(72*time.Hour))
	fmt.Println(c.Name, len(c.Errors), "code")
	fmt.Println(e.Status(), e.Message(""))
	// Output:
	// shop 1 code
	// 409 Item socks is out of stock; restocking in 72h.
}

// A catalog with mistakes loads as far as it can and reports every problem at once,
// each as file:line:col: message.
func ExampleLoad_problems() {
	fsys := fstest.MapFS{"errors.yaml": {Data: []byte(`catalog: shop
errors:
  - code: SHOP-100
    name: outOfStock
    message: Item {item} is out of stock.
`)}}
	_, err := catalog.Load(fsys, "errors.yaml")
	var probs catalog.Problems
	if errors.As(err, &probs) {
		for _, p := range probs {
			fmt.Println(p)
		}
	}
	// Output:
	// errors.yaml:4:11: name "outOfStock" must be UpperCamelCase, such as UnableToLocate
	// errors.yaml:5:19: message: placeholder {item} names no parameter: the error declares no params; add them under params
}
