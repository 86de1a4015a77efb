package errcat

import (
	"errors"
	"strconv"
	"time"

	"github.com/errcat/errcat/internal/icu"
)

// message is a template that is not plain: an ICU MessageFormat message with plurals,
// selects or formats, rendered by package icu.
type message struct {
	m      *icu.Message
	locale string        // the locale of rules
	rules  icu.Rules     // the plural rules of the locale the template is usually in
	args   []int         // the argument index of every reference, in source order; -1 unbound
	ph     []Placeholder // the placeholders as written
	fast   []fastNode    // m as the runtime renders it itself, when it has that shape
	fastCh []int         // the argument indexes of fast's choices
}

// parseMessage parses src as an ICU message, which the plain parser rejected. Its
// plural rules are the root's until setLocale.
func parseMessage(src string) (Template, error) {
	m, err := icu.Parse(src)
	if err != nil {
		var ie *icu.Error
		if errors.As(err, &ie) {
			return Template{}, &TemplateError{Offset: ie.Offset, Msg: ie.Msg}
		}
		return Template{}, &TemplateError{Msg: err.Error()}
	}
	msg := &message{m: m}
	msg.setLocale("")
	msg.index()
	msg.ph = msg.placeholders()
	return Template{src: src, msg: msg}, nil
}

// index records the argument index of every reference.
func (msg *message) index() {
	uses := msg.m.Uses()
	msg.args = make([]int, len(uses))
	for i, u := range uses {
		msg.args[i] = u.Index
	}
	msg.fast, _ = compileFast(msg.m)
	msg.fastCh = fastChoiceArgs(msg.fast)
}

// clone returns a copy of msg that binding can change: src parsed anew.
func (msg *message) clone(src string) *message {
	m, err := icu.Parse(src)
	if err != nil { // src parsed before: unreachable
		m = msg.m
	}
	c := &message{m: m, ph: msg.ph, locale: msg.locale, rules: msg.rules}
	c.index()
	return c
}

// bind resolves every reference against params, with the wording of plain templates.
func (msg *message) bind(params []Param) error {
	names := make([]string, len(params))
	for i, p := range params {
		names[i] = p.Name
	}
	for _, u := range msg.m.Uses() {
		ok := false
		if c := u.Name[0]; c >= '0' && c <= '9' {
			ok = u.Index < len(params)
		} else {
			for _, n := range names {
				ok = ok || n == u.Name
			}
		}
		if !ok {
			return &TemplateError{Offset: u.Offset, Msg: "placeholder {" + u.Name + "} names no parameter: " + declared(params)}
		}
	}
	if err := msg.m.Bind(names); err != nil { // every name was checked above
		return &TemplateError{Msg: err.Error()}
	}
	// A reference is named by its parameter from now on, so that a missing value's
	// marker reads {kind?} for {0}, as in a plain template.
	for _, r := range refs(msg.m) {
		r.Name = names[r.Index]
	}
	msg.index()
	return nil
}

// remap renumbers every reference, bound to params, through m (a parameter index to
// another list's, or -1 for none), on a copy parsed from src.
func (msg *message) remap(src string, params []Param, m []int) *message {
	c := msg.clone(src)
	if c.bind(params) != nil { // bound to params before: unreachable
		return c
	}
	for _, r := range refs(c.m) {
		if r.Index >= 0 && r.Index < len(m) {
			r.Index = m[r.Index]
		} else {
			r.Index = -1
		}
	}
	c.index()
	return c
}

// refs returns the reference of every placeholder of m, to change in place.
func refs(m *icu.Message) []*icu.Ref {
	var out []*icu.Ref
	icu.Walk(m, func(n icu.Node) bool {
		switch n := n.(type) {
		case *icu.Arg:
			out = append(out, &n.Ref)
		case *icu.Format:
			out = append(out, &n.Ref)
		case *icu.Choice:
			out = append(out, &n.Ref)
		}
		return true
	})
	return out
}

// placeholders returns every use of an argument as a Placeholder, as written: call it
// before binding.
func (msg *message) placeholders() []Placeholder {
	uses := msg.m.Uses()
	out := make([]Placeholder, len(uses))
	for i, u := range uses {
		out[i] = Placeholder{Name: u.Name, Index: -1, Offset: u.Offset}
		if c := u.Name[0]; c >= '0' && c <= '9' {
			out[i].Index, _ = strconv.Atoi(u.Name)
		}
	}
	return out
}

// append renders msg with args for locale, escaped for a JSON string when json is
// set: itself when the message has the shape of fastNodes and its choices' values are
// integers, else by package icu, with up to four values converted on the stack.
func (msg *message) append(dst []byte, locale string, args []Value, json bool) []byte {
	if msg.fast != nil && locale == msg.locale && fastArgs(msg.fastCh, args) {
		return appendFast(dst, msg.fast, args, &msg.rules, json, 0)
	}
	return msg.appendICU(dst, locale, args, json)
}

// appendICU is append through package icu.
func (msg *message) appendICU(dst []byte, locale string, args []Value, json bool) []byte {
	var buf [4]icu.Value
	var vals []icu.Value
	if len(args) <= len(buf) {
		vals = buf[:len(args)]
	} else {
		vals = make([]icu.Value, len(args))
	}
	for i := range args {
		switch a := &args[i]; mark(a.p) {
		case KindInt: // the usual cases, converted inline
			vals[i] = icu.Int(int64(a.n))
		case KindInvalid:
			if a.isPlain() {
				vals[i] = icu.JSONSafeString(a.str())
				continue
			}
			if a.isString() {
				vals[i] = icu.String(a.str())
				continue
			}
			fallthrough
		default:
			vals[i] = a.icu()
		}
	}
	a := icu.Args{Values: vals}
	rules := &msg.rules
	if locale != msg.locale {
		r := icu.RulesOf(locale)
		rules = &r
	}
	if json {
		return icu.AppendRulesJSON(dst, msg.m, rules, a)
	}
	return icu.AppendRules(dst, msg.m, rules, a)
}

// setLocale looks up the plural rules of locale, the template's.
func (msg *message) setLocale(locale string) {
	msg.locale, msg.rules = locale, icu.RulesOf(locale)
}

// icu returns v as package icu holds values; the zero Value is icu's missing value.
func (v *Value) icu() icu.Value {
	switch v.Kind() {
	case KindString:
		return icu.String(v.str())
	case KindInt:
		return icu.Int(int64(v.n))
	case KindFloat:
		return icu.Float(v.Float64())
	case KindBool:
		return icu.Bool(v.n == 1)
	case KindTime:
		if mark(v.p) == KindTime {
			return icu.UnixNano(int64(v.n))
		}
		return icu.TimeOf((*time.Time)(v.p))
	case KindDuration:
		return icu.Duration(v.Duration())
	}
	return icu.Value{}
}
