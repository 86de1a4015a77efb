package plural

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// xtextOperands returns the operands x/text's MatchPlural takes for the decimal s,
// computed independently of ParseOperands.
func xtextOperands(t *testing.T, s string) (i, v, w, f, tt int) {
	ip, fp, _ := strings.Cut(s, ".")
	i, err := strconv.Atoi(ip)
	if err != nil {
		t.Fatal(err)
	}
	if fp == "" {
		return i, 0, 0, 0, 0
	}
	trimmed := strings.TrimRight(fp, "0")
	f, _ = strconv.Atoi(fp)
	tt, _ = strconv.Atoi(trimmed + "0")
	return i, len(fp), len(trimmed), f, tt / 10
}

// grid returns the numbers the rules are compared on: every integer to 1000, large
// integers, and decimals with one to three fraction digits, trailing zeros included.
func grid() []string {
	var ns []string
	for n := 0; n <= 1000; n++ {
		ns = append(ns, strconv.Itoa(n))
	}
	for _, n := range []int{1001, 1011, 1021, 10000, 100000, 999999, 1000000, 1000001, 1000021,
		2000000, 1000000000, 1000000011, 999999999999999999, 1000000000000000000,
		1000000000000000021, 9223372036854775807} {
		ns = append(ns, strconv.Itoa(n))
	}
	var fracs []string
	for f := 0; f < 10; f++ {
		fracs = append(fracs, strconv.Itoa(f))
	}
	for f := 0; f < 100; f++ {
		fracs = append(fracs, strconv.Itoa(100 + f)[1:])
	}
	for f := 0; f < 1000; f += 37 {
		fracs = append(fracs, strconv.Itoa(1000 + f)[1:])
	}
	fracs = append(fracs, "000", "001", "010", "100", "500", "150", "105")
	for _, i := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 14, 21, 22, 25, 100, 101, 111, 1000000} {
		for _, f := range fracs {
			ns = append(ns, strconv.Itoa(i)+"."+f)
		}
	}
	return ns
}

// odd are tags beyond x/text's list: other spellings, aliases, extensions.
var odd = []string{
	"pt-BR", "pt_PT", "PT-pt", "pt-Latn-PT", "pt-Latn-AO", "pt-Latn-BR", "pt-PT-x-priv",
	"zh-Hant-TW", "zh-TW", "zh-yue", "zh-yue-HK", "sr-Latn", "sr-Latn-RS", "sr-Cyrl-ME",
	"sh", "iw", "in", "ji", "mo", "no", "tl", "tl-PH", "eng", "fra", "heb", "deu", "cmn",
	"es-419", "en-GB-oed", "ca-ES-valencia", "en-US-u-va-posix", "ru-RU-u-nu-latn",
	"ar-001", "az-Cyrl-AZ", "uz-Arab-AF", "xx", "qaa", "und", "root",
}

// sameAs maps a tag on which this package deliberately differs from x/text to the tag
// whose x/text rules it follows. x/text gives pt-Latn-PT the rules of pt, though Latn
// is Portuguese's default script and the tag names the locale pt-PT.
var sameAs = map[string]string{"pt-Latn-PT": "pt-PT"}

// TestMatchesXText compares Select with golang.org/x/text/feature/plural for every tag
// x/text has data for, and odd spellings, on the whole grid.
func TestMatchesXText(t *testing.T) {
	type op struct {
		s             string
		o             Operands
		i, v, w, f, t int
	}
	var ops []op
	for _, s := range grid() {
		o, err := ParseOperands(s)
		if err != nil {
			t.Fatalf("ParseOperands(%q): %v", s, err)
		}
		i, v, w, f, tt := xtextOperands(t, s)
		ops = append(ops, op{s, o, i, v, w, f, tt})
	}
	tags := append(append([]string{}, xtextTags...), odd...)
	for _, kind := range []struct {
		name  string
		ours  func(string) Rules
		xtext *plural.Rules
	}{
		{"cardinal", Cardinal, plural.Cardinal},
		{"ordinal", Ordinal, plural.Ordinal},
	} {
		for _, tag := range tags {
			r, xt := kind.ours(tag), language.Make(tag)
			if s, ok := sameAs[tag]; ok {
				xt = language.Make(s)
			}
			bad := 0
			for _, o := range ops {
				want := Category(kind.xtext.MatchPlural(xt, o.i, o.v, o.w, o.f, o.t))
				if got := r.Select(o.o); got != want && bad < 3 {
					bad++
					t.Errorf("%s %s (x/text: %s): Select(%s) = %v, x/text says %v", kind.name, tag, xt, o.s, got, want)
				}
			}
		}
	}
}

// TestLanguageCodesMatchXText compares, for every two- and three-letter code, the
// category of a few numbers that tell rule sets apart.
func TestLanguageCodesMatchXText(t *testing.T) {
	nums := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
		"14", "19", "20", "21", "22", "23", "24", "25", "26", "40", "80", "100", "101", "102",
		"103", "111", "200", "800", "1000000", "0.0", "0.1", "0.5", "1.0", "1.1", "1.5", "2.0", "2.5"}
	var letters []string
	for c := 'a'; c <= 'z'; c++ {
		letters = append(letters, string(c))
	}
	for _, a := range letters {
		for _, b := range letters {
			codes := []string{a + b}
			for _, c := range letters {
				codes = append(codes, a+b+c)
			}
			for _, code := range codes {
				xt := language.Make(code)
				for _, n := range nums {
					o, _ := ParseOperands(n)
					i, v, w, f, tt := xtextOperands(t, n)
					if got, want := Cardinal(code).Select(o), Category(plural.Cardinal.MatchPlural(xt, i, v, w, f, tt)); got != want {
						t.Fatalf("cardinal %s: Select(%s) = %v, x/text says %v", code, n, got, want)
					}
					if got, want := Ordinal(code).Select(o), Category(plural.Ordinal.MatchPlural(xt, i, v, w, f, tt)); got != want {
						t.Fatalf("ordinal %s: Select(%s) = %v, x/text says %v", code, n, got, want)
					}
				}
			}
		}
	}
}
