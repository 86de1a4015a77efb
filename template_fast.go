package errcat

import (
	"slices"

	"github.com/errcat/errcat/internal/icu"
	"github.com/errcat/errcat/internal/plural"
)

// fastNode is a node of a message the runtime renders itself, without package icu:
// literal text or a plain placeholder (seg), a # (pound), or a plural or
// selectordinal without an offset whose arms hold such nodes too (choice). Most
// plural messages have this shape; rendering them so converts no values and walks no
// interfaces. The differential fuzz test holds it to icu's rendering.
type fastNode struct {
	seg    segment
	pound  bool
	choice *fastChoice
}

// fastChoice is a plural or selectordinal on the integer argument arg.
type fastChoice struct {
	arg     int
	name    string // the marker's name when the value is missing
	ordinal bool
	exact   []fastExact
	arms    [plural.Many + 1][]fastNode // by category; "other"'s where a category has none
}

// fastExact is an =N arm.
type fastExact struct {
	value int64
	nodes []fastNode
}

// compileFast returns the nodes of m as fastNodes, and reports whether m has the
// shape they can describe.
func compileFast(m *icu.Message) ([]fastNode, bool) {
	out := make([]fastNode, 0, len(m.Nodes))
	for _, n := range m.Nodes {
		switch n := n.(type) {
		case *icu.Text:
			out = append(out, fastNode{seg: literal(n.Value)})
		case *icu.Arg:
			out = append(out, fastNode{seg: segment{text: n.Name, arg: n.Index, ph: true}})
		case *icu.Pound:
			out = append(out, fastNode{pound: true})
		case *icu.Choice:
			c, ok := compileFastChoice(n)
			if !ok {
				return nil, false
			}
			out = append(out, fastNode{choice: c})
		default:
			return nil, false
		}
	}
	return out, true
}

func compileFastChoice(n *icu.Choice) (*fastChoice, bool) {
	if n.Type == icu.ChoiceSelect || n.Offset != 0 {
		return nil, false
	}
	c := &fastChoice{arg: n.Index, name: n.Name, ordinal: n.Type == icu.ChoiceSelectOrdinal}
	var other []fastNode
	for _, a := range n.Arms {
		nodes, ok := compileFast(a.Message)
		if !ok {
			return nil, false
		}
		switch {
		case a.Exact:
			c.exact = append(c.exact, fastExact{a.Value, nodes})
		case a.Key == "other":
			other = nodes
		default:
			c.arms[a.Category] = nodes
		}
	}
	for i := range c.arms {
		if c.arms[i] == nil {
			c.arms[i] = other
		}
	}
	return c, true
}

// fastChoiceArgs returns the argument index of every choice of nodes, arms included.
func fastChoiceArgs(nodes []fastNode) []int {
	var out []int
	for i := range nodes {
		c := nodes[i].choice
		if c == nil {
			continue
		}
		if !slices.Contains(out, c.arg) {
			out = append(out, c.arg)
		}
		for _, e := range c.exact {
			out = append(out, fastChoiceArgs(e.nodes)...)
		}
		for _, arm := range c.arms {
			out = append(out, fastChoiceArgs(arm)...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// fastArgs reports whether the values of choices (the indexes fastChoiceArgs
// returned) are integers or missing: then appendFast renders as icu would.
func fastArgs(choices []int, args []Value) bool {
	for _, i := range choices {
		if i >= 0 && i < len(args) && !args[i].IsZero() && mark(args[i].p) != KindInt {
			return false
		}
	}
	return true
}

// appendFast renders nodes as icu renders the message they came from; n is the
// number # stands for.
func appendFast(dst []byte, nodes []fastNode, args []Value, rules *icu.Rules, json bool, n int64) []byte {
	for i := range nodes {
		f := &nodes[i]
		switch s := &f.seg; {
		case f.choice != nil:
			dst = appendFastChoice(dst, f.choice, args, rules, json)
		case f.pound:
			dst = rules.AppendInt(dst, n)
		case !s.ph && json:
			dst = append(dst, s.text...)
		case !s.ph:
			dst = append(dst, s.lit...)
		case s.arg < 0 || s.arg >= len(args) || args[s.arg].IsZero():
			dst = appendMissing(dst, s.text)
		case !json:
			dst = args[s.arg].AppendText(dst)
		case args[s.arg].isPlain():
			dst = append(dst, args[s.arg].str()...)
		default:
			dst = args[s.arg].appendTextEscaped(dst)
		}
	}
	return dst
}

func appendFastChoice(dst []byte, c *fastChoice, args []Value, rules *icu.Rules, json bool) []byte {
	if c.arg < 0 || c.arg >= len(args) || args[c.arg].IsZero() {
		return appendMissing(dst, c.name)
	}
	n := int64(args[c.arg].n)
	for _, e := range c.exact {
		if e.value == n {
			return appendFast(dst, e.nodes, args, rules, json, n)
		}
	}
	var cat plural.Category
	if c.ordinal {
		cat = rules.Ordinal.Select(plural.OperandsInt(n))
	} else {
		cat = rules.Cardinal.Select(plural.OperandsInt(n))
	}
	return appendFast(dst, c.arms[cat], args, rules, json, n)
}
