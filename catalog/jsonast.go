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
//
// The nodes of an entry are taken from slabs that are used again for the next entry
// once entry returns: entry must not keep them (the decoder keeps strings and
// positions only). A catalog of 50,000 codes in five locales is millions of nodes,
// and allocating each was most of its load time.
// *sawLocale is set when a top-level "locale" key has been read.
func jsonStream(data []byte, sawLocale *bool, entry func(key, value ast.Node)) ast.Node {
	s := &jsonScanner{data: data, line: 1, col: 1, entry: entry, sawLocale: sawLocale}
	return s.value()
}

// jsonScanner walks a valid JSON document; it keeps the line and column of its offset.
type jsonScanner struct {
	data      []byte
	off       int
	line, col int
	depth     int
	entry     func(key, value ast.Node)
	sawLocale *bool

	strs slab[stringNode]
	kvs  slab[mappingValue]
	maps slab[mappingNode]
	seqs slab[sequenceNode]
	toks slab[tokenPos]
}

// slab hands out values of T from chunks that are kept for reuse: reset returns every
// value handed out since a mark. new does not zero what it returns; callers set every
// field.
type slab[T any] struct {
	chunks [][]T
	c, i   int // the next value is chunks[c][i]
}

type slabMark struct{ c, i int }

const slabChunk = 512

func (s *slab[T]) new() *T {
	if s.c < len(s.chunks) && s.i == slabChunk {
		s.c, s.i = s.c+1, 0
	}
	if s.c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, slabChunk))
	}
	p := &s.chunks[s.c][s.i]
	s.i++
	return p
}

func (s *slab[T]) mark() slabMark   { return slabMark{s.c, s.i} }
func (s *slab[T]) reset(m slabMark) { s.c, s.i = m.c, m.i }
func (s *jsonScanner) marks() [5]slabMark {
	return [5]slabMark{s.strs.mark(), s.kvs.mark(), s.maps.mark(), s.seqs.mark(), s.toks.mark()}
}

// release makes the nodes handed out since m available again.
func (s *jsonScanner) release(m [5]slabMark) {
	s.strs.reset(m[0])
	s.kvs.reset(m[1])
	s.maps.reset(m[2])
	s.seqs.reset(m[3])
	s.toks.reset(m[4])
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
		m := s.marks()
		if c == '[' {
			s.entry(nil, s.value())
		} else {
			key := s.value()
			s.entry(key, s.value())
		}
		s.release(m)
	}
}

// tokenPos is a token with its position, allocated together.
type tokenPos struct {
	tk  token.Token
	pos token.Position
}

func (s *jsonScanner) token(typ token.Type, value, origin string) *token.Token {
	t := s.toks.new()
	t.pos = token.Position{Line: s.line, Column: s.col, Offset: s.off}
	t.tk = token.Token{Type: typ, Value: value, Origin: origin, Position: &t.pos}
	return &t.tk
}

// mappingValue is a key/value node with its base, allocated together.
type mappingValue struct {
	n    ast.MappingValueNode
	base ast.BaseNode
}

// mappingNode and sequenceNode are container nodes with their base and start token.
type mappingNode struct {
	n    ast.MappingNode
	base ast.BaseNode
	tp   tokenPos
}

type sequenceNode struct {
	n    ast.SequenceNode
	base ast.BaseNode
	tp   tokenPos
}

// startToken fills tp as the token of the container that starts at the offset.
func (s *jsonScanner) startToken(tp *tokenPos, typ token.Type, text string) *token.Token {
	tp.pos = token.Position{Line: s.line, Column: s.col, Offset: s.off}
	tp.tk = token.Token{Type: typ, Value: text, Origin: text, Position: &tp.pos}
	return &tp.tk
}

func (s *jsonScanner) newMapping() *ast.MappingNode {
	m := s.maps.new()
	values := m.n.Values[:0] // the slice of the node this one reuses, if any
	m.base = ast.BaseNode{}
	m.n = ast.MappingNode{BaseNode: &m.base, Start: s.startToken(&m.tp, token.MappingStartType, "{"), IsFlowStyle: true, Values: values}
	return &m.n
}

func (s *jsonScanner) newSequence() *ast.SequenceNode {
	q := s.seqs.new()
	values := q.n.Values[:0]
	q.base = ast.BaseNode{}
	q.n = ast.SequenceNode{BaseNode: &q.base, Start: s.startToken(&q.tp, token.SequenceStartType, "["), IsFlowStyle: true, Values: values}
	return &q.n
}

func (s *jsonScanner) newMappingValue(key ast.MapKeyNode, value ast.Node) *ast.MappingValueNode {
	kv := s.kvs.new()
	kv.base = ast.BaseNode{}
	kv.n = ast.MappingValueNode{BaseNode: &kv.base, Start: key.GetToken(), Key: key, Value: value, IsFlowStyle: true}
	return &kv.n
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
		m := s.newMapping()
		s.advance(s.off + 1)
		s.depth++
		defer func() { s.depth-- }()
		for {
			s.skip()
			if s.data[s.off] == '}' {
				s.advance(s.off + 1)
				return m
			}
			key := s.value()
			k, _ := key.(ast.MapKeyNode)
			var v ast.Node
			sk, _ := key.(*ast.StringNode)
			if sk != nil && s.depth == 1 && s.sawLocale != nil && sk.Value == "locale" {
				*s.sawLocale = true
			}
			if sk != nil && s.depth == 1 && s.entry != nil && sk.Value == "errors" {
				v = s.stream()
			} else {
				v = s.value()
			}
			m.Values = append(m.Values, s.newMappingValue(k, v))
		}
	case c == '[':
		s.depth++
		defer func() { s.depth-- }()
		seq := s.newSequence()
		s.advance(s.off + 1)
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
		var str string
		if escaped {
			_ = json.Unmarshal(raw, &str)
		} else if k, ok := knownKeys[string(raw[1:len(raw)-1])]; ok {
			str = k // a field name: every entry has them, so they are not copied each time
		} else {
			str = string(raw[1 : len(raw)-1])
		}
		sn := s.strs.new()
		sn.tp.pos = token.Position{Line: s.line, Column: s.col, Offset: s.off}
		sn.tp.tk = token.Token{Type: token.DoubleQuoteType, Value: str, Origin: `"`, Position: &sn.tp.pos}
		sn.base = ast.BaseNode{}
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

// knownKeys holds the field names of the format, so that the scanner reuses one string
// for each rather than copying it from every entry.
var knownKeys = func() map[string]string {
	m := map[string]string{}
	for _, list := range [][]string{errorFields, variantFields, paramFields, textFields, {"errors", "locale", "catalog", "operations",
		"ranges", "from", "to", "since", "replaced_by", "note", "field", "group", "title", "version", "docs_url", "default_locale",
		"code_pattern", "wire_code", "string", "int", "float", "bool", "time", "duration"}} {
		for _, k := range list {
			m[k] = k
		}
	}
	return m
}()
