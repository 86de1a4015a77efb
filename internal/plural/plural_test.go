package plural

import (
	"strconv"
	"strings"
	"testing"
)

// sample is one line of CLDR's sample numbers: in each of the locales, the integers
// and decimals (space-separated; "0~15" and "0.0~1.5" are ranges) take the category.
type sample struct {
	locales  string
	category Category
	integer  string
	decimal  string
}

// expand returns the numbers a sample list names, ranges stepped by their last digit.
func expand(t *testing.T, list string) []string {
	t.Helper()
	var out []string
	for _, item := range strings.Fields(list) {
		from, to, isRange := strings.Cut(item, "~")
		if !isRange {
			out = append(out, item)
			continue
		}
		scale := 0
		if _, frac, ok := strings.Cut(from, "."); ok {
			scale = len(frac)
		}
		a, errA := strconv.Atoi(strings.Replace(from, ".", "", 1))
		b, errB := strconv.Atoi(strings.Replace(to, ".", "", 1))
		if errA != nil || errB != nil {
			t.Fatalf("bad range %q", item)
		}
		for n := a; n <= b; n++ {
			s := strconv.Itoa(n)
			if scale > 0 {
				s = strings.Repeat("0", max(0, scale+1-len(s))) + s
				s = s[:len(s)-scale] + "." + s[len(s)-scale:]
			}
			out = append(out, s)
		}
	}
	return out
}

// TestCLDRSamples checks every sample number CLDR gives for every locale and category,
// but those in compact-exponent notation ("1c6", "1.1c6"): their operands c and e are
// not represented (see Operands), and the rules are compiled for c = e = 0.
func TestCLDRSamples(t *testing.T) {
	checked, compact := 0, 0
	for _, kind := range []struct {
		name    string
		rules   func(string) Rules
		samples []sample
	}{
		{"cardinal", Cardinal, cardinalSamples},
		{"ordinal", Ordinal, ordinalSamples},
	} {
		for _, s := range kind.samples {
			for _, loc := range strings.Fields(s.locales) {
				r := kind.rules(loc)
				for _, n := range expand(t, s.integer+" "+s.decimal) {
					if strings.ContainsAny(n, "ce") {
						compact++
						continue
					}
					checked++
					op, err := ParseOperands(n)
					if err != nil {
						t.Fatalf("ParseOperands(%q): %v", n, err)
					}
					if got := r.Select(op); got != s.category {
						t.Errorf("%s %s: Select(%s) = %v, want %v", kind.name, loc, n, got, s.category)
					}
				}
			}
		}
	}
	if checked < 10000 || compact > checked/20 {
		t.Errorf("checked %d samples, skipped %d in compact notation", checked, compact)
	}
	t.Logf("checked %d samples, skipped %d in compact notation", checked, compact)
}

// TestCategories checks that the categories of a locale's rules are those CLDR gives
// samples for.
func TestCategories(t *testing.T) {
	for _, kind := range []struct {
		name    string
		rules   func(string) Rules
		samples []sample
	}{
		{"cardinal", Cardinal, cardinalSamples},
		{"ordinal", Ordinal, ordinalSamples},
	} {
		want := map[string]Set{}
		for _, s := range kind.samples {
			for _, loc := range strings.Fields(s.locales) {
				want[loc] = want[loc].Add(s.category)
			}
		}
		for loc, w := range want {
			if got := kind.rules(loc).Categories(); got != w {
				t.Errorf("%s %s: Categories() = %q, want %q", kind.name, loc, got, w)
			}
		}
	}
}

func TestCategoryNames(t *testing.T) {
	for c := Other; c <= Many; c++ {
		got, ok := ParseCategory(c.String())
		if !ok || got != c {
			t.Errorf("ParseCategory(%q) = %v, %v", c.String(), got, ok)
		}
	}
	if _, ok := ParseCategory("One"); ok {
		t.Error(`ParseCategory("One") reports a category; keywords are lower-case`)
	}
	if got, want := (Set(0).Add(Other).Add(One).Add(Few)).String(), "one few other"; got != want {
		t.Errorf("Set.String() = %q, want %q", got, want)
	}
}

func TestZeroRules(t *testing.T) {
	var r Rules
	if got := r.Select(OperandsInt(1)); got != Other {
		t.Errorf("Rules{}.Select(1) = %v, want other", got)
	}
	if got := r.Categories().String(); got != "other" {
		t.Errorf("Rules{}.Categories() = %q, want other", got)
	}
}

func TestLocaleFallback(t *testing.T) {
	for _, tc := range []struct {
		locale string
		n      string
		want   Category
	}{
		{"pt-BR", "0", One},    // pt: i = 0..1
		{"pt-PT", "0", Other},  // pt-PT: i = 1 and v = 0
		{"pt_pt", "0", Other},  // "_" and any case
		{"pt-AO", "0", One},    // pt-AO's parent is pt-PT, but not for plural rules
		{"pt-620", "0", Other}, // 620 is PT's numeric code
		{"pt-Latn-PT", "0", Other},
		{"PT", "1", One},
		{"zh-Hant-TW", "1", Other},
		{"ru-Latn", "21", One}, // the language's rules, whatever the script
		{"ru-RU-u-nu-latn", "21", One},
		{"en-US-x-private", "1", One},
		{"iw", "2", Two},       // the old code of Hebrew
		{"heb", "2", Two},      // ISO 639-2
		{"zh-yue", "1", Other}, // extended language
		{"xx", "1", Other},     // unknown: root
		{"", "1", Other},
		{"root", "1", Other},
		{"e", "1", Other},
		{"english", "1", Other},
		{"-en", "1", Other},
	} {
		op, _ := ParseOperands(tc.n)
		if got := Cardinal(tc.locale).Select(op); got != tc.want {
			t.Errorf("Cardinal(%q).Select(%s) = %v, want %v", tc.locale, tc.n, got, tc.want)
		}
	}
}

