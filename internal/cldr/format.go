package cldr

import (
	"strconv"
	"strings"
	"time"

	"github.com/errcat/errcat/internal/plural"
)

// AppendNumber appends the decimal s, an optional sign, digits and optionally a
// point and digits ("-1234567.50"), as the locale writes numbers: its minus sign, its
// digits, its grouping of the integer digits, its decimal separator. Leading zeros
// and a plus sign are dropped; the fraction digits are kept as they are, trailing
// zeros included. Any other s ("NaN", "+Inf", "1e3") is appended unchanged.
func (l Locale) AppendNumber(dst []byte, s string) []byte {
	return appendNumber(dst, l.num(), s, false)
}

// AppendNumberBytes is [Locale.AppendNumber] of the decimal in b.
// It does not allocate for a decimal of up to 32 bytes.
func (l Locale) AppendNumberBytes(dst, b []byte) []byte {
	return appendNumber(dst, l.num(), string(b), false)
}

// IsDecimal reports whether s is a decimal as [Locale.AppendNumber] reads it.
func IsDecimal(s string) bool {
	_, _, _, ok := splitDecimal(s)
	return ok
}

// splitDecimal returns the sign, integer digits (without leading zeros, at least one)
// and fraction digits of a decimal, and reports whether s is one.
func splitDecimal(s string) (neg bool, ip, fp string, ok bool) {
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return false, s[:0], s[:0], false
	}
	ip = s[:i]
	if i < len(s) {
		if s[i] != '.' || i+1 == len(s) {
			return false, s[:0], s[:0], false
		}
		fp = s[i+1:]
		for j := 0; j < len(fp); j++ {
			if fp[j] < '0' || fp[j] > '9' {
				return false, s[:0], s[:0], false
			}
		}
	}
	for len(ip) > 1 && ip[0] == '0' {
		ip = ip[1:]
	}
	return neg, ip, fp, true
}

// appendNumber appends s as AppendNumber describes; a minus sign is written when s
// has one or when neg is set.
func appendNumber(dst []byte, n *numberData, s string, neg bool) []byte {
	minus, ip, fp, ok := splitDecimal(s)
	if !ok {
		return append(dst, s...)
	}
	if minus || neg {
		dst = append(dst, n.minus.String()...)
	}
	primary, secondary := len(ip), 0
	if n.primary > 0 && len(ip) >= int(n.primary)+int(n.minGroup) {
		primary, secondary = int(n.primary), int(n.secondary)
	}
	group := n.group.String()
	head := len(ip) - primary // the digits before the primary group
	first := head
	if secondary > 0 && head > 0 {
		if first = head % secondary; first == 0 {
			first = secondary
		}
	}
	dst = appendDigits(dst, n, ip[:first])
	for i := first; i < head; i += secondary {
		dst = appendDigits(append(dst, group...), n, ip[i:i+secondary])
	}
	if head > 0 {
		dst = append(dst, group...)
	}
	dst = appendDigits(dst, n, ip[head:])
	if len(fp) > 0 {
		dst = appendDigits(append(dst, n.decimal.String()...), n, fp)
	}
	return dst
}

// latin is the digits of the latn numbering system.
const latin = "0123456789"

// appendDigits appends the ASCII digits s in the locale's digits, each of which has
// the same length in UTF-8.
func appendDigits(dst []byte, n *numberData, s string) []byte {
	d := n.digits.String()
	if d == latin {
		return append(dst, s...)
	}
	w := len(d) / 10
	for i := 0; i < len(s); i++ {
		k := int(s[i]-'0') * w
		dst = append(dst, d[k:k+w]...)
	}
	return dst
}

// appendInt appends the non-negative v in the locale's digits, at least width of them.
func appendInt(dst []byte, n *numberData, v, width int) []byte {
	var buf [24]byte
	b := strconv.AppendInt(buf[:0], int64(v), 10)
	for i := len(b); i < width; i++ {
		dst = appendDigits(dst, n, "0")
	}
	return appendDigits(dst, n, string(b))
}

// appendPattern appends t as the CLDR date pattern p writes it: letters are fields,
// text in apostrophes is literal, "”" is an apostrophe. A field the package does not
// know is left out (gen.go admits none).
func (l Locale) appendPattern(dst []byte, t time.Time, p string) []byte {
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\'' && i+1 < len(p) && p[i+1] == '\'':
			dst = append(dst, '\'')
			i += 2
		case c == '\'':
			j := strings.IndexByte(p[i+1:], '\'')
			if j < 0 {
				return append(dst, p[i+1:]...)
			}
			dst = append(dst, p[i+1:i+1+j]...)
			i += j + 2
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(p) && p[j] == c {
				j++
			}
			dst = l.appendField(dst, t, c, j-i)
			i = j
		default:
			dst = append(dst, c)
			i++
		}
	}
	return dst
}

