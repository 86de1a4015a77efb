package plural

// A rule set is a list of relations, each of one operand of the number, taken
// modulo a divisor or not, against a list of ranges. The relations joined by andNext
// must all hold, and the first group that holds gives the category; a number no
// group takes is Other.

// table is the compiled rules of one kind (cardinal or ordinal); see gen.go.
type table struct {
	rels    []relation
	index   []uint16
	bounds  []uint32
	two     [26 * 26]uint8
	three   string
	sets    string
	regions []regional
}

// regional is a tag whose rule set differs from its language's (pt-PT from pt).
type regional struct {
	tag string
	set uint8
}

// relation is "operand % mod = ranges" (mod 0: the operand itself), or "!=" when not
// is set. The ranges are bounds[lo:hi], pairs of inclusive bounds. cat is the category
// the relation gives when it holds, or andNext when the next relation must hold too.
type relation struct {
	operand byte // 'n', 'i', 'f', 't', 'v' or 'w', as CLDR names them
	cat     Category
	not     bool
	mod     uint32
	lo, hi  uint16
}

// andNext is the cat of a relation that the next one joins.
const andNext Category = 7

// relations returns the relations of rule set s.
func (t *table) relations(s uint8) []relation {
	return t.rels[t.index[s]:t.index[s+1]]
}

// match returns the category rule set s gives the number op describes.
func (t *table) match(s uint8, op *Operands) Category {
	rels := t.relations(s)
	for i := 0; i < len(rels); i++ {
		r := &rels[i]
		if !r.holds(t.bounds, op) {
			for i < len(rels) && rels[i].cat == andNext {
				i++
			}
			continue
		}
		if r.cat != andNext {
			return r.cat
		}
	}
	return Other
}

// holds reports whether the relation holds for op. The operand n is the number
// itself: a number with a non-zero fraction digit is in no range of integers.
func (r *relation) holds(bounds []uint32, op *Operands) bool {
	var x uint64
	switch r.operand {
	case 'n':
		if op.F != 0 {
			return r.not
		}
		x = op.I
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
	if r.mod != 0 {
		x %= uint64(r.mod)
	}
	b := bounds[r.lo:r.hi]
	for k := 0; k+1 < len(b); k += 2 {
		if uint64(b[k]) <= x && x <= uint64(b[k+1]) {
			return !r.not
		}
	}
	return r.not
}
