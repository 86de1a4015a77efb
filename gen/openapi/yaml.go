package openapi

import (
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// YAML returns the JSON document doc as YAML that YAML 1.1 and YAML 1.2 parsers read
// alike: keys in doc's order, and every string that either version could read as
// something else (a number such as 000018, 0o17 or 1_000, a bool such as yes or off,
// null, ~, a sexagesimal 12:30, .inf…) in double quotes.
func YAML(doc []byte) ([]byte, error) {
	var root yaml.MapSlice
	if err := yaml.UnmarshalWithOptions(doc, &root, yaml.UseOrderedMap()); err != nil {
		return nil, err
	}
	return encodeYAML(root, nil)
}

// encodeYAML writes v as YAML with its comments cm (nil for none), quoting the
// strings YAML 1.1 or 1.2 could read as another type.
func encodeYAML(v any, cm yaml.CommentMap) ([]byte, error) {
	opts := []yaml.EncodeOption{yaml.IndentSequence(true)}
	if cm != nil {
		opts = append(opts, yaml.WithComment(cm))
	}
	out, err := yaml.MarshalWithOptions(v, opts...)
	if err != nil {
		return nil, err
	}
	// The encoder leaves some ambiguous scalars plain (000018, 1e3, .inf): read its
	// output back as a syntax tree, with the comments, and quote those.
	f, err := parser.ParseBytes(out, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	for _, d := range f.Docs {
		ast.Walk(quoter{}, d)
	}
	return []byte(f.String() + "\n"), nil
}

// quoter double-quotes each plain scalar string (a key or a value) that a YAML 1.1
// or 1.2 parser could resolve to another type than string.
type quoter struct{}

func (q quoter) Visit(n ast.Node) ast.Visitor {
	s, ok := n.(*ast.StringNode)
	if !ok {
		return q
	}
	if t := s.Token.Type; t != token.DoubleQuoteType && t != token.SingleQuoteType && Ambiguous(s.Value) {
		lit := strconv.Quote(s.Value)
		s.Token = token.New(lit, lit, s.Token.Position)
		s.Value = s.Token.Value
	}
	return q
}

// yamlWords are the plain scalars YAML 1.1 or 1.2 read as a bool or null (compared
// lower-cased; over-quoting is harmless).
var yamlWords = map[string]bool{
	"": true, "~": true, "null": true, "true": true, "false": true,
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"=": true, "<<": true,
}

// Ambiguous reports whether a plain (unquoted) YAML scalar s could be read as
// anything but the string s by a YAML 1.1 or 1.2 parser: a bool, null, a number in
// any of their notations (leading zeros, 0o, 0x, 0b, exponents, underscores,
// sexagesimal, .inf, .nan), a timestamp, or a merge or value key. It errs on the side
// of quoting: every string that starts like a number is ambiguous.
func Ambiguous(s string) bool {
	if yamlWords[strings.ToLower(s)] {
		return true
	}
	c := s[0]
	if c >= '0' && c <= '9' {
		return true
	}
	if c == '-' || c == '+' || c == '.' {
		rest := strings.ToLower(strings.TrimLeft(s, "+-"))
		if rest == "" {
			return false
		}
		if rest[0] >= '0' && rest[0] <= '9' || rest[0] == '.' && len(rest) > 1 && (rest[1] >= '0' && rest[1] <= '9' || strings.HasPrefix(rest, ".inf") || strings.HasPrefix(rest, ".nan")) {
			return true
		}
	}
	return false
}
