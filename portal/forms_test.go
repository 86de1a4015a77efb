package portal

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/internal/golden"
)

// formLines returns the forms of the message of code id in locale, one line per row:
// "param type | case | value | text".
func formLines(t *testing.T, v *catalogView, id, locale string) []string {
	t.Helper()
	d := v.set.Lookup(id)
	if d == nil {
		t.Fatalf("no code %s", id)
	}
	var out []string
	for _, f := range v.forms(v.localized(d, locale)) {
		for _, r := range f.Rows {
			out = append(out, f.Param+" "+f.Type+" | "+r.Case+" | "+r.Value+" | "+r.Text)
		}
		if f.More > 0 {
			out = append(out, fmt.Sprintf("%s %s | %d more", f.Param, f.Type, f.More))
		}
	}
	return out
}

func pluralView(t *testing.T) *catalogView {
	t.Helper()
	v, err := newCatalogView(catalogtest.Load(t, "testdata/plural"), false)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMessageForms: a message's forms are one row per exact arm and per category of
// the locale's rules an int parameter reaches (pl: one, few, many, not other, which
// holds decimals only; ja: other only), each rendered by the runtime with the value
// errcat explain shows and the other params' example values; a select has one row
// per key, a nested choice takes its first row's value, and a message shown in the
// default locale has that locale's categories.
func TestMessageForms(t *testing.T) {
	v := pluralView(t)
	for _, tc := range []struct {
		id, locale string
		want       []string
	}{
		{"F-1", "pl", []string{
			"count plural | =0 | 0 | Nie usunięto żadnego pliku.",
			"count plural | one | 1 | Nie usunięto 1 pliku.",
			"count plural | few | 2 | Nie usunięto 2 plików.",
			"count plural | many | 5 | Nie usunięto 5 plików.",
		}},
		{"F-4", "pl", []string{
			"limit plural | one | 1 | Wykorzystano 3 z 1 żądania.",
			"limit plural | few | 2 | Wykorzystano 3 z 2 żądań.",
			"limit plural | many | 5 | Wykorzystano 3 z 5 żądań.",
		}},
		{"F-2", "pl", []string{
			"n selectordinal | other | 1 | 1. próba nie powiodła się; poczekaj 1m30s.",
		}},
		{"F-1", "ja", []string{
			"count plural | =0 | 0 | ファイルは削除されませんでした。",
			"count plural | other | 1 | 1 件のファイルを削除できませんでした。",
		}},
		{"F-2", "ja", []string{
			"n selectordinal | other | 1 | 1回目の試行に失敗しました。1m30s 後に再試行してください。",
		}},
		{"F-1", "en", []string{
			"count plural | =0 | 0 | No file was deleted.",
			"count plural | one | 1 | 1 file was not deleted.",
			"count plural | other | 2 | 2 files were not deleted.",
		}},
		{"F-2", "en", []string{
			"n selectordinal | one | 1 | Your 1st attempt failed; wait 1m30s.",
			"n selectordinal | two | 2 | Your 2nd attempt failed; wait 1m30s.",
			"n selectordinal | few | 3 | Your 3rd attempt failed; wait 1m30s.",
			"n selectordinal | other | 4 | Your 4th attempt failed; wait 1m30s.",
		}},
		// ja does not translate F-4: its page shows the English message, with the
		// English categories the runtime chooses it by.
		{"F-4", "ja", []string{
			"limit plural | one | 1 | 3 of 1 request used.",
			"limit plural | other | 2 | 3 of 2 requests used.",
		}},
		{"F-4[0]", "en", []string{
			"limit plural | one | 1 | Quota of 1 request used.",
			"limit plural | other | 2 | Quota of 2 requests used.",
		}},
		// The nested plural takes its first value, 0 (=0); "other" selects no other
		// key, and the example, admin, does.
		{"F-3", "pl", []string{
			"role select | admin | admin | Nobody",
			"role select | guest | guest | Guests </td><script>alert(1)</script> cannot share.",
			`role select | other | other | Ask an admin, <b onclick="x">Zoë</b> & co.`,
		}},
		{"F-1", "ru", []string{
			"count plural | one | 1 | Не удалён 1 файл.",
			"count plural | few | 2 | Не удалены 2 файла.",
			"count plural | many | 5 | Не удалены 5 файлов.",
		}},
		{"F-1", "ar", []string{
			"count plural | zero | 0 | لم يُحذف أي ملف.",
			"count plural | one | 1 | لم يُحذف ملف واحد.",
			"count plural | two | 2 | لم يُحذف ملفان.",
			"count plural | few | 3 | لم تُحذف 3 ملفات.",
			"count plural | many | 11 | لم يُحذف 11 ملفًا.",
			"count plural | other | 100 | لم يُحذف 100 ملف.",
		}},
		{"F-5", "en", nil},
	} {
		got := formLines(t, v, tc.id, tc.locale)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s in %s:\ngot\n\t%s\nwant\n\t%s", tc.id, tc.locale, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
		}
	}
}

