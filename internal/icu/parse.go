package icu

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errcat/errcat/internal/jsontext"
)

const (
	// MaxDepth is how deeply choices may nest: a plural in an arm of a select is 2.
	MaxDepth = 8
	// MaxSize is the longest message source Parse accepts, in bytes.
	MaxSize = 1 << 16
	// maxIndex is the largest positional argument index.
	maxIndex = 1 << 15
	// maxExact bounds exact values and offsets, so that they compare exactly with
	// any number's operands.
	maxExact = 1_000_000_000_000_000
)

// Error is a syntax error in a message, at a byte offset of its source.
type Error struct {
	Offset int
	Msg    string
}

// Error returns the message with the offset, as "offset N: message".
func (e *Error) Error() string {
	return "offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

type parser struct {
	src   string
	pos   int
	depth int
}

// Parse parses src as the package documentation describes and returns its AST, or
// an [*Error] describing the first problem. It never panics; its time and memory are
// linear in len(src), which must not exceed [MaxSize].
func Parse(src string) (*Message, error) {
	if len(src) > MaxSize {
		return nil, &Error{Offset: MaxSize, Msg: "message is longer than " + strconv.Itoa(MaxSize) + " bytes: shorten it"}
	}
	p := &parser{src: src}
	m, err := p.message(0)
	if err != nil {
		return nil, err
	}
	return m, nil
}

func (p *parser) errorf(off int, msg string) error { return &Error{Offset: off, Msg: msg} }

// The kinds of message the parser reads, which decide what is special in their text:
// the top level, the arm of a select, the arm of a plural or selectordinal.
const (
	inTop = iota
	inSelect
	inPlural
)

// message parses nodes up to the end of the source or, in an arm, up to its '}',
// which it leaves for the caller.
func (p *parser) message(kind int) (*Message, error) {
	m := &Message{Span: Span{Pos: p.pos}}
	var text strings.Builder // the pending text, when escapes made it differ from src
	start, escaped := p.pos, false
	flush := func(end int) {
		if end == start {
			return
		}
		v := p.src[start:end]
		if escaped {
			v = text.String()
			text.Reset()
		}
		m.Nodes = append(m.Nodes, &Text{Span: Span{start, end}, Value: v, json: escapeJSON(v)})
		escaped = false
	}
	// escape records that src[p.pos:p.pos+2] stands for the single byte c.
	escape := func(c byte) {
		if !escaped {
			text.WriteString(p.src[start:p.pos])
			escaped = true
		}
		text.WriteByte(c)
		p.pos += 2
	}
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		twice := p.pos+1 < len(p.src) && p.src[p.pos+1] == c
		switch {
		case (c == '{' || c == '}') && twice && kind == inTop, c == '#' && twice && kind == inPlural:
			escape(c)
		case c == '}' && kind != inTop:
			flush(p.pos)
			m.End = p.pos
			return m, nil
		case c == '}':
			return nil, p.errorf(p.pos, "unmatched '}': write '}}' for a literal brace")
		case c == '#' && kind == inPlural:
			flush(p.pos)
			m.Nodes = append(m.Nodes, &Pound{Span{p.pos, p.pos + 1}})
			p.pos++
			start = p.pos
		case c == '{':
			flush(p.pos)
			n, err := p.argument()
			if err != nil {
				return nil, err
			}
			m.Nodes = append(m.Nodes, n)
			start = p.pos
		default:
			if escaped {
				text.WriteByte(c)
			}
			p.pos++
		}
	}
	flush(p.pos)
	m.End = p.pos
	return m, nil
}

// escapeJSON returns s escaped for a JSON string: s itself when it needs nothing.
func escapeJSON(s string) string {
	if jsontext.PlainPrefix(s) == len(s) {
		return s
	}
	if e := string(jsontext.AppendEscaped(nil, s)); e != s {
		return e
	}
	return s
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && isSpace(p.src[p.pos]) {
		p.pos++
	}
}

// word returns the run of ASCII letters, digits, '_' and '-' at the current position.
func (p *parser) word() string {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			break
		}
		p.pos++
	}
	return p.src[start:p.pos]
}