// appendField appends the field of letter c repeated n times.
func (l Locale) appendField(dst []byte, t time.Time, c byte, n int) []byte {
	d, num := l.date(), l.num()
	year, month, day := t.Date()
	hour, min, sec := t.Clock()
	era := 1
	if year <= 0 {
		era, year = 0, 1-year
	}
	switch c {
	case 'G':
		return append(dst, d.eras[era].String()...)
	case 'y':
		if n == 2 {
			return appendInt(dst, num, year%100, 2)
		}
		return appendInt(dst, num, year, n)
	case 'M':
		switch n {
		case 1, 2:
			return appendInt(dst, num, int(month), n)
		case 3:
			return append(dst, monthTable[d.months][month-1].String()...)
		}
		return append(dst, monthTable[d.months][12+month-1].String()...)
	case 'd':
		return appendInt(dst, num, day, n)
	case 'E':
		if n == 4 {
			return append(dst, dayTable[d.days][7+t.Weekday()].String()...)
		}
		return append(dst, dayTable[d.days][t.Weekday()].String()...)
	case 'c':
		return append(dst, dayTable[d.days][14+t.Weekday()].String()...)
	case 'B':
		if d.periods > 0 {
			return append(dst, periodTable[d.periods-1][hour].String()...)
		}
		fallthrough
	case 'a':
		return append(dst, d.ampm[hour/12].String()...)
	case 'h':
		if hour%12 == 0 {
			return appendInt(dst, num, 12, n)
		}
		return appendInt(dst, num, hour%12, n)
	case 'H':
		return appendInt(dst, num, hour, n)
	case 'm':
		return appendInt(dst, num, min, n)
	case 's':
		return appendInt(dst, num, sec, n)
	case 'z':
		_, off := t.Zone()
		return l.appendZone(dst, off, n == 4)
	}
	return dst
}

// appendZone appends the UTC offset off (seconds) in the locale's GMT format, long
// ("GMT+01:00") or short ("GMT+1", "GMT+5:30").
func (l Locale) appendZone(dst []byte, off int, long bool) []byte {
	z := &l.date().zone
	if off/60 == 0 {
		return append(dst, z[1].String()...)
	}
	pre, suf := z[2], z[3]
	if off < 0 {
		pre, suf, off = z[4], z[5], -off
	}
	gmt := z[0].String()
	at := strings.Index(gmt, "{0}")
	dst = append(append(dst, gmt[:at]...), pre.String()...)
	h, m := off/3600, off/60%60
	width := 1
	if long && l.date().padHour {
		width = 2
	}
	dst = appendInt(dst, l.num(), h, width)
	if long || m != 0 {
		dst = appendInt(append(dst, z[6].String()...), l.num(), m, 2)
	}
	return append(append(dst, suf.String()...), gmt[at+3:]...)
}

// The duration units, as unitData.patterns orders them.
const (
	day = iota
	hour
	minute
	second
	millisecond
	microsecond
	nanosecond
)

