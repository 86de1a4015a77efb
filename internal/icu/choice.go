package icu

import (
	"strconv"
	"strings"

	"github.com/errcat/errcat/internal/plural"
)

// choice parses the rest of a plural, selectordinal or select, after its type.
func (p *parser) choice(open int, ref Ref, typ ChoiceType) (Node, error) {
	if p.depth >= MaxDepth {
		return nil, p.errorf(open, "choices nested more than "+strconv.Itoa(MaxDepth)+" deep: split the message")
	}
	p.depth++
	defer func() { p.depth-- }()
	c := &Choice{Ref: ref, Type: typ}
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != ',' {
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			return nil, p.errorf(open, typ.String()+" needs arms: write {"+ref.Name+", "+typ.String()+", … other {…}}")
		}
		return nil, p.unclosed(open)
	}
	p.pos++
	p.skipSpace()
	if typ != ChoiceSelect && strings.HasPrefix(p.src[p.pos:], "offset:") {
		if err := p.offset(c); err != nil {
			return nil, err
		}
	}
	kind := inPlural
	if typ == ChoiceSelect {
		kind = inSelect
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errorf(open, "unclosed "+typ.String()+": close it with '}' after its last arm")
		}
		if p.src[p.pos] == '}' {
			break
		}
		a, err := p.arm(typ, kind)
		if err != nil {
			return nil, err
		}
		for _, b := range c.Arms {
			if b.Key == a.Key || a.Exact && b.Exact && a.Value == b.Value {
				return nil, p.errorf(a.Pos, "duplicate arm "+strconv.Quote(a.Key)+": remove one of them")
			}
		}
		c.Arms = append(c.Arms, a)
	}
	p.pos++
	c.Span = Span{open, p.pos}
	if !index(c) {
		return nil, p.errorf(open, typ.String()+" needs an \"other\" arm: add other {…} for the values no other arm matches")
	}
	return c, nil
}

// index fills c.byCategory and c.hasExact, and reports whether c has an "other" arm.
func index(c *Choice) bool {
	var other *Arm
	for _, a := range c.Arms {
		switch {
		case a.Key == "other":
			other = a
		case a.Exact:
			c.hasExact = true
		case c.Type != ChoiceSelect:
			c.byCategory[a.Category] = a
		}
	}
	for i, a := range c.byCategory {
		if a == nil {
			c.byCategory[i] = other
		}
	}
	return other != nil
}

// offset parses "offset:N" of a plural or selectordinal.
func (p *parser) offset(c *Choice) error {
	at := p.pos
	p.pos += len("offset:")
	p.skipSpace()
	digits := p.word()
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n < 0 || n >= maxExact || digits[0] == '+' {
		return p.errorf(at, "invalid offset "+strconv.Quote(digits)+": write offset:N with a whole number N, as offset:1")
	}
	c.Offset = n
	return nil
}

// arm parses one selector and its message.
func (p *parser) arm(typ ChoiceType, kind int) (*Arm, error) {
	a := &Arm{Span: Span{Pos: p.pos}}
	exact := p.src[p.pos] == '='
	if exact {
		p.pos++
	}
	a.Key = p.word()
	switch {
	case a.Key == "":
		return nil, p.errorf(a.Pos, "expected a selector or '}': write an arm as key {message}, or close the "+typ.String()+" with '}'")
	case exact && typ == ChoiceSelect:
		return nil, p.errorf(a.Pos, "a select arm cannot be an exact value: write a keyword such as male or admin")
	case exact:
		n, err := strconv.ParseInt(a.Key, 10, 64)
		if err != nil || n <= -maxExact || n >= maxExact || a.Key[0] == '+' {
			return nil, p.errorf(a.Pos, "invalid exact value "+strconv.Quote("="+a.Key)+": write =N with a whole number N, as =0")
		}
		a.Key, a.Exact, a.Value = "="+a.Key, true, n
	case typ != ChoiceSelect:
		cat, ok := plural.ParseCategory(a.Key)
		if !ok {
			return nil, p.errorf(a.Pos, "unknown plural category "+strconv.Quote(a.Key)+": use zero, one, two, few, many, other or =N")
		}
		a.Category = cat
	}
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != '{' {
		return nil, p.errorf(p.pos, "expected '{' after selector "+strconv.Quote(a.Key)+": write "+a.Key+" {message}")
	}
	open := p.pos
	p.pos++
	m, err := p.message(kind)
	if err != nil {
		return nil, err
	}
	if p.pos >= len(p.src) {
		return nil, p.errorf(open, "unclosed arm "+strconv.Quote(a.Key)+": close its message with '}'")
	}
	p.pos++
	a.Message, a.End = m, p.pos
	return a, nil
}
