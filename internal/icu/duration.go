package icu

import (
	"strconv"
	"time"
)

// AppendDuration appends d as errcat writes durations everywhere: hours, minutes and
// seconds with the units that are zero left out ("72h", "1h30m", "1m30.5s"), and below
// a second the largest unit that keeps a whole number in front ("250ms", "1.5µs",
// "40ns"); zero is "0s", and a negative duration starts with '-'. [time.ParseDuration]
// reads it back. It allocates nothing beyond growing dst.
func AppendDuration(dst []byte, d time.Duration) []byte {
	if d == 0 {
		return append(dst, "0s"...)
	}
	u := uint64(d) // the magnitude, without overflow for math.MinInt64
	if d < 0 {
		dst = append(dst, '-')
		u = -u
	}
	switch {
	case u < uint64(time.Microsecond):
		return append(strconv.AppendUint(dst, u, 10), "ns"...)
	case u < uint64(time.Millisecond):
		return append(appendFraction(dst, u, uint64(time.Microsecond)), "µs"...)
	case u < uint64(time.Second):
		return append(appendFraction(dst, u, uint64(time.Millisecond)), "ms"...)
	}
	if h := u / uint64(time.Hour); h > 0 {
		dst = append(strconv.AppendUint(dst, h, 10), 'h')
		u -= h * uint64(time.Hour)
	}
	if m := u / uint64(time.Minute); m > 0 {
		dst = append(strconv.AppendUint(dst, m, 10), 'm')
		u -= m * uint64(time.Minute)
	}
	if u > 0 {
		dst = append(appendFraction(dst, u, uint64(time.Second)), 's')
	}
	return dst
}

// appendFraction appends v/unit in decimal, with the fraction's trailing zeros left
// out; unit is a power of ten.
func appendFraction(dst []byte, v, unit uint64) []byte {
	dst = strconv.AppendUint(dst, v/unit, 10)
	frac := v % unit
	if frac == 0 {
		return dst
	}
	dst = append(dst, '.')
	for unit /= 10; frac > 0; unit /= 10 {
		dst = append(dst, byte('0'+frac/unit))
		frac %= unit
	}
	return dst
}
