package httperr

import (
	"strconv"
	"strings"

	"github.com/errcat/errcat"
)

// maxLanguageRanges bounds the work an Accept-Language header can ask for: entries
// after this many are ignored.
const maxLanguageRanges = 16

// languageRange is one entry of an Accept-Language header.
type languageRange struct {
	tag string
	q   float64
}

// NegotiateLocale returns the locale of set that an Accept-Language header prefers,
// or the set's default locale when the header matches none; "" for a nil set.
//
// Ranges are tried by quality, then in header order. A range matches a locale of the
// same tag, ignoring case and "_" for "-"; else, its subtags dropped from the end, one
// that matches ("vi-VN" finds "vi"); else a locale of the same language whose script
// does not differ ("pt" finds "pt-BR", "en-GB" finds "en-US"; "zh-Hant" and "zh-TW"
// do not find "zh-Hans"). "*" stands for the default locale. Only the first 16
// entries of the header are read. It allocates nothing.
func NegotiateLocale(set *errcat.Set, acceptLanguage string) string {
	if set == nil {
		return ""
	}
	locales := set.Locales()
	if len(locales) == 1 || acceptLanguage == "" {
		return locales[0]
	}
	var buf [maxLanguageRanges]languageRange
	for _, lr := range parseAcceptLanguage(buf[:0], acceptLanguage) {
		if lr.tag == "*" {
			return locales[0]
		}
		if i := matchLocale(locales, lr.tag); i >= 0 {
			return locales[i]
		}
	}
	return locales[0]
}

// ResponseLocale returns the locale err's texts are rendered in for a client whose
// Accept-Language header is acceptLanguage: the negotiated locale when err's code has
// texts of its own in it, else the catalog's default locale, whose texts it falls
// back to. It is the Content-Language of the response; "" when err has no set.
func ResponseLocale(err *errcat.Error, acceptLanguage string) string {
	set := err.Definition().Set()
	if set == nil {
		return ""
	}
	if len(set.Locales()) == 1 {
		return set.DefaultLocale()
	}
	loc := NegotiateLocale(set, acceptLanguage)
	if loc != set.DefaultLocale() && !err.Variant().Translated(loc) {
		return set.DefaultLocale()
	}
	return loc
}

// parseAcceptLanguage appends to dst the well-formed ranges of h with a positive
// quality, at most cap(dst) of them, sorted by quality (stable).
func parseAcceptLanguage(dst []languageRange, h string) []languageRange {
	for h != "" && len(dst) < cap(dst) {
		var part string
		part, h, _ = strings.Cut(h, ",")
		tag, params, _ := strings.Cut(part, ";")
		tag = strings.TrimSpace(tag)
		if !validLanguageRange(tag) {
			continue
		}
		q := 1.0
		if params = strings.TrimSpace(params); params != "" {
			v, ok := strings.CutPrefix(params, "q=")
			if !ok {
				continue
			}
			var err error
			if q, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil || q < 0 || q > 1 {
				continue
			}
		}
		if q == 0 {
			continue
		}
		dst = append(dst, languageRange{tag: tag, q: q})
		for i := len(dst) - 1; i > 0 && dst[i].q > dst[i-1].q; i-- {
			dst[i], dst[i-1] = dst[i-1], dst[i]
		}
	}
	return dst
}

// validLanguageRange reports whether s is "*" or subtags of 1 to 8 letters and digits
// joined by "-" (or "_"), at most 64 bytes.
func validLanguageRange(s string) bool {
	if s == "*" {
		return true
	}
	if s == "" || len(s) > 64 {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-' || c == '_':
			if n == 0 {
				return false
			}
			n = 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			if n++; n > 8 {
				return false
			}
		default:
			return false
		}
	}
	return n > 0
}

// matchLocale returns the index of the locale tag matches (see NegotiateLocale), or -1.
func matchLocale(locales []string, tag string) int {
	for t := tag; t != ""; {
		for i, l := range locales {
			if equalTag(l, t) {
				return i
			}
		}
		j := strings.LastIndexAny(t, "-_")
		if j < 0 {
			break
		}
		t = t[:j]
	}
	lang, script := languageScript(tag)
	for i, l := range locales {
		if ll, ls := languageScript(l); strings.EqualFold(ll, lang) && (ls == "" || script == "" || strings.EqualFold(ls, script)) {
			return i
		}
	}
	return -1
}

// languageScript returns the language subtag of tag and its script: the script
// subtag, or the one a Chinese region implies.
func languageScript(tag string) (lang, script string) {
	lang, rest, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	for rest != "" {
		var sub string
		sub, rest, _ = strings.Cut(rest, "-")
		switch {
		case len(sub) == 4 && !('0' <= sub[0] && sub[0] <= '9'):
			return lang, sub
		case strings.EqualFold(lang, "zh") && len(sub) == 2:
			switch strings.ToUpper(sub) {
			case "TW", "HK", "MO":
				return lang, "Hant"
			case "CN", "SG":
				return lang, "Hans"
			}
		}
	}
	return lang, ""
}

// equalTag reports whether a and b are the same tag, ignoring case and "_" for "-".
func equalTag(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i]|0x20, b[i]|0x20 // '-'|0x20 == '-', '_'|0x20 == '\x7f'
		if x == 0x7f {
			x = '-'
		}
		if y == 0x7f {
			y = '-'
		}
		if x != y {
			return false
		}
	}
	return true
}
