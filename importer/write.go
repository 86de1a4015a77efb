package importer

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Files returns the catalog's files by name: errors.yaml and, for each translated
// locale, errors.<locale>.yaml.
func (d *Draft) Files() (map[string][]byte, error) {
	out := map[string][]byte{"errors.yaml": d.YAML()}
	for loc, entries := range d.Translations {
		w := &yamlWriter{}
		w.field(0, "locale", loc)
		w.key(0, "errors")
		for _, e := range entries {
			w.key(2, e.Code)
			for _, f := range [][2]string{{"title", e.Title}, {"message", e.Message}, {"description", e.Description}} {
				w.field(4, f[0], clean(f[1], e.Params...))
			}
		}
		out["errors."+loc+".yaml"] = w.b.Bytes()
	}
	return out, nil
}

// YAML returns the draft's catalog file. It is written directly, in a fixed block
// layout with every string double-quoted (in JSON's quoting, which YAML reads), so
// that whatever a text holds it reads back as itself, and in time linear in the
// number of entries.
func (d *Draft) YAML() []byte {
	w := &yamlWriter{}
	w.field(0, "catalog", d.Name)
	w.field(0, "title", plainText(d.Title))
	w.field(0, "description", plainText(d.Description))
	w.field(0, "wire_code", d.WireCode)
	if len(d.Operations) > 0 {
		w.key(0, "operations")
		for _, op := range d.Operations {
			w.key(2, op.ID)
			w.b.WriteString("    title: " + quote(op.Title) + "\n")
			w.field(4, "description", op.Description)
			if op.Group {
				w.b.WriteString("    group: true\n")
			}
		}
	}
	w.key(0, "errors")
	for _, e := range d.Errors {
		w.entry(e)
	}
	return w.b.Bytes()
}

// entry writes one code of errors, with its params and variants.
func (w *yamlWriter) entry(e *Entry) {
	texts := []string{e.Title, e.Message, e.Summary, e.Description}
	texts = append(append(texts, e.Causes...), e.Resolutions...)
	for _, v := range e.Variants {
		texts = append(texts, v.Title, v.Message, v.Description)
	}
	w.b.WriteString("  - code: " + quote(e.Code) + "\n")
	w.field(4, "name", e.Name)
	w.texts(4, e, func() {
		if ps := append(params(texts...), e.Params...); len(ps) > 0 {
			w.key(4, "params")
			for _, p := range ps {
				w.b.WriteString("      - name: " + quote(p) + "\n")
				w.field(8, "example", e.ParamExamples[p])
			}
		}
	})
	w.list(4, "returned_by", e.ReturnedBy)
	if e.Private {
		w.b.WriteString("    public: false\n")
	}
	if e.ExampleField != "" {
		w.key(4, "examples")
		w.b.WriteString("      - field: " + quote(e.ExampleField) + "\n")
	}
	if len(e.Variants) > 0 {
		w.key(4, "variants")
		for i, v := range e.Variants {
			w.b.WriteString("      - key: " + quote(strconv.Itoa(i)) + "\n")
			w.texts(8, v, nil)
			w.list(8, "returned_by", v.ReturnedBy)
		}
	}
}

// texts writes the status and texts of a code or variant at indent, calling between
// (if not nil) after its summary, where a code's params go.
func (w *yamlWriter) texts(indent int, e *Entry, between func()) {
	if e.Status != 0 {
		fmt.Fprintf(&w.b, "%*sstatus: %d\n", indent, "", e.Status)
	}
	w.field(indent, "title", e.Title)
	w.b.WriteString(fmt.Sprintf("%*smessage: ", indent, "") + quote(e.Message) + "\n")
	w.field(indent, "summary", e.Summary)
	if between != nil {
		between()
	}
	w.field(indent, "description", e.Description)
	w.list(indent, "causes", e.Causes)
	w.list(indent, "resolutions", e.Resolutions)
}

// yamlWriter writes block YAML whose every scalar is double-quoted.
type yamlWriter struct{ b bytes.Buffer }

// key writes "key:" at indent, for a value on the lines below.
func (w *yamlWriter) key(indent int, k string) {
	fmt.Fprintf(&w.b, "%*s%s:\n", indent, "", quoteKey(k))
}

// field writes "key: value" at indent, or nothing when value is empty.
func (w *yamlWriter) field(indent int, k, value string) {
	if value != "" {
		fmt.Fprintf(&w.b, "%*s%s: %s\n", indent, "", k, quote(value))
	}
}

// list writes a list of strings at indent, or nothing when it is empty.
func (w *yamlWriter) list(indent int, k string, items []string) {
	if len(items) == 0 {
		return
	}
	w.key(indent, k)
	for _, it := range items {
		fmt.Fprintf(&w.b, "%*s- %s\n", indent+2, "", quote(it))
	}
}

// quote returns s as a double-quoted scalar, in the escapes JSON and YAML share:
// control characters, line and paragraph separators as \uXXXX, and bytes that are
// not UTF-8 as U+FFFD.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029 || r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r) // utf8.RuneError for a byte that is not UTF-8
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quoteKey returns a field name as it is, and any other key quoted.
func quoteKey(k string) string {
	for i := 0; i < len(k); i++ {
		if c := k[i]; !(c >= 'a' && c <= 'z' || c == '_') {
			return quote(k)
		}
	}
	return k
}