// argument parses a placeholder, formatted argument or choice from its '{'.
func (p *parser) argument() (Node, error) {
	open := p.pos
	p.pos++
	p.skipSpace()
	ref, err := p.ref(open)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		return &Arg{Span{open, p.pos}, ref}, nil
	}
	if p.pos >= len(p.src) || p.src[p.pos] != ',' {
		return nil, p.unclosed(open)
	}
	p.pos++
	p.skipSpace()
	typePos := p.pos
	switch typ := p.word(); typ {
	case "number":
		return p.format(open, ref, FormatNumber)
	case "date":
		return p.format(open, ref, FormatDate)
	case "time":
		return p.format(open, ref, FormatTime)
	case "duration":
		return p.format(open, ref, FormatDuration)
	case "plural":
		return p.choice(open, ref, ChoicePlural)
	case "selectordinal":
		return p.choice(open, ref, ChoiceSelectOrdinal)
	case "select":
		return p.choice(open, ref, ChoiceSelect)
	case "":
		return nil, p.errorf(typePos, "missing argument type after ',': write number, date, time, duration, plural, selectordinal or select")
	default:
		return nil, p.errorf(typePos, "unknown argument type "+strconv.Quote(typ)+": use number, date, time, duration, plural, selectordinal or select")
	}
}

// unclosed returns the error for a placeholder at open that does not end where it should.
func (p *parser) unclosed(open int) error {
	if p.pos >= len(p.src) {
		return p.errorf(open, "unclosed '{': close the placeholder with '}'"+p.literalHint())
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	return p.errorf(p.pos, "unexpected "+strconv.QuoteRune(r)+" in placeholder: write {name}, {name, type} or {name, type, style}"+p.literalHint())
}

// literalHint tells how to write a literal brace where the parser is.
func (p *parser) literalHint() string {
	if p.depth > 0 {
		return " (in a plural or select arm braces are always syntax: move a literal brace out of the arm)"
	}
	return ", or write '{{' for a literal brace"
}

// ref parses an argument's name: an index or an identifier.
func (p *parser) ref(open int) (Ref, error) {
	r := Ref{NamePos: p.pos, Index: -1}
	r.Name = p.word()
	switch {
	case r.Name == "":
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			return r, p.errorf(open, "empty placeholder '{}': name an argument, as in {0} or {id}"+p.literalHint())
		}
		return r, p.unclosed(open)
	case r.Name[0] >= '0' && r.Name[0] <= '9':
		n := 0
		for i := 0; i < len(r.Name); i++ {
			c := r.Name[i]
			if c < '0' || c > '9' {
				return r, p.errorf(r.NamePos, "invalid argument index "+strconv.Quote(r.Name)+": an index is a number, as in {0}; a name starts with a letter or '_'")
			}
			if n = n*10 + int(c-'0'); n > maxIndex {
				return r, p.errorf(r.NamePos, "argument index {"+r.Name+"} is too large")
			}
		}
		r.Index = n
	case strings.IndexByte(r.Name, '-') >= 0:
		return r, p.errorf(r.NamePos, "invalid argument name "+strconv.Quote(r.Name)+": a name is letters, digits and '_', as in {file_name}")
	}
	return r, nil
}

// format parses the rest of a formatted argument, after its type.
func (p *parser) format(open int, ref Ref, typ FormatType) (Node, error) {
	f := &Format{Ref: ref, Type: typ}
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ',' {
		p.pos++
		p.skipSpace()
		stylePos := p.pos
		f.Style = p.word()
		switch {
		case typ == FormatNumber && f.Style == "integer":
		case (typ == FormatDate || typ == FormatTime) && (f.Style == "short" || f.Style == "medium" || f.Style == "long" || f.Style == "full"):
		case typ == FormatNumber:
			return nil, p.errorf(stylePos, "unknown number style "+strconv.Quote(p.styleText(stylePos))+": use integer, or no style")
		case typ == FormatDuration:
			return nil, p.errorf(stylePos, "a duration takes no style: write {"+ref.Name+", duration}")
		default:
			return nil, p.errorf(stylePos, "unknown "+typ.String()+" style "+strconv.Quote(p.styleText(stylePos))+": use short, medium, long or full")
		}
		p.skipSpace()
	}
	if p.pos >= len(p.src) || p.src[p.pos] != '}' {
		return nil, p.unclosed(open)
	}
	p.pos++
	f.Span = Span{open, p.pos}
	return f, nil
}

// styleText returns the style as written from off, up to the placeholder's end.
func (p *parser) styleText(off int) string {
	end := strings.IndexAny(p.src[off:], "}")
	if end < 0 || end > 40 {
		end = min(len(p.src)-off, 40)
	}
	return strings.TrimSpace(p.src[off : off+end])
}
