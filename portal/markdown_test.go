package portal

import (
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/importer"
	"github.com/errcat/errcat/internal/golden"
	"github.com/errcat/errcat/internal/seed000"
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

// TestMarkdownImportsBack: errcat import --from markdown reads the document docs
// writes back into the same codes and texts.
func TestMarkdownImportsBack(t *testing.T) {
	c := commonCatalog(t)
	md, err := Markdown([]*catalog.Catalog{c}, "")
	if err != nil {
		t.Fatal(err)
	}
	d := importer.Markdown("common.md", md)
	if len(d.Errors) != len(c.Errors) {
		t.Fatalf("imported %d codes; want %d", len(d.Errors), len(c.Errors))
	}
	var all []*importer.Entry
	for _, e := range d.Errors {
		all = append(all, e)
		all = append(all, e.Variants...)
	}
	if len(all) != 54 {
		t.Errorf("imported %d codes and variants; want 54", len(all))
	}
	for _, e := range all {
		id := e.Code
		if e.Key != "" {
			id += "[" + e.Key + "]"
		}
		ce := c.Lookup(id)
		if ce == nil {
			t.Errorf("imported %s, which the catalog lacks", id)
			continue
		}
		status := ce.Status
		if status == 0 && ce.Parent != nil {
			status = ce.Parent.Status // variants inherit their code's
		}
		if seed000.Squash(e.Message) != seed000.Squash(ce.Message) || seed000.Squash(e.Description) != seed000.Squash(ce.Description) || len(e.Causes) != len(ce.Causes) || e.Status != status {
			t.Errorf("%s: imported %q / %q / %d causes / %d; catalog has %q / %q / %d / %d", id, e.Message, e.Description, len(e.Causes), e.Status, ce.Message, ce.Description, len(ce.Causes), ce.Status)
		}
	}
}
