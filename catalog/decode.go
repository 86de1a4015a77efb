package catalog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// decoder turns the YAML AST of one file into the catalog model, recording a problem
// for everything that is not of the format and carrying on, so that one run reports
// every problem of the file.
type decoder struct {
	file    string
	probs   *Problems
	anchors map[string]ast.Node
	depth   int
	lines   int // added to every line: the nodes are of a part of the file that starts below its top
	nprobs  int // problems recorded, up to MaxProblems and a last that says so

	// budget, when above zero, is how many more list items and mapping entries the
	// decoder may read: a file's aliases may name one list many times, and reading
	// it each time would cost far more than the file's size. spent is set when the
	// budget ran out; the file is then not read.
	budget int
	spent  bool
}

// spend takes n items from the budget, and reports whether they were there; the
// first time they are not, it records a problem at the node that asked.
func (d *decoder) spend(at ast.Node, n int) bool {
	if d.budget == 0 || d.spent {
		return !d.spent
	}
	if d.budget -= n; d.budget > 0 {
		return true
	}
	d.spent = true
	d.nprobs = 0 // said even after MaxProblems others, and alone after: it is why the file is left out
	p := d.pos(at)
	if a, ok := at.(*ast.AliasNode); ok && a.Start != nil && a.Start.Position != nil {
		p.Line, p.Col = a.Start.Position.Line+d.lines, a.Start.Position.Column // the alias, not what it names
	}
	d.problem(p, "aliases expand to more values than the file could hold written out (at most twice its tokens and %d more): use fewer aliases", aliasSlack)
	d.nprobs = MaxProblems + 1
	return false
}

func (d *decoder) pos(n ast.Node) Pos {
	n = d.resolve(n)
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 && !m.IsFlowStyle {
		return d.pos(m.Values[0].Key)
	}
	if mv, ok := n.(*ast.MappingValueNode); ok {
		return d.pos(mv.Key)
	}
	if n == nil {
		return Pos{File: d.file}
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{File: d.file}
	}
	return Pos{File: d.file, Line: tk.Position.Line + d.lines, Col: tk.Position.Column}
}

// problem records a problem, unless MaxProblems have been recorded: the first one
// over the limit is recorded as a note that there were more.
func (d *decoder) problem(p Pos, format string, args ...any) {
	switch d.nprobs++; {
	case d.nprobs <= MaxProblems:
		*d.probs = append(*d.probs, Problem{Pos: p, Msg: fmt.Sprintf(format, args...)})
	case d.nprobs == MaxProblems+1:
		*d.probs = append(*d.probs, Problem{Pos: p, Msg: fmt.Sprintf("more than %d problems in this file (limit MaxProblems): fix these, and load it again for the rest", MaxProblems)})
	}
}

// resolve looks through tags, anchors and aliases to the node that holds the value.
func (d *decoder) resolve(n ast.Node) ast.Node {
	for i := 0; i < 16 && n != nil; i++ {
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.AnchorNode:
			if name, ok := t.Name.(*ast.StringNode); ok && d.anchors != nil {
				d.anchors[name.Value] = t.Value
			}
			n = t.Value
		case *ast.AliasNode:
			name := ""
			if s, ok := t.Value.(*ast.StringNode); ok {
				name = s.Value
			}
			target, ok := d.anchors[name]
			if !ok {
				return t // described as an alias to nothing
			}
			n = target
		default:
			return n
		}
	}
	return n
}

// describe names the kind of a node for messages: "a mapping", "a list", "the number 4".
func describe(n ast.Node) string {
	switch t := n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.StringNode:
		return "the string " + strconv.Quote(t.Value)
	case *ast.LiteralNode:
		return "a block string"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "the number " + t.GetToken().Value
	case *ast.BoolNode:
		return "the boolean " + t.GetToken().Value
	case *ast.AliasNode:
		return "the alias " + t.String() + ", which names no anchor defined before it"
	}
	return "a " + n.Type().String()
}

// isNull reports whether n is absent or an explicit null.
func isNull(n ast.Node) bool {
	_, null := n.(*ast.NullNode)
	return n == nil || null
}

// scalar returns the text of a scalar as written (so an unquoted 000012 stays
// "000012" and 1.10 stays "1.10"), and reports whether n is a scalar.
func (d *decoder) scalar(n ast.Node) (string, bool) {
	switch t := d.resolve(n).(type) {
	case *ast.StringNode:
		return t.Value, true
	case *ast.LiteralNode:
		if t.Value == nil {
			return "", true
		}
		return t.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return t.GetToken().Value, true
	}
	return "", false
}

// str decodes a string field; numbers and booleans are taken as written.
func (d *decoder) str(n ast.Node, field string) string {
	s, ok := d.scalar(n)
	if !ok {
		d.problem(d.pos(n), "%s: want a string, got %s", field, describe(d.resolve(n)))
	}
	return s
}

// integer decodes an integer field.
func (d *decoder) integer(n ast.Node, field string) (int, bool) {
	switch t := d.resolve(n).(type) {
	case *ast.IntegerNode:
		i, err := strconv.Atoi(strings.ReplaceAll(t.GetToken().Value, "_", ""))
		if err == nil {
			return i, true
		}
	case *ast.StringNode:
		if _, err := strconv.Atoi(t.Value); err == nil {
			d.problem(d.pos(n), "%s: want a number, got the string %q: remove the quotes", field, t.Value)
			return 0, false
		}
	}
	d.problem(d.pos(n), "%s: want an integer, got %s", field, describe(d.resolve(n)))
	return 0, false
}