// AppendDuration appends d in words, as the locale writes amounts of time: the days
// (of 24 hours), hours, minutes and seconds it holds, those that are zero left out,
// in the locale's unit patterns for the plural category rules select (the "other"
// pattern when the locale has none for it), joined by the locale's narrow unit list
// pattern ("1 day 2 hours 5.5 seconds"); a duration under a second is written in the
// largest unit that keeps a whole number in front ("250 milliseconds", "1.5
// microseconds"); zero is "0 seconds". A negative duration has the minus sign on its
// first number (and that number the "other" pattern where its category's pattern
// writes no number, as Arabic's "one" does). The plural rules are those of the
// locale l holds data for ([Locale.Name]).
func (l Locale) AppendDuration(dst []byte, d time.Duration) []byte {
	rules := plural.Cardinal(l.Name())
	u := uint64(d)
	if d < 0 {
		u = -u
	}
	var amounts [4]amount
	n := 0
	switch {
	case u == 0:
		amounts[0], n = amount{unit: second}, 1
	case u < uint64(time.Microsecond):
		amounts[0], n = amount{unit: nanosecond, whole: u}, 1
	case u < uint64(time.Millisecond):
		amounts[0], n = amountOf(microsecond, u, uint64(time.Microsecond)), 1
	case u < uint64(time.Second):
		amounts[0], n = amountOf(millisecond, u, uint64(time.Millisecond)), 1
	default:
		for _, p := range [...]struct {
			unit int
			size uint64
		}{{day, 24 * uint64(time.Hour)}, {hour, uint64(time.Hour)}, {minute, uint64(time.Minute)}} {
			if w := u / p.size; w > 0 {
				amounts[n], n = amount{unit: p.unit, whole: w}, n+1
				u -= w * p.size
			}
		}
		if u > 0 {
			amounts[n], n = amountOf(second, u, uint64(time.Second)), n+1
		}
	}
	list := &l.unit().list
	for i := 0; i < n; i++ {
		switch {
		case n == 1:
		case n == 2 && i == 0:
			dst = appendBefore(dst, list[0].String(), "{0}")
		case i == 0:
			dst = appendBefore(dst, list[1].String(), "{0}")
		case i < n-2:
			dst = appendBefore(dst, list[2].String(), "{0}")
		case i == n-2:
			dst = appendBefore(dst, list[3].String(), "{0}")
		}
		dst = l.appendAmount(dst, &amounts[i], rules, i == 0 && d < 0)
		switch {
		case n == 1:
		case n == 2 && i == 0:
			dst = appendBetween(dst, list[0].String())
		case i == 0:
			dst = appendBetween(dst, list[1].String())
		case i < n-2:
			dst = appendBetween(dst, list[2].String())
		case i == n-2:
			dst = appendBetween(dst, list[3].String())
		}
	}
	// The text after {1} of each pattern, innermost first.
	switch {
	case n == 2:
		dst = appendAfter(dst, list[0].String(), "{1}")
	case n > 2:
		dst = appendAfter(dst, list[3].String(), "{1}")
		for i := n - 3; i > 0; i-- {
			dst = appendAfter(dst, list[2].String(), "{1}")
		}
		dst = appendAfter(dst, list[1].String(), "{1}")
	}
	return dst
}

// amount is a number of one unit: whole, then frac's digits after the point.
type amount struct {
	unit  int
	whole uint64
	frac  uint64 // the fraction's digits without trailing zeros, as an integer
	nfrac int    // how many digits frac has, leading zeros included
}

// amountOf returns v/size in unit, size a power of ten, with the fraction exact.
func amountOf(unit int, v, size uint64) amount {
	a := amount{unit: unit, whole: v / size, frac: v % size}
	if a.frac == 0 {
		return a
	}
	for s := size; s > 1; s /= 10 {
		a.nfrac++
	}
	for a.frac%10 == 0 {
		a.frac /= 10
		a.nfrac--
	}
	return a
}

// appendAmount appends a in the unit pattern of its plural category.
func (l Locale) appendAmount(dst []byte, a *amount, rules plural.Rules, neg bool) []byte {
	var buf [48]byte
	b := strconv.AppendUint(buf[:0], a.whole, 10)
	op := plural.OperandsUint(a.whole)
	if a.nfrac > 0 {
		b = append(b, '.')
		at := len(b)
		b = strconv.AppendUint(b, a.frac, 10)
		for len(b)-at < a.nfrac {
			b = append(b[:at+1], b[at:]...)
			b[at] = '0'
		}
		op.V, op.W, op.F, op.T = a.nfrac, a.nfrac, a.frac, a.frac
	}
	p := l.unit().pattern(a.unit, rules.Select(op))
	before, after, ok := strings.Cut(p, "{0}")
	if !ok && neg {
		before, after, ok = strings.Cut(l.unit().pattern(a.unit, plural.Other), "{0}")
	}
	dst = append(dst, before...)
	if ok {
		dst = appendNumber(dst, l.num(), string(b), neg)
	}
	return append(dst, after...)
}

// appendBefore appends the text of pattern p before the placeholder ph.
func appendBefore(dst []byte, p, ph string) []byte {
	before, _, _ := strings.Cut(p, ph)
	return append(dst, before...)
}

// appendBetween appends the text of a list pattern between {0} and {1}.
func appendBetween(dst []byte, p string) []byte {
	_, rest, _ := strings.Cut(p, "{0}")
	between, _, _ := strings.Cut(rest, "{1}")
	return append(dst, between...)
}

// appendAfter appends the text of pattern p after the placeholder ph.
func appendAfter(dst []byte, p, ph string) []byte {
	_, after, _ := strings.Cut(p, ph)
	return append(dst, after...)
}
