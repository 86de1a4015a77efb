package portal

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/importer"
	"github.com/errcat/errcat/internal/golden"
	"github.com/errcat/errcat/internal/seed000"
)

// allowed is one difference a seed comparison allows: in the normalised text of
// the seed document (seed true) or of docs markdown's output, every match of re is
// replaced by repl. Each must match at least once, so that none outlives its reason.
type allowed struct {
	seed   bool
	re     string
	repl   string
	reason string
}

// seedLayouts are the five published documents, the catalogs written from them, the
// options docs markdown is given, and every difference between the two.
var seedLayouts = []struct {
	file, dir string
	opts      MarkdownOptions
	differ    []allowed
}{
	{file: seed000.File, dir: "../common/source", differ: []allowed{
		{false, `(?m)^Code HTTP status Message Description$`, "Code Message Description", "the catalog gives every code an HTTP status, the document none: the table has a status column"},
		{false, `(?m)^(\d{6}(?:\[\d\])?) \d{3} `, "$1 ", "the status column's cells"},
		{false, `(?m)^(?:Name \S+|HTTP \d{3}[^·\n]*)(?: · .*)?$\n`, "", "each section opens with the code's Go name, HTTP status and gRPC code (a variant's with its status), which the document does not have"},
		{false, `(?m)^000052 .*\n`, "", "000052 is a code the catalog adds to the document's"},
		{false, `(?s)\n000052\n.*$`, "\n", "000052's section"},
		{true, `\[email protected\]`, "user@example.com", "the published page's scrape obfuscated an e-mail address"},
		{true, `(\S) - `, "$1\n", "the published page's scrape ran some list items together on one line"},
	}},
	{file: "001_9881c3a16e00bd21.txt", dir: "../examples/seeds/001-devdocs",
		opts: MarkdownOptions{Sections: map[string]string{"causes": "Possible Causes:", "resolutions": "Resolution:"}},
		differ: []allowed{
			{false, `(?m)^Name \S+ · HTTP \d{3}[^·\n]* · gRPC \S+$\n`, "", "each section opens with the code's Go name, HTTP status and gRPC code, which the document does not have"},
			{true, `(?s)No errors found matching your search\..*$`, "", "the page's empty search state and the site's chrome after it are not part of the catalog"},
		}},
	{file: "002_e0902bd68a58a9a2.txt", dir: "../examples/seeds/002-backend", differ: []allowed{
		{true, `(?s)^.*?\nError codes returned by`, "Error codes returned by", "the page opens with its site's chrome and file name (error_codes for loggin.txt) instead of a title"},
		{false, `^Backend Services RESTful API error codes\n`, "", "the catalog's title, which the page does not have"},
		{true, `(?m)^Error Code HTTP Status Code Error Message Description Returned By$`, "Overview\nCode HTTP status Message Returned By Description", "errcat names the columns its own way, and in the order of the document's rows (its header puts Description before Returned By, its rows after)"},
		{true, `(?m) N/A `, " ", `the catalog writes "returned by no operation" (N/A) as no operations: the cell is empty`},
		{false, `(?m)^107\[\d\] `, "107 ", "the document lists code 107 three times; the catalog makes the later two its variants, shown as 107[0] and 107[1]"},
		{true, `Metadata operations† for content types`, "Metadata operations for content types†", "errcat puts a footnote mark after the operation's whole title"},
	}},
	{file: "003_a961ab40638abd9b.txt", dir: "../examples/seeds/003-identity", differ: []allowed{
		{true, `(?s)^Error Codes\nThe error code message format is as follows:\n\{\nmessage:'The system is busy, please try again later',\ncode: 1000,\ndata: null\n\}\nCode Description\n`, "", "the document's title, body example and column names"},
		{false, `(?s)^Identity service error codes\n.*?\nCode Message\n`, "", "the catalog's title, its description (the same body example, on one line) and errcat's column names"},
	}},
	{file: "004_a0a8781b5b7fed72.txt", dir: "../examples/seeds/004-bulk",
		differ: []allowed{
			{true, `case\.One`, "case. One", "the page runs two sentences together"},
			{true, `[“”]`, `"`, "the page's curly quotes are straight in the catalog"},
			{true, `(?m)^Bulk Api error response example\n`, "", "a heading of the page's own"},
			{true, `(?m)^Error scenario Code HTTP code Example response \(content of response_status object\)$`, "Overview\nCode HTTP status Message Example response", "errcat names the columns its own way"},
			{false, `(?m)^(\d{4}) (\d{3}) (.*) (\{"response_status".*)$`, "$3 $1 $2 $4", "errcat puts the code first, the scenario after its status"},
			{true, `"failed"4`, `"failed"`, `the page's example of 4002 is not JSON ("failed"4), a mistake of the document`},
			{false, `(?m)^((?:Id or Name|Invalid URL).*?)"status_code":4000,`, "$1", `the page's examples of 4001 and 4007 leave out the envelope's "status_code": 4000 that the others have, a mistake of the document`},
		}},
}

