package catalog

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// jsonStream builds the YAML AST of a catalog file in JSON that json.Valid accepted,
// with the position of every node, so that one decoder reads both formats. It is the
// fast path for large, machine-made catalogs: it reads tens of MB/s where the YAML
// parser reads a few, and its cost grows linearly with the number of keys of a
// mapping. The entries of the top-level "errors" (elements of a list, or key/value
// pairs of a translation file's mapping) are handed to entry as they are read and left
// out of the returned tree, so that a large file's tree is never held at once. key is
// nil for list elements.
func jsonStream(data []byte, entry func(key, value ast.Node)) ast.Node {
	s := &jsonScanner{data: data, line: 1, col: 1, entry: entry}
	return s.value()
}

// jsonScanner walks a valid JSON document; it keeps the line and column of its offset.
type jsonScanner struct {
	data      []byte
	off       int
	line, col int
	depth     int
	entry     func(key, value ast.Node)
}

// advance moves the offset to to, counting lines and columns (in characters).
func (s *jsonScanner) advance(to int) {
	for s.off < to {
		c := s.data[s.off]
		switch {
		case c == '\n':
			s.line++
			s.col = 1
			s.off++
		case c < utf8.RuneSelf:
			s.col++
			s.off++
		default:
			_, n := utf8.DecodeRune(s.data[s.off:])
			s.col++
			s.off += n
		}
	}
}

// skip moves past white space and the separators ',' and ':'.
func (s *jsonScanner) skip() {
	i := s.off
	for i < len(s.data) {
		switch s.data[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
			continue
		}
		break
	}
	s.advance(i)
}

// stream reads the value of the top-level "errors", handing each entry to s.entry,
// and returns an empty container of the same kind, or the value itself when it is
// neither a list nor a mapping (for the decoder to report).
func (s *jsonScanner) stream() ast.Node {
	s.skip()
	c := s.data[s.off]
	if c != '[' && c != '{' {
		return s.value()
	}
	tk := s.token(token.SequenceStartType, string(c), string(c))
	s.advance(s.off + 1)
	s.depth++
	defer func() { s.depth-- }()
	for {
		s.skip()
		switch s.data[s.off] {
		case ']':
			s.advance(s.off + 1)
			return &ast.SequenceNode{BaseNode: &ast.BaseNode{}, Start: tk, IsFlowStyle: true}
		case '}':
			s.advance(s.off + 1)
			return &ast.MappingNode{BaseNode: &ast.BaseNode{}, Start: tk, IsFlowStyle: true}
		}
		if c == '[' {
			s.entry(nil, s.value())
			continue
		}
		key := s.value()
		s.entry(key, s.value())
	}
}

// tokenPos is a token with its position, allocated together.
type tokenPos struct {
	tk  token.Token
	pos token.Position
}

func (s *jsonScanner) token(typ token.Type, value, origin string) *token.Token {
	t := &tokenPos{pos: token.Position{Line: s.line, Column: s.col, Offset: s.off}}
	t.tk = token.Token{Type: typ, Value: value, Origin: origin, Position: &t.pos}
	return &t.tk
}

// mappingValue is a key/value node with its base, allocated together.
type mappingValue struct {
	n    ast.MappingValueNode
	base ast.BaseNode
}

// stringNode is a string node with its base and token, allocated together: a large
// catalog has millions of them.
type stringNode struct {
	n    ast.StringNode
	base ast.BaseNode
	tp   tokenPos
}

