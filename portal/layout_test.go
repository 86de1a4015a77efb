package portal

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog/catalogtest"
)

func TestHumanize(t *testing.T) {
	for id, want := range map[string]string{
		"not_found":        "Not found",
		"invalid_argument": "Invalid argument",
		"NotFound":         "Not found",
		"rateLimit":        "Rate limit",
		"HTTPError":        "HTTP error",
		"DatabaseError":    "Database error",
		"auth-failed":      "Auth failed",
		"x":                "X",
		"":                 "",
	} {
		if got := humanize(id); got != want {
			t.Errorf("humanize(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestCounted(t *testing.T) {
	for _, c := range []struct {
		codes, variants int
		want            string
	}{{1, 0, "1 code"}, {0, 0, "0 codes"}, {51, 3, "51 codes, 3 variants"}, {2, 1, "2 codes, 1 variant"}} {
		if got := counted(c.codes, c.variants); got != c.want {
			t.Errorf("counted(%d, %d) = %q, want %q", c.codes, c.variants, got, c.want)
		}
	}
}

// TestCountsAgree: the pages count codes and variants apart, as validate does.
func TestCountsAgree(t *testing.T) {
	common := catalogtest.Load(t, "../examples/seeds/002-backend")
	codes, variants := 0, 0
	for _, e := range common.Errors {
		if e.Key == "" {
			codes++
		}
	}
	for _, d := range common.Set().Definitions() {
		variants += len(d.Variants())
	}
	want := counted(codes, variants)
	if variants == 0 {
		t.Fatal("the backend catalog has no variants; the test needs a catalog with some")
	}
	f := generateFiles(t, common)
	index, _ := f.File("index.html")
	if !bytes.Contains(index, []byte(`<p class="meta">`+want)) {
		t.Errorf("the index does not say %q", want)
	}
	multi := generateFiles(t, common, catalogtest.Load(t, "../examples/petstore/errors"))
	home, _ := multi.File("index.html")
	for _, w := range []string{"<td>" + want + "</td>", "<td>5 codes</td>", "2 catalogs, " + counted(codes+5, variants) + "."} { // the petstore has 5 codes
		if !bytes.Contains(home, []byte(w)) {
			t.Errorf("the home page lacks %q", w)
		}
	}
}

// TestOverviewOneTable: a catalog's overview is one table whose groups are heading
// rows titled in words, with no column that is empty for every code.
func TestOverviewOneTable(t *testing.T) {
	f := generateFiles(t, catalogtest.Load(t, "../examples/seeds/004-bulk"))
	index, _ := f.File("index.html")
	if n := bytes.Count(index, []byte("<table>")); n != 1 {
		t.Errorf("%d tables; want one", n)
	}
	f = generateFiles(t, catalogtest.Load(t, "../examples/petstore/errors"))
	index, _ = f.File("index.html")
	for _, want := range []string{`id="group-not_5Ffound">Not found</th>`, `id="group-invalid_5Fargument">Invalid argument</th>`} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("no %s", want)
		}
	}
	// Seed 003's codes have neither an HTTP status nor a short description.
	f = generateFiles(t, catalogtest.Load(t, "../examples/seeds/003-identity"))
	index, _ = f.File("index.html")
	head := regexp.MustCompile(`<thead>.*</thead>`).Find(index)
	if string(head) != `<thead><tr><th scope="col">Code</th><th scope="col">Title</th></tr></thead>` {
		t.Errorf("columns: %s", head)
	}
	// A code without a title is headed by its message.
	page, _ := f.File("errors/2227/index.html")
	if !bytes.Contains(page, []byte("<h1><code>2227</code> Modify the mailbox must verify the original mailbox</h1>")) {
		t.Errorf("the heading of 2227: %s", regexp.MustCompile(`<h1>.*</h1>`).Find(page))
	}
}

// TestReturnedBy: operations show by title with footnotes for groups, in the
// overview and on code pages, where each variant shows its own.
func TestReturnedBy(t *testing.T) {
	f := generateFiles(t, catalogtest.Load(t, "../examples/seeds/002-backend"))
	index, _ := f.File("index.html")
	for _, want := range []string{
		`<th scope="col">Returned By</th>`,
		`<td>Register user, Update user</td>`,
		`<td>All data operations<sup>*</sup></td>`,
		`<dt>* All data operations</dt><dd>Data operations are all CRUD requests`,
	} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("the overview lacks %s", want)
		}
	}
	if bytes.Contains(index, []byte("RegisterUser")) {
		t.Error("the overview shows an operation key")
	}
	page, _ := f.File("errors/107/index.html")
	for _, want := range []string{"<li>Every operation</li>", "HTTP 400 · Returned by Create</p>", "HTTP 400 · Returned by Update field</p>"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page of 107 lacks %s", want)
		}
	}
}

