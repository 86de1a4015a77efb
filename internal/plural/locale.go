package plural

import "github.com/errcat/errcat/internal/langtag"

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
	tg, ok := langtag.Parse(locale)
	if !ok {
		return Rules{t: t}
	}
	if tg.HasRegion() || tg.HasScript() {
		var buf [16]byte
		if tg.HasRegion() {
			if s, ok := t.regional(tg.AppendKey(buf[:0], true, true)); ok {
				return Rules{t: t, set: s}
			}
		}
		if tg.HasRegion() && tg.HasScript() {
			if s, ok := t.regional(tg.AppendKey(buf[:0], false, true)); ok {
				return Rules{t: t, set: s}
			}
		}
		if tg.HasScript() {
			if s, ok := t.regional(tg.AppendKey(buf[:0], true, false)); ok {
				return Rules{t: t, set: s}
			}
		}
	}
	return Rules{t: t, set: t.language(tg.Language())}
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

// language returns the rule set of the language code lang, 0 (the root's) when
// the table does not list it.
func (t *table) language(lang []byte) uint8 {
	if len(lang) == 2 {
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
