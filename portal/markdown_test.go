package portal

import (
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/internal/golden"
)

func TestMarkdownGolden(t *testing.T) {
	md, err := Markdown([]*catalog.Catalog{catalogtest.Load(t, "../examples/petstore/errors"), catalogtest.Load(t, "testdata/escape")}, "")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/golden/markdown.md", md)
	vi, err := Markdown([]*catalog.Catalog{catalogtest.Load(t, "../examples/petstore/errors")}, "vi")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/golden/markdown.vi.md", vi)
}
