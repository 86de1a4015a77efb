package catalog

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// jsonStream builds the YAML AST of a catalog file in JSON, with the position of every
// node, so that one decoder reads both formats, and reports whether data is valid
// JSON: it checks the grammar as it reads (as json.Valid would, in the same pass), and
// stops at the first error, leaving what it returned and handed to entry incomplete. It is the
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
//
// The data is held to the limits as it is read: MaxNesting, MaxKeyLength, and
// MaxTokens for each entry and for the rest of the file. The first one reached
// stops the scan, as bad JSON does, and is returned (without a file name).
func jsonStream(data []byte, sawLocale *bool, entry func(key, value ast.Node)) (ast.Node, bool, *Problem) {
	s := &jsonScanner{data: data, line: 1, col: 1, entry: entry, sawLocale: sawLocale}
	n := s.value()
	s.skip()
	if s.off != len(data) {
		s.bad = true
	}
	return n, !s.bad, s.over
}

// limit stops the scan with the problem of a limit reached at p.
func (s *jsonScanner) limit(p token.Position, problem func(Pos) Problem) {
	if s.over == nil {
		pr := problem(Pos{Line: p.Line, Col: p.Column})
		s.over = &pr
	}
	s.bad = true
}

// jsonScanner walks a valid JSON document; it keeps the line and column of its offset.
type jsonScanner struct {
	data  []byte
	off   int
	depth int
	bad   bool // the data is not valid JSON, or over a limit: stop
	over  *Problem
	// values counts the values read and held: those of the entry being read, or of
	// the rest of the file.
	values int

	// Positions are worked out when a node needs one, from where the last one was:
	// the lines before nlOff are counted (line is the line of nlOff), and col is the
	// column (in characters, 1-based) of nlOff. Each byte is looked at once
	// however long a line is, so that a file on one line costs what it costs indented.
	line, nlOff, col int

	entry     func(key, value ast.Node)
	sawLocale *bool

	// text holds the bytes of the strings read, many to a chunk: a catalog's strings
	// are millions of short ones that live as long as it does, and allocating each
	// was a fifth of its load's memory.
	text strings.Builder

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

// position returns the line and column (in characters) of the offset.
func (s *jsonScanner) position() token.Position {
	for {
		i := bytes.IndexByte(s.data[s.nlOff:s.off], '\n')
		if i < 0 {
			break
		}
		s.line++
		s.nlOff, s.col = s.nlOff+i+1, 1
	}
	s.col += utf8.RuneCount(s.data[s.nlOff:s.off])
	s.nlOff = s.off
	return token.Position{Line: s.line, Column: s.col, Offset: s.off}
}

// skip moves past white space.
func (s *jsonScanner) skip() {
	for s.off < len(s.data) {
		switch s.data[s.off] {
		case ' ', '\t', '\r', '\n':
			s.off++
			continue
		}
		return
	}
}

// next skips white space and returns the byte there, or 0 at the end of the data.
func (s *jsonScanner) next() byte {
	s.skip()
	if s.off < len(s.data) {
		return s.data[s.off]
	}
	return 0
}

// expect moves past c after white space, or marks the data bad.
func (s *jsonScanner) expect(c byte) bool {
	if s.next() != c {
		s.bad = true
		return false
	}
	s.off++
	return true
}

// items reads the members of an object or the elements of an array whose opening
// bracket is at the offset, calling item for each until the closing bracket close. It
// reports whether the data is still good.
func (s *jsonScanner) items(close byte, item func()) bool {
	s.depth++
	defer func() { s.depth-- }()
	if s.depth > MaxNesting {
		s.limit(s.position(), nestingProblem)
		return false
	}
	s.off++
	if s.next() == close {
		s.off++
		return !s.bad
	}
	for !s.bad {
		item()
		if s.bad {
			return false
		}
		switch s.next() {
		case ',':
			s.off++
		case close:
			s.off++
			return true
		default:
			s.bad = true
		}
	}
	return false
}

// key reads an object's key and the colon after it.
func (s *jsonScanner) key() *ast.StringNode {
	if s.next() != '"' {
		s.bad = true
		return nil
	}
	k, _ := s.value().(*ast.StringNode)
	if k != nil && len(k.Value) > MaxKeyLength {
		s.limit(*k.Token.Position, keyProblem)
		return nil
	}
	if !s.expect(':') {
		return nil
	}
	return k
}

// stream reads the value of the top-level "errors", handing each entry to s.entry,
// and returns an empty container of the same kind, or the value itself when it is
// neither a list nor a mapping (for the decoder to report).
func (s *jsonScanner) stream() ast.Node {
	c := s.next()
	if c != '[' && c != '{' {
		return s.value()
	}
	var empty ast.Node
	if c == '[' {
		empty = s.newSequence()
	} else {
		empty = s.newMapping()
	}
	close := byte(']')
	if c == '{' {
		close = '}'
	}
	s.items(close, func() {
		m, values := s.marks(), s.values
		if c == '[' {
			if v := s.value(); !s.bad {
				s.entry(nil, v)
			}
		} else if k := s.key(); !s.bad {
			if v := s.value(); !s.bad {
				s.entry(k, v)
			}
		}
		s.release(m)
		s.values = values
	})
	return empty
}

// tokenPos is a token with its position, allocated together.
type tokenPos struct {
	tk  token.Token
	pos token.Position
}

func (s *jsonScanner) token(typ token.Type, value, origin string) *token.Token {
	t := s.toks.new()
	t.pos = s.position()
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
	tp.pos = s.position()
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

// value reads one value; nil, with s.bad set, when the data is not valid JSON there.
func (s *jsonScanner) value() ast.Node {
	c := s.next()
	if s.values++; s.values > MaxTokens {
		s.limit(s.position(), func(p Pos) Problem {
			return tokensProblem(p, "values in one entry of errors, or in the rest of the file", "an entry holds a few dozen; look for a runaway list here")
		})
		return nil
	}
	switch {
	case c == '{':
		m := s.newMapping()
		s.items('}', func() {
			k := s.key()
			if s.bad {
				return
			}
			if s.depth == 1 && s.sawLocale != nil && k.Value == "locale" {
				*s.sawLocale = true
			}
			var v ast.Node
			if s.depth == 1 && s.entry != nil && k.Value == "errors" {
				v = s.stream()
			} else {
				v = s.value()
			}
			m.Values = append(m.Values, s.newMappingValue(k, v))
		})
		return m
	case c == '[':
		seq := s.newSequence()
		s.items(']', func() { seq.Values = append(seq.Values, s.value()) })
		return seq
	case c == '"':
		return s.str()
	case c == 't':
		return s.literal("true", token.BoolType, func(tk *token.Token) ast.Node {
			return &ast.BoolNode{BaseNode: &ast.BaseNode{}, Token: tk, Value: true}
		})
	case c == 'f':
		return s.literal("false", token.BoolType, func(tk *token.Token) ast.Node { return &ast.BoolNode{BaseNode: &ast.BaseNode{}, Token: tk} })
	case c == 'n':
		return s.literal("null", token.NullType, func(tk *token.Token) ast.Node { return &ast.NullNode{BaseNode: &ast.BaseNode{}, Token: tk} })
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	}
	s.bad = true
	return nil
}

// literal reads true, false or null.
func (s *jsonScanner) literal(text string, typ token.Type, node func(*token.Token) ast.Node) ast.Node {
	if !bytes.HasPrefix(s.data[s.off:], []byte(text)) {
		s.bad = true
		return nil
	}
	n := node(s.token(typ, text, text))
	s.off += len(text)
	return n
}

// str reads a string: no control characters, and escapes as JSON defines them.
func (s *jsonScanner) str() ast.Node {
	start := s.off
	end := start + 1
	escaped := false
	for {
		if end >= len(s.data) {
			s.bad = true
			return nil
		}
		c := s.data[end]
		if c == '"' {
			break
		}
		if c < 0x20 {
			s.bad = true
			return nil
		}
		if c == '\\' {
			escaped = true
			if end+1 >= len(s.data) {
				s.bad = true
				return nil
			}
			switch s.data[end+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				end++
			case 'u':
				if end+6 > len(s.data) || !isHex4(s.data[end+2:end+6]) {
					s.bad = true
					return nil
				}
				end += 5
			default:
				s.bad = true
				return nil
			}
		}
		end++
	}
	raw := s.data[start : end+1]
	var str string
	if escaped {
		_ = json.Unmarshal(raw, &str)
	} else if k, ok := knownKeys[string(raw[1:len(raw)-1])]; ok {
		str = k // a field name: every entry has them, so they are not copied each time
	} else {
		str = s.copyString(raw[1 : len(raw)-1])
	}
	sn := s.strs.new()
	sn.tp.pos = s.position()
	sn.tp.tk = token.Token{Type: token.DoubleQuoteType, Value: str, Origin: `"`, Position: &sn.tp.pos}
	sn.base = ast.BaseNode{}
	sn.n = ast.StringNode{BaseNode: &sn.base, Token: &sn.tp.tk, Value: str}
	s.off = end + 1
	return &sn.n
}

// textChunk is the size of the chunks copyString fills.
const textChunk = 32 << 10

// copyString returns a string of b's bytes, copied into the current chunk of text. A
// strings.Builder never changes the bytes it has written, so earlier strings stay as
// they are when later ones are added or a new chunk is started.
func (s *jsonScanner) copyString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if s.text.Cap()-s.text.Len() < len(b) {
		s.text = strings.Builder{}
		s.text.Grow(max(textChunk, len(b)))
	}
	start := s.text.Len()
	s.text.Write(b)
	return s.text.String()[start:]
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// number reads a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *jsonScanner) number() ast.Node {
	d := s.data
	i := s.off
	digits := func() int { // moves past digits, returning how many
		n := 0
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case digits() == 0:
		s.bad = true
		return nil
	}
	float := false
	if i < len(d) && d[i] == '.' {
		i++
		float = true
		if digits() == 0 {
			s.bad = true
			return nil
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		float = true
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if digits() == 0 {
			s.bad = true
			return nil
		}
	}
	text := string(d[s.off:i])
	var n ast.Node
	if float {
		f, _ := strconv.ParseFloat(text, 64)
		n = &ast.FloatNode{BaseNode: &ast.BaseNode{}, Token: s.token(token.FloatType, text, text), Value: f}
	} else {
		v, _ := strconv.ParseInt(text, 10, 64)
		n = &ast.IntegerNode{BaseNode: &ast.BaseNode{}, Token: s.token(token.IntegerType, text, text), Value: v}
	}
	s.off = i
	return n
}

// knownKeys holds the field names of the format, so that the scanner reuses one string
// for each rather than copying it from every entry.
var knownKeys = func() map[string]string {
	m := map[string]string{}
	for _, list := range [][]string{errorFields, variantFields, paramFields, textFields, headerFields, {"errors", "locale", "operations",
		"ranges", "from", "to", "since", "replaced_by", "note", "field", "group", "string", "int", "float", "bool", "time", "duration"}} {
		for _, k := range list {
			m[k] = k
		}
	}
	return m
}()
