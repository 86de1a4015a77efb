//go:generate go run gen.go -cldr=$ERRCAT_CLDR

// Package plural selects the CLDR plural category of a number in a locale: which of
// a message's forms ("1 file", "2 files"; Polish "2 pliki", "5 plików") a number takes.
//
// The rules are those of CLDR 48.2.0 (see [CLDRVersion]) for every locale CLDR covers,
// cardinal ("3 days") and ordinal ("3rd day"), the same CLDR as package cldr's number
// and date formats: French, Spanish, Italian, Portuguese and Catalan select "many" for
// exact millions ("1000000 de fichiers"). gen.go compiles them into tables from the
// CLDR JSON package cldr-core, with its language aliases (iw is he) and the parent
// locales of plural rules (none in CLDR 48: pt-AO has pt's rules, as in ICU), and the
// tests check them against every sample number CLDR gives. JavaScript's Intl.PluralRules selects as this package does where its ICU
// carries the same CLDR (ICU 78, as in Node.js 20.20). The compact-exponent operands c
// and e are taken as 0: numbers are never written as "1.2c6". The package uses the
// standard library only. Selecting a category does not allocate, but for the table
// of the categories of small integers each rule set builds on its first use (128
// bytes).
package plural

import (
	"strconv"
	"sync/atomic"
)

// Category is a CLDR plural category. The zero Category is Other, the category every
// locale has and the one a message must always provide.
type Category uint8

// The plural categories, in the order of golang.org/x/text/feature/plural. Which of
// them a locale uses, and for which numbers, is up to its rules: English "one" is 1
// only, Russian "one" is 1, 21, 31….
const (
	Other Category = iota
	Zero
	One
	Two
	Few
	Many
)

var categoryNames = [...]string{"other", "zero", "one", "two", "few", "many"}

// String returns the category's CLDR keyword ("one"), as ICU MessageFormat writes it.
func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return "category(" + strconv.Itoa(int(c)) + ")"
}

// ParseCategory returns the category named by a CLDR keyword ("zero", "one", "two",
// "few", "many", "other"), and reports whether s is one.
func ParseCategory(s string) (Category, bool) {
	for i, n := range categoryNames {
		if s == n {
			return Category(i), true
		}
	}
	return Other, false
}

// Set is a set of categories, such as those a locale's rules can select.
type Set uint8

// Has reports whether c is in s.
func (s Set) Has(c Category) bool { return s&(1<<c) != 0 }

// Add returns s with c added.
func (s Set) Add(c Category) Set { return s | 1<<c }

// String lists the categories of s by keyword in CLDR's order ("zero one two few many
// other"), separated by spaces.
func (s Set) String() string {
	var b []byte
	for _, c := range [...]Category{Zero, One, Two, Few, Many, Other} {
		if s.Has(c) {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, c.String()...)
		}
	}
	return string(b)
}

// Rules are the plural rules of one locale and one kind (cardinal or ordinal). The
// zero Rules select Other for every number, as CLDR's root locale does. Rules are
// small values, safe for concurrent use.
type Rules struct {
	t   *table
	set uint8
}

// Cardinal returns the rules of locale for quantities ("1 day", "2 days"). locale is a
// BCP 47 tag ("pt-BR", "zh-Hant-TW"; "_" is accepted for "-"), matched without regard
// to case; a tag without rules of its own falls back to its language (pt-BR to pt), and
// an unknown or malformed tag gets the root rules, which always select Other.
func Cardinal(locale string) Rules { return cardinal.lookup(locale) }

// Ordinal returns the rules of locale for positions ("1st", "2nd"), found as by
// [Cardinal].
func Ordinal(locale string) Rules { return ordinal.lookup(locale) }

// Categories returns the categories r can select; Other is always among them.
func (r Rules) Categories() Set {
	s := Set(0).Add(Other)
	if r.t == nil {
		return s
	}
	for _, rel := range r.t.relations(r.set) {
		if rel.cat != andNext {
			s = s.Add(rel.cat)
		}
	}
	return s
}

// Select returns the category of the number op describes. The categories of the
// integers below 128 come from a table each rule set builds the first time it is
// used.
func (r Rules) Select(op Operands) Category {
	if r.t == nil {
		return Other
	}
	if op.V == 0 && op.I < smallN {
		return r.t.smallInts(r.set)[op.I]
	}
	return r.t.match(r.set, &op)
}

// smallN is how many integers, from 0, the categories of each rule set are kept for.
const smallN = 128

// small holds, by table (cardinal, ordinal) and rule set, the categories of the
// integers below smallN, built by smallInts. It is kept outside the tables so that
// selecting writes nothing through a Rules, and rendering code that holds Rules
// beside its arguments keeps them on its stack.
var small [2][256]atomic.Pointer[[smallN]Category]

// smallInts returns the categories rule set s gives the integers below smallN.
func (t *table) smallInts(s uint8) *[smallN]Category {
	k := 0
	if t == &ordinal {
		k = 1
	}
	if p := small[k][s].Load(); p != nil {
		return p
	}
	p := new([smallN]Category)
	for n := range p {
		op := Operands{I: uint64(n)}
		p[n] = t.match(s, &op)
	}
	small[k][s].Store(p) // goroutines racing here store equal tables
	return p
}