func TestParseOperands(t *testing.T) {
	const big = limit
	for _, tc := range []struct {
		in   string
		want Operands
	}{
		{"0", Operands{}},
		{"-7", Operands{I: 7}},
		{"+7", Operands{I: 7}},
		{"007", Operands{I: 7}},
		{"1.0", Operands{I: 1, V: 1}},
		{"1.50", Operands{I: 1, V: 2, W: 1, F: 50, T: 5}},
		{"1.05", Operands{I: 1, V: 2, W: 2, F: 5, T: 5}},
		{"0.001", Operands{V: 3, W: 3, F: 1, T: 1}},
		{"0.0100", Operands{V: 4, W: 2, F: 100, T: 1}},
		{"1000000000000000000", Operands{I: big}},
		{"1000000000000000021", Operands{I: big + 21}},
		{"123456789012345678901234567890", Operands{I: big + 789012345678901234567890%big}},
		{"0." + strings.Repeat("0", 30) + "1", Operands{V: 31, W: 31, F: 1, T: 1}},
		{"0.1" + strings.Repeat("0", 30), Operands{V: 31, W: 1, F: big, T: 1}},
	} {
		got, err := ParseOperands(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseOperands(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "-", ".5", "1.", "1,5", "1e3", " 1", "1 ", "1.2.3", "0x10", "1_000", "١"} {
		if got, err := ParseOperands(in); err != ErrSyntax {
			t.Errorf("ParseOperands(%q) = %+v, %v; want ErrSyntax", in, got, err)
		}
	}
}

func TestOperandsInt(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want uint64
	}{
		{0, 0}, {21, 21}, {-21, 21},
		{-9223372036854775808, limit + 223372036854775808},
		{9223372036854775807, limit + 223372036854775807},
	} {
		if got := OperandsInt(tc.n); got != (Operands{I: tc.want}) {
			t.Errorf("OperandsInt(%d) = %+v, want I = %d", tc.n, got, tc.want)
		}
	}
}

func TestNoAllocs(t *testing.T) {
	r := Cardinal("ru")
	if n := testing.AllocsPerRun(100, func() {
		op, _ := ParseOperands("21.50")
		_ = r.Select(op)
		_ = Cardinal("pt-AO").Select(OperandsInt(21))
		_ = Ordinal("en-GB").Select(OperandsInt(2))
	}); n != 0 {
		t.Errorf("ParseOperands, Select, Cardinal and Ordinal allocate %v times, want 0", n)
	}
}

// TestSamples checks that Samples gives, for every locale CLDR has rules for and every
// category, numbers that the rules select that category for, and none for the
// categories they never select.
func TestSamples(t *testing.T) {
	for _, kind := range []struct {
		name    string
		rules   func(string) Rules
		samples []sample
	}{
		{"cardinal", Cardinal, cardinalSamples},
		{"ordinal", Ordinal, ordinalSamples},
	} {
		for _, s := range kind.samples {
			for _, loc := range strings.Fields(s.locales) {
				r := kind.rules(loc)
				for c := Other; c <= Many; c++ {
					got := r.Samples(c)
					if r.Categories().Has(c) != (len(got) > 0) {
						t.Errorf("%s %s: Samples(%v) = %q, categories %q", kind.name, loc, c, got, r.Categories())
					}
					for _, n := range got {
						op, err := ParseOperands(n)
						if err != nil || r.Select(op) != c {
							t.Errorf("%s %s: Samples(%v) has %s, which selects %v (%v)", kind.name, loc, c, n, r.Select(op), err)
						}
					}
				}
			}
		}
	}
	for _, tc := range []struct {
		rules Rules
		c     Category
		want  string
	}{
		{Cardinal("en"), One, "1"},
		{Cardinal("en"), Other, "0 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 100 1000 10000 100000 1000000 0.0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.1 1.2 1.3 1.4 1.5 10.0 100.0 1000.0 10000.0 100000.0 1000000.0"},
		{Cardinal("fr"), Many, "1000000"},
		{Cardinal("pl"), Other, "0.0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.1 1.2 1.3 1.4 1.5 10.0 100.0 1000.0 10000.0 100000.0 1000000.0"},
		{Ordinal("en"), Two, "2 22 32 42 52 62 72 82 102 1002"},
		{Cardinal("en"), Few, ""},
		{Rules{}, Other, "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 100 1000 10000 100000 1000000 0.0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.1 1.2 1.3 1.4 1.5 10.0 100.0 1000.0 10000.0 100000.0 1000000.0"},
		{Cardinal("en"), Category(9), ""},
	} {
		if got := strings.Join(tc.rules.Samples(tc.c), " "); got != tc.want {
			t.Errorf("Samples(%v) = %q, want %q", tc.c, got, tc.want)
		}
	}
}