// boolean decodes a boolean field.
func (d *decoder) boolean(n ast.Node, field string) bool {
	if b, ok := d.resolve(n).(*ast.BoolNode); ok {
		return b.Value
	}
	d.problem(d.pos(n), "%s: want true or false, got %s", field, describe(d.resolve(n)))
	return false
}

// list calls item for each element of a list field; null is an empty list.
func (d *decoder) list(n ast.Node, field string, item func(i int, n ast.Node)) {
	r := d.resolve(n)
	if isNull(r) {
		return
	}
	seq, ok := r.(*ast.SequenceNode)
	if !ok {
		d.problem(d.pos(n), "%s: want a list, got %s", field, describe(r))
		return
	}
	if !d.spend(n, len(seq.Values)) {
		return
	}
	for i, v := range seq.Values {
		item(i, v)
	}
}

// strings decodes a list of strings, recording each item's position as field[i].
func (d *decoder) strings(n ast.Node, field string, pos *fieldPositions) []string {
	out := []string{}
	d.list(n, field, func(i int, v ast.Node) {
		key := indexed(field, i)
		if pos != nil {
			pos.set(key, d.textPos(v))
		}
		out = append(out, d.str(v, key))
	})
	return out
}

// entries returns the key/value pairs of a mapping; null is an empty mapping.
func (d *decoder) entries(n ast.Node, field string) ([]*ast.MappingValueNode, bool) {
	switch t := d.resolve(n).(type) {
	case *ast.MappingNode:
		if !d.spend(n, len(t.Values)) {
			return nil, true
		}
		return t.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{t}, true
	case nil, *ast.NullNode:
		return nil, true
	}
	d.problem(d.pos(n), "%s: want a mapping, got %s", field, describe(d.resolve(n)))
	return nil, false
}

// object decodes a mapping with a fixed set of fields: it calls the handler of each
// key, and records unknown and repeated keys. It reports whether n is a mapping.
func (d *decoder) object(n ast.Node, what string, handlers map[string]func(v ast.Node)) bool {
	names := make([]string, 0, len(handlers))
	for k := range handlers {
		names = append(names, k)
	}
	slices.Sort(names)
	return d.fields(n, what, names, func(key string, v ast.Node) { handlers[key](v) })
}

// fields is object for hot paths: names lists the known fields in order, and set is
// called with each known key, so that decoding an object allocates no handler map.
func (d *decoder) fields(n ast.Node, what string, names []string, set func(key string, v ast.Node)) bool {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 32 {
		d.problem(d.pos(n), "%s: nested too deeply", what)
		return false
	}
	kvs, ok := d.entries(n, what)
	if !ok {
		return false
	}
	var seen uint64 // bit i: names[i] seen
	for _, kv := range kvs {
		if _, merge := kv.Key.(*ast.MergeKeyNode); merge {
			d.problem(d.pos(kv.Key), "%s: merge keys (<<) are not supported: write the fields out", what)
			continue
		}
		key, ok := d.scalar(kv.Key)
		if !ok {
			d.problem(d.pos(kv.Key), "%s: a field name must be a string, got %s", what, describe(d.resolve(kv.Key)))
			continue
		}
		i := slices.Index(names, key)
		switch {
		case i < 0:
			d.problem(d.pos(kv.Key), "unknown field %q in %s%s", key, what, suggest(key, names))
			continue
		case seen&(1<<i) != 0:
			d.problem(d.pos(kv.Key), "field %q appears twice in %s", key, what)
			continue
		}
		seen |= 1 << i
		set(key, kv.Value)
	}
	return true
}

// textPos returns the position of the first character of a scalar's text: inside
// the quotes of a quoted string, on the first content line of a block string.
func (d *decoder) textPos(n ast.Node) Pos {
	p := d.pos(n)
	switch t := d.resolve(n).(type) {
	case *ast.StringNode:
		if tk := t.GetToken(); tk != nil && (strings.HasPrefix(tk.Origin, "\"") || strings.HasPrefix(strings.TrimLeft(tk.Origin, " \t\r\n"), "\"") ||
			strings.HasPrefix(strings.TrimLeft(tk.Origin, " \t\r\n"), "'")) {
			p.Col++
		}
	case *ast.LiteralNode:
		if t.Value != nil {
			p = d.pos(t.Value)
		}
	}
	return p
}

// indexed returns "field[i]", without allocating for the first few items of the
// fields that have positions recorded.
func indexed(field string, i int) string {
	if i < len(causeKeys) {
		switch field {
		case "causes":
			return causeKeys[i]
		case "resolutions":
			return resolutionKeys[i]
		case "returned_by":
			return returnedByKeys[i]
		}
	}
	return field + "[" + strconv.Itoa(i) + "]"
}

var causeKeys, resolutionKeys, returnedByKeys = keys("causes"), keys("resolutions"), keys("returned_by")

func keys(field string) []string {
	out := make([]string, 8)
	for i := range out {
		out[i] = field + "[" + strconv.Itoa(i) + "]"
	}
	return out
}
