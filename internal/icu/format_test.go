package icu

import (
	"testing"
	"time"
)

// TestLocaleFormats renders numbers, #, dates, times and durations in locales whose
// CLDR data differ: separators (fr's U+202F, pl's U+00A0), Indian grouping (hi),
// minimum grouping digits (pl writes 1234 ungrouped), and unit patterns whose plural
// categories differ (ru, pl, ar).
func TestLocaleFormats(t *testing.T) {
	const src = "{n, number}|{n, number, integer}|{n, plural, other {#}}|{n}"
	when := time.Date(2026, 3, 4, 15, 6, 7, 0, time.UTC)
	for _, tc := range []struct {
		locale string
		n      Value
		want   string
	}{
		{"en", Decimal("1234567.5"), "1,234,567.5|1,234,568|1,234,567.5|1234567.5"},
		{"de", Decimal("1234567.5"), "1.234.567,5|1.234.568|1.234.567,5|1234567.5"},
		{"fr", Decimal("1234567.5"), "1\u202f234\u202f567,5|1\u202f234\u202f568|1\u202f234\u202f567,5|1234567.5"},
		{"hi", Int(1234567), "12,34,567|12,34,567|12,34,567|1234567"},
		{"en-IN", Int(-1234567), "-12,34,567|-12,34,567|-12,34,567|-1234567"},
		{"ja", Int(1234567), "1,234,567|1,234,567|1,234,567|1234567"},
		{"vi", Decimal("1234567.5"), "1.234.567,5|1.234.568|1.234.567,5|1234567.5"},
		{"pl", Int(1234), "1234|1234|1234|1234"},
		{"pl", Int(12345), "12\u00a0345|12\u00a0345|12\u00a0345|12345"},
		{"ar", Float(-1234.25), "\u200e-1,234.25|\u200e-1,234|\u200e-1,234.25|-1234.25"},
		{"mr", Int(1234567), "१२,३४,५६७|१२,३४,५६७|१२,३४,५६७|1234567"},
		{"de-CH", Decimal("-0001234.50"), "-1'234.50|-1'234|-1'234.50|-0001234.50"},
		{"en", String("many"), "many|many|many|many"},
		{"en", Float(1e21), "1,000,000,000,000,000,000,000|1,000,000,000,000,000,000,000|1,000,000,000,000,000,000,000|1e+21"},
	} {
		if got := render(t, src, tc.locale, Args{Values: []Value{tc.n}, Names: []string{"n"}}); got != tc.want {
			t.Errorf("%s, n = %s:\n got %q\nwant %q", tc.locale, tc.n.AppendText(nil), got, tc.want)
		}
	}
	for _, tc := range []struct{ locale, src, want string }{
		{"en", "{t, date, short}|{t, date}|{t, date, long}|{t, date, full}", "3/4/26|Mar 4, 2026|March 4, 2026|Wednesday, March 4, 2026"},
		{"en-GB", "{t, date, short}|{t, date}|{t, time, short}", "04/03/2026|4 Mar 2026|15:06"},
		{"de", "{t, date, short}|{t, date}|{t, date, long}|{t, date, full}", "04.03.26|04.03.2026|4. März 2026|Mittwoch, 4. März 2026"},
		{"fr", "{t, date, full}|{t, time, long}", "mercredi 4 mars 2026|15:06:07 UTC"},
		{"ja", "{t, date, long}|{t, time, full}", "2026年3月4日|15時06分07秒 GMT"},
		{"vi", "{t, date, long}|{t, time}", "4 tháng 3, 2026|15:06:07"},
		{"zh-TW", "{t, date, full}|{t, time, short}", "2026年3月4日 星期三|下午3:06"},
		{"pt-BR", "{t, date, long}", "4 de março de 2026"},
		{"ar", "{t, date, long}|{t, time, short}", "4 مارس 2026|3:06 م"},
	} {
		args := Args{Values: []Value{Time(when)}, Names: []string{"t"}}
		if got := render(t, tc.src, tc.locale, args); got != tc.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.locale, tc.src, got, tc.want)
		}
	}
	// A time that carries a zone reads in it, and names its offset.
	zoned := when.In(time.FixedZone("", -(3*3600 + 30*60)))
	if got, want := render(t, "{t, time, long}|{t, time, full}", "de", Args{Values: []Value{TimeOf(&zoned)}, Names: []string{"t"}}), "11:36:07 GMT-3:30|11:36:07 GMT-03:30"; got != want {
		t.Errorf("de, zoned time: %q, want %q", got, want)
	}
	for _, tc := range []struct {
		locale string
		d      time.Duration
		want   string
	}{
		{"en", 72 * time.Hour, "3 days"},
		{"en", 2*time.Hour + 5*time.Minute, "2 hours 5 minutes"},
		{"en", time.Hour + time.Second, "1 hour 1 second"},
		{"en", 26*time.Hour + 3*time.Minute + 1500*time.Millisecond, "1 day 2 hours 3 minutes 1.5 seconds"},
		{"en", 0, "0 seconds"},
		{"en", 250 * time.Millisecond, "250 milliseconds"},
		{"en", 1500 * time.Nanosecond, "1.5 microseconds"},
		{"en", 40, "40 nanoseconds"},
		{"en", -90 * time.Second, "-1 minute 30 seconds"},
		{"en", 1000 * 24 * time.Hour, "1,000 days"},
		{"vi", 72 * time.Hour, "3 ngày"},
		{"de", 72 * time.Hour, "3 Tage"},
		{"de", 2*time.Hour + 5*time.Minute, "2 Stunden, 5 Minuten"},
		{"de", 24*time.Hour + 2*time.Hour + 5*time.Minute, "1 Tag, 2 Stunden und 5 Minuten"},
		{"ru", 21 * time.Hour, "21 час"},
		{"ru", 22 * time.Hour, "22 часа"},
		{"ru", 25 * time.Hour, "1 день 1 час"},
		{"pl", 5 * time.Minute, "5 minut"},
		{"pl", 1500 * time.Millisecond, "1,5 sekundy"},
		{"ar", 2 * time.Hour, "ساعتان"},
		{"ar", -time.Hour, "\u200e-1 ساعة"},
		{"ja", 2*time.Hour + 5*time.Minute, "2 時間5 分"},
		{"zh-Hans", 3 * 24 * time.Hour, "3天"},
	} {
		args := Args{Values: []Value{Duration(tc.d)}, Names: []string{"d"}}
		if got := render(t, "{d, duration}", tc.locale, args); got != tc.want {
			t.Errorf("%s, %v: %q, want %q", tc.locale, tc.d, got, tc.want)
		}
	}
	// A plain {d}, and a duration format of another kind of value, keep their text.
	args := Args{Values: []Value{Duration(90 * time.Second), Int(3)}, Names: []string{"d", "i"}}
	if got, want := render(t, "{d}|{i, duration}|{d, number}", "de", args), "1m30s|3|1m30s"; got != want {
		t.Errorf("de: %q, want %q", got, want)
	}
}

