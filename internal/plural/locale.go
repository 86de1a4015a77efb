package plural

// tag is the part of a BCP 47 tag plural rules depend on, in canonical case:
// language lower-case, script title-case, region upper-case. Absent parts are empty.
type tag struct {
	lang, script, region [4]byte
	nl, ns, nr           int
}

// parseTag reads the language, script and region of a BCP 47 tag, accepting "_" for
// "-" and any case. It stops at the first variant, extension or private-use subtag,
// which plural rules do not depend on. An extended language subtag ("zh-yue") stands
// for the language, as BCP 47's canonical form has it. ok is false when s does not
// start with a language subtag of two or three letters.
func parseTag(s string) (t tag, ok bool) {
	sub, s := nextSubtag(s)
	if len(sub) < 2 || len(sub) > 3 || !letters(sub) {
		return tag{}, false
	}
	t.nl = copyCase(t.lang[:], sub, lower)
	for s != "" {
		sub, s = nextSubtag(s)
		switch {
		case len(sub) == 3 && letters(sub) && t.ns == 0 && t.nr == 0:
			t.nl = copyCase(t.lang[:], sub, lower)
		case len(sub) == 4 && letters(sub) && t.ns == 0 && t.nr == 0:
			t.ns = copyCase(t.script[:], sub, title)
		case len(sub) == 2 && letters(sub) && t.nr == 0,
			len(sub) == 3 && digits(sub) && t.nr == 0:
			t.nr = copyCase(t.region[:], sub, upper)
		default:
			return t, true
		}
	}
	return t, true
}

// nextSubtag returns the subtag at the start of s and what follows its separator.
func nextSubtag(s string) (sub, rest string) {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' || s[i] == '_' {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

func letters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

const (
	lower = iota
	upper
	title
)

// copyCase copies the ASCII subtag s into dst in the given case and returns its length.
func copyCase(dst []byte, s string, c int) int {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 'A' && b <= 'Z' && (c == lower || c == title && i > 0) {
			b += 'a' - 'A'
		} else if b >= 'a' && b <= 'z' && (c == upper || c == title && i == 0) {
			b -= 'a' - 'A'
		}
		dst[i] = b
	}
	return len(s)
}

// lookup returns the rules of locale: those listed for its language, script and
// region, else for its language and region, else for its language and script, else
// for its language; the root's when none is listed.
func (t *table) lookup(locale string) Rules {
	if len(locale) == 2 { // the usual case: a bare two-letter language
		a, b := locale[0]|0x20, locale[1]|0x20
		if a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' {
			return Rules{t: t, set: t.two[26*int(a-'a')+int(b-'a')]}
		}
	}
	tg, ok := parseTag(locale)
	if !ok {
		return Rules{t: t}
	}
	if tg.nr > 0 || tg.ns > 0 {
		var buf [16]byte
		if tg.nr > 0 {
			if s, ok := t.regional(tg.key(buf[:0], true, true)); ok {
				return Rules{t: t, set: s}
			}
		}
		if tg.nr > 0 && tg.ns > 0 {
			if s, ok := t.regional(tg.key(buf[:0], false, true)); ok {
				return Rules{t: t, set: s}
			}
		}
		if tg.ns > 0 {
			if s, ok := t.regional(tg.key(buf[:0], true, false)); ok {
				return Rules{t: t, set: s}
			}
		}
	}
	return Rules{t: t, set: t.language(tg.lang, tg.nl)}
}

// key appends the tag's language, then optionally its script and region, joined by "-".
func (t *tag) key(b []byte, script, region bool) []byte {
	b = append(b, t.lang[:t.nl]...)
	if script && t.ns > 0 {
		b = append(append(b, '-'), t.script[:t.ns]...)
	}
	if region && t.nr > 0 {
		b = append(append(b, '-'), t.region[:t.nr]...)
	}
	return b
}

// regional returns the rule set listed for the tag key (t.regions is sorted).
func (t *table) regional(key []byte) (uint8, bool) {
	lo, hi := 0, len(t.regions)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch tag := t.regions[m].tag; {
		case tag == string(key):
			return t.regions[m].set, true
		case tag < string(key):
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// language returns the rule set of the language code lang[:n], 0 (the root's) when
// the table does not list it.
func (t *table) language(lang [4]byte, n int) uint8 {
	if n == 2 {
		return t.two[26*int(lang[0]-'a')+int(lang[1]-'a')]
	}
	key := uint32(lang[0])<<16 | uint32(lang[1])<<8 | uint32(lang[2])
	lo, hi := 0, len(t.sets)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		k := uint32(t.three[3*m])<<16 | uint32(t.three[3*m+1])<<8 | uint32(t.three[3*m+2])
		switch {
		case k == key:
			return t.sets[m]
		case k < key:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0
}
