package catalog_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
)

func ExampleLoad() {
	fsys := fstest.MapFS{
		"errors/errors.yaml": {Data: []byte(`catalog: shop
errors:
  - code: SHOP-404
    name: OrderNotFound
    status: 404
    message: Order {id} was not found.
    params:
      - {name: id, type: int}
`)},
		"errors/errors.vi.yaml": {Data: []byte(`locale: vi
errors:
  SHOP-404:
    message: Không tìm thấy đơn hàng {id}.
`)},
	}
	c, err := catalog.Load(fsys, "errors")
	if err != nil {
		fmt.Println(err)
		return
	}
	e := c.Lookup("SHOP-404")
	fmt.Println(c.Name, e.Name, e.Status, c.Locales())
	fmt.Println(c.Set().Lookup("SHOP-404").New(errcat.Int(7)).Message("vi"))
	// Output:
	// shop OrderNotFound 404 [vi]
	// Không tìm thấy đơn hàng 7.
}

// Every problem Load finds is reported, each at its place in its file.
func ExampleLoad_problems() {
	fsys := fstest.MapFS{"errors.yaml": {Data: []byte(`catalog: shop
errors:
  - code: SHOP-404
    name: orderNotFound
    message: Order {id} was not found.
    staus: 404
`)}}
	_, err := catalog.Load(fsys, "errors.yaml")
	fmt.Println(err)
	// Output:
	// errors.yaml:4:11: name "orderNotFound" must be UpperCamelCase, such as UnableToLocate
	// errors.yaml:5:20: message: placeholder {id} names no parameter: the error declares no params; add them under params
	// errors.yaml:6:5: unknown field "staus" in error SHOP-404 (did you mean "status"?)
}

// A file over one of the limits is reported where it went over, and not read.
func ExampleLoad_limits() {
	fsys := fstest.MapFS{"errors.yaml": {Data: []byte("catalog: shop\nerrors: " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n")}}
	_, err := catalog.Load(fsys, "errors.yaml")
	fmt.Println(err)
	// Output:
	// errors.yaml:2:40: nesting deeper than 32 levels (limit MaxNesting): a catalog nests 8 at most; check the indentation and brackets that lead here
}
