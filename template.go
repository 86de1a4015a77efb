package errcat

import (
	"slices"
	"strconv"
	"strings"

	"github.com/errcat/errcat/internal/jsontext"
)

// Template is a parsed message template: literal text with {0} / {name} placeholders,
// and {{ and }} standing for literal braces. A template may also choose its words by a
// value, in ICU MessageFormat syntax: {count, plural, one {# file} other {# files}},
// {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}, {role, select, admin
// {…} other {…}}, and format numbers, dates and times: {size, number, integer},
// {when, date, short}. Plural categories follow the CLDR rules of the template's
// locale ([Template.Locale]). A Template is parsed once, when its catalog is loaded,
// and rendered by appending into a caller's buffer. Parameter values are written as
// they are and never expanded again: a value "{1}" prints "{1}".
//
// The zero Template is empty and renders nothing. A Template is immutable and safe for
// concurrent use.
type Template struct {
	src    string
	segs   []segment // the pieces of a plain template
	msg    *message  // the parsed message of a template that is not plain, else nil
	locale string    // the BCP 47 tag whose plural rules choose arms
}

// segment is literal text or, when ph is set, a placeholder for argument arg.
type segment struct {
	lit string // literal text, or the placeholder's source text ("{0}")
	// text is a literal's text escaped for a JSON string (lit itself when it needs
	// none), or a placeholder's parameter name once bound, else the text between the
	// braces.
	text string
	arg  int   // argument index; -1 for a named placeholder not yet bound
	off  int32 // byte offset of the placeholder in the source
	ph   bool
}

// Placeholder is one {…} in a template.
type Placeholder struct {
	// Name is the text between the braces: "0" or "kind".
	Name string
	// Index is the parameter index a positional placeholder names, or -1 for a name.
	Index int
	// Offset is the byte offset of the opening brace in the template's source.
	Offset int
}

// TemplateError reports a syntax error in a template, at a byte offset of its source.
type TemplateError struct {
	Offset int
	Msg    string
}

// Error returns the message with the offset, as "offset N: message".
func (e *TemplateError) Error() string {
	return "offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// ParseTemplate parses src. A placeholder is a decimal parameter index or an
// identifier ([A-Za-z_][A-Za-z0-9_]*) between braces; "{{" and "}}" are literal braces.
// A placeholder with a type ({n, plural, …}, {n, number}) follows ICU MessageFormat,
// with errcat's escapes, as doc/format.md describes. Anything else with a brace is an
// error that names the offset and the fix.
//
// The template has no locale: its plurals select by the CLDR root rules (every number
// is "other", exact =N arms still match) until [Template.WithLocale] gives it one.
// A catalog's texts have their locale's.
func ParseTemplate(src string) (Template, error) {
	t, err := parsePlain(src)
	if err == nil {
		return t, nil
	}
	return parseMessage(src)
}

// parsePlain parses a template of literal text and plain placeholders only, as
// ParseTemplate describes.
func parsePlain(src string) (Template, error) {
	t := Template{src: src}
	if !strings.ContainsAny(src, "{}") {
		if src == "" {
			return t, nil
		}
		return Template{src: src, segs: []segment{literal(src)}}, nil
	}
	// Segments are gathered on the stack and kept in a slice of their exact number: a
	// catalog holds hundreds of thousands of templates.
	var stack [16]segment
	segs := stack[:0]
	// A literal run is a substring of src unless it holds an escaped brace; only then
	// is it built.
	var lit strings.Builder
	start, built := 0, false
	flush := func(end int) {
		switch {
		case built:
			lit.WriteString(src[start:end])
			segs = append(segs, literal(lit.String()))
			lit.Reset()
		case end > start:
			segs = append(segs, literal(src[start:end]))
		}
		built = false
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case (c == '{' || c == '}') && i+1 < len(src) && src[i+1] == c:
			lit.WriteString(src[start : i+1])
			built = true
			i += 2
			start = i
		case c == '}':
			return Template{}, &TemplateError{Offset: i, Msg: "unmatched '}': write '}}' for a literal brace"}
		case c == '{':
			end := strings.IndexByte(src[i+1:], '}')
			if end < 0 {
				return Template{}, &TemplateError{Offset: i, Msg: "unclosed '{': close the placeholder with '}' or write '{{' for a literal brace"}
			}
			name := src[i+1 : i+1+end]
			idx, err := placeholderIndex(name)
			if err != "" {
				return Template{}, &TemplateError{Offset: i, Msg: err}
			}
			flush(i)
			segs = append(segs, segment{lit: src[i : i+2+end], text: name, arg: idx, off: int32(i), ph: true})
			i += end + 2
			start = i
		default:
			i++
		}
	}
	flush(len(src))
	t.segs = slices.Clone(segs)
	return t, nil
}

