// Package jsontext writes JSON strings as encoding/json does, including its escaping
// of <, > and & and of U+2028 and U+2029, without reflection or allocation. The
// runtime escapes message templates with it and httperr writes bodies with it, so
// that both escape alike. It uses the standard library only.
package jsontext

import "unicode/utf8"

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string, quotes included.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = AppendEscaped(dst, s)
	return append(dst, '"')
}

// AppendEscaped appends s escaped as the contents of a JSON string, without quotes.
// Invalid UTF-8 is written as U+FFFD, as encoding/json writes it.
func AppendEscaped(dst []byte, s string) []byte {
	i := PlainPrefix(s)
	if i == len(s) { // the usual case: nothing to escape
		return append(dst, s...)
	}
	return appendEscapedFrom(dst, s, i)
}

// appendEscapedFrom is AppendEscaped for an s whose first byte to escape is at i.
func appendEscapedFrom(dst []byte, s string, i int) []byte {
	dst = append(dst, s[:i]...)
	start := i
	for i < len(s) {
		if b := s[i]; b < utf8.RuneSelf {
			if plain[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// plain marks the ASCII bytes written as they are.
var plain = func() (t [256]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()

const (
	ones  = 0x0101010101010101 // 0x01 in every byte
	highs = 0x8080808080808080 // 0x80 in every byte
)

// hasByte reports whether a byte of x equals b.
func hasByte(x uint64, b byte) bool {
	y := x ^ uint64(b)*ones
	return (y-ones)&^y&highs != 0
}

// PlainPrefix returns the length of the longest prefix of s that is written unchanged:
// printable ASCII other than " \ < > &. It tests eight bytes at a time.
func PlainPrefix(s string) int {
	i := 0
	for ; len(s)-i >= 8; i += 8 {
		b := s[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		// A byte below 0x20 or from 0x80 up sets a high bit of (x - 0x20…) | x.
		if (x-0x20*ones|x)&highs != 0 || hasByte(x, '"') || hasByte(x, '\\') ||
			hasByte(x, '<') || hasByte(x, '>') || hasByte(x, '&') {
			break
		}
	}
	for i < len(s) && plain[s[i]] {
		i++
	}
	return i
}
