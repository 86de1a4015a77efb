package cldr

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/errcat/errcat/internal/plural"
)

// sample is testdata/sample.json: CLDR's own data for a few locales, as gen.go copied
// it from the JSON packages the tables were generated from.
type sample struct {
	CLDR    string `json:"cldr"`
	Locales map[string]struct {
		Symbols                  map[string]string
		Decimal, MinGroup        string
		DateFormats, TimeFormats map[string]string
		MonthsWide, DaysWide     map[string]string
		Day                      map[string]string `json:"duration-day"`
		Hour                     map[string]string `json:"duration-hour"`
		ListUnit                 map[string]string
	} `json:"locales"`
}

// TestSample checks the tables against CLDR's data of the sample's locales: symbols,
// grouping, date and time patterns, month and weekday names, unit and list patterns.
func TestSample(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	var s sample
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if s.CLDR != Version {
		t.Errorf("the sample is of CLDR %s, the tables of %s", s.CLDR, Version)
	}
	if len(s.Locales) < 20 {
		t.Fatalf("the sample has %d locales", len(s.Locales))
	}
	styles := []string{"short", "medium", "long", "full"}
	cats := []string{"other", "zero", "one", "two", "few", "many"}
	for name, want := range s.Locales {
		l := Lookup(name)
		if l.Name() != name {
			t.Errorf("Lookup(%q) finds %s", name, l.Name())
			continue
		}
		got := l.Tables()
		check := func(what, g, w string) {
			t.Helper()
			if g != w {
				t.Errorf("%s %s: %q, CLDR has %q", name, what, g, w)
			}
		}
		check("decimal", got.Decimal, want.Symbols["decimal"])
		check("group", got.Group, want.Symbols["group"])
		check("minus", got.Minus, want.Symbols["minusSign"])
		pattern := "#,##0.###"
		if got.Secondary != got.Primary {
			pattern = "#," + strings.Repeat("#", got.Secondary) + "," + strings.Repeat("#", got.Primary-1) + "0.###"
		}
		check("decimal pattern", pattern, want.Decimal)
		check("minimum grouping digits", strconv.Itoa(got.MinGroup), want.MinGroup)
		for i, st := range styles {
			check("date "+st, got.Patterns[i], want.DateFormats[st])
			check("time "+st, got.Patterns[4+i], want.TimeFormats[st])
		}
		for m := 1; m <= 12; m++ {
			check("month "+strconv.Itoa(m), got.Months[11+m], want.MonthsWide[strconv.Itoa(m)])
		}
		for i, d := range []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"} {
			check("day "+d, got.Days[7+i], want.DaysWide[d])
		}
		for c, cat := range cats {
			check("day "+cat, got.Units[c], want.Day["unitPattern-count-"+cat])
			check("hour "+cat, got.Units[6+c], want.Hour["unitPattern-count-"+cat])
		}
		for i, k := range []string{"2", "start", "middle", "end"} {
			check("list "+k, got.List[i], want.ListUnit[k])
		}
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct{ tag, want string }{
		{"en", "en"}, {"en-US", "en"}, {"EN_us", "en"}, {"en-GB", "en-GB"}, {"en-Latn-GB", "en-GB"},
		{"en-IN", "en-IN"}, {"pt-BR", "pt"}, {"pt-PT", "pt-PT"}, {"pt-AO", "pt-AO"},
		{"zh", "zh"}, {"zh-CN", "zh"}, {"zh-Hans", "zh-Hans"}, {"zh-Hans-CN", "zh-Hans"}, {"zh-TW", "zh-Hant"},
		{"zh-Hant-HK", "zh-Hant-HK"}, {"zh-HK", "zh-Hant-HK"}, {"sr-Latn-RS", "sr-Latn"}, {"sr", "sr"},
		{"iw", "he"}, {"tl", "fil"}, {"de-CH-1996", "de-CH"}, {"de-u-nu-arab", "de"}, {"es-MX", "es-MX"},
		{"", "en"}, {"zz-ZZ", "en"}, {"x-private", "en"}, {"1234", "en"}, {"en-", "en"},
	} {
		if got := Lookup(tc.tag).Name(); got != tc.want {
			t.Errorf("Lookup(%q) = %s, want %s", tc.tag, got, tc.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Lookup("zh-TW") }); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
	if got := string((Locale{}).AppendNumber(nil, "1234.5")); got != "1,234.5" || (Locale{}).Name() != "en" {
		t.Errorf("the zero Locale writes %q as %s", got, (Locale{}).Name())
	}
	if len(locales) < 40 {
		t.Errorf("the tables have %d locales", len(locales))
	}
}

func TestAppendNumber(t *testing.T) {
	for _, tc := range []struct{ locale, s, want string }{
		{"en", "0", "0"}, {"en", "-0", "-0"}, {"en", "999", "999"}, {"en", "1000", "1,000"}, {"en", "+0012.50", "12.50"},
		{"en", "123456789012345678901234567890.000", "123,456,789,012,345,678,901,234,567,890.000"},
		{"en-IN", "1000", "1,000"}, {"en-IN", "100000", "1,00,000"}, {"en-IN", "10000000.5", "1,00,00,000.5"},
		{"es", "1234", "1234"}, {"es", "12345", "12.345"}, {"fa", "-1234.5", "\u200e−۱٬۲۳۴٫۵"},
		{"en", "NaN", "NaN"}, {"en", "+Inf", "+Inf"}, {"en", "1e3", "1e3"}, {"en", "1.", "1."}, {"en", ".5", ".5"}, {"en", "", ""},
	} {
		if got := string(Lookup(tc.locale).AppendNumber(nil, tc.s)); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.locale, tc.s, got, tc.want)
		}
	}
}

