package errcat_test

import (
	"strings"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/portal"
)

const pluralCatalog = "gen/typescript/testdata/plural"

// TestPluralCategories renders a message that names its plural category, through a
// catalog and its translations, as errcat render does (values parsed from text by the
// parameter's type), for the numbers 0, 1, 2, 5, 21 and 1.5 in six locales. The
// expected categories are CLDR's own examples for each locale's cardinal rules.
func TestPluralCategories(t *testing.T) {
	d := catalogtest.Load(t, pluralCatalog).Set().Lookup("P-1")
	numbers := []string{"0", "1", "2", "5", "21", "1.5"}
	want := map[string][]string{
		"en": {"other", "one", "other", "other", "other", "other"},
		"fr": {"one", "one", "other", "other", "other", "one"},
		"pl": {"many", "one", "few", "many", "many", "other"},
		"ru": {"many", "one", "few", "many", "one", "other"},
		"ar": {"zero", "one", "two", "few", "many", "other"},
		"ja": {"other", "other", "other", "other", "other", "other"},
		// A locale the catalog lacks takes the default text, with its rules.
		"vi": {"other", "one", "other", "other", "other", "other"},
		"":   {"other", "one", "other", "other", "other", "other"},
	}
	for locale, cats := range want {
		for i, n := range numbers {
			got := render(t, d, locale, "n="+n)
			if w := cats[i] + " #" + n; got != w {
				t.Errorf("%s, n=%s: %q, want %q", locale, n, got, w)
			}
		}
	}
}

// TestPluralMessages renders the texts translators write, in every locale, and the
// ordinals, selects, offsets and formats of the plural catalog.
func TestPluralMessages(t *testing.T) {
	set := catalogtest.Load(t, pluralCatalog).Set()
	tests := []struct {
		code, locale string
		params       []string
		want         string
	}{
		{"P-2", "en", []string{"count=0"}, "No file was deleted."},
		{"P-2", "en", []string{"count=1"}, "1 file was not deleted."},
		{"P-2", "en", []string{"count=21"}, "21 files were not deleted."},
		{"P-2", "fr", []string{"count=0"}, "Aucun fichier supprimé."},
		{"P-2", "fr", []string{"count=1"}, "1 fichier non supprimé."},
		{"P-2", "pl", []string{"count=22"}, "Nie usunięto 22 plików."},
		{"P-2", "pl", []string{"count=5"}, "Nie usunięto 5 plików."},
		{"P-2", "ru", []string{"count=21"}, "Не удалён 21 файл."},
		{"P-2", "ru", []string{"count=3"}, "Не удалены 3 файла."},
		{"P-2", "ru", []string{"count=11"}, "Не удалены 11 файлов."},
		{"P-2", "ar", []string{"count=0"}, "لم يُحذف أي ملف."},
		{"P-2", "ar", []string{"count=103"}, "لم تُحذف 103 ملفات."},
		{"P-2", "ja", []string{"count=1"}, "1 件のファイルを削除できませんでした。"},
		{"P-2", "ru-RU", []string{}, "{count?}"},
		{"P-3", "en", []string{"n=1", "user=a", "wait=90s"}, "Your 1st attempt failed; a 1m30s later."},
		{"P-3", "en", []string{"n=22", "user=a", "wait=1h"}, "Your 22nd attempt failed; a 1h later."},
		{"P-3", "fr", []string{"n=13", "user=a", "wait=0s"}, "Your 13th attempt failed; a 0s later."},
		{"P-4", "en", []string{"role=admin", "count=1", "host=Zoë", "ok=true"}, "Zoë alone yes"},
		{"P-4", "en", []string{"role=admin", "count=2", "host=Zoë", "ok=false"}, "Zoë and 1 other no"},
		{"P-4", "en", []string{"role=admin", "count=5", "host=Zoë", "ok=true"}, "Zoë and 4 others yes"},
		{"P-4", "en", []string{"role=guest", "count=5", "host={0}", "ok=true"}, "Ask an admin, {0}. yes"},
		{"P-5", "en", []string{"size=2.5", "when=2026-11-23T10:00:00.5Z"}, "2.5 bytes, 2 rounded, 11/23/26 10:00:00\u202fAM Monday, November 23, 2026; {literal} '#'"},
		{"P-6", "en", []string{"used=3", "limit=1"}, "3 of 1 request used."},
		{"P-6", "en", []string{"limit=4"}, "Quota of 4 requests used."},
		{"P-6", "fr", []string{"limit=4"}, "Quota de 4 requêtes atteint."},
		{"P-6", "fr", []string{"used=1"}, "Quota used."},
	}
	for _, tt := range tests {
		d := set.Lookup(tt.code)
		if got := render(t, d, tt.locale, tt.params...); got != tt.want {
			t.Errorf("%s %s %v: %q, want %q", tt.code, tt.locale, tt.params, got, tt.want)
		}
	}
}

// render returns d's message in locale with params given as errcat render takes them.
func render(t *testing.T, d *errcat.Definition, locale string, params ...string) string {
	t.Helper()
	if d == nil {
		t.Fatal("code not found")
	}
	values, err := portal.ParseParams(d, params)
	if err != nil {
		t.Fatalf("%s %s: %v", d.Code(), strings.Join(params, " "), err)
	}
	return d.New(values...).Message(locale)
}

// TestPluralSetData renders every code of the plural catalog in every locale, for a
// grid of counts, from the catalog and from its set data as generated Go code loads
// it (lazily, each text compiled for its locale on first use): the same text.
func TestPluralSetData(t *testing.T) {
	set := catalogtest.Load(t, pluralCatalog).Set()
	data, err := errcat.EncodeSetSpec(catalogtest.Load(t, pluralCatalog).SetSpec())
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := errcat.DecodeSet(string(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range set.Definitions() {
		dd := decoded.Lookup(d.Code())
		for _, loc := range append(set.Locales(), "pl-PL", "") {
			for _, n := range []int64{0, 1, 2, 5, 21, 22, 101} {
				args := make([]errcat.Value, len(d.Params()))
				for i, p := range d.Params() {
					switch p.Kind {
					case errcat.KindInt:
						args[i] = errcat.Int(n)
					case errcat.KindFloat:
						args[i] = errcat.Float(float64(n) + 0.5)
					default:
						args[i] = errcat.String("admin")
					}
				}
				want := d.New(args...).Message(loc)
				if got := dd.New(args...).Message(loc); got != want {
					t.Errorf("%s %s %d: from set data %q, from the catalog %q", d.Code(), loc, n, got, want)
				}
			}
		}
	}
}