// TestMessageFormsShapes: an offset shifts the samples of categories but not exact
// values; a category whose samples exact arms all take has no row; a select's "other"
// row takes the example value when it selects no other key; a choice in an arm has no
// rows; forms stop at maxFormRows.
func TestMessageFormsShapes(t *testing.T) {
	many := "{k, select,"
	for i := range maxFormRows + 10 {
		many += fmt.Sprintf(" k%d {%d}", i, i)
	}
	many += " other {x}}"
	for _, tc := range []struct {
		msg     string
		example string
		want    []string
	}{
		{"{n, plural, offset:1 =0 {none} =1 {just you} one {you and # other} other {you and # others}}", "5", []string{
			"n plural | =0 | 0 | none",
			"n plural | =1 | 1 | just you",
			"n plural | one | 2 | you and 1 other",
			"n plural | other | 3 | you and 2 others",
		}},
		{"{n, plural, =1 {one exactly} one {one} other {# more}}", "5", []string{
			"n plural | =1 | 1 | one exactly",
			"n plural | other | 2 | 2 more",
		}},
		{"{n, select, a {A} other {{n, plural, one {#} other {# s}}}}", "zz", []string{
			"n select | a | a | A",
			"n select | other | zz | zz s",
		}},
		{"{n} {n, plural, one {x} other {y}}", "7", []string{
			"n plural | one | 1 | 1 x",
			"n plural | other | 2 | 2 y",
		}},
		{many, "k0", nil},
	} {
		src := fmt.Sprintf("catalog: t\nerrors:\n  - {code: T-1, name: T, status: 400, message: %q, params: [{name: n, example: %q}, {name: k, example: k1}]}\n", tc.msg, tc.example)
		c, err := catalog.Load(fstest.MapFS{"errors.yaml": {Data: []byte(src)}}, "errors.yaml")
		if err != nil {
			t.Fatal(err)
		}
		v, err := newCatalogView(c, false)
		if err != nil {
			t.Fatal(err)
		}
		got := formLines(t, v, "T-1", "en")
		if tc.want == nil {
			if len(got) != maxFormRows+1 || got[maxFormRows] != "k select | 11 more" {
				t.Errorf("%.40s…: %d rows, the last %q; want %d and 11 more", tc.msg, len(got), got[len(got)-1], maxFormRows)
			}
			continue
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\ngot\n\t%s\nwant\n\t%s", tc.msg, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
		}
	}
}

// TestFormsPages: the code pages show each form under the message, in the page's
// locale, with catalog text escaped; a message without choices has no table; the
// Markdown and the API show the same forms.
func TestFormsPages(t *testing.T) {
	c := catalogtest.Load(t, "testdata/plural")
	f := generateFiles(t, c)
	checkInert(t, f)
	pl, _ := f.File("pl/errors/F-1/index.html")
	for _, want := range []string{
		"<caption>Forms of <code>count</code> (plural)</caption>",
		"<tr><td><code>many</code></td><td><code>5</code></td><td>Nie usunięto 5 plików.</td></tr>",
	} {
		if !bytes.Contains(pl, []byte(want)) {
			t.Errorf("pl/errors/F-1/ has no %s", want)
		}
	}
	// Polish "other" holds decimals only: an int parameter never reaches it.
	if bytes.Contains(pl, []byte("<tr><td><code>other</code>")) {
		t.Error("pl/errors/F-1/, of an int parameter, shows the other form")
	}
	f3, _ := f.File("pl/errors/F-3/index.html")
	if want := `<table lang="en">`; !bytes.Contains(f3, []byte(want)) {
		t.Errorf("pl/errors/F-3/, shown in English, has no %s", want)
	}
	if want := "<td>Guests &lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt; cannot share.</td>"; !bytes.Contains(f3, []byte(want)) {
		t.Errorf("pl/errors/F-3/ has no %s", want)
	}
	if f5, _ := f.File("errors/F-5/index.html"); bytes.Contains(f5, []byte("<caption>")) {
		t.Error("F-5, without choices, has a table of forms")
	}
	for _, loc := range []string{"", "pl", "ja"} {
		md, err := Markdown([]*catalog.Catalog{c}, loc)
		if err != nil {
			t.Fatal(err)
		}
		name := "markdown.plural.md"
		if loc != "" {
			name = "markdown.plural." + loc + ".md"
		}
		golden.Check(t, "testdata/golden/"+name, md)
	}
	_, ts := serve(t, "testdata/plural")
	_, body := get(t, ts.URL+"/api/errors/F-1?locale=pl")
	golden.Check(t, "testdata/golden/api/code-forms-pl.txt", []byte(body))
	_, body = get(t, ts.URL+"/api/errors/F-5")
	if strings.Contains(body, "message_forms") {
		t.Errorf("F-5, without choices, has message_forms:\n%s", body)
	}
}
