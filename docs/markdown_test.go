package docs

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/importer"
	"github.com/errcat/errcat/internal/golden"
)

// seed000 is the seed document the common catalog was written from, beside the
// repository.
const seed000 = "../../shared/seeds/000_6de86d8b8021aa0c.txt"

var (
	codeLineRE = regexp.MustCompile(`^\d{6}(\[\d\])?$`)
	escapeRE   = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
)

// sectionsOf reads a document in seed 000's layout, the seed's scraped text or the
// Markdown of docs: per code ("000037[0]") and section (Message, Description, Root
// Cause, Resolution) the text, squashed; and the overview's title and description.
func sectionsOf(doc string) (details map[string]string, overview map[string]string) {
	details, overview = map[string]string{}, map[string]string{}
	var code, section string
	inDetails := false
	for _, line := range strings.Split(doc, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "#"))
		switch {
		case line == "Error Code Details":
			inDetails = true
		case !inDetails:
			cells := strings.Split(strings.Trim(line, "| "), "|")
			if len(cells) >= 3 && codeLineRE.MatchString(strings.TrimSpace(cells[0])) {
				// Code, title, [HTTP status,] description.
				overview[strings.TrimSpace(cells[0])] = squash(cells[1] + "|" + cells[len(cells)-1])
			}
		case codeLineRE.MatchString(line):
			code, section = line, ""
		case line == "Message" || line == "Description" || line == "Root Cause" || line == "Resolution":
			section = line
		case code != "" && section != "" && line != "":
			details[code+" "+section] += squash(line)
		}
	}
	return details, overview
}

// squash removes what the seed's scraped text lost or garbled (white space, the
// backticks of inline code, an obfuscated e-mail address) and Markdown's escapes.
func squash(s string) string {
	s = escapeRE.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "[email protected]", "user@example.com")
	s = strings.ReplaceAll(s, "`", "")
	return strings.Join(strings.Fields(s), "")
}

// TestMarkdownReproducesSeed: docs markdown of the common catalog holds every code's
// Message, Description, Root Cause and Resolution of seed 000, and its overview.
func TestMarkdownReproducesSeed(t *testing.T) {
	seed, err := os.ReadFile(seed000)
	if os.IsNotExist(err) {
		t.Skipf("seed document %s is not beside the repository", seed000)
	}
	if err != nil {
		t.Fatal(err)
	}
	md, err := Markdown([]*catalog.Catalog{commonCatalog(t)}, "")
	if err != nil {
		t.Fatal(err)
	}
	want, wantOverview := sectionsOf(string(seed))
	got, gotOverview := sectionsOf(string(md))
	if len(want) < 150 || len(wantOverview) != 53 {
		t.Fatalf("read %d sections and %d overview rows of the seed; the reader is broken", len(want), len(wantOverview))
	}
	for key, w := range want {
		if g := got[key]; g != w {
			t.Errorf("%s:\n got %q\nwant %q", key, g, w)
		}
	}
	for code, w := range wantOverview {
		if g := gotOverview[code]; g != w {
			t.Errorf("overview %s:\n got %q\nwant %q", code, g, w)
		}
	}
}

func TestMarkdownGolden(t *testing.T) {
	md, err := Markdown([]*catalog.Catalog{load(t, "../examples/petstore/errors"), load(t, "testdata/escape")}, "")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/golden/markdown.md", md)
	vi, err := Markdown([]*catalog.Catalog{load(t, "../examples/petstore/errors")}, "vi")
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
		if squash(e.Message) != squash(ce.Message) || squash(e.Description) != squash(ce.Description) || len(e.Causes) != len(ce.Causes) || e.Status != status {
			t.Errorf("%s: imported %q / %q / %d causes / %d; catalog has %q / %q / %d / %d", id, e.Message, e.Description, len(e.Causes), e.Status, ce.Message, ce.Description, len(ce.Causes), ce.Status)
		}
	}
}
