package icu

import (
	"math"
	"strconv"
	"time"

	"github.com/errcat/errcat/internal/cldr"
	"github.com/errcat/errcat/internal/jsontext"
	"github.com/errcat/errcat/internal/plural"
)

// Append renders m for locale (a BCP 47 tag, whose plural rules choose the arms of
// plurals and selectordinals) with args, appends the text to dst and returns the
// extended buffer.
//
// A reference to a missing argument is written as a visible marker, {name?}, as
// errcat's templates write it; a choice whose argument is missing writes only the
// marker. A plural whose value is not a number takes its "other" arm; a select takes
// the arm named by the value's text ("true" for a true Bool), else "other".
//
// Formats follow the locale's CLDR data (package cldr): {n, number} and # write the
// number with the locale's digits, minus sign, grouping and decimal separator
// ("1,234.5" in English, "1.234,5" in German), its fraction digits as the value has
// them; {n, number, integer} rounds half to even first. {t, date, style} and
// {t, time, style} write the locale's pattern of the style (medium when none is
// given) with the fields of the time's own location: a time made in UTC reads as UTC,
// one that carries a zone reads in that zone, and the long and full times name its
// offset in the locale's GMT format ("GMT+1", "GMT+01:00"). {d, duration} spells the
// duration out in the locale's unit patterns ("2 hours 5 minutes"). A plain {n} is
// written as [Value.AppendText] writes it, whatever the locale. A value of the wrong
// kind for its format is written as its text.
//
// Append does not allocate for text, placeholders of strings and numbers, choices on
// integers and numbers of integers and decimals, once dst has room. It never panics.
func Append(dst []byte, m *Message, locale string, args Args) []byte {
	r := renderer{locale: locale, args: &args}
	return r.message(dst, m, nil)
}

// AppendJSON is [Append] for JSON bodies: it appends the rendered text escaped as the
// contents of a JSON string, without the quotes, as encoding/json escapes it. Literal
// text is escaped once, by Parse; only the text of string and decimal values is
// escaped here.
func AppendJSON(dst []byte, m *Message, locale string, args Args) []byte {
	r := renderer{locale: locale, args: &args, json: true}
	return r.message(dst, m, nil)
}

type renderer struct {
	locale string
	rules  *Rules // when set, the rules of locale
	args   *Args
	json   bool // escape for JSON
	found  bool // loc holds locale's formats
	loc    cldr.Locale
}

// Rules are the cardinal and ordinal plural rules and the formats of a locale, looked
// up once for many renderings with [AppendRules] and [AppendRulesJSON].
type Rules struct {
	Cardinal, Ordinal plural.Rules
	// Formats writes numbers, dates and durations as the locale does.
	Formats cldr.Locale
}

// RulesOf returns the plural rules and formats of locale, as [Append] finds them.
func RulesOf(locale string) Rules {
	return Rules{Cardinal: plural.Cardinal(locale), Ordinal: plural.Ordinal(locale), Formats: cldr.Lookup(locale)}
}

// AppendInt appends n as the rules' locale writes numbers, as # and {n, number} write
// an integer.
func (r *Rules) AppendInt(dst []byte, n int64) []byte {
	var buf [24]byte
	return r.Formats.AppendNumberBytes(dst, strconv.AppendInt(buf[:0], n, 10))
}

// formats returns the formats of the renderer's locale, looked up on first use.
func (r *renderer) formats() cldr.Locale {
	switch {
	case r.rules != nil:
		return r.rules.Formats
	case !r.found:
		r.loc, r.found = cldr.Lookup(r.locale), true
	}
	return r.loc
}

// AppendRules is [Append] with the plural rules of the locale given.
func AppendRules(dst []byte, m *Message, rules *Rules, args Args) []byte {
	r := renderer{rules: rules, args: &args}
	return r.message(dst, m, nil)
}

// AppendRulesJSON is [AppendJSON] with the plural rules of the locale given.
func AppendRulesJSON(dst []byte, m *Message, rules *Rules, args Args) []byte {
	r := renderer{rules: rules, args: &args, json: true}
	return r.message(dst, m, nil)
}

// appendValue appends v's text, escaped for JSON when json is set. Only strings and
// decimals, whose text is the caller's, can need it.
func appendValue(dst []byte, v *Value, json bool) []byte {
	if json && v.kind == KindString && v.num == jsonSafe {
		return append(dst, v.str...)
	}
	if json && (v.kind == KindString || v.kind == KindDecimal) {
		return jsontext.AppendEscaped(dst, v.str)
	}
	return v.appendText(dst)
}

// number is the value # stands for in a plural's arms: v less offset.
type number struct {
	v      *Value
	offset int64
}

func (r *renderer) message(dst []byte, m *Message, num *number) []byte {
	for _, n := range m.Nodes {
		switch n := n.(type) {
		case *Text:
			switch {
			case !r.json:
				dst = append(dst, n.Value...)
			case n.json != "" || n.Value == "":
				dst = append(dst, n.json...)
			default: // a Text built other than by Parse
				dst = jsontext.AppendEscaped(dst, n.Value)
			}
		case *Arg:
			switch v := r.args.lookup(&n.Ref); {
			case v == nil:
				dst = appendMissing(dst, n.Name)
			case v.kind == KindString && (!r.json || v.num == jsonSafe): // the usual case, copied without a call
				dst = append(dst, v.str...)
			default:
				dst = appendValue(dst, v, r.json)
			}
		case *Pound:
			if num != nil {
				dst = appendNumber(dst, num.v, num.offset, r.json, r.formats())
			}
		case *Format:
			dst = r.format(dst, n)
		case *Choice:
			dst = r.choice(dst, n)
		}
	}
	return dst
}

