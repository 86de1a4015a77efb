package catalog

import (
	"strconv"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/internal/icu"
	"github.com/errcat/errcat/internal/plural"
)

// A Form is one form of a code's texts, and an error that shows it: a plural or
// selectordinal's category, or a select's arm.
type Form struct {
	// Name names the form after the code: the category or arm key ("one", "admin"),
	// prefixed with the parameter and "-" when the texts choose by several ("count-one").
	Name string
	// Param is the parameter the texts choose by; Key the category ("one") or the
	// select arm's key ("admin", "other"); Value the parameter's value, as text, that
	// selects it.
	Param, Key, Value string
	// Error is the code's example (see [Catalog.Example]) with Param set to Value.
	Error *errcat.Error
}

// Forms returns a form of the texts of ex, an error of d (such as [Catalog.Example]'s),
// for each way its title and message in locale can choose: for a plural or
// selectordinal, each category the rules of the text's locale use, its parameter set
// to a number CLDR gives as a sample of that category (not one an exact arm such as
// =0 takes, and not 0 when another is given); for a select, each arm. The other
// parameters keep ex's values, and the forms carry ex's field errors. A form whose
// value makes the error show another variant's texts is left out, as is a choice over
// a parameter of a kind that cannot hold such a number or key. Texts without choices
// have no forms. The work is bounded by the number of choices of the texts.
func Forms(d *errcat.Definition, ex *errcat.Error, locale string) ([]Form, error) {
	title, message := ex.Texts(locale)
	type located struct {
		choice *icu.Choice
		locale string
	}
	var choices []located
	names := map[string]bool{}
	for _, t := range []errcat.Template{title, message} {
		if t.Plain() {
			continue
		}
		m, err := icu.Parse(t.String())
		if err != nil {
			return nil, err
		}
		for _, ch := range m.Choices() {
			choices = append(choices, located{ch, t.Locale()})
			names[ch.Name] = true
		}
	}
	if len(choices) == 0 {
		return nil, nil
	}
	params := d.Params()
	args := ex.Args()
	var out []Form
	seen := map[string]bool{}
	for _, lc := range choices {
		ch := lc.choice
		i := paramIndex(params, ch.Name)
		if i < 0 || i >= len(args) {
			continue
		}
		for _, f := range choiceForms(ch, params[i].Kind, lc.locale, args[i]) {
			name := f.key
			if len(names) > 1 {
				name = ch.Name + "-" + f.key
			}
			if seen[name] {
				continue
			}
			v, err := errcat.ParseValue(params[i].Kind, f.text)
			if err != nil {
				continue
			}
			a := append([]errcat.Value(nil), args...)
			a[i] = v
			fe := d.New(a...)
			if ft, fm := fe.Texts(locale); ft.String() != title.String() || fm.String() != message.String() {
				continue
			}
			for _, fld := range ex.Fields() {
				fe.AddField(fld.Field, fld.Err)
			}
			seen[name] = true
			out = append(out, Form{Name: name, Param: params[i].Name, Key: f.key, Value: f.text, Error: fe})
		}
	}
	return out, nil
}

func paramIndex(params []errcat.Param, name string) int {
	for i, p := range params {
		if p.Name == name {
			return i
		}
	}
	if n, err := strconv.Atoi(name); err == nil {
		return n
	}
	return -1
}

// choiceForm is one form of a choice: its key (a plural category, or a select arm's
// key) and the argument's text that selects it.
type choiceForm struct {
	key, text string
}

// choiceForms returns the forms of ch for a parameter of kind whose example is ex.
func choiceForms(ch *icu.Choice, kind errcat.Kind, locale string, ex errcat.Value) []choiceForm {
	if ch.Type == icu.ChoiceSelect {
		return selectForms(ch, kind, ex)
	}
	rules := plural.Cardinal(locale)
	if ch.Type == icu.ChoiceSelectOrdinal {
		rules = plural.Ordinal(locale)
	}
	var out []choiceForm
	for _, cat := range [...]plural.Category{plural.Zero, plural.One, plural.Two, plural.Few, plural.Many, plural.Other} {
		if !rules.Categories().Has(cat) {
			continue
		}
		for _, s := range ch.Samples(locale, cat) {
			if _, ok := SampleValue(kind, s); ok {
				out = append(out, choiceForm{cat.String(), s})
				break
			}
		}
	}
	return out
}

// SampleValue returns the value of a parameter of kind whose text is the number
// sample (as CLDR writes its plural samples, "1.5", "1.0"), when kind holds it
// exactly: an integer in an int, float or string parameter, a decimal in a string
// one, and in a float one when the float writes it as given ("1.0" it would write
// "1", another number to plural rules). Docs show each form of a message with it.
func SampleValue(kind errcat.Kind, sample string) (errcat.Value, bool) {
	op, err := plural.ParseOperands(sample)
	if err != nil {
		return errcat.Value{}, false
	}
	switch {
	case op.V == 0 && (kind == errcat.KindInt || kind == errcat.KindFloat || kind == errcat.KindString):
		n, err := strconv.ParseInt(sample, 10, 64)
		if err != nil {
			return errcat.Value{}, false
		}
		if kind == errcat.KindFloat {
			return errcat.Float(float64(n)), true
		}
		if kind == errcat.KindString {
			return errcat.String(sample), true
		}
		return errcat.Int(n), true
	case kind == errcat.KindFloat:
		f, err := strconv.ParseFloat(sample, 64)
		if err != nil || strconv.FormatFloat(f, 'f', -1, 64) != sample {
			return errcat.Value{}, false
		}
		return errcat.Float(f), true
	case kind == errcat.KindString:
		return errcat.String(sample), true
	}
	return errcat.Value{}, false
}

// selectForms returns the forms of a select: each arm's key, as the text that selects
// it, and for the other arm a text no key is: the example's, else another.
func selectForms(ch *icu.Choice, kind errcat.Kind, ex errcat.Value) []choiceForm {
	keys := map[string]bool{}
	var out []choiceForm
	for _, a := range ch.Arms {
		if a.Key == "other" {
			continue
		}
		keys[a.Key] = true
		switch kind {
		case errcat.KindString:
		case errcat.KindBool:
			if a.Key != "true" && a.Key != "false" {
				continue
			}
		case errcat.KindInt:
			if _, err := strconv.ParseInt(a.Key, 10, 64); err != nil {
				continue
			}
		default:
			return nil
		}
		out = append(out, choiceForm{a.Key, a.Key})
	}
	var candidates []string
	switch kind {
	case errcat.KindString:
		candidates = []string{ex.String(), "other", "other value"}
	case errcat.KindBool:
		candidates = []string{"true", "false"}
	case errcat.KindInt:
		candidates = []string{ex.String(), "0", "1", "2", "3"}
	}
	for _, text := range candidates {
		if text != "" && !keys[text] {
			return append(out, choiceForm{"other", text})
		}
	}
	return out
}
