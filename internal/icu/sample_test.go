package icu

import (
	"slices"
	"strconv"
	"testing"

	"github.com/errcat/errcat/internal/plural"
)

// TestSamplesSelectTheirCategory: every sample of a category selects that category
// (less the choice's offset), none is a value an exact arm takes, 0 comes last, and
// each category the rules use has samples.
func TestSamplesSelectTheirCategory(t *testing.T) {
	for _, src := range []string{
		"{n, plural, other {#}}",
		"{n, plural, =0 {none} =1 {one} other {#}}",
		"{n, plural, offset:1 =0 {none} =1 {one} other {#}}",
		"{n, selectordinal, other {#}}",
	} {
		m, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		c := m.Choices()[0]
		for _, loc := range []string{"", "en", "fr", "pl", "ru", "uk", "cs", "lt", "ar", "cy", "ga", "he", "ja", "sl", "gd", "br", "it", "mt"} {
			rules := plural.Cardinal(loc)
			if c.Type == ChoiceSelectOrdinal {
				rules = plural.Ordinal(loc)
			}
			for cat := plural.Other; cat <= plural.Many; cat++ {
				samples := c.Samples(loc, cat)
				if rules.Categories().Has(cat) && len(samples) == 0 && c.Offset == 0 && len(c.Arms) == 1 {
					t.Errorf("%s in %q: %s has no samples", src, loc, cat)
				}
				for i, s := range samples {
					if c.takenExactly(s) {
						t.Errorf("%s in %q: sample %s of %s is an exact arm's", src, loc, s, cat)
					}
					less := s
					if n, err := strconv.ParseInt(s, 10, 64); err == nil {
						less = strconv.FormatInt(n-c.Offset, 10)
					}
					op, err := plural.ParseOperands(less)
					if err != nil || rules.Select(op) != cat {
						t.Errorf("%s in %q: sample %s of %s selects %s", src, loc, s, cat, rules.Select(op))
					}
					if op.I == 0 && op.V == 0 && i != len(samples)-1 {
						t.Errorf("%s in %q: 0 is not the last sample of %s: %v", src, loc, cat, samples)
					}
				}
			}
		}
	}
	m, _ := Parse("{n, plural, =0 {none} other {#}}")
	if got := m.Choices()[0].Samples("en", plural.Other); len(got) == 0 || got[0] != "2" || slices.Contains(got, "0") {
		t.Errorf("English other, =0 taken: %v, want 2 first and no 0", got)
	}
	if got := m.Choices()[0].Samples("ar", plural.Zero); got != nil {
		t.Errorf("Arabic zero, =0 taken: %v, want none", got)
	}
	m, _ = Parse("{s, select, a {x} other {y}}")
	if got := m.Choices()[0].Samples("en", plural.Other); got != nil {
		t.Errorf("a select's samples: %v", got)
	}
}
