package importer

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/internal/seed000"
	"github.com/errcat/errcat/lint"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

func seed(t *testing.T, file string) []byte {
	t.Helper()
	return []byte(seed000.ReadFile(t, file))
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

// TestSeeds imports each seed document in its format and compares it with the
// hand-written catalog of examples/seeds: codes, texts, statuses, params, operations
// and visibility, of every code and variant.
func TestSeeds(t *testing.T) {
	for _, tt := range []struct {
		file, format, want string
		renderParams       bool
		// differ names the fields the import cannot recover ("status" for every code,
		// "4004 public" for one), each with the reason.
		differ map[string]string
	}{
		{file: "000_6de86d8b8021aa0c.txt", format: "markdown", want: "000-common", differ: map[string]string{
			"status": "the document gives no statuses: the import infers them from the texts, the catalog chose each by hand",
			"params": "the document writes positional {0}, {1}: the catalog names them (param, type), the import cannot; their count is compared",
		}},
		{file: "001_9881c3a16e00bd21.txt", format: "text", want: "001-devdocs"},
		{file: "002_e0902bd68a58a9a2.txt", format: "text", want: "002-backend"},
		{file: "003_a961ab40638abd9b.txt", format: "markdown", want: "003-identity"},
		{file: "004_a0a8781b5b7fed72.txt", format: "markdown", want: "004-bulk", renderParams: true, differ: map[string]string{
			"4004 public": "the document shows 4004's example without a message, as it shows 4013's, 4015's and 4017's: only its prose (\"cannot be sent to user\") says the code is internal",
		}},
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
				gf, wf := seedFields(got, g), seedFields(want, w)
				for _, name := range slices.Sorted(maps.Keys(wf)) {
					gotText, wantText := gf[name], wf[name]
					if tt.renderParams {
						gotText, wantText = rendered(got.Set(), id, gotText), rendered(want.Set(), id, wantText)
					}
					if tt.differ[name] != "" || tt.differ[id+" "+name] != "" {
						continue
					}
					if squash(gotText) != squash(wantText) {
						t.Errorf("%s %s:\n got %q\nwant %q", id, name, gotText, wantText)
					}
				}
			}
		})
	}
}

// seedFields returns what an import must keep of e: its texts, status, params,
// operations (by title: an operation's id is a name the importer derives) and
// visibility, each as text. A variant's status and operations are its own where it
// sets them, else its code's.
func seedFields(c *catalog.Catalog, e *catalog.Entry) map[string]string {
	f := map[string]string{
		"title": e.Title, "message": e.Message, "summary": e.Summary, "description": e.Description,
		"causes": strings.Join(e.Causes, "\n"), "resolutions": strings.Join(e.Resolutions, "\n"),
	}
	base := e
	if e.Parent != nil {
		base = e.Parent
	}
	status := e.Status
	if status == 0 && e.Parent != nil {
		status = e.Parent.Status
	}
	f["status"] = strconv.Itoa(status)
	var params []string
	ps := e.Params
	if !e.ParamsSet && e.Parent != nil {
		ps = base.Params
	}
	for _, p := range ps {
		params = append(params, p.Name)
	}
	f["params"] = strings.Join(params, ",")
	f["param count"] = strconv.Itoa(len(params))
	ops := e.ReturnedBy
	if ops == nil && e.Parent != nil {
		ops = base.ReturnedBy
	}
	var titles []string
	for _, id := range ops {
		if o := c.Operation(id); o != nil {
			id = o.Title
		}
		titles = append(titles, id)
	}
	f["operations"] = strings.Join(titles, ",")
	f["public"] = strconv.FormatBool(base.IsPublic())
	return f
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
