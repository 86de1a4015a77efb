package golang_test

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/gen/golang"
)

// Generate writes a Go file with a typed constructor per code: a call with the wrong
// number or type of arguments does not compile. Here, the file's exported functions.
func ExampleGenerate() {
	fsys := fstest.MapFS{"errors.yaml": {Data: []byte(`catalog: shop
errors:
  - code: SHOP-100
    name: OutOfStock
    status: 409
    message: Item {item} is out of stock; restocking in {wait}.
    params:
      - {name: item}
      - {name: wait, type: duration}
`)}}
	c, err := catalog.Load(fsys, "errors.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	src, err := golang.Generate(c, golang.Options{Package: "apierr"})
	if err != nil {
		fmt.Println(err)
		return
	}
	lines := bufio.NewScanner(bytes.NewReader(src))
	for lines.Scan() {
		if line := lines.Text(); strings.HasPrefix(line, "package ") || strings.HasPrefix(line, "func ") {
			fmt.Println(strings.TrimSuffix(line, " {"))
		}
	}
	// Output:
	// package apierr
	// func OutOfStock(item string, wait time.Duration) *errcat.Error
}
