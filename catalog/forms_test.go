package catalog_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
)

// TestForms lists the forms of texts that choose by plurals in Polish (whose "other"
// no integer takes), by Russian plurals over a float, by an ordinal, and by a select
// whose example value is one of its arms.
func TestForms(t *testing.T) {
	fsys := fstest.MapFS{"errors.yaml": {Data: []byte(`catalog: forms
default_locale: pl
errors:
  - code: A-1
    name: Files
    status: 409
    message: "{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}"
    params:
      - {name: count, type: int, example: "5"}
  - code: A-2
    name: Size
    status: 413
    message: "{size, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}} {kind, select, dir {katalog} other {plik}} {n, selectordinal, other {#.}}"
    params:
      - {name: size, type: float, example: "2.5"}
      - {name: kind, example: dir}
      - {name: n, type: int, example: "3"}
  - code: A-3
    name: Plain
    status: 400
    message: "Nic."
`)}}
	c, err := catalog.Load(fsys, "errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		code string
		want []string // name param key value: message
	}{
		{"A-1", []string{
			"one count one 1: 1 plik",
			"few count few 2: 2 pliki",
			"many count many 5: 5 plików", // 0 is a sample of many too, and reads as a case of its own
		}},
		{"A-2", []string{
			"size-one size one 1: 1 plik katalog 3.",
			"size-few size few 2: 2 pliki katalog 3.",
			"size-many size many 5: 5 plików katalog 3.",
			"size-other size other 0.1: 0,1 pliku katalog 3.", // 0.0 would be written 0
			"kind-dir kind dir dir: 2,5 pliku katalog 3.",
			"kind-other kind other other: 2,5 pliku plik 3.",
			"n-other n other 1: 2,5 pliku katalog 1.",
		}},
		{"A-3", nil},
	} {
		d := c.Set().Lookup(tc.code)
		ex, err := c.Example(d)
		if err != nil {
			t.Fatal(err)
		}
		forms, err := catalog.Forms(d, ex, "")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range forms {
			got = append(got, f.Name+" "+f.Param+" "+f.Key+" "+f.Value+": "+f.Error.Message(""))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: forms\n%s\nwant\n%s", tc.code, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
