package portal

import (
	"strconv"
	"sync"

	"github.com/errcat/errcat"
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
// rules use, in CLDR order, with the smallest sample of the category (see samplesOf)
// that no exact arm takes first; a category whose samples the exact arms all take has
// no row. A select has a row for each key, in source order. A choice nested in an arm
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
	s := samplesOf(c.Type == icu.ChoiceSelectOrdinal, locale)
	for _, cat := range [...]pluralrules.Category{pluralrules.Zero, pluralrules.One, pluralrules.Two, pluralrules.Few, pluralrules.Many, pluralrules.Other} {
		for _, sample := range s[cat] {
			if v, err := strconv.ParseInt(sample, 10, 64); err == nil {
				// An exact arm compares the value itself, a category the value less
				// the offset.
				if exact[v+c.Offset] {
					continue
				}
				sample = strconv.FormatInt(v+c.Offset, 10)
			} else if c.Offset != 0 {
				continue
			}
			add(cat.String(), numberValue(k, sample))
			break
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

// samples are the sample values of each category of one locale's rules, by category:
// its smallest integers, up to samplesPerCategory, then its first decimal.
type samples [pluralrules.Many + 1][]string

const samplesPerCategory = 4

// sampleDecimals are the decimals tried, in order, for a category's decimal sample:
// 1.5 first, as in CLDR's samples of the categories that hold decimals only (Polish
// "other": 0.0~1.5), then 0.5, 2.5 to 99.5, and the other tenths below 2; each one
// a float value writes as given, so that the runtime selects by the sample shown.
var sampleDecimals = func() []string {
	out := []string{"1.5", "0.5"}
	for i := 2; i < 100; i++ {
		out = append(out, strconv.Itoa(i)+".5")
	}
	for _, f := range []string{"1", "2", "3", "4", "6", "7", "8", "9"} {
		out = append(out, "0."+f, "1."+f)
	}
	return out
}()

// sampleCache holds the samples of each rule set looked up, by its rules: there are
// as many as CLDR has rule sets, however many locale tags name them.
var sampleCache sync.Map // pluralrules.Rules → *samples

// samplesOf returns the samples of the cardinal (or ordinal) rules of locale: for
// each category they use, the smallest integers in it among those below 1000 and the
// powers of ten up to 10^9 (where CLDR puts exact millions in "many"), then the first
// of sampleDecimals in it. A category with none of them has no samples.
func samplesOf(ordinal bool, locale string) *samples {
	rules := pluralrules.Cardinal(locale)
	if ordinal {
		rules = pluralrules.Ordinal(locale)
	}
	if s, ok := sampleCache.Load(rules); ok {
		return s.(*samples)
	}
	used := rules.Categories()
	s := new(samples)
	ints := make([]int64, 0, 1006)
	for n := int64(0); n < 1000; n++ {
		ints = append(ints, n)
	}
	for n := int64(1000); n <= 1e9; n *= 10 {
		ints = append(ints, n)
	}
	for _, n := range ints {
		if c := rules.Select(pluralrules.OperandsInt(n)); used.Has(c) && len(s[c]) < samplesPerCategory {
			s[c] = append(s[c], strconv.FormatInt(n, 10))
		}
	}
	var hasDecimal [pluralrules.Many + 1]bool
	for _, d := range sampleDecimals {
		op, err := pluralrules.ParseOperands(d)
		if err != nil {
			continue
		}
		if c := rules.Select(op); used.Has(c) && !hasDecimal[c] {
			hasDecimal[c] = true
			s[c] = append(s[c], d)
		}
	}
	got, _ := sampleCache.LoadOrStore(rules, s)
	return got.(*samples)
}
