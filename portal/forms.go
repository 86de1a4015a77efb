package portal

import (
	"strconv"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/internal/icu"
	pluralrules "github.com/errcat/errcat/internal/plural"
)

// formTable is what a message says for each arm of one of its choices: a plural,
// selectordinal or select at its top level. The API answers it as JSON, under a
// code's "message_forms".
type formTable struct {
	// Param is the name of the parameter the choice reads, Type the choice's keyword
	// ("plural", "selectordinal", "select").
	Param string    `json:"param"`
	Type  string    `json:"type"`
	Rows  []formRow `json:"forms"`
	// More is the number of arms left out, beyond maxFormRows.
	More int `json:"more,omitempty"`
}

// formRow is one form of a message: the text the runtime renders when the choice's
// parameter has Value.
type formRow struct {
	// Case is the category ("one"), the exact value ("=0") or the select key ("admin")
	// the row shows.
	Case  string `json:"case"`
	Value string `json:"value"`
	Text  string `json:"text"`
}

// maxFormRows bounds the forms shown of one message, all its choices together: each
// row renders the whole message, so a message with thousands of arms would otherwise
// cost its size times its arms.
const maxFormRows = 64

// messageForms returns the forms of t, a text bound to params: for each choice at the
// top level of t, one row per arm, the text the runtime renders in t's locale
// ([errcat.Template.Locale]) with the choice's parameter set to the row's value and
// every other parameter to its value in example. A plural or selectordinal has a row
// for each exact value (=N), in source order, then one for each category the locale's
// rules use, in CLDR order, with the first of the category's samples
// ([icu.Choice.Samples]) the parameter's kind holds, as errcat explain and gen openapi
// show it ([catalog.SampleValue]); a category whose samples the exact arms all take
// has no row. A select has a row for each key, in source order. A choice nested in an arm
// has no rows of its own: its parameter, unless it is the row's, takes the value of
// the nested choice's first row (of the first nested choice, when several read it).
// A plain template has no forms.
func messageForms(params []errcat.Param, t errcat.Template, example []errcat.Value) []formTable {
	if t.Plain() {
		return nil
	}
	m, err := icu.Parse(t.String())
	if err != nil {
		return nil
	}
	names := make([]string, len(params))
	for i, p := range params {
		names[i] = p.Name
	}
	if m.Bind(names) != nil {
		return nil
	}
	base := make([]errcat.Value, len(params))
	copy(base, example)
	// The parameters of nested choices take their first row's value, the outermost
	// choice's first: Choices lists a choice before those in its arms.
	nested := map[int]bool{}
	for _, n := range m.Nodes {
		if c, ok := n.(*icu.Choice); ok {
			for _, a := range c.Arms {
				for _, inner := range a.Message.Choices() {
					i := inner.Index
					if i < 0 || i >= len(base) || nested[i] {
						continue
					}
					if rows := choiceRows(inner, params[i].Kind, t.Locale(), base[i], 1); len(rows) > 0 {
						nested[i] = true
						base[i] = rows[0].value
					}
				}
			}
		}
	}
	var out []formTable
	budget := maxFormRows
	for _, n := range m.Nodes {
		c, ok := n.(*icu.Choice)
		if !ok || c.Index < 0 || c.Index >= len(params) {
			continue
		}
		ft := formTable{Param: params[c.Index].Name, Type: c.Type.String()}
		rows := choiceRows(c, params[c.Index].Kind, t.Locale(), example0(example, c.Index), len(c.Arms)+6)
		args := make([]errcat.Value, len(base))
		for _, r := range rows {
			if budget == 0 {
				ft.More++
				continue
			}
			budget--
			copy(args, base)
			args[c.Index] = r.value
			ft.Rows = append(ft.Rows, formRow{Case: r.key, Value: r.value.String(), Text: string(t.Append(nil, args))})
		}
		out = append(out, ft)
	}
	return out
}

// example0 is example[i], or the zero Value when example has none.
func example0(example []errcat.Value, i int) errcat.Value {
	if i < len(example) {
		return example[i]
	}
	return errcat.Value{}
}

// choiceRow is one arm of a choice and the value that selects it.
type choiceRow struct {
	key   string
	value errcat.Value
}

// choiceRows returns at most limit rows of c, as messageForms describes them, with
// values of kind k where they parse as one; example is the value a select's "other"
// row takes when it selects no other arm.
func choiceRows(c *icu.Choice, k errcat.Kind, locale string, example errcat.Value, limit int) []choiceRow {
	var rows []choiceRow
	add := func(key string, v errcat.Value) {
		if len(rows) < limit {
			rows = append(rows, choiceRow{key: key, value: v})
		}
	}
	if c.Type == icu.ChoiceSelect {
		for _, a := range c.Arms {
			switch {
			case a.Key != "other":
				add(a.Key, keyValue(k, a.Key))
			case example.IsZero() || selects(c, example.String()):
				add(a.Key, errcat.String("other")) // the key of no arm but this one
			default:
				add(a.Key, example)
			}
		}
		return rows
	}
	exact := map[int64]bool{}
	for _, a := range c.Arms {
		if a.Exact {
			exact[a.Value] = true
			add(a.Key, numberValue(k, strconv.FormatInt(a.Value, 10)))
		}
	}
	rules := pluralrules.Cardinal(locale)
	if c.Type == icu.ChoiceSelectOrdinal {
		rules = pluralrules.Ordinal(locale)
	}
	for _, cat := range [...]pluralrules.Category{pluralrules.Zero, pluralrules.One, pluralrules.Two, pluralrules.Few, pluralrules.Many, pluralrules.Other} {
		if !rules.Categories().Has(cat) {
			continue
		}
		for _, sample := range c.Samples(locale, cat) {
			if v, ok := catalog.SampleValue(k, sample); ok {
				add(cat.String(), v)
				break
			}
		}
	}
	return rows
}

// selects reports whether a select's value with text s selects an arm other than
// "other".
func selects(c *icu.Choice, s string) bool {
	for _, a := range c.Arms {
		if a.Key != "other" && a.Key == s {
			return true
		}
	}
	return false
}

// keyValue is a value of kind k whose text is key, which selects key's arm, else the
// string key.
func keyValue(k errcat.Kind, key string) errcat.Value {
	if v, err := errcat.ParseValue(k, key); err == nil && v.String() == key {
		return v
	}
	return errcat.String(key)
}

// numberValue is the number text, an integer or a decimal, as a value of kind k when
// k holds numbers, else as an integer or a float.
func numberValue(k errcat.Kind, text string) errcat.Value {
	if k == errcat.KindInt || k == errcat.KindFloat || k == errcat.KindString {
		if v, err := errcat.ParseValue(k, text); err == nil {
			return v
		}
	}
	if v, err := errcat.ParseValue(errcat.KindInt, text); err == nil {
		return v
	}
	v, _ := errcat.ParseValue(errcat.KindFloat, text)
	return v
}
