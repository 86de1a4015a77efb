package importer

import (
	"os"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/internal/seeddoc"
	"github.com/errcat/errcat/internal/testenv"
	"github.com/errcat/errcat/lint"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

var seeds = seeddoc.Dir()

func seed(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(seeds + file)
	if os.IsNotExist(err) {
		testenv.Missing(t, "seed document %s not found: looked in shared/seeds of this folder and every folder above it, ending at %s", file, seeds)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// load writes d's files in memory and loads them: the import must pass validation.
func load(t *testing.T, d *Draft) *catalog.Catalog {
	t.Helper()
	files, err := d.Files()
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys["out/"+name] = &fstest.MapFile{Data: data}
	}
	c, err := catalog.Load(fsys, "out")
	if err != nil {
		t.Fatalf("imported catalog does not load:\n%v\n%s", err, files["errors.yaml"])
	}
	return c
}

// squash removes what a page scrape loses or garbles: white space, the backticks of
// inline code, and seed 000's e-mail obfuscation.
func squash(s string) string {
	s = strings.ReplaceAll(s, "[email protected]", "user@example.com")
	s = strings.ReplaceAll(s, "`", "")
	return strings.Join(strings.Fields(s), "")
}

// rendered returns a hand-written text rendered with its params' examples, as the
// seed shows it, and the raw text where a param has no example.
func rendered(set *errcat.Set, id, text string) string {
	d := set.Lookup(id)
	args := make([]errcat.Value, len(d.Params()))
	for i, p := range d.Params() {
		if p.Example == "" {
			return text
		}
		args[i] = errcat.String(p.Example)
	}
	t, err := errcat.ParseTemplate(text)
	if err != nil {
		return text
	}
	if t, err = t.Bind(d.Params()); err != nil {
		return text
	}
	return t.Render(args)
}

// TestSeeds imports each seed document in its format and compares codes and texts
// with the hand-written catalog of examples/seeds.
func TestSeeds(t *testing.T) {
	for _, tt := range []struct {
		file, format, want string
		renderParams       bool
	}{
		{"000_6de86d8b8021aa0c.txt", "markdown", "000-common", false},
		{"001_9881c3a16e00bd21.txt", "text", "001-devdocs", false},
		{"002_e0902bd68a58a9a2.txt", "text", "002-backend", false},
		{"003_a961ab40638abd9b.txt", "markdown", "003-identity", false},
		{"004_a0a8781b5b7fed72.txt", "markdown", "004-bulk", true},
	} {
		t.Run(tt.want, func(t *testing.T) {
			data := seed(t, tt.file)
			var d *Draft
			if tt.format == "text" {
				d = Text("imported", data)
			} else {
				d = Markdown("imported", data)
			}
			got := load(t, d)
			want, err := catalog.LoadFiles("../examples/seeds/" + tt.want)
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs, wantIDs []string
			for _, e := range got.Errors {
				gotIDs = append(gotIDs, e.Code)
				for _, v := range e.Variants {
					gotIDs = append(gotIDs, v.ID())
				}
			}
			for _, e := range want.Errors {
				if e.Code == "000052" {
					continue // errcat's addition, not in the seed
				}
				wantIDs = append(wantIDs, e.Code)
				for _, v := range e.Variants {
					wantIDs = append(wantIDs, v.ID())
				}
			}
			sort.Strings(gotIDs)
			sort.Strings(wantIDs)
			if strings.Join(gotIDs, " ") != strings.Join(wantIDs, " ") {
				t.Fatalf("codes:\n%v\nwant\n%v", gotIDs, wantIDs)
			}
			for _, id := range wantIDs {
				g, w := got.Lookup(id), want.Lookup(id)
				for _, f := range []struct{ name, got, want string }{
					{"title", g.Title, w.Title}, {"message", g.Message, w.Message}, {"summary", g.Summary, w.Summary},
					{"description", g.Description, w.Description},
					{"causes", strings.Join(g.Causes, ""), strings.Join(w.Causes, "")},
					{"resolutions", strings.Join(g.Resolutions, ""), strings.Join(w.Resolutions, "")},
				} {
					wantText := f.want
					if tt.renderParams {
						wantText = rendered(want.Set(), id, wantText)
					}
					if squash(f.got) != squash(wantText) {
						t.Errorf("%s %s:\n got %q\nwant %q", id, f.name, f.got, wantText)
					}
				}
				if w.Status != 0 && g.Status != w.Status && tt.want != "000-common" {
					t.Errorf("%s status %d, want %d", id, g.Status, w.Status)
				}
			}
		})
	}
}

// TestLintFindsSourceMistakes imports seed 002 and lints the result: the source's own
// mistakes come out.
func TestLintFindsSourceMistakes(t *testing.T) {
	c := load(t, Text("backend", seed(t, "002_e0902bd68a58a9a2.txt")))
	var got []string
	for _, f := range lint.Run(c, nil, lint.Options{}) {
		got = append(got, f.Rule+": "+f.Message)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"variant-disagrees: variant 107[0] has status 400 but code 107 has none",
		"missing-status: code 607 has no HTTP status",
		"missing-status: code 617 has no HTTP status",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lint of the imported seed 002 lacks %q", want)
		}
	}
}