// FuzzAppendNumber holds that a number's digits survive formatting: in every locale
// of the sample's kinds, the digits of the output, read back through the locale's
// digits, are the input's without leading zeros; that other text is kept as it is;
// and that the output is valid UTF-8.
func FuzzAppendNumber(f *testing.F) {
	for _, s := range []string{"0", "-1234567.5", "+007", "1e3", "", "12345678901234567890123", "-", "1.", "x"} {
		f.Add(s)
	}
	locales := []Locale{Lookup("en"), Lookup("fr"), Lookup("hi"), Lookup("mr"), Lookup("fa"), Lookup("pl")}
	f.Fuzz(func(t *testing.T, s string) {
		_, ip, fp, ok := splitDecimal(s)
		for _, l := range locales {
			got := string(l.AppendNumber(nil, s))
			if !ok {
				if got != s {
					t.Fatalf("%s: %q is not a number, written %q", l.Name(), s, got)
				}
				continue
			}
			if !utf8.ValidString(got) {
				t.Fatalf("%s: %q written as invalid UTF-8 %q", l.Name(), s, got)
			}
			var digits strings.Builder
			for _, r := range got {
				if i := strings.IndexRune(l.num().digits.String(), r); i >= 0 {
					digits.WriteByte("0123456789"[i/utf8.RuneLen(r)])
				}
			}
			if want := ip + fp; digits.String() != want {
				t.Fatalf("%s: %q written %q, whose digits are %s", l.Name(), s, got, digits.String())
			}
		}
	})
}

// FuzzLookup holds that Lookup never panics and finds a locale for any tag.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{"en", "zh-TW", "sr_Latn_RS", "", "-", "x-y", "abc-Abcd-123-foo", "EN-gb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if Lookup(s).Name() == "" {
			t.Fatalf("Lookup(%q) finds no locale", s)
		}
	})
}

// TestDates writes one instant in every style of a few locales, and the fields the
// patterns of some locale use: eras, stand-alone weekdays, flexible day periods,
// native digits.
func TestDates(t *testing.T) {
	when := time.Date(2026, 3, 4, 9, 6, 7, 0, time.UTC)
	bc := time.Date(-43, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		locale string
		t      time.Time
		date   bool
		style  Style
		want   string
	}{
		{"en", when, true, Short, "3/4/26"},
		{"en", when, false, Full, "9:06:07\u202fAM GMT"},
		{"th", when, true, Long, "4 มีนาคม ค.ศ. 2026"},
		{"th", bc, true, Long, "15 มีนาคม ก่อน ค.ศ. 44"},
		{"zh-Hant", when, false, Short, "上午9:06"},
		{"zh-Hant", when.Add(-5 * time.Hour), false, Short, "凌晨4:06"},
		{"mr", when, true, Short, "४/३/२६"},
		{"fr", when.In(time.FixedZone("", 3600)), false, Full, "10:06:07 UTC+01:00"},
		{"fi", when, true, Full, "keskiviikko 4. maaliskuuta 2026"},
	} {
		l := Lookup(tc.locale)
		var got []byte
		if tc.date {
			got = l.AppendDate(nil, tc.t, tc.style)
		} else {
			got = l.AppendTime(nil, tc.t, tc.style)
		}
		if string(got) != tc.want {
			t.Errorf("%s %v style %d: %q, want %q", tc.locale, tc.t, tc.style, got, tc.want)
		}
	}
}

// TestPluralRulesVersion holds that the plural rules that choose unit patterns and
// message arms are of the CLDR version of these formats.
func TestPluralRulesVersion(t *testing.T) {
	if plural.CLDRVersion != Version {
		t.Errorf("plural rules of CLDR %s, formats of CLDR %s: generate both from the same data", plural.CLDRVersion, Version)
	}
}
