package openapi

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// encodeYAML writes v as YAML with its comments cm (nil for none), quoting the
// strings YAML 1.1 or 1.2 could read as another type.
func encodeYAML(v any, cm yaml.CommentMap) ([]byte, error) {
	opts := []yaml.EncodeOption{yaml.IndentSequence(true)}
	if cm != nil {
		opts = append(opts, yaml.WithComment(cm))
	}
	out, err := yaml.MarshalWithOptions(quoteValues(v), opts...)
	if err != nil {
		return nil, err
	}
	// The encoder writes keys itself, leaving some ambiguous ones plain (000018, 1e3):
	// read its output back as a syntax tree, with the comments, and quote those.
	f, err := parser.ParseBytes(out, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("writing YAML: a key the YAML library cannot read back: %v", err)
	}
	for _, d := range f.Docs {
		ast.Walk(keyQuoter{}, d)
	}
	return []byte(f.String() + "\n"), nil
}

// keyQuoter double-quotes each plain mapping key that a YAML 1.1 or 1.2 parser could
// resolve to another type than string. Every key errcat writes is a string.
type keyQuoter struct{}

func (q keyQuoter) Visit(n ast.Node) ast.Visitor {
	mv, ok := n.(*ast.MappingValueNode)
	if !ok || mv.Key == nil {
		return q
	}
	tk := mv.Key.GetToken()
	if tk == nil || tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType || !Ambiguous(tk.Value) {
		return q
	}
	if _, scalar := mv.Key.(ast.ScalarNode); !scalar {
		return q
	}
	lit := strconv.Quote(tk.Value)
	mv.Key = ast.String(token.New(lit, lit, tk.Position))
	return q
}

// quoted is a string value YAML must write in double quotes.
type quoted string

// MarshalYAML writes q as a double-quoted scalar: a JSON string is one.
func (q quoted) MarshalYAML() ([]byte, error) { return json.Marshal(string(q)) }

// quoteValues returns v with every string value that a YAML 1.1 or 1.2 parser could
// resolve to another type than string made quoted.
func quoteValues(v any) any {
	switch t := v.(type) {
	case *yaml.MapSlice:
		return quoteValues(*t)
	case yaml.MapSlice:
		out := make(yaml.MapSlice, len(t))
		for i, it := range t {
			out[i] = yaml.MapItem{Key: it.Key, Value: quoteValues(it.Value)}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = quoteValues(x)
		}
		return out
	case string:
		if Ambiguous(t) || strings.ContainsFunc(t, isControl) {
			return quoted(t)
		}
	}
	return v
}

// isControl reports whether r is a control character, which YAML's plain and block
// scalars cannot all keep (a carriage return becomes a line feed): a string with one
// is written double-quoted, with escapes.
func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0xfeff }

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
