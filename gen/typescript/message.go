package typescript

import (
	"strconv"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/internal/cldr"
	"github.com/errcat/errcat/internal/icu"
	"github.com/errcat/errcat/internal/plural"
)

// message is a template that is not plain, as the runtime's renderMessage reads it:
// the locale whose plural rules choose its arms, and its nodes.
type message struct {
	Locale string `json:"l"`
	Nodes  []any  `json:"m"`
}

// node is a placeholder of a message: T is "arg", "#", a format type or a choice type.
type node struct {
	T      string  `json:"t"`
	Arg    string  `json:"a,omitempty"`
	Style  string  `json:"s,omitempty"`
	Offset string  `json:"o,omitempty"`
	Arms   [][]any `json:"arms,omitempty"` // [key, nodes]
}

// messageOf returns t, bound to params, as the runtime's message: every reference by
// its parameter's name. t parsed and bound when its catalog loaded, so it does again.
// formatted reports whether the message writes a number, date, time or duration in
// its locale's forms ({n, number}, #, {t, date}, {d, duration}…).
func messageOf(t errcat.Template, params []errcat.Param) (msg *message, formatted bool, err error) {
	m, err := icu.Parse(t.String())
	if err != nil {
		return nil, false, err
	}
	names := make([]string, len(params))
	for i, p := range params {
		names[i] = p.Name
	}
	if err := m.Bind(names); err != nil {
		return nil, false, err
	}
	icu.Walk(m, func(n icu.Node) bool {
		switch n.(type) {
		case *icu.Format, *icu.Pound:
			formatted = true
		}
		return true
	})
	return &message{Locale: t.Locale(), Nodes: nodes(m, names)}, formatted, nil
}

// nodes returns the nodes of m: text as strings, placeholders as node values.
func nodes(m *icu.Message, names []string) []any {
	out := []any{}
	for _, n := range m.Nodes {
		switch n := n.(type) {
		case *icu.Text:
			if k := len(out) - 1; k >= 0 {
				if s, ok := out[k].(string); ok {
					out[k] = s + n.Value
					continue
				}
			}
			out = append(out, n.Value)
		case *icu.Pound:
			out = append(out, node{T: "#"})
		case *icu.Arg:
			out = append(out, node{T: "arg", Arg: refName(n.Ref, names)})
		case *icu.Format:
			out = append(out, node{T: n.Type.String(), Arg: refName(n.Ref, names), Style: n.Style})
		case *icu.Choice:
			c := node{T: n.Type.String(), Arg: refName(n.Ref, names), Arms: [][]any{}}
			if n.Offset != 0 {
				c.Offset = strconv.FormatInt(n.Offset, 10)
			}
			for _, a := range n.Arms {
				key := a.Key
				if a.Exact {
					key = "=" + strconv.FormatInt(a.Value, 10)
				}
				c.Arms = append(c.Arms, []any{key, nodes(a.Message, names)})
			}
			out = append(out, c)
		}
	}
	return out
}

// refName returns the name of the parameter r refers to, as the Go runtime names it
// in the marker of a missing value.
func refName(r icu.Ref, names []string) string {
	if r.Index >= 0 && r.Index < len(names) {
		return names[r.Index]
	}
	return r.Name
}

// pluralRules is a locale's cardinal and ordinal rules as the runtime's PluralRules.
type pluralRules struct {
	Cardinal [][5]any `json:"c"`
	Ordinal  [][5]any `json:"o"`
}

// rulesOf returns the plural rules the Go runtime uses for locale, from the same tables.
func rulesOf(locale string) pluralRules {
	return pluralRules{Cardinal: checks(plural.Cardinal(locale)), Ordinal: checks(plural.Ordinal(locale))}
}

// checks returns r's checks as the runtime's PluralCheck: [operand, modulus, 1 when
// negated, the ranges' bounds, category or -1].
func checks(r plural.Rules) [][5]any {
	out := [][5]any{}
	for _, c := range r.Checks() {
		cat := int(c.Category)
		if c.AndNext {
			cat = -1
		}
		not := 0
		if c.Not {
			not = 1
		}
		bounds := make([]uint64, 0, 2*len(c.Ranges))
		for _, rg := range c.Ranges {
			bounds = append(bounds, rg[0], rg[1])
		}
		out = append(out, [5]any{string(rune(c.Operand)), c.Mod, not, bounds, cat})
	}
	return out
}

// formats is a locale's CLDR data as the runtime's Formats: the tables the Go runtime
// formats with (package cldr), and the cardinal plural rules of the CLDR locale they
// are of, which choose the unit patterns of durations.
type formats struct {
	Number  [7]any     `json:"n"` // decimal, group, minus, digits, primary, secondary, minimum grouping digits
	Months  [24]string `json:"mo"`
	Days    [21]string `json:"d"`
	AmPm    [2]string  `json:"ap"`
	Eras    [2]string  `json:"er"`
	Pattern [8]string  `json:"p"`
	Zone    [7]string  `json:"z"`
	PadHour bool       `json:"ph"`
	Periods []string   `json:"bp,omitempty"`
	Units   [42]string `json:"u"`
	List    [4]string  `json:"li"`
	Plural  [][5]any   `json:"c"`
}

// formatsOf returns the formats the Go runtime uses for locale, from the same tables.
func formatsOf(locale string) formats {
	l := cldr.Lookup(locale)
	t := l.Tables()
	return formats{
		Number: [7]any{t.Decimal, t.Group, t.Minus, t.Digits, t.Primary, t.Secondary, t.MinGroup},
		Months: t.Months, Days: t.Days, AmPm: t.AmPm, Eras: t.Eras, Pattern: t.Patterns, Zone: t.Zone,
		PadHour: t.PadHour, Periods: t.Periods, Units: t.Units, List: t.List, Plural: checks(plural.Cardinal(l.Name())),
	}
}
