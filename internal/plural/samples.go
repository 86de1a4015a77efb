package plural

import "strings"

// Samples returns numbers CLDR gives as samples of category c in r's rules, for
// showing each form of a message: the integers first, then the decimals (written with
// their fraction digits, "1.0", which count: see [ParseOperands]), each a decimal
// ParseOperands reads and r selects c for. Ranges in CLDR's list ("2~16") are expanded,
// and its samples in compact notation ("1c6") left out. It returns nil when r never
// selects c. The zero Rules have the root's samples of Other. The sample tables are
// linked into a program only when it calls Samples.
func (r Rules) Samples(c Category) []string {
	if int(c) >= len(categoryNames) {
		return nil
	}
	var lists [2]string
	switch r.t {
	case nil:
		lists = cardinalSampleNumbers[0][c]
	case &ordinal:
		lists = ordinalSampleNumbers[r.set][c]
	default:
		lists = cardinalSampleNumbers[r.set][c]
	}
	var out []string
	for _, list := range lists {
		for _, item := range strings.Fields(list) {
			out = expandSample(out, item)
		}
	}
	return out
}

// expandSample appends the numbers of one sample item to out: a number, or a range
// "a~b" of numbers with the same count of fraction digits, stepped by the last one.
func expandSample(out []string, item string) []string {
	from, to, ok := strings.Cut(item, "~")
	if !ok {
		return append(out, item)
	}
	_, frac, _ := strings.Cut(from, ".")
	a, b := digitsValue(from), digitsValue(to)
	for n := a; n <= b; n++ {
		s := uitoa(n)
		if len(frac) > 0 {
			for len(s) <= len(frac) {
				s = "0" + s
			}
			s = s[:len(s)-len(frac)] + "." + s[len(s)-len(frac):]
		}
		out = append(out, s)
	}
	return out
}

// digitsValue returns the value of the digits of s, its point ignored.
func digitsValue(s string) uint64 {
	var n uint64
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n = n*10 + uint64(s[i]-'0')
		}
	}
	return n
}

func uitoa(n uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			break
		}
	}
	return string(b[i:])
}
