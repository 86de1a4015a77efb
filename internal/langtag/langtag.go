// Package langtag reads the language, script and region of BCP 47 tags, without
// allocating: what CLDR's plural rules and locale data are keyed by. It uses the
// standard library only, for the runtime's sake.
package langtag

// Tag is the language, script and region of a BCP 47 tag in canonical case: language
// lower-case, script title-case, region upper-case. Absent parts are empty. The zero
// Tag has no language.
type Tag struct {
	lang       [3]byte
	script     [4]byte
	region     [3]byte
	nl, ns, nr uint8
}

// Parse reads the language, script and region of the tag s, accepting "_" for "-"
// and any case. It stops at the first variant, extension or private-use subtag, which
// neither plural rules nor locale data depend on. An extended language subtag
// ("zh-yue") stands for the language, as BCP 47's canonical form has it. ok is false
// when s does not start with a language subtag of two or three letters.
func Parse(s string) (t Tag, ok bool) {
	sub, s := next(s)
	if len(sub) < 2 || len(sub) > 3 || !letters(sub) {
		return Tag{}, false
	}
	t.nl = copyCase(t.lang[:], sub, lower)
	for s != "" {
		sub, s = next(s)
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

// Language returns the language subtag, as in "pt"; the slice must not be kept past
// a change to t.
func (t *Tag) Language() []byte { return t.lang[:t.nl] }

// HasScript reports whether the tag has a script.
func (t *Tag) HasScript() bool { return t.ns > 0 }

// HasRegion reports whether the tag has a region.
func (t *Tag) HasRegion() bool { return t.nr > 0 }

// Fill sets the language of t to u's, and the script and region t lacks to u's: a
// deprecated code replaced by CLDR's tag for it ("sh" by "sr-Latn").
func (t *Tag) Fill(u Tag) {
	t.lang, t.nl = u.lang, u.nl
	if t.ns == 0 {
		t.script, t.ns = u.script, u.ns
	}
	if t.nr == 0 {
		t.region, t.nr = u.region, u.nr
	}
}

// SetScript sets the tag's script, a subtag of four letters such as "Hant"; it does
// nothing with another string.
func (t *Tag) SetScript(script string) {
	if len(script) == 4 && letters(script) {
		t.ns = copyCase(t.script[:], script, title)
	}
}

// AppendKey appends the tag's language to dst, then its script and its region when
// asked for and present, joined by "-": "zh-Hant-TW".
func (t *Tag) AppendKey(dst []byte, script, region bool) []byte {
	dst = append(dst, t.lang[:t.nl]...)
	if script && t.ns > 0 {
		dst = append(append(dst, '-'), t.script[:t.ns]...)
	}
	if region && t.nr > 0 {
		dst = append(append(dst, '-'), t.region[:t.nr]...)
	}
	return dst
}

// next returns the subtag at the start of s and what follows its separator.
func next(s string) (sub, rest string) {
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

// copyCase copies the ASCII subtag s into dst in case c and returns its length.
func copyCase(dst []byte, s string, c int) uint8 {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 'A' && b <= 'Z' && (c == lower || c == title && i > 0) {
			b += 'a' - 'A'
		} else if b >= 'a' && b <= 'z' && (c == upper || c == title && i == 0) {
			b -= 'a' - 'A'
		}
		dst[i] = b
	}
	return uint8(len(s))
}
