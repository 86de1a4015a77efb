package icu

import (
	"strconv"

	"github.com/errcat/errcat/internal/plural"
)

// Use is one use of an argument in a message.
type Use struct {
	Ref
	// Type is how the argument is used: "" for a plain placeholder, else the type
	// keyword ("number", "date", "time", "plural", "selectordinal", "select").
	Type string
	// Offset is the byte offset of the placeholder's opening brace.
	Offset int
}

// Uses returns every use of an argument in m, nested arms included, in source order.
func (m *Message) Uses() []Use {
	var out []Use
	Walk(m, func(n Node) bool {
		switch n := n.(type) {
		case *Arg:
			out = append(out, Use{Ref: n.Ref, Offset: n.Pos})
		case *Format:
			out = append(out, Use{Ref: n.Ref, Type: n.Type.String(), Offset: n.Pos})
		case *Choice:
			out = append(out, Use{Ref: n.Ref, Type: n.Type.String(), Offset: n.Pos})
		}
		return true
	})
	return out
}

// Choices returns every plural, selectordinal and select of m, nested ones included,
// in source order.
func (m *Message) Choices() []*Choice {
	var out []*Choice
	Walk(m, func(n Node) bool {
		if c, ok := n.(*Choice); ok {
			out = append(out, c)
		}
		return true
	})
	return out
}

// Categories returns the categories c has keyword arms for.
func (c *Choice) Categories() plural.Set {
	var s plural.Set
	for _, a := range c.Arms {
		if !a.Exact && c.Type != ChoiceSelect {
			s = s.Add(a.Category)
		}
	}
	return s
}

// Bind resolves every named argument of m to its index in names (Ref.Index), so that
// rendering finds values by index. It returns an [*Error] at the first name that is
// not in names, which then lists them. Bind modifies m: call it before m is shared.
func (m *Message) Bind(names []string) error {
	var err error
	Walk(m, func(n Node) bool {
		var r *Ref
		switch n := n.(type) {
		case *Arg:
			r = &n.Ref
		case *Format:
			r = &n.Ref
		case *Choice:
			r = &n.Ref
		default:
			return true
		}
		if err != nil {
			return false
		}
		if c := r.Name[0]; c >= '0' && c <= '9' {
			if r.Index >= len(names) {
				err = &Error{Offset: r.NamePos, Msg: "argument {" + r.Name + "} names no parameter: " + declared(names)}
			}
			return err == nil
		}
		r.Index = -1
		for i, name := range names {
			if name == r.Name {
				r.Index = i
			}
		}
		if r.Index < 0 {
			err = &Error{Offset: r.NamePos, Msg: "argument " + strconv.Quote(r.Name) + " is not a parameter: " + declared(names)}
		}
		return err == nil
	})
	return err
}

func declared(names []string) string {
	if len(names) == 0 {
		return "none are declared"
	}
	s := "declared are "
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

// CheckLocale reports the plural and selectordinal arms of m that do not fit locale's
// CLDR rules: a category the locale uses that has no arm (its numbers would take the
// "other" arm), and a keyword arm for a category the locale never selects. Each
// finding is an [*Error] at the arm or the choice, in source order.
func CheckLocale(m *Message, locale string) []*Error {
	var out []*Error
	for _, c := range m.Choices() {
		var rules plural.Rules
		switch c.Type {
		case ChoicePlural:
			rules = plural.Cardinal(locale)
		case ChoiceSelectOrdinal:
			rules = plural.Ordinal(locale)
		default:
			continue
		}
		uses, has := rules.Categories(), c.Categories()
		for _, a := range c.Arms {
			if !a.Exact && !uses.Has(a.Category) {
				out = append(out, &Error{Offset: a.Pos, Msg: c.Type.String() + " arm " + strconv.Quote(a.Key) +
					" is never chosen in " + locale + ", which uses " + uses.String() + ": remove it"})
			}
		}
		for _, cat := range [...]plural.Category{plural.Zero, plural.One, plural.Two, plural.Few, plural.Many} {
			if uses.Has(cat) && !has.Has(cat) {
				out = append(out, &Error{Offset: c.Pos, Msg: c.Type.String() + " of " + c.Name + " has no " +
					strconv.Quote(cat.String()) + " arm, which " + locale + " uses: add " + cat.String() + " {…}"})
			}
		}
	}
	return out
}
