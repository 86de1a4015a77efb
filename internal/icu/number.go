package icu

import (
	"math"
	"strconv"
	"strings"

	"github.com/errcat/errcat/internal/cldr"
	"github.com/errcat/errcat/internal/plural"
)

// appendNumber appends v less off as loc writes numbers: integers, floats in the
// shortest form that reads back the same, decimals with their fraction digits as
// written, each with loc's symbols, digits and grouping. A value that is not a number
// is written as its text, ignoring off, escaped for JSON when json is set.
func appendNumber(dst []byte, v *Value, off int64, json bool, loc cldr.Locale) []byte {
	if (v.kind == KindDecimal || v.kind == KindString) && off == 0 {
		if cldr.IsDecimal(v.str) {
			return loc.AppendNumber(dst, v.str)
		}
		return appendValue(dst, v, json)
	}
	var buf [32]byte
	b, ok := appendASCII(buf[:0], v, off)
	if !ok {
		return appendValue(dst, v, json)
	}
	return loc.AppendNumberBytes(dst, b)
}

// appendASCII appends v less off in ASCII: integers and floats in decimal (floats in
// the shortest form that reads back the same, without an exponent), decimals as their
// digits with the fraction as written; it reports whether v is a number ("NaN" and
// "+Inf" are).
func appendASCII(dst []byte, v *Value, off int64) ([]byte, bool) {
	switch v.kind {
	case KindInt:
		n := int64(v.num)
		if n >= math.MinInt64+off {
			return strconv.AppendInt(dst, n-off, 10), true
		}
		return strconv.AppendUint(append(dst, '-'), uint64(-(n+1))+1+uint64(off), 10), true
	case KindFloat:
		return strconv.AppendFloat(dst, math.Float64frombits(v.num)-float64(off), 'f', -1, 64), true
	case KindDecimal, KindString:
		if _, err := plural.ParseOperands(v.str); err != nil {
			return dst, false
		}
		if off == 0 {
			return append(dst, v.str...), true
		}
		return appendDecimalLess(dst, v.str, uint64(off)), true
	}
	return dst, false
}

// appendDecimalLess appends the decimal s (as ParseOperands accepts it) less off > 0,
// keeping s's fraction digits.
func appendDecimalLess(dst []byte, s string, off uint64) []byte {
	neg := s[0] == '-'
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
	}
	ip, fp, hasFrac := strings.Cut(s, ".")
	ip = strings.TrimLeft(ip, "0")
	switch {
	case neg: // -(ip.fp + off)
		dst = appendSum(append(dst, '-'), ip, off)
	case !less(ip, off): // ip.fp - off
		dst = appendDifference(dst, ip, off)
	case strings.Trim(fp, "0") == "": // -(off - ip).fp
		i, _ := strconv.ParseUint("0"+ip, 10, 64)
		dst = strconv.AppendUint(append(dst, '-'), off-i, 10)
	default: // -((off - ip - 1) + (1 - 0.fp))
		i, _ := strconv.ParseUint("0"+ip, 10, 64)
		dst = strconv.AppendUint(append(dst, '-'), off-i-1, 10)
		return appendComplement(append(dst, '.'), fp)
	}
	if hasFrac {
		dst = append(append(dst, '.'), fp...)
	}
	return dst
}

// less reports whether the digits a (without leading zeros) are less than b.
func less(a string, b uint64) bool {
	if len(a) > 19 {
		return false
	}
	n, _ := strconv.ParseUint("0"+a, 10, 64)
	return n < b
}

// appendSum appends the digits a plus b, for any number of digits in a.
func appendSum(dst []byte, a string, b uint64) []byte {
	start := len(dst)
	n := max(len(a), 20) + 1
	dst = append(dst, make([]byte, n)...)
	carry := uint64(0)
	for i := 0; i < n; i++ {
		d := b%10 + carry
		b /= 10
		if j := len(a) - 1 - i; j >= 0 {
			d += uint64(a[j] - '0')
		}
		dst[start+n-1-i], carry = byte('0'+d%10), d/10
	}
	return trimZeros(dst, start)
}

// appendDifference appends the digits a less b, where a >= b.
func appendDifference(dst []byte, a string, b uint64) []byte {
	start := len(dst)
	dst = append(dst, a...)
	borrow := uint64(0)
	for i := len(dst) - 1; i >= start && (b > 0 || borrow > 0); i-- {
		sub := b%10 + borrow
		b /= 10
		d := uint64(dst[i] - '0')
		if borrow = 0; d < sub {
			d, borrow = d+10, 1
		}
		dst[i] = byte('0' + d - sub)
	}
	return trimZeros(dst, start)
}

// trimZeros removes leading zeros from dst[start:], keeping at least one digit.
func trimZeros(dst []byte, start int) []byte {
	i := start
	for i < len(dst)-1 && dst[i] == '0' {
		i++
	}
	return append(dst[:start], dst[i:]...)
}

// appendComplement appends the fraction digits of 1 - 0.fp, as many as fp has.
func appendComplement(dst []byte, fp string) []byte {
	last := strings.LastIndexFunc(fp, func(r rune) bool { return r != '0' })
	for i := 0; i < len(fp); i++ {
		switch d := fp[i] - '0'; {
		case i < last:
			dst = append(dst, '9'-d)
		case i == last:
			dst = append(dst, '0'+10-d)
		default:
			dst = append(dst, '0')
		}
	}
	return dst
}

// appendInteger appends v rounded half to even to an integer, as loc writes numbers;
// a value that is not a number is written as its text, escaped for JSON when json is
// set.
func appendInteger(dst []byte, v *Value, json bool, loc cldr.Locale) []byte {
	var buf [32]byte
	switch v.kind {
	case KindInt:
		return loc.AppendNumberBytes(dst, strconv.AppendInt(buf[:0], int64(v.num), 10))
	case KindFloat:
		return loc.AppendNumberBytes(dst, strconv.AppendFloat(buf[:0], math.RoundToEven(math.Float64frombits(v.num))+0, 'f', 0, 64))
	case KindDecimal, KindString:
		if _, err := plural.ParseOperands(v.str); err == nil {
			return loc.AppendNumberBytes(dst, appendRounded(buf[:0], v.str))
		}
	}
	return appendValue(dst, v, json)
}

// appendRounded appends the decimal s rounded half to even to an integer; a result
// of zero has no sign.
func appendRounded(dst []byte, s string) []byte {
	neg := s[0] == '-'
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
	}
	ip, fp, _ := strings.Cut(s, ".")
	ip = strings.TrimLeft(ip, "0")
	up := len(fp) > 0 && (fp[0] > '5' || fp[0] == '5' &&
		(strings.Trim(fp[1:], "0") != "" || len(ip) > 0 && (ip[len(ip)-1]-'0')%2 == 1))
	if neg && (up || ip != "") {
		dst = append(dst, '-')
	}
	if up {
		return appendSum(dst, ip, 1)
	}
	if ip == "" {
		return append(dst, '0')
	}
	return append(dst, ip...)
}
