package icu

import (
	"strconv"

	"github.com/errcat/errcat/internal/plural"
)

// Samples returns the values, as text, that show category cat of c, a plural or
// selectordinal, in the rules of locale, in the order tools should prefer them:
// CLDR's samples of cat ([plural.Rules.Samples]) with c's offset added, less those
// an exact arm of c (=N) takes, and 0 last, since "0 files" reads as a case of its
// own. Decimals are left out when c has an offset. It returns nil for a select, and
// for a category locale's rules never choose.
func (c *Choice) Samples(locale string, cat plural.Category) []string {
	var rules plural.Rules
	switch c.Type {
	case ChoicePlural:
		rules = plural.Cardinal(locale)
	case ChoiceSelectOrdinal:
		rules = plural.Ordinal(locale)
	default:
		return nil
	}
	var out []string
	zero := ""
	for _, s := range rules.Samples(cat) {
		op, err := plural.ParseOperands(s)
		if err != nil {
			continue
		}
		if op.V == 0 {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || n > 1<<53-c.Offset {
				continue
			}
			s = strconv.FormatInt(n+c.Offset, 10)
		} else if c.Offset != 0 {
			continue
		}
		if c.takenExactly(s) {
			continue
		}
		if op.I == 0 && op.V == 0 {
			zero = s
			continue
		}
		out = append(out, s)
	}
	if zero != "" {
		out = append(out, zero)
	}
	return out
}

// takenExactly reports whether an exact arm of c takes the number text.
func (c *Choice) takenExactly(text string) bool {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return false
	}
	for _, a := range c.Arms {
		if a.Exact && float64(a.Value) == f {
			return true
		}
	}
	return false
}