// literal returns the segment of literal text s, escaped for JSON once, here, so that
// rendering into a JSON body copies it as it is.
func literal(s string) segment {
	seg := segment{lit: s, text: s}
	if jsontext.PlainPrefix(s) < len(s) {
		if e := string(jsontext.AppendEscaped(nil, s)); e != s {
			seg.text = e
		}
	}
	return seg
}

// placeholderIndex returns the argument index a positional placeholder names, -1 for a
// valid name, or a message describing what is wrong with name.
func placeholderIndex(name string) (int, string) {
	if name == "" {
		return 0, "empty placeholder '{}': name a parameter, as in {0} or {id}, or write '{{}}' for literal braces"
	}
	if name[0] >= '0' && name[0] <= '9' {
		n := 0
		for i := 0; i < len(name); i++ {
			if name[i] < '0' || name[i] > '9' {
				return 0, "invalid placeholder {" + name + "}: a placeholder is a parameter index like {0} or a name like {id}"
			}
			n = n*10 + int(name[i]-'0')
			if n > 1<<15 {
				return 0, "placeholder index {" + name + "} is too large"
			}
		}
		return n, ""
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return 0, "invalid placeholder {" + name + "}: a placeholder is a parameter index like {0} or a name like {id}"
		}
	}
	return -1, ""
}

// MustParseTemplate is like [ParseTemplate] but panics on a syntax error. It is meant
// for templates written in Go source, such as tests and generated code.
func MustParseTemplate(src string) Template {
	t, err := ParseTemplate(src)
	if err != nil {
		panic("errcat: template " + strconv.Quote(src) + ": " + err.Error())
	}
	return t
}

// String returns the template's source text.
func (t Template) String() string { return t.src }

// IsZero reports whether t is empty.
func (t Template) IsZero() bool { return len(t.segs) == 0 && t.msg == nil }

// Plain reports whether t is literal text and plain placeholders only, without a
// plural, select or format: then [Template.Parts] describes all of it.
func (t Template) Plain() bool { return t.msg == nil }

// Locale returns the BCP 47 tag whose plural rules t follows: its catalog locale's
// for a catalog's text, "" (the CLDR root rules) for a template parsed alone.
func (t Template) Locale() string { return t.locale }

// WithLocale returns t following the plural rules of locale, a BCP 47 tag.
func (t Template) WithLocale(locale string) Template {
	t.locale = locale
	return t
}

// Placeholders returns the template's placeholders in the order they appear, those in
// the arms of plurals and selects included; a plural or select is one placeholder, at
// its opening brace.
func (t Template) Placeholders() []Placeholder {
	if t.msg != nil {
		return slices.Clone(t.msg.ph)
	}
	var out []Placeholder
	for _, s := range t.segs {
		if !s.ph {
			continue
		}
		p := Placeholder{Name: s.lit[1 : len(s.lit)-1], Index: -1, Offset: int(s.off)}
		if c := p.Name[0]; c >= '0' && c <= '9' {
			p.Index = s.arg
		}
		out = append(out, p)
	}
	return out
}

// Bind resolves every placeholder against params, so that {0} and {kind} both refer
// to the parameter named kind at index 0. It returns a [*TemplateError] naming the
// first placeholder that refers to no parameter.
func (t Template) Bind(params []Param) (Template, error) {
	b := Template{src: t.src, segs: slices.Clone(t.segs), locale: t.locale}
	if t.msg != nil {
		b.msg = t.msg.clone(t.src)
	}
	err := b.bind(params)
	return b, err
}

// bind is Bind in place, for a template nobody else holds.
func (b *Template) bind(params []Param) error {
	if b.msg != nil {
		return b.msg.bind(params)
	}
	for i := range b.segs {
		s := &b.segs[i]
		if !s.ph {
			continue
		}
		text := s.lit[1 : len(s.lit)-1]
		if c := text[0]; c >= '0' && c <= '9' {
			if s.arg >= len(params) {
				return &TemplateError{Offset: int(s.off), Msg: "placeholder " + s.lit + " names no parameter: " + declared(params)}
			}
			s.text = params[s.arg].Name
			continue
		}
		s.arg = -1
		for j, p := range params {
			if p.Name == text {
				s.arg = j
				break
			}
		}
		if s.arg < 0 {
			return &TemplateError{Offset: int(s.off), Msg: "placeholder " + s.lit + " names no parameter: " + declared(params)}
		}
	}
	return nil
}