// TestNumberNoAllocs holds that numbers of integers and decimals, dates, times and
// durations render without allocating.
func TestNumberNoAllocs(t *testing.T) {
	m := mustParse(t, "{0, number} {1, number} {0, number, integer} {0, plural, other {#}} {2, duration} {3, date, full} {3, time, full}")
	zoned := time.Date(2026, 3, 4, 15, 6, 7, 0, time.FixedZone("", -3600))
	args := Args{Values: []Value{Int(-1234567), Decimal("1234.50"), Duration(26*time.Hour + 1500*time.Millisecond), TimeOf(&zoned)}}
	dst := make([]byte, 0, 256)
	for _, locale := range []string{"en", "fr", "hi", "mr", "ar"} {
		if n := testing.AllocsPerRun(100, func() { dst = Append(dst[:0], m, locale, args) }); n != 0 {
			t.Errorf("Append in %s allocates %v times, want 0", locale, n)
		}
		rules := RulesOf(locale)
		if n := testing.AllocsPerRun(100, func() { dst = AppendRulesJSON(dst[:0], m, &rules, args) }); n != 0 {
			t.Errorf("AppendRulesJSON in %s allocates %v times, want 0", locale, n)
		}
	}
}

// TestZeroRules holds that rules made other than by RulesOf format as English.
func TestZeroRules(t *testing.T) {
	m := mustParse(t, "{0, number} {1, duration}")
	args := Args{Values: []Value{Int(1234), Duration(time.Hour)}}
	if got := string(AppendRules(nil, m, &Rules{}, args)); got != "1,234 1 hour" {
		t.Errorf("zero rules: %q", got)
	}
}

func TestDurationStyle(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{d, duration, long}", `offset 14: a duration takes no style: write {d, duration}`},
		{"{d,duration,}", `offset 12: a duration takes no style: write {d, duration}`},
	} {
		_, err := Parse(tc.src)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q): %v, want %s", tc.src, err, tc.want)
		}
	}
	m := mustParse(t, "{ d , duration }")
	if got := m.String(); got != "{d, duration}" {
		t.Errorf("printed %q", got)
	}
	if u := m.Uses(); len(u) != 1 || u[0].Type != "duration" {
		t.Errorf("uses %+v", u)
	}
}
