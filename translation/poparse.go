package translation

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/errcat/errcat/catalog"
)

// parsePO splits a PO file into entries. It reads comments (keeping only the fuzzy
// flag), msgctxt, msgid and msgstr with their continuation lines, and obsolete
// entries (#~), which it marks.
func parsePO(name, src string) ([]*poEntry, error) {
	p := &poParser{cur: &poEntry{}}
	for n, raw := range strings.Split(src, "\n") {
		if err := p.line(catalog.Pos{File: name, Line: n + 1, Col: 1}, raw); err != nil {
			return nil, err
		}
	}
	p.flush()
	for _, e := range p.out {
		if e.id == nil || e.str == nil {
			return nil, fmt.Errorf("%s: entry needs both msgid and msgstr", e.keyPos)
		}
	}
	return p.out, nil
}

type poParser struct {
	out []*poEntry
	cur *poEntry
	// last is the string continuation lines extend.
	last **poString
}

func (p *poParser) flush() {
	if p.cur.id != nil || p.cur.ctxt != nil || p.cur.str != nil {
		p.out = append(p.out, p.cur)
	}
	p.cur, p.last = &poEntry{}, nil
}

// line reads one line of the file, at pos.
func (p *poParser) line(pos catalog.Pos, raw string) error {
	line := strings.TrimSuffix(raw, "\r")
	obsolete := false
	if strings.HasPrefix(line, "#~") {
		obsolete, line = true, strings.TrimLeft(line[2:], " ")
		pos.Col += len(raw) - len(line)
	}
	trimmed := strings.TrimLeft(line, " \t")
	pos.Col += len(line) - len(trimmed)
	switch {
	case trimmed == "":
		if !obsolete {
			p.last = nil
		}
		return nil
	case trimmed[0] == '#':
		if p.cur.id != nil && p.cur.str != nil {
			p.flush()
		}
		if strings.HasPrefix(trimmed, "#,") && strings.Contains(trimmed, "fuzzy") {
			p.cur.fuzzy = true
		}
		return nil
	case trimmed[0] == '"':
		if p.last == nil || *p.last == nil {
			return fmt.Errorf("%s: string without a keyword: start it with msgid, msgstr or msgctxt", pos)
		}
		return appendPOString(*p.last, trimmed, pos)
	}
	kw, rest, _ := strings.Cut(trimmed, " ")
	rest = strings.TrimLeft(rest, " \t")
	keyPos := pos
	pos.Col += len(trimmed) - len(rest)
	slot, err := p.keyword(kw, keyPos)
	if err != nil {
		return err
	}
	if p.cur.keyPos.Line == 0 {
		p.cur.keyPos = keyPos
	}
	p.cur.obsolete = p.cur.obsolete || obsolete
	*slot = &poString{}
	p.last = slot
	return appendPOString(*slot, rest, pos)
}

// keyword returns the string of the current entry a keyword starts, beginning a new
// entry where the keyword does.
func (p *poParser) keyword(kw string, pos catalog.Pos) (**poString, error) {
	switch kw {
	case "msgctxt":
		if p.cur.id != nil || p.cur.ctxt != nil {
			p.flush()
		}
		return &p.cur.ctxt, nil
	case "msgid":
		if p.cur.id != nil {
			p.flush()
		}
		return &p.cur.id, nil
	case "msgstr":
		if p.cur.id == nil {
			return nil, fmt.Errorf("%s: msgstr without msgid", pos)
		}
		if p.cur.str != nil {
			return nil, fmt.Errorf("%s: second msgstr for one msgid", pos)
		}
		return &p.cur.str, nil
	case "msgid_plural":
		return nil, fmt.Errorf("%s: msgid_plural: errcat keeps a plural in one text as ICU arms, {n, plural, one {…} other {…}}; translate the arms inside msgstr", pos)
	}
	if strings.HasPrefix(kw, "msgstr[") {
		return nil, fmt.Errorf("%s: %s: errcat keeps a plural in one text as ICU arms; write a single msgstr", pos, kw)
	}
	return nil, fmt.Errorf("%s: unknown keyword %q: want msgctxt, msgid or msgstr", pos, kw)
}

// appendPOString decodes the quoted string q at pos and appends it to s.
func appendPOString(s *poString, q string, pos catalog.Pos) error {
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		return fmt.Errorf("%s: want a string in double quotes", pos)
	}
	pos.Col++
	text, err := poUnquote(q[1:len(q)-1], pos)
	if err != nil {
		return err
	}
	if len(s.pieces) == 0 && s.text == "" {
		s.pos = pos
	}
	s.pieces = append(s.pieces, piece{off: len(s.text), pos: pos})
	s.text += text
	if len(s.text) > MaxFileSize {
		return fmt.Errorf("%s: string too long", pos)
	}
	return nil
}

// poUnquote resolves the C escapes of a PO string's contents.
func poUnquote(q string, pos catalog.Pos) (string, error) {
	if !strings.ContainsAny(q, `\"`) {
		return q, nil
	}
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c == '"' {
			pos.Col += utf8.RuneCountInString(q[:i])
			return "", fmt.Errorf("%s: unescaped '\"' inside a string: write \\\"", pos)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(q) {
			pos.Col += utf8.RuneCountInString(q[:i])
			return "", fmt.Errorf("%s: string ends in a lone backslash: write \\\\", pos)
		}
		i++
		switch e := q[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '\\', '"', '\'', '?':
			b.WriteByte(e)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, j := 0, i
			for ; j < len(q) && j < i+3 && q[j] >= '0' && q[j] <= '7'; j++ {
				v = v*8 + int(q[j]-'0')
			}
			if v > 0x7f {
				pos.Col += utf8.RuneCountInString(q[:i-1])
				return "", fmt.Errorf("%s: octal escape above \\177: write the character itself", pos)
			}
			b.WriteByte(byte(v))
			i = j - 1
		default:
			pos.Col += utf8.RuneCountInString(q[:i-1])
			return "", fmt.Errorf("%s: unknown escape \\%c", pos, e)
		}
	}
	return b.String(), nil
}
