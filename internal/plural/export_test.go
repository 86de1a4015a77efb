package plural

import (
	"strings"
	"testing"
)

// selectChecks selects a category from checks alone, as a runtime in another
// language reads them (the generated TypeScript mirrors it step for step).
func selectChecks(checks []Check, op Operands) Category {
	for i := 0; i < len(checks); i++ {
		c := &checks[i]
		var x uint64
		integer := true
		switch c.Operand {
		case 'n':
			x, integer = op.I, op.F == 0
		case 'i':
			x = op.I
		case 'f':
			x = op.F
		case 't':
			x = op.T
		case 'v':
			x = uint64(op.V)
		case 'w':
			x = uint64(op.W)
		}
		if c.Mod != 0 {
			x %= c.Mod
		}
		in := false
		for _, r := range c.Ranges {
			in = in || integer && r[0] <= x && x <= r[1]
		}
		if in == c.Not {
			for i < len(checks) && checks[i].AndNext {
				i++
			}
			continue
		}
		if !c.AndNext {
			return c.Category
		}
	}
	return Other
}

// TestChecksSelectAsRules holds that the checks Rules export select what the rules
// do, for every tag x/text knows, every locale CLDR has rules for, and the whole grid
// of numbers.
func TestChecksSelectAsRules(t *testing.T) {
	var ops []Operands
	for _, s := range grid() {
		o, err := ParseOperands(s)
		if err != nil {
			t.Fatal(err)
		}
		ops = append(ops, o)
	}
	tags := append(append([]string{}, xtextTags...), odd...)
	for _, s := range append(append([]sample{}, cardinalSamples...), ordinalSamples...) {
		tags = append(tags, strings.Fields(s.locales)...)
	}
	for _, tag := range tags {
		for _, r := range []Rules{Cardinal(tag), Ordinal(tag)} {
			checks := r.Checks()
			for _, o := range ops {
				if got, want := selectChecks(checks, o), r.Select(o); got != want {
					t.Fatalf("%s: checks select %v for %+v, rules %v", tag, got, o, want)
				}
			}
		}
	}
	if (Rules{}).Checks() != nil {
		t.Error("the zero Rules have checks")
	}
}
