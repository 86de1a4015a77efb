package plural

import (
	"math/big"
	"strings"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// FuzzParseOperands checks ParseOperands against a reference written with math/big:
// the same inputs are accepted, with the same operands.
func FuzzParseOperands(f *testing.F) {
	for _, s := range []string{"0", "-1.50", "+7", "1.", ".5", "1e3", "0.000", "123456789012345678901234.5678901234567890123"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseOperands(s)
		want, ok := referenceOperands(s)
		if ok != (err == nil) || ok && got != want {
			t.Fatalf("ParseOperands(%q) = %+v, %v; want %+v (valid: %v)", s, got, err, want, ok)
		}
	})
}

func referenceOperands(s string) (Operands, bool) {
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 {
		return Operands{}, false
	}
	ip, fp, hasFrac := strings.Cut(body, ".")
	if ip == "" || hasFrac && fp == "" || strings.Trim(ip+fp, "0123456789") != "" {
		return Operands{}, false
	}
	reduce := func(digits string) uint64 {
		n, _ := new(big.Int).SetString("0"+digits, 10)
		lim := big.NewInt(limit)
		if n.Cmp(lim) < 0 {
			return n.Uint64()
		}
		return limit + new(big.Int).Mod(n, lim).Uint64()
	}
	t := strings.TrimRight(fp, "0")
	return Operands{I: reduce(ip), V: len(fp), W: len(t), F: reduce(fp), T: reduce(t)}, true
}

// FuzzLocale checks that any locale string finds rules without panicking, and that
// for a tag x/text reads the same way (language, script and region only) the rules
// agree with x/text's on numbers that tell rule sets apart. Where x/text has no data
// for a tag's script or region it may fall back to the root's rules (ru-Latn, ms-009:
// "other" for every number); plural rules belong to the language, so this package
// keeps the language's, and such tags are not compared; nor are the languages whose
// rules changed since x/text's CLDR (see changed).
func FuzzLocale(f *testing.F) {
	for _, s := range append(append([]string{}, odd...), "en", "pt_BR", "zh-Hant-TW", "x-klingon", "EN-us") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, o := Cardinal(s), Ordinal(s)
		xt, err := language.Parse(s)
		if err != nil || strings.ContainsAny(s, "_") || len(s) > 16 || sameAs[xt.String()] != "" {
			return
		}
		b, sc, r := xt.Raw()
		if xt.String() != strings.Join(nonEmpty(b.String(), sc.String(), r.String()), "-") {
			return // variants, extensions or private use: x/text may read them for regional data
		}
		if id, _ := language.CompactIndex(xt); !strings.HasPrefix(xtextTags[id]+"-", b.String()+"-") {
			return // x/text fell back to another language's data: see above
		}
		if isChanged("cardinal", xt) || isChanged("ordinal", xt) {
			return
		}
		for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 21, 22, 101, 111, 800, 1000000} {
			if got, want := c.Select(OperandsInt(int64(n))), Category(plural.Cardinal.MatchPlural(xt, n, 0, 0, 0, 0)); got != want {
				t.Fatalf("Cardinal(%q).Select(%d) = %v, x/text (%s) says %v", s, n, got, xt, want)
			}
			if got, want := o.Select(OperandsInt(int64(n))), Category(plural.Ordinal.MatchPlural(xt, n, 0, 0, 0, 0)); got != want {
				t.Fatalf("Ordinal(%q).Select(%d) = %v, x/text (%s) says %v", s, n, got, xt, want)
			}
		}
	})
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" && p != "ZZ" && p != "Zzzz" {
			out = append(out, p)
		}
	}
	return out
}
