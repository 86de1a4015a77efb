package icu

import (
	"fmt"
	"strings"
)

// dump writes every field of m's nodes, positions included, on one line:
//
//	(0:9 Text[0:3]"ab{" Arg[3:6]{0 #0 @4} Choice[6:9]{n #-1 @7} plural offset=1 [one[…]:one (…)])
func dump(m *Message) string {
	d := dumper{pos: true}
	d.message(m)
	return d.String()
}

// shape is dump without positions: what a message means, not where it was written.
func shape(m *Message) string {
	var d dumper
	d.message(m)
	return d.String()
}

type dumper struct {
	strings.Builder
	pos bool
}

// span writes "[p:e]" (or "(p:e" when open is "(") when positions are wanted.
func (d *dumper) span(open string, s Span) {
	d.WriteString(open)
	if d.pos {
		fmt.Fprintf(d, "%d:%d", s.Pos, s.End)
	}
	if open == "[" {
		d.WriteString("]")
	}
}

func (d *dumper) ref(r Ref) {
	fmt.Fprintf(d, "{%s #%d", r.Name, r.Index)
	if d.pos {
		fmt.Fprintf(d, " @%d", r.NamePos)
	}
	d.WriteString("}")
}

func (d *dumper) message(m *Message) {
	d.span("(", m.Span)
	for _, n := range m.Nodes {
		d.WriteByte(' ')
		switch n := n.(type) {
		case *Text:
			d.WriteString("Text")
			d.span("[", n.Span)
			fmt.Fprintf(d, "%q", n.Value)
		case *Pound:
			d.WriteString("Pound")
			d.span("[", n.Span)
		case *Arg:
			d.WriteString("Arg")
			d.span("[", n.Span)
			d.ref(n.Ref)
		case *Format:
			d.WriteString("Format")
			d.span("[", n.Span)
			d.ref(n.Ref)
			fmt.Fprintf(d, " %s %q", n.Type, n.Style)
		case *Choice:
			d.choice(n)
		}
	}
	d.WriteByte(')')
}

func (d *dumper) choice(c *Choice) {
	d.WriteString("Choice")
	d.span("[", c.Span)
	d.ref(c.Ref)
	fmt.Fprintf(d, " %s offset=%d [", c.Type, c.Offset)
	for i, a := range c.Arms {
		if i > 0 {
			d.WriteByte(' ')
		}
		d.WriteString(a.Key)
		d.span("[", a.Span)
		if a.Exact {
			fmt.Fprintf(d, "=%d", a.Value)
		} else if c.Type != ChoiceSelect {
			fmt.Fprintf(d, ":%s", a.Category)
		}
		d.WriteByte(' ')
		d.message(a.Message)
	}
	d.WriteByte(']')
}