// TestSearchOperationTitle: searching an operation's title finds the codes it
// returns first, then those every operation returns.
func TestSearchOperationTitle(t *testing.T) {
	c := catalogtest.Load(t, "../examples/seeds/002-backend")
	var want []string
	for _, e := range c.Errors {
		if slices.Contains(e.ReturnedBy, "RegisterUser") {
			want = append(want, e.Code)
		}
	}
	if len(want) != 11 {
		t.Fatalf("%d codes list RegisterUser; the catalog lists 11", len(want))
	}
	ix, err := NewIndex("", c)
	if err != nil {
		t.Fatal(err)
	}
	hits := ix.Search("register user").Hits
	var got []string
	for _, h := range hits[:min(len(hits), len(want))] {
		got = append(got, h.ID)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("first hits %v; want %v", got, want)
	}
	for _, h := range hits[len(want):] {
		if !slices.Equal(h.Def.ReturnedBy(), []string{"*"}) {
			t.Errorf("%s (returned by %v) ranks after the codes of the operation", h.ID, h.Def.ReturnedBy())
		}
	}
	if len(hits) == len(want) {
		t.Error("the codes every operation returns are not found")
	}
}

// TestPageMeta: every page has a description and an icon, and /favicon.ico is an
// icon a browser reads.
func TestPageMeta(t *testing.T) {
	f := generateFiles(t, commonCatalog(t), catalogtest.Load(t, "../examples/petstore/errors"))
	desc := regexp.MustCompile(`<meta name="description" content="[^"]{8,}">`)
	pages := 0
	for _, name := range f.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		data, _ := f.File(name)
		if !desc.Match(data) || !bytes.Contains(data, []byte(`<link rel="icon" href="data:image/svg`)) {
			t.Errorf("%s: no description or no icon", name)
		}
	}
	if pages < 50 {
		t.Errorf("%d pages", pages)
	}
	ico, ok := f.File("favicon.ico")
	if !ok || len(ico) < 22 {
		t.Fatalf("favicon.ico: %d bytes", len(ico))
	}
	var hdr struct {
		Reserved, Type, Count uint16
		W, H, Colors, _       uint8
		Planes, Bits          uint16
		Size, Offset          uint32
	}
	if err := binary.Read(bytes.NewReader(ico), binary.LittleEndian, &hdr); err != nil {
		t.Fatal(err)
	}
	if hdr.Type != 1 || hdr.Count != 1 || int(hdr.Offset)+int(hdr.Size) != len(ico) {
		t.Fatalf("ICO header %+v for %d bytes", hdr, len(ico))
	}
	img, err := png.Decode(bytes.NewReader(ico[hdr.Offset:]))
	if err != nil || img.Bounds().Dx() != int(hdr.W) || img.Bounds().Dy() != int(hdr.H) {
		t.Errorf("the icon's image: %v", err)
	}
}

func TestStripScript(t *testing.T) {
	src := "// a comment\n(function () {\n  'use strict';\n\n  // another\n  var a = 'x // not a comment';\n  var b = /\\/\\//; // kept: code before it\n})();\n"
	want := "(function () {\n'use strict';\nvar a = 'x // not a comment';\nvar b = /\\/\\//; // kept: code before it\n})();\n"
	if got := string(stripScript([]byte(src))); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	full, _ := assetFS.ReadFile("assets/search.js")
	if n := len(searchScript()); n > len(full)*3/4 {
		t.Errorf("search.js is served in %d bytes of %d", n, len(full))
	}
}

// TestWordsFile: the site's words file lists the words Index.Search corrects typos
// to, and only a site's search directory has it.
func TestWordsFile(t *testing.T) {
	c := commonCatalog(t)
	f := generateFiles(t, c)
	data, ok := f.File("search/words.js")
	if !ok {
		t.Fatal("no search/words.js")
	}
	ix, err := NewIndex("", c)
	if err != nil {
		t.Fatal(err)
	}
	ix.vocabOnce.Do(ix.buildVocab)
	var want bytes.Buffer
	want.WriteString("errcatSearch.words(")
	appendJSON(&want, ix.vocab)
	want.WriteString(");\n")
	if !bytes.Equal(data, want.Bytes()) || !bytes.Contains(data, []byte(`"locate"`)) {
		t.Errorf("search/words.js:\n%.300s", data)
	}
	if _, ok := f.File("vi/search/words.js"); !ok {
		t.Error("no words file for vi")
	}
}
