package errcat

import (
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	xmessage "golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The plural benchmarks render the same sentence, "5 files in project", from a plain
// template and from a plural message, in English and Russian, through
// Error.AppendMessage; and, for comparison, through golang.org/x/text/message with
// its catalog and plural.Selectf. bench/ratio.sh counts their instructions, which
// the machine's noise does not move.

func pluralSet(b testing.TB) *Set {
	b.Helper()
	s, err := NewSet(SetSpec{
		Name: "bench", DefaultLocale: "en", Locales: []string{"ru"},
		Errors: []Spec{
			{
				Code: "1", Name: "Plain", Status: 400,
				Texts:  Texts{Message: "{0} files in {1}"},
				Params: []Param{{Name: "count", Kind: KindInt}, {Name: "where"}},
			},
			{
				Code: "2", Name: "Plural", Status: 400,
				Texts:  Texts{Message: "{count, plural, one {# file} other {# files}} in {where}"},
				Params: []Param{{Name: "count", Kind: KindInt}, {Name: "where"}},
				Translations: map[string]Texts{
					"ru": {Message: "{count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}} в {where}"},
				},
			},
		},
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func benchAppend(b *testing.B, code, locale string) {
	e := pluralSet(b).Lookup(code).New(Int(5), String("project"))
	buf := make([]byte, 0, 128)
	b.ReportAllocs()
	for b.Loop() {
		buf = e.AppendMessage(buf[:0], locale)
	}
}

func BenchmarkAppendMessagePlain(b *testing.B)        { benchAppend(b, "1", "en") }
func BenchmarkAppendMessagePlainRussian(b *testing.B) { benchAppend(b, "1", "ru") }
func BenchmarkAppendMessagePlural(b *testing.B)       { benchAppend(b, "2", "en") }
func BenchmarkAppendMessageRussian(b *testing.B)      { benchAppend(b, "2", "ru") }

func BenchmarkAppendMessagePlainJSON(b *testing.B) {
	e := pluralSet(b).Lookup("1").New(Int(5), String("project"))
	buf := make([]byte, 0, 128)
	b.ReportAllocs()
	for b.Loop() {
		buf = e.AppendMessageJSON(buf[:0], "en")
	}
}

func BenchmarkAppendMessagePluralJSON(b *testing.B) {
	e := pluralSet(b).Lookup("2").New(Int(5), String("project"))
	buf := make([]byte, 0, 128)
	b.ReportAllocs()
	for b.Loop() {
		buf = e.AppendMessageJSON(buf[:0], "en")
	}
}

// xtextCatalog returns a catalog of x/text/message holding the sentence of
// BenchmarkAppendMessagePlural in English and Russian.
func xtextCatalog() (catalog.Catalog, error) {
	cat := catalog.NewBuilder()
	err := cat.Set(language.English, "files", plural.Selectf(1, "%d", "one", "%d file in %s", "other", "%d files in %s"))
	if err == nil {
		err = cat.Set(language.Russian, "files", plural.Selectf(1, "%d",
			"one", "%d файл в %s", "few", "%d файла в %s", "many", "%d файлов в %s", "other", "%d файла в %s"))
	}
	return cat, err
}

func benchXText(b *testing.B, tag language.Tag) {
	cat, err := xtextCatalog()
	if err != nil {
		b.Fatal(err)
	}
	p := xmessage.NewPrinter(tag, xmessage.Catalog(cat))
	b.ReportAllocs()
	for b.Loop() {
		_ = p.Sprintf("files", 5, "project")
	}
}

func BenchmarkXTextMessagePlural(b *testing.B)  { benchXText(b, language.English) }
func BenchmarkXTextMessageRussian(b *testing.B) { benchXText(b, language.Russian) }

// TestSameAsXTextMessage holds that the benchmarks compare the same text: the plural
// message renders as x/text/message prints its sentence, in both locales.
func TestSameAsXTextMessage(t *testing.T) {
	cat, err := xtextCatalog()
	if err != nil {
		t.Fatal(err)
	}
	d := pluralSet(t).Lookup("2")
	for _, tc := range []struct {
		tag    language.Tag
		locale string
	}{{language.English, "en"}, {language.Russian, "ru"}} {
		p := xmessage.NewPrinter(tc.tag, xmessage.Catalog(cat))
		for _, n := range []int{0, 1, 2, 5, 11, 21, 22, 101, 111} {
			want := p.Sprintf("files", n, "project")
			if got := d.New(Int(int64(n)), String("project")).Message(tc.locale); got != want {
				t.Errorf("%s, %d: %q, x/text/message %q", tc.locale, n, got, want)
			}
		}
	}
}
