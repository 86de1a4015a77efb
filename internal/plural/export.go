package plural

// A Check is one relation of a rule set, for code that selects categories elsewhere
// (a generated JavaScript runtime) with the very tables this package uses. A rule set
// is a list of checks tried in order: a check passes when its operand, taken modulo
// Mod unless Mod is 0, lies in one of Ranges (inclusive bounds), or, with Not, in none
// of them. A passing check gives its Category unless AndNext joins it to the next,
// which must pass too; a failing check skips the checks joined to it. No passing group
// gives Other.
//
// Operand is CLDR's name of the operand, as [Operands] describes them: 'n' (the number
// itself; a number with a non-zero fraction digit is in no range), 'i', 'f', 't', 'v'
// or 'w'. Operands are kept as Operands keeps them past 10^18; every Mod divides 10^18
// and every bound is below it.
type Check struct {
	Operand  byte
	Mod      uint64
	Not      bool
	Ranges   [][2]uint64
	Category Category
	AndNext  bool
}

// Checks returns r's rule set as checks; the zero Rules have none.
func (r Rules) Checks() []Check {
	if r.t == nil {
		return nil
	}
	rels := r.t.relations(r.set)
	out := make([]Check, 0, len(rels))
	for _, rel := range rels {
		c := Check{Operand: rel.operand, Mod: uint64(rel.mod), Not: rel.not}
		if rel.cat == andNext {
			c.AndNext = true
		} else {
			c.Category = rel.cat
		}
		b := r.t.bounds[rel.lo:rel.hi]
		for k := 0; k+1 < len(b); k += 2 {
			c.Ranges = append(c.Ranges, [2]uint64{uint64(b[k]), uint64(b[k+1])})
		}
		out = append(out, c)
	}
	return out
}
