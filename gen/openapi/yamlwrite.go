package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// YAML returns the JSON document doc as YAML that YAML 1.1 and YAML 1.2 parsers read
// alike: block style, keys in doc's order, and every string that either version
// could read as something else (a number such as 000018, 0o17 or 1_000, a bool such
// as yes or off, null, ~, a sexagesimal 12:30, .inf…) or that a plain scalar cannot
// hold in double quotes, with JSON's escapes.
func YAML(doc []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	w := &yamlWriter{dec: dec}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if err := w.value(tok, "", true); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the JSON document")
	}
	w.b.WriteByte('\n')
	return w.b.Bytes(), nil
}

// yamlWriter writes the JSON values a decoder reads as block-style YAML.
type yamlWriter struct {
	dec *json.Decoder
	b   bytes.Buffer
}

// value writes the value that starts with tok. An object or array that is not empty
// starts on a new line at indent (or, inline, right after a sequence's "- ").
func (w *yamlWriter) value(tok json.Token, indent string, inline bool) error {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return w.object(indent, inline)
		}
		return w.array(indent, inline)
	case string:
		w.b.WriteString(yamlString(t))
	case json.Number:
		w.b.WriteString(yamlNumber(t.String()))
	case bool:
		fmt.Fprint(&w.b, t)
	case nil:
		w.b.WriteString("null")
	}
	return nil
}

func (w *yamlWriter) object(indent string, inline bool) error {
	first := true
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if !first || !inline {
			w.b.WriteByte('\n')
			w.b.WriteString(indent)
		}
		first = false
		w.b.WriteString(yamlString(key))
		w.b.WriteByte(':')
		if err := w.member(indent); err != nil {
			return err
		}
	}
	if first {
		w.b.WriteString("{}")
	}
	_, err := w.dec.Token() // '}'
	return err
}

func (w *yamlWriter) array(indent string, inline bool) error {
	first := true
	for w.dec.More() {
		if !first || !inline {
			w.b.WriteByte('\n')
			w.b.WriteString(indent)
		}
		first = false
		w.b.WriteString("- ")
		tok, err := w.dec.Token()
		if err != nil {
			return err
		}
		if err := w.value(tok, indent+"  ", true); err != nil {
			return err
		}
	}
	if first {
		w.b.WriteString("[]")
	}
	_, err := w.dec.Token() // ']'
	return err
}

// member writes the value of an object's member after its key and colon.
func (w *yamlWriter) member(indent string) error {
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); ok && w.dec.More() {
		if d == '[' {
			return w.array(indent+"  ", false)
		}
		return w.object(indent+"  ", false)
	}
	w.b.WriteByte(' ')
	return w.value(tok, indent, false)
}

// yamlString writes s as a plain scalar when YAML 1.1 and 1.2 read that as the
// string s, else double-quoted.
func yamlString(s string) string {
	if plainSafe(s) {
		return s
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// plainSafe reports whether s can be written as a plain scalar that every YAML 1.1
// and 1.2 parser reads as the string s: it starts with a letter, "_", "/" or "(",
// holds only printable ASCII and no indicator a parser could take for structure
// (": ", " #", quotes), and is not a word either version resolves to another type.
func plainSafe(s string) bool {
	if s == "" || Ambiguous(s) {
		return false
	}
	c := s[0]
	if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '/' || c == '(') {
		return false
	}
	if s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == 0x7f || c >= 0x80:
			return false // control characters, and anything not ASCII, quoted
		case c == '#' && i > 0 && s[i-1] == ' ', c == ':' && i+1 < len(s) && s[i+1] == ' ':
			return false
		case c == '"' || c == '\'' || c == '\\' || c == '`':
			return false
		}
	}
	return true
}

// yamlNumber writes a JSON number so that YAML 1.1, whose floats need a dot and a
// signed exponent, reads it as the same number YAML 1.2 does.
func yamlNumber(n string) string {
	i := strings.IndexAny(n, "eE")
	if i < 0 {
		return n
	}
	mant, exp := n[:i], n[i+1:]
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	if exp[0] != '-' && exp[0] != '+' {
		exp = "+" + exp
	}
	return mant + "e" + exp
}