func declared(params []Param) string {
	if len(params) == 0 {
		return "the error declares no params; add them under params"
	}
	var b strings.Builder
	b.WriteString("declared are ")
	for i, p := range params {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{" + strconv.Itoa(i) + "} " + p.Name)
	}
	return b.String()
}

// Append renders t into dst with args and returns the extended buffer. A placeholder
// whose argument is missing (out of range or the zero [Value]) is written as a visible
// marker, {name?}, so that a half-rendered message is noticed rather than silently
// wrong. Append never panics.
func (t Template) Append(dst []byte, args []Value) []byte { return t.appendTo(dst, args) }

// AppendJSON is [Template.Append] for JSON bodies: it appends the rendered text escaped
// as the contents of a JSON string, without the quotes, exactly as encoding/json would
// escape it (including <, > and &). Literal text is escaped once, when the template is
// parsed; only string values are escaped here. Values of other kinds never need it.
func (t Template) AppendJSON(dst []byte, args []Value) []byte { return t.appendJSON(dst, args) }

// appendJSON is AppendJSON without copying t.
func (t *Template) appendJSON(dst []byte, args []Value) []byte {
	if t.msg != nil {
		return t.msg.append(dst, t.locale, args, true)
	}
	for i := range t.segs {
		s := &t.segs[i]
		switch {
		case !s.ph:
			dst = append(dst, s.text...)
		case s.arg < 0 || s.arg >= len(args) || args[s.arg].IsZero():
			dst = appendMissing(dst, s.text)
		case args[s.arg].isPlain(): // the usual case, copied without a call
			dst = append(dst, args[s.arg].str()...)
		default:
			dst = args[s.arg].appendTextEscaped(dst)
		}
	}
	return dst
}

// appendTo is Append without copying t.
func (t *Template) appendTo(dst []byte, args []Value) []byte {
	if t.msg != nil {
		return t.msg.append(dst, t.locale, args, false)
	}
	for i := range t.segs {
		s := &t.segs[i]
		switch {
		case !s.ph:
			dst = append(dst, s.lit...)
		case s.arg < 0 || s.arg >= len(args) || args[s.arg].IsZero():
			dst = appendMissing(dst, s.text)
		default:
			dst = args[s.arg].AppendText(dst)
		}
	}
	return dst
}

// appendMissing writes the marker of a placeholder whose value is missing, {name?}.
// The name is an identifier or an index: nothing to escape, in text or JSON.
func appendMissing(dst []byte, name string) []byte {
	dst = append(dst, '{')
	dst = append(dst, name...)
	return append(dst, '?', '}')
}

// Render returns t rendered with args, as [Template.Append] writes it.
func (t Template) Render(args []Value) string {
	if len(t.segs) == 1 && !t.segs[0].ph {
		return t.segs[0].lit
	}
	return string(t.Append(make([]byte, 0, len(t.src)+32), args))
}

// satisfied reports whether every placeholder of t has a present argument.
func (t Template) satisfied(args []Value) bool {
	if t.msg != nil {
		for _, a := range t.msg.args {
			if a < 0 || a >= len(args) || !args[a].present() {
				return false
			}
		}
		return true
	}
	for i := range t.segs {
		if !t.segs[i].ph {
			continue
		}
		if a := t.segs[i].arg; a < 0 || a >= len(args) || !args[a].present() {
			return false
		}
	}
	return true
}

// Part is a piece of a parsed template: literal text (Param < 0), or a placeholder for
// the parameter at index Param, named Text once the template is bound (else the text
// between the braces).
type Part struct {
	Text  string
	Param int
}

// Parts returns the template's pieces in order, with escaped braces already resolved in
// the literal text. Generators use it to re-emit a template in another language. A
// template that is not [Template.Plain] renders differently by value, which parts
// cannot describe: its parts are one literal, its source, for showing it as written;
// code that renders from parts must check Plain first.
func (t Template) Parts() []Part {
	if t.msg != nil {
		return []Part{{Text: t.src, Param: -1}}
	}
	out := make([]Part, len(t.segs))
	for i, s := range t.segs {
		if s.ph {
			out[i] = Part{Text: s.text, Param: s.arg}
		} else {
			out[i] = Part{Text: s.lit, Param: -1}
		}
	}
	return out
}