func (s *jsonScanner) value() ast.Node {
	s.skip()
	if s.off >= len(s.data) {
		return nil
	}
	switch c := s.data[s.off]; {
	case c == '{':
		tk := s.token(token.MappingStartType, "{", "{")
		s.advance(s.off + 1)
		m := &ast.MappingNode{BaseNode: &ast.BaseNode{}, Start: tk, IsFlowStyle: true}
		s.depth++
		defer func() { s.depth-- }()
		for {
			s.skip()
			if s.data[s.off] == '}' {
				s.advance(s.off + 1)
				return m
			}
			key := s.value()
			if sk, ok := key.(*ast.StringNode); ok && s.depth == 1 && s.entry != nil && sk.Value == "errors" {
				kv := &mappingValue{}
				kv.n = ast.MappingValueNode{BaseNode: &kv.base, Start: key.GetToken(), Key: sk, Value: s.stream(), IsFlowStyle: true}
				m.Values = append(m.Values, &kv.n)
				continue
			}
			k, _ := key.(ast.MapKeyNode)
			kv := &mappingValue{}
			kv.n = ast.MappingValueNode{BaseNode: &kv.base, Start: key.GetToken(), Key: k, Value: s.value(), IsFlowStyle: true}
			m.Values = append(m.Values, &kv.n)
		}
	case c == '[':
		s.depth++
		defer func() { s.depth-- }()
		tk := s.token(token.SequenceStartType, "[", "[")
		s.advance(s.off + 1)
		seq := &ast.SequenceNode{BaseNode: &ast.BaseNode{}, Start: tk, IsFlowStyle: true}
		for {
			s.skip()
			if s.data[s.off] == ']' {
				s.advance(s.off + 1)
				return seq
			}
			seq.Values = append(seq.Values, s.value())
		}
	case c == '"':
		end := s.off + 1
		escaped := false
		for s.data[end] != '"' {
			if s.data[end] == '\\' {
				escaped = true
				end++
			}
			end++
		}
		raw := s.data[s.off : end+1]
		str := string(raw[1 : len(raw)-1])
		if escaped {
			_ = json.Unmarshal(raw, &str)
		}
		sn := &stringNode{tp: tokenPos{pos: token.Position{Line: s.line, Column: s.col, Offset: s.off}}}
		sn.tp.tk = token.Token{Type: token.DoubleQuoteType, Value: str, Origin: `"`, Position: &sn.tp.pos}
		sn.n = ast.StringNode{BaseNode: &sn.base, Token: &sn.tp.tk, Value: str}
		s.advance(end + 1)
		return &sn.n
	case c == 't' || c == 'f':
		b := c == 't'
		text := "false"
		if b {
			text = "true"
		}
		n := &ast.BoolNode{BaseNode: &ast.BaseNode{}, Token: s.token(token.BoolType, text, text), Value: b}
		s.advance(s.off + len(text))
		return n
	case c == 'n':
		n := &ast.NullNode{BaseNode: &ast.BaseNode{}, Token: s.token(token.NullType, "null", "null")}
		s.advance(s.off + 4)
		return n
	default:
		end := s.off
		float := false
		for end < len(s.data) {
			switch s.data[end] {
			case '.', 'e', 'E':
				float = true
			case '-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			default:
				goto done
			}
			end++
		}
	done:
		text := string(s.data[s.off:end])
		var n ast.Node
		if float {
			f, _ := strconv.ParseFloat(text, 64)
			n = &ast.FloatNode{BaseNode: &ast.BaseNode{}, Token: s.token(token.FloatType, text, text), Value: f}
		} else {
			i, _ := strconv.ParseInt(text, 10, 64)
			n = &ast.IntegerNode{BaseNode: &ast.BaseNode{}, Token: s.token(token.IntegerType, text, text), Value: i}
		}
		s.advance(end)
		return n
	}
}

// jsonHasTopKey reports whether the top-level object of a valid JSON document has
// key, reading keys and skipping values without building them.
func jsonHasTopKey(data []byte, key string) bool {
	s := &jsonScanner{data: data, line: 1, col: 1}
	s.skip()
	if s.off >= len(data) || data[s.off] != '{' {
		return false
	}
	s.off++
	for {
		s.skipFast()
		if s.off >= len(data) || data[s.off] == '}' {
			return false
		}
		k, _ := s.value().(*ast.StringNode)
		if k != nil && k.Value == key {
			return true
		}
		s.skipFast()
		s.skipValue()
	}
}

// skipFast is skip without line counting, for scans that report no position.
func (s *jsonScanner) skipFast() {
	for s.off < len(s.data) {
		switch s.data[s.off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			s.off++
			continue
		}
		return
	}
}

// skipValue moves past one value without building it or counting lines.
func (s *jsonScanner) skipValue() {
	depth := 0
	for s.off < len(s.data) {
		switch c := s.data[s.off]; c {
		case '"':
			s.off++
			for s.data[s.off] != '"' {
				if s.data[s.off] == '\\' {
					s.off++
				}
				s.off++
			}
			s.off++
		case '{', '[':
			depth++
			s.off++
		case '}', ']':
			depth--
			s.off++
		case ',', ' ', '\t', '\r', '\n', ':':
			if depth == 0 {
				return
			}
			s.off++
		default:
			s.off++
		}
		if depth == 0 && s.off < len(s.data) && (s.data[s.off] == ',' || s.data[s.off] == '}') {
			return
		}
	}
}