// appendMissing writes the marker of a reference whose value is missing, {name?}.
func appendMissing(dst []byte, name string) []byte {
	dst = append(dst, '{')
	dst = append(dst, name...)
	return append(dst, '?', '}')
}

func (r *renderer) format(dst []byte, f *Format) []byte {
	v := r.args.lookup(&f.Ref)
	switch {
	case v == nil:
		return appendMissing(dst, f.Name)
	case f.Type == FormatNumber && f.Style == "integer":
		return appendInteger(dst, v, r.json, r.formats())
	case f.Type == FormatNumber:
		return appendNumber(dst, v, 0, r.json, r.formats())
	case f.Type == FormatDate && v.kind == KindTime:
		return r.formats().AppendDate(dst, v.time(), style(f.Style))
	case f.Type == FormatTime && v.kind == KindTime:
		return r.formats().AppendTime(dst, v.time(), style(f.Style))
	case f.Type == FormatDuration && v.kind == KindDuration:
		return r.formats().AppendDuration(dst, time.Duration(v.num))
	}
	return appendValue(dst, v, r.json)
}

// style returns the date or time style named s; medium when s is empty.
func style(s string) cldr.Style {
	switch s {
	case "short":
		return cldr.Short
	case "long":
		return cldr.Long
	case "full":
		return cldr.Full
	}
	return cldr.Medium
}

func (r *renderer) choice(dst []byte, c *Choice) []byte {
	v := r.args.lookup(&c.Ref)
	if v == nil {
		return appendMissing(dst, c.Name)
	}
	if c.Type == ChoiceSelect {
		return r.message(dst, selectArm(c, v).Message, nil)
	}
	num := number{v: v, offset: c.Offset}
	return r.message(dst, r.pluralArm(c, &num).Message, &num)
}

// selectArm returns the arm whose key is v's text, else the "other" arm.
func selectArm(c *Choice, v *Value) *Arm {
	var buf [24]byte
	var key string
	switch v.kind {
	case KindString, KindDecimal:
		key = v.str
	case KindInt, KindBool:
		b := v.appendText(buf[:0])
		for _, a := range c.Arms {
			if a.Key == string(b) {
				return a
			}
		}
	}
	var other *Arm
	for _, a := range c.Arms {
		if key != "" && a.Key == key {
			return a
		}
		if a.Key == "other" {
			other = a
		}
	}
	return other
}

// pluralArm returns the arm of the first exact value equal to the number, else the
// arm of its category (less the offset) in the locale, else the "other" arm.
func (r *renderer) pluralArm(c *Choice, num *number) *Arm {
	if c.byCategory[plural.Other] == nil { // a Choice built other than by Parse
		built := *c
		index(&built)
		c = &built
	}
	if c.hasExact {
		for _, a := range c.Arms {
			if a.Exact && equals(num.v, a.Value) {
				return a
			}
		}
	}
	op, ok := operands(num)
	if !ok {
		return c.byCategory[plural.Other]
	}
	var cat plural.Category
	switch {
	case r.rules != nil && c.Type == ChoiceSelectOrdinal:
		cat = r.rules.Ordinal.Select(op)
	case r.rules != nil:
		cat = r.rules.Cardinal.Select(op)
	case c.Type == ChoiceSelectOrdinal:
		cat = plural.Ordinal(r.locale).Select(op)
	default:
		cat = plural.Cardinal(r.locale).Select(op)
	}
	if int(cat) < len(c.byCategory) {
		return c.byCategory[cat]
	}
	return c.byCategory[plural.Other]
}

// operands returns the plural operands of num's value less its offset, and reports
// whether it is a number.
func operands(num *number) (plural.Operands, bool) {
	v := num.v
	switch v.kind {
	case KindInt:
		n, off := int64(v.num), num.offset
		if n >= math.MinInt64+off {
			return plural.OperandsInt(n - off), true
		}
		return plural.OperandsUint(uint64(-(n + 1)) + 1 + uint64(off)), true
	case KindDecimal, KindString:
		if num.offset == 0 {
			op, err := plural.ParseOperands(v.str)
			return op, err == nil
		}
	case KindFloat:
	default:
		return plural.Operands{}, false
	}
	var buf [32]byte
	b, _ := appendASCII(buf[:0], v, num.offset)
	op, err := plural.ParseOperands(string(b))
	return op, err == nil
}

// equals reports whether v is a number equal to n.
func equals(v *Value, n int64) bool {
	switch v.kind {
	case KindInt:
		return int64(v.num) == n
	case KindFloat:
		return math.Float64frombits(v.num) == float64(n)
	case KindDecimal, KindString:
		op, err := plural.ParseOperands(v.str)
		if err != nil || op.T != 0 || op.I >= maxExact {
			return false
		}
		neg := len(v.str) > 0 && v.str[0] == '-'
		if n < 0 {
			return neg && op.I == uint64(-n)
		}
		return (!neg || op.I == 0) && op.I == uint64(n)
	}
	return false
}