// TestMarkdownSeedLayouts writes each seed's catalog as docs markdown does and
// compares the text with the published document, both normalised (white space,
// Markdown marks, table borders): the only differences are those seedLayouts lists,
// each with its reason.
func TestMarkdownSeedLayouts(t *testing.T) {
	for _, tt := range seedLayouts {
		t.Run(tt.file, func(t *testing.T) {
			seed := normaliseDoc(seed000.ReadFile(t, tt.file))
			md, err := MarkdownWith([]*catalog.Catalog{catalogtest.Load(t, tt.dir)}, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := normaliseDoc(string(md))
			for _, a := range tt.differ {
				re := regexp.MustCompile(a.re)
				doc := &got
				if a.seed {
					doc = &seed
				}
				if !re.MatchString(*doc) {
					t.Errorf("allowed difference %q (%s) no longer occurs: remove it", a.re, a.reason)
				}
				*doc = re.ReplaceAllString(*doc, a.repl)
			}
			if i, g, w := firstDifference(got, seed); i >= 0 {
				t.Errorf("docs markdown differs from the document at byte %d of the squashed text:\n got …%s…\nwant …%s…", i, g, w)
			}
		})
	}
}

var (
	tableRuleRE = regexp.MustCompile(`^\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$`)
	mdEscapeRE  = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
)

// normaliseDoc reduces a document to its words, a line for each of its lines: the
// marks of headings, lists, emphasis, code and tables go, backslash escapes are
// undone and white space is folded.
func normaliseDoc(doc string) string {
	var out []string
	for _, line := range strings.Split(doc, "\n") {
		line = strings.TrimSpace(line)
		if tableRuleRE.MatchString(line) {
			continue
		}
		line = strings.TrimLeft(line, "#")
		line = strings.ReplaceAll(line, `\|`, "\x00")
		line = strings.ReplaceAll(line, "|", " ")
		line = mdEscapeRE.ReplaceAllString(line, "$1")
		line = strings.ReplaceAll(line, "\x00", "|")
		line = strings.NewReplacer("**", "", "`", "").Replace(line)
		line = strings.Join(strings.Fields(line), " ")
		for _, bullet := range []string{"- ", "• ", "* "} {
			line = strings.TrimPrefix(line, bullet)
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

// firstDifference compares a and b without white space (page scrapes break lines
// inside sentences) and returns the first differing byte of the squashed texts with
// some context of each, or -1.
func firstDifference(a, b string) (int, string, string) {
	sa, sb := strings.Join(strings.Fields(a), ""), strings.Join(strings.Fields(b), "")
	if sa == sb {
		return -1, "", ""
	}
	i := 0
	for i < len(sa) && i < len(sb) && sa[i] == sb[i] {
		i++
	}
	ctx := func(s string) string { return s[max(0, i-60):min(len(s), i+60)] }
	return i, ctx(sa), ctx(sb)
}

// TestMarkdownSeedGolden keeps docs markdown's output for each seed catalog, with the
// options of seedLayouts, as a golden file: the layouts are reviewed as documents,
// and checked where the published documents are not at hand.
func TestMarkdownSeedGolden(t *testing.T) {
	for _, tt := range seedLayouts {
		c := catalogtest.Load(t, tt.dir)
		md, err := MarkdownWith([]*catalog.Catalog{c}, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "testdata/golden/seeds/"+c.Name+".md", md)
	}
}

// TestMarkdownSeedImportsBack: import --from markdown reads docs markdown's output of
// each seed catalog back into the same codes and variants, texts, statuses and
// operations (by title).
func TestMarkdownSeedImportsBack(t *testing.T) {
	for _, tt := range seedLayouts {
		c := catalogtest.Load(t, tt.dir)
		t.Run(c.Name, func(t *testing.T) {
			md, err := MarkdownWith([]*catalog.Catalog{c}, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			files, err := importer.Markdown(c.Name, md).Files()
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for name, data := range files {
				fsys["out/"+name] = &fstest.MapFile{Data: data}
			}
			got, err := catalog.Load(fsys, "out")
			if err != nil {
				t.Fatalf("the import does not load: %v\n%s", err, files["errors.yaml"])
			}
			n := 0
			for _, w := range c.Errors {
				for _, w := range append([]*catalog.Entry{w}, w.Variants...) {
					n++
					g := got.Lookup(w.ID())
					if g == nil {
						t.Errorf("%s is not imported", w.ID())
						continue
					}
					for _, f := range []struct{ name, got, want string }{
						{"message", g.Message, w.Message},
						{"description", g.Description, w.Description},
						{"causes", strings.Join(g.Causes, "\n"), strings.Join(w.Causes, "\n")},
						{"resolutions", strings.Join(g.Resolutions, "\n"), strings.Join(w.Resolutions, "\n")},
						{"operations", operationTitles(got, g), operationTitles(c, w)},
						{"status", strconv.Itoa(g.Status), strconv.Itoa(w.Status)},
					} {
						if f.name == "status" && w.Status == 0 {
							continue // the import infers one where the document shows none
						}
						if seed000.Squash(f.got) != seed000.Squash(f.want) {
							t.Errorf("%s %s:\n got %q\nwant %q", w.ID(), f.name, f.got, f.want)
						}
					}
				}
			}
			m := 0
			for _, e := range got.Errors {
				m += 1 + len(e.Variants)
			}
			if m != n {
				t.Errorf("imported %d codes and variants, want %d", m, n)
			}
		})
	}
}

// operationTitles lists the titles of the operations that return e, "*" for every
// operation.
func operationTitles(c *catalog.Catalog, e *catalog.Entry) string {
	var titles []string
	for _, id := range e.ReturnedBy {
		if op := c.Operation(id); op != nil {
			id = op.Title
		}
		titles = append(titles, id)
	}
	return strings.Join(titles, ", ")
}
