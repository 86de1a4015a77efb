package plural

import "errors"

// Operands are the CLDR plural operands of a decimal number (UTS #35, "Plural
// Operand Meanings"), from which rules select a category. For 1.50: I = 1, V = 2,
// W = 1, F = 50, T = 5. The operand n (the absolute value) is I and F together.
//
// I, F and T are exact below 10^18; a larger value is kept as 10^18 + value mod 10^18,
// which keeps what any CLDR rule asks of it: it is not zero, not a small number, and
// the same modulo every power of ten up to 10^18. The compact-exponent operands c and
// e are not represented: the rules shipped never use them.
type Operands struct {
	I uint64 // integer digits of n
	V int    // number of visible fraction digits, trailing zeros included
	W int    // number of visible fraction digits without trailing zeros
	F uint64 // visible fraction digits, trailing zeros included, as an integer
	T uint64 // visible fraction digits without trailing zeros, as an integer
}

// ErrSyntax reports that ParseOperands was given something other than a decimal.
var ErrSyntax = errors.New("plural: not a decimal number: write digits with an optional sign and fraction, as -12.50")

// limit is where operands stop being exact; see Operands.
const limit = 1_000_000_000_000_000_000

// push returns x with the decimal digit d appended, kept below 2·limit as Operands
// describes.
func push(x uint64, d byte) uint64 {
	big := x >= limit
	if big {
		x -= limit
	}
	x = x*10 + uint64(d)
	if big || x >= limit {
		x = limit + x%limit
	}
	return x
}

// OperandsInt returns the operands of the integer n.
func OperandsInt(n int64) Operands {
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	return OperandsUint(u)
}

// OperandsUint returns the operands of the integer n.
func OperandsUint(n uint64) Operands {
	if n >= limit {
		n = limit + n%limit
	}
	return Operands{I: n}
}

// ParseOperands returns the operands of the decimal s: an optional sign, one or more
// digits, then optionally a point and one or more digits ("-1", "1.50", "0.001").
// Trailing fraction zeros count: "1.0" has V = 1 and is "other" in English where "1"
// is "one". Any other input (exponents, grouping separators, spaces) returns
// ErrSyntax. ParseOperands does not allocate.
func ParseOperands(s string) (Operands, error) {
	var op Operands
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		op.I = push(op.I, s[i]-'0')
	}
	if i == 0 {
		return Operands{}, ErrSyntax
	}
	if i == len(s) {
		return op, nil
	}
	if s[i] != '.' || i+1 == len(s) {
		return Operands{}, ErrSyntax
	}
	zeros := 0 // trailing zeros not yet in T
	for i++; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return Operands{}, ErrSyntax
		}
		op.V++
		op.F = push(op.F, d)
		if d == 0 {
			zeros++
			continue
		}
		for ; zeros > 0; zeros-- {
			op.T = push(op.T, 0)
		}
		op.T = push(op.T, d)
		op.W = op.V
	}
	return op, nil
}
