// Copyright 2016 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file of golang.org/x/text,
// reproduced in tables.go.

package plural

// The matching below is golang.org/x/text/feature/plural's, over this package's
// operands: a rule set is a list of checks of one operand against a set of numbers
// below 100; the checks joined by andNext must all pass, and the first passing group
// gives the category.

// table is the compiled rules of one kind (cardinal or ordinal); see gen.go.
type table struct {
	rules   string
	index   string
	masks   [100]uint64
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

type opID byte

const (
	opMod           opID = 0x1    // the operand is taken modulo 100 ("i % 10 = 1")
	opNotEqual      opID = 0x2    // the check is "!=" ("i != 1")
	opI             opID = 0 << 2 // integer digits
	opN             opID = 1 << 2 // the number itself, which must then be an integer
	opF             opID = 2 << 2 // fraction digits
	opV             opID = 3 << 2 // number of visible fraction digits
	opW             opID = 4 << 2 // "w = 0": whether the fraction has a non-zero digit
	opBretonM       opID = 5 << 2 // n != 0 and n % 1000000 = 0
	opItalian800    opID = 6 << 2 // n = 11, 8, 80, 800
	opAzerbaijan00s opID = 7 << 2 // i = 100, 200, …, 900

	andNext  = 0x7 // the category bits of a check that the next check must join
	formMask = 0x7
	opShift  = 3
	numN     = 100 // numbers from numN up are in no set, except through opMod
)

// checks returns the checks of rule set s, two bytes each.
func (t *table) checks(s uint8) string {
	return t.rules[2*int(t.index[s]) : 2*int(t.index[s+1])]
}

// match returns the category rule set s gives the number with integer digits n,
// fraction digits f and v visible fraction digits.
func (t *table) match(s uint8, n, f, v uint64) Category {
	nMask := t.masks[n%numN]
	vMask := t.masks[v%numN]
	checks := t.checks(s)
	for i := 0; i+1 < len(checks); i += 2 {
		cat, setBit := checks[i], uint64(1)<<checks[i+1]
		var skip bool
		switch opID(cat >> opShift) {
		case opI:
			skip = n >= numN || nMask&setBit == 0
		case opI | opNotEqual:
			skip = n < numN && nMask&setBit != 0
		case opI | opMod:
			skip = nMask&setBit == 0
		case opI | opMod | opNotEqual:
			skip = nMask&setBit != 0
		case opN:
			skip = f != 0 || n >= numN || nMask&setBit == 0
		case opN | opNotEqual:
			skip = f == 0 && n < numN && nMask&setBit != 0
		case opN | opMod:
			skip = f != 0 || nMask&setBit == 0
		case opN | opMod | opNotEqual:
			skip = f == 0 && nMask&setBit != 0
		case opF:
			skip = f >= numN || t.masks[f%numN]&setBit == 0
		case opF | opNotEqual:
			skip = f < numN && t.masks[f%numN]&setBit != 0
		case opF | opMod:
			skip = t.masks[f%numN]&setBit == 0
		case opF | opMod | opNotEqual:
			skip = t.masks[f%numN]&setBit != 0
		case opV:
			skip = v < numN && vMask&setBit == 0
		case opV | opNotEqual:
			skip = v < numN && vMask&setBit != 0
		case opW:
			skip = f != 0
		case opW | opNotEqual:
			skip = f == 0
		case opBretonM:
			skip = f != 0 || n == 0 || n%1000000 != 0
		case opAzerbaijan00s:
			skip = n == 0 || n >= 1000 || n%100 != 0
		case opItalian800:
			skip = (f != 0 || n >= numN || nMask&setBit == 0) && n != 800
		}
		if skip {
			for ; i+1 < len(checks) && checks[i]&formMask == andNext; i += 2 {
			}
			continue
		}
		if c := checks[i] & formMask; c != andNext {
			return Category(c)
		}
	}
	return Other
}
