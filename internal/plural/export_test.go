package plural

import "testing"

// selectChecks selects a category from checks alone, as a runtime in another
// language reads them (the generated TypeScript mirrors it test for test).
func selectChecks(checks []Check, op Operands) Category {
	n, f, v := op.I, op.F, uint64(op.V)
	in := func(c *Check, x uint64) bool { return c.In[x%numN] }
	for i := 0; i < len(checks); i++ {
		c := &checks[i]
		var skip bool
		switch c.Op {
		case 0:
			skip = n >= numN || !in(c, n)
		case 2:
			skip = n < numN && in(c, n)
		case 1:
			skip = !in(c, n)
		case 3:
			skip = in(c, n)
		case 4:
			skip = f != 0 || n >= numN || !in(c, n)
		case 6:
			skip = f == 0 && n < numN && in(c, n)
		case 5:
			skip = f != 0 || !in(c, n)
		case 7:
			skip = f == 0 && in(c, n)
		case 8:
			skip = f >= numN || !in(c, f)
		case 10:
			skip = f < numN && in(c, f)
		case 9:
			skip = !in(c, f)
		case 11:
			skip = in(c, f)
		case 12:
			skip = v < numN && !in(c, v)
		case 14:
			skip = v < numN && in(c, v)
		case 16:
			skip = f != 0
		case 18:
			skip = f == 0
		case 20:
			skip = f != 0 || n == 0 || n%1000000 != 0
		case 28:
			skip = n == 0 || n >= 1000 || n%100 != 0
		case 24:
			skip = (f != 0 || n >= numN || !in(c, n)) && n != 800
		}
		if skip {
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
// do, for every tag x/text knows and the whole grid of numbers.
func TestChecksSelectAsRules(t *testing.T) {
	var ops []Operands
	for _, s := range grid() {
		o, err := ParseOperands(s)
		if err != nil {
			t.Fatal(err)
		}
		ops = append(ops, o)
	}
	for _, tag := range append(append([]string{}, xtextTags...), odd...) {
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
