package catalog

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// jsonAST builds the YAML AST of a JSON document that json.Valid accepted, with the
// position of every node, so that one decoder reads both formats. It is the fast path
// for large, machine-made catalogs: it reads tens of MB/s where the YAML parser reads
// a few, and its cost grows linearly with the number of keys of a mapping.
func jsonAST(data []byte) ast.Node {
	s := &jsonScanner{data: data, line: 1, col: 1}
	return s.value()
}

// jsonScanner walks a valid JSON document; it keeps the line and column of its offset.
type jsonScanner struct {
	data      []byte
	off       int
	line, col int
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
		for {
			s.skip()
			if s.data[s.off] == '}' {
				s.advance(s.off + 1)
				return m
			}
			key := s.value()
			k, _ := key.(ast.MapKeyNode)
			kv := &mappingValue{}
			kv.n = ast.MappingValueNode{BaseNode: &kv.base, Start: key.GetToken(), Key: k, Value: s.value(), IsFlowStyle: true}
			m.Values = append(m.Values, &kv.n)
		}
	case c == '[':
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
