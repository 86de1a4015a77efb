package errcat

import (
	"testing"
	"time"
)

// The format benchmarks render "1,234,567 files in project" from a number format, in
// English and French, through Error.AppendMessage, beside the same sentence with a
// plain placeholder: the cost of writing a number in its locale's forms.

func formatSet(tb testing.TB) *Set {
	tb.Helper()
	s, err := NewSet(SetSpec{
		Name: "bench", DefaultLocale: "en", Locales: []string{"fr"},
		Errors: []Spec{
			{
				Code: "1", Name: "Plain", Status: 400,
				Texts:  Texts{Message: "{0} files in {1}"},
				Params: []Param{{Name: "count", Kind: KindInt}, {Name: "where"}},
			},
			{
				Code: "2", Name: "Number", Status: 400,
				Texts:  Texts{Message: "{count, number} files in {where}"},
				Params: []Param{{Name: "count", Kind: KindInt}, {Name: "where"}},
				Translations: map[string]Texts{
					"fr": {Message: "{count, number} fichiers dans {where}"},
				},
			},
			{
				Code: "3", Name: "Formats", Status: 400,
				Texts:  Texts{Message: "{count, plural, one {# file} other {# files}} in {where} since {when, date, long}, retry in {wait, duration}"},
				Params: []Param{{Name: "count", Kind: KindInt}, {Name: "where"}, {Name: "when", Kind: KindTime}, {Name: "wait", Kind: KindDuration}},
				Translations: map[string]Texts{
					"fr": {Message: "{count, plural, one {# fichier} other {# fichiers}} dans {where} depuis le {when, date, long}, réessayez dans {wait, duration}"},
				},
			},
		},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func formatError(tb testing.TB, code string) *Error {
	when := time.Date(2026, 3, 4, 15, 6, 7, 0, time.UTC)
	return formatSet(tb).Lookup(code).New(Int(1234567), String("project"), Time(when), Duration(2*time.Hour+5*time.Minute))
}

// TestFormatMessages renders the benchmarks' messages, and holds that rendering them
// does not allocate.
func TestFormatMessages(t *testing.T) {
	for _, tc := range []struct{ code, locale, want string }{
		{"1", "fr", "1234567 files in project"},
		{"2", "en", "1,234,567 files in project"},
		{"2", "fr", "1\u202f234\u202f567 fichiers dans project"},
		{"3", "en", "1,234,567 files in project since March 4, 2026, retry in 2 hours 5 minutes"},
		{"3", "fr", "1\u202f234\u202f567 fichiers dans project depuis le 4 mars 2026, réessayez dans 2\u00a0heures 5 minutes"},
	} {
		e := formatError(t, tc.code)
		if got := e.Message(tc.locale); got != tc.want {
			t.Errorf("%s in %s: %q, want %q", tc.code, tc.locale, got, tc.want)
		}
		buf := make([]byte, 0, 256)
		if n := testing.AllocsPerRun(100, func() { buf = e.AppendMessage(buf[:0], tc.locale) }); n != 0 {
			t.Errorf("AppendMessage of %s in %s allocates %v times", tc.code, tc.locale, n)
		}
		if n := testing.AllocsPerRun(100, func() { buf = e.AppendMessageJSON(buf[:0], tc.locale) }); n != 0 {
			t.Errorf("AppendMessageJSON of %s in %s allocates %v times", tc.code, tc.locale, n)
		}
	}
}

func benchFormat(b *testing.B, code, locale string) {
	e := formatError(b, code)
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		buf = e.AppendMessage(buf[:0], locale)
	}
}

func BenchmarkAppendMessageNumberPlain(b *testing.B)  { benchFormat(b, "1", "fr") }
func BenchmarkAppendMessageNumber(b *testing.B)       { benchFormat(b, "2", "en") }
func BenchmarkAppendMessageNumberFrench(b *testing.B) { benchFormat(b, "2", "fr") }
func BenchmarkAppendMessageFormats(b *testing.B)      { benchFormat(b, "3", "fr") }
