//go:generate go run gen.go -cldr=$ERRCAT_CLDR

// Package cldr writes numbers, dates, times and durations as a locale's readers
// expect them, from the Unicode CLDR data (see [Version], 48.2.0) of the 429 locales
// CLDR gives modern coverage, regional ones included: the decimal and grouping
// symbols, grouping sizes, minimum grouping digits and digits of numbers
// ("1,234,567.5", "1.234.567,5", "1 234 567,5", "12,34,567", Marathi "१२,३४,५६७"),
// the Gregorian date and time patterns with month, weekday, era and day-period names,
// and the unit and list patterns that spell durations out ("2 hours 5 minutes",
// "3 ngày", "1 Tag, 2 Stunden und 5 Minuten").
//
// gen.go compiles the CLDR JSON packages (cldr-core, cldr-numbers-full,
// cldr-dates-full, cldr-units-full, cldr-misc-full) into tables.go, storing each
// string once, and each locale's numbers, dates (its month and weekday names apart)
// and units once for all the locales that share them. The package reads nothing at run time, uses the standard library
// and package plural only, and allocates nothing beyond growing the buffer it appends
// to. What it adds to a binary was measured with Go 1.26 on linux/amd64, unstripped:
// a program that calls [Lookup] and [Locale.AppendNumber] is 2,229,968 bytes against
// 2,140,321 for the same program without them (+89,647: the linker keeps only the
// number tables and the locale index), and a program that renders one errcat message
// with {n, number}, through which every format is reachable, is 3,184,507 bytes
// against 3,000,346 for the runtime without this package (+184,161).
//
// A locale is a BCP 47 tag ("pt-BR", "zh-TW", "sr_Latn"); [Lookup] finds its data
// as CLDR's fallback does, and a tag no table matches gets English's.
package cldr

import (
	"time"

	"github.com/errcat/errcat/internal/langtag"
	"github.com/errcat/errcat/internal/plural"
)

// ref locates a string in blob: its offset times 256 plus its length.
type ref uint32

func (r ref) String() string { return blob[r>>8 : r>>8+r&0xff] }

type localeEntry struct {
	name            string
	num, date, unit uint16
}

type numberData struct {
	decimal, group, minus ref
	digits                ref // the ten digits of the locale's numbering system
	primary, secondary    uint8
	minGroup              uint8 // integer digits a number needs beyond primary to be grouped
}

type dateData struct {
	months   uint16 // in monthTable: abbreviated, then wide, January first
	days     uint16 // in dayTable: abbreviated, wide, stand-alone wide, Sunday first
	ampm     [2]ref
	eras     [2]ref // BC, AD
	patterns [8]ref // date short, medium, long, full, then time's
	zone     [7]ref // GMT format, GMT zero format, hour format's positive prefix and suffix, negative's, separator
	padHour  bool   // the hour format writes hours with two digits
	periods  uint8  // 1 + the index of the locale's flexible day periods in periodTable, or 0
}

type unitData struct {
	patterns [42]ref // day, hour, minute, second, millisecond, microsecond, nanosecond × plural category
	list     [4]ref  // the unit-narrow list patterns: two items, start, middle, end
}

// Locale is the CLDR data of one locale, one word that is cheap to copy. The zero
// Locale holds English's.
type Locale struct {
	e *localeEntry
}

// entry returns l's entry in the tables: English's for the zero Locale.
func (l Locale) entry() *localeEntry {
	if l.e == nil {
		return &locales[englishIndex]
	}
	return l.e
}

func (l Locale) num() *numberData { return &numberTable[l.entry().num] }
func (l Locale) date() *dateData  { return &dateTable[l.entry().date] }
func (l Locale) unit() *unitData  { return &unitTable[l.entry().unit] }

// Name returns the CLDR locale whose data l holds ("en", "pt-PT", "zh-Hant").
func (l Locale) Name() string { return l.entry().name }

