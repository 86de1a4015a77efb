package icu

import "strconv"

// String returns m's source in canonical form: placeholders without inner spaces
// ({n, plural, one {…} other {…}}), arms separated by one space. For a message Parse
// returned, Parse(m.String()) returns the same nodes, positions aside.
func (m *Message) String() string { return string(m.AppendSource(nil)) }

// AppendSource appends m's source in the canonical form of [Message.String].
func (m *Message) AppendSource(dst []byte) []byte { return appendMessage(dst, m, inTop) }

// appendMessage appends the source of m, parsed as kind (inTop, inSelect or
// inPlural), which decides what its text escapes.
func appendMessage(dst []byte, m *Message, kind int) []byte {
	for _, n := range m.Nodes {
		switch n := n.(type) {
		case *Text:
			dst = appendLiteral(dst, n.Value, kind)
		case *Pound:
			dst = append(dst, '#')
		case *Arg:
			dst = append(append(append(dst, '{'), n.Name...), '}')
		case *Format:
			dst = append(append(dst, '{'), n.Name...)
			dst = append(append(dst, ", "...), n.Type.String()...)
			if n.Style != "" {
				dst = append(append(dst, ", "...), n.Style...)
			}
			dst = append(dst, '}')
		case *Choice:
			dst = appendChoice(dst, n)
		}
	}
	return dst
}

func appendChoice(dst []byte, c *Choice) []byte {
	dst = append(append(dst, '{'), c.Name...)
	dst = append(append(dst, ", "...), c.Type.String()...)
	dst = append(dst, ',')
	if c.Offset != 0 {
		dst = strconv.AppendInt(append(dst, " offset:"...), c.Offset, 10)
	}
	kind := inPlural
	if c.Type == ChoiceSelect {
		kind = inSelect
	}
	for _, a := range c.Arms {
		dst = append(append(append(dst, ' '), a.Key...), " {"...)
		dst = append(appendMessage(dst, a.Message, kind), '}')
	}
	return append(dst, '}')
}

// appendLiteral appends literal text with the escapes its kind of message needs: braces
// doubled at the top level, # doubled in a plural's arms.
func appendLiteral(dst []byte, s string, kind int) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c == '{' || c == '}') && kind == inTop || c == '#' && kind == inPlural {
			dst = append(dst, c)
		}
		dst = append(dst, c)
	}
	return dst
}
