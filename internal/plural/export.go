package plural

// A Check is one test of a rule set, for code that selects categories elsewhere (a
// generated JavaScript runtime) with the very tables this package uses. A rule set
// is a list of checks tried in order: a check passes when its operand, after its
// operation, lies in In, the numbers below 100 it lists; a passing check gives its
// Category unless AndNext joins it to the next, which must pass too. A failing
// check skips the checks joined to it. No passing group gives Other.
//
// Op is the operation as Rules.Select reads it: bit 0 takes the operand modulo 100,
// bit 1 negates the test, and bits 2 to 4 name the operand: 0 the integer digits i,
// 1 the number n (which must then be an integer), 2 the fraction digits f, 3 their
// count v, 4 whether the fraction has a non-zero digit (w != 0 when negated, with In
// unused), 5 Breton's "n != 0 and n % 1000000 = 0", 6 Italian's "n is in In or is
// 800", 7 Azerbaijani's "i is 100, 200, … 900". An operand of 100 or more, not taken
// modulo 100, is in no set, except that a v of 100 or more passes every test of v.
type Check struct {
	Op       uint8
	Category Category
	AndNext  bool
	In       [numN]bool
}

// Checks returns r's rule set as checks; the zero Rules have none.
func (r Rules) Checks() []Check {
	if r.t == nil {
		return nil
	}
	checks := r.t.checks(r.set)
	out := make([]Check, 0, len(checks)/2)
	for i := 0; i+1 < len(checks); i += 2 {
		c := Check{Op: checks[i] >> opShift}
		if f := checks[i] & formMask; f == andNext {
			c.AndNext = true
		} else {
			c.Category = Category(f)
		}
		bit := uint64(1) << checks[i+1]
		for n := range c.In {
			c.In[n] = r.t.masks[n]&bit != 0
		}
		out = append(out, c)
	}
	return out
}