// Lookup returns the data of the BCP 47 tag locale: CLDR's locale for its language,
// script and region, else for its language and script, else for its language (a
// region whose likely script differs, as zh-TW's, counts as that script; a script
// that is the language's own, as en-Latn's, counts as none), else English's. Case
// and '_' for '-' do not matter; variants and extensions are ignored. Lookup does not
// allocate.
func Lookup(locale string) Locale {
	t, ok := langtag.Parse(locale)
	if !ok {
		return Locale{&locales[englishIndex]}
	}
	if i, ok := search(aliases[:], t.Language()); ok {
		if u, ok := langtag.Parse(aliases[i][1]); ok {
			t.Fill(u)
		}
	}
	var buf [16]byte
	if !t.HasScript() && t.HasRegion() {
		if i, ok := search(likelyScripts[:], t.AppendKey(buf[:0], false, true)); ok {
			t.SetScript(likelyScripts[i][1])
		}
	}
	own := !t.HasScript()
	if !own {
		_, found := find(t.AppendKey(buf[:0], true, false))
		own = !found
	}
	for _, c := range [...]struct{ script, region, ownOnly bool }{{true, true, false}, {false, true, true}, {true, false, false}, {false, false, true}} {
		if c.ownOnly && !own {
			continue
		}
		if l, ok := find(t.AppendKey(buf[:0], c.script, c.region)); ok {
			return l
		}
	}
	return Locale{&locales[englishIndex]}
}

// search returns the index of the pair whose first string is k in pairs, sorted by
// it, and reports whether there is one.
func search(pairs [][2]string, k []byte) (int, bool) {
	lo, hi := 0, len(pairs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if pairs[m][0] < string(k) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(pairs) && pairs[lo][0] == string(k)
}

// find returns the locale named exactly k.
func find(k []byte) (Locale, bool) {
	lo, hi := 0, len(locales)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if locales[m].name < string(k) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(locales) && locales[lo].name == string(k) {
		return Locale{&locales[lo]}, true
	}
	return Locale{}, false
}

// Tables is a locale's data as strings, for generators that write it out for
// another runtime; the fields mirror the unexported tables'.
type Tables struct {
	Decimal, Group, Minus, Digits string
	Primary, Secondary, MinGroup  int
	Months                        [24]string
	Days                          [21]string
	AmPm, Eras                    [2]string
	Patterns                      [8]string
	Zone                          [7]string
	PadHour                       bool
	Periods                       []string // 24, one an hour, when the patterns use B
	Units                         [42]string
	List                          [4]string
}

// Tables returns l's data as strings.
func (l Locale) Tables() Tables {
	n, d, u := l.num(), l.date(), l.unit()
	t := Tables{
		Decimal: n.decimal.String(), Group: n.group.String(), Minus: n.minus.String(), Digits: n.digits.String(),
		Primary: int(n.primary), Secondary: int(n.secondary), MinGroup: int(n.minGroup), PadHour: d.padHour,
	}
	strs(t.Months[:], monthTable[d.months][:])
	strs(t.Days[:], dayTable[d.days][:])
	strs(t.AmPm[:], d.ampm[:])
	strs(t.Eras[:], d.eras[:])
	strs(t.Patterns[:], d.patterns[:])
	strs(t.Zone[:], d.zone[:])
	strs(t.Units[:], u.patterns[:])
	strs(t.List[:], u.list[:])
	if d.periods > 0 {
		t.Periods = make([]string, 24)
		strs(t.Periods, periodTable[d.periods-1][:])
	}
	return t
}

func strs(dst []string, refs []ref) {
	for i, r := range refs {
		dst[i] = r.String()
	}
}

// Style is the style of a date or time: short, medium, long or full.
type Style uint8

// The styles of dates and times.
const (
	Short Style = iota
	Medium
	Long
	Full
)

// AppendDate appends the date of t in style, as the locale writes it, with the
// fields of t's own location.
func (l Locale) AppendDate(dst []byte, t time.Time, s Style) []byte {
	return l.appendPattern(dst, t, l.date().patterns[s&3].String())
}

// AppendTime appends the time of day of t in style, as the locale writes it, in t's
// own location; long and full name its offset from UTC in the locale's GMT format
// ("GMT+1" and "GMT+01:00"; "GMT" for UTC) rather than a zone name. A pattern's
// flexible day period (Traditional Chinese "上午", "晚上") is the one CLDR's rules
// give the hour; the periods of an exact time (noon, midnight) are not used.
func (l Locale) AppendTime(dst []byte, t time.Time, s Style) []byte {
	return l.appendPattern(dst, t, l.date().patterns[4+s&3].String())
}

// pattern returns the pattern of unit for category c, the "other" one when the
// locale has none for c.
func (u *unitData) pattern(unit int, c plural.Category) string {
	if p := u.patterns[unit*6+int(c)]; p != 0 {
		return p.String()
	}
	return u.patterns[unit*6].String()
}
