package translation

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errcat/errcat/catalog"
)

// XLIFFNamespace is the namespace of XLIFF 2.0 documents.
const XLIFFNamespace = "urn:oasis:names:tc:xliff:document:2.0"

// WriteXLIFF writes units as an XLIFF 2.0 document from h.SourceLocale to h.Locale:
// one unit a text, named by its key, with the code's description and params as
// notes, the source text and, for a changed text, its translation as a target in the
// initial state. Characters XML cannot hold are written as <cp/> elements. The output
// validates against the XLIFF 2.0 core schema.
func WriteXLIFF(w io.Writer, h Header, units []*Unit) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	fmt.Fprintf(bw, `<xliff xmlns="%s" version="2.0" srcLang="%s" trgLang="%s">`+"\n", XLIFFNamespace, attr(h.SourceLocale), attr(h.Locale))
	fmt.Fprintf(bw, `  <file id="f1" original="%s" xml:space="preserve">`+"\n", attr(h.Catalog))
	if len(units) == 0 {
		// The schema wants a unit in every file: an empty ignorable one says there is
		// nothing to translate.
		bw.WriteString("    <unit id=\"empty\" translate=\"no\"><ignorable><source></source></ignorable></unit>\n")
	}
	for i, u := range units {
		fmt.Fprintf(bw, `    <unit id="u%d" name="%s">`+"\n", i+1, attr(u.Key()))
		if ns := notes(u); len(ns) > 0 {
			bw.WriteString("      <notes>\n")
			for j, n := range ns {
				cat := "param"
				if j == 0 && u.Description != "" {
					cat = "description"
				}
				fmt.Fprintf(bw, `        <note category="%s">%s</note>`+"\n", cat, xmlText(n))
			}
			bw.WriteString("      </notes>\n")
		}
		state := ""
		if u.State == Current {
			state = ` state="translated"`
		}
		fmt.Fprintf(bw, "      <segment%s>\n        <source>%s</source>\n", state, xmlText(u.Source))
		if u.Target != "" {
			fmt.Fprintf(bw, "        <target>%s</target>\n", xmlText(u.Target))
		}
		bw.WriteString("      </segment>\n    </unit>\n")
	}
	bw.WriteString("  </file>\n</xliff>\n")
	return bw.Flush()
}

// attr escapes s for an attribute value.
func attr(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(strings.ToValidUTF8(s, "\uFFFD")))
	return b.String()
}

// xmlText escapes s as element content, writing each character XML 1.0 cannot hold
// as <cp hex="…"/>.
func xmlText(s string) string {
	var b bytes.Buffer
	start := 0
	for i, r := range s {
		if validXMLChar(r) && (r != utf8.RuneError || strings.HasPrefix(s[i:], "\uFFFD")) {
			continue
		}
		xml.EscapeText(&b, []byte(s[start:i]))
		fmt.Fprintf(&b, `<cp hex="%04X"/>`, r)
		start = i + utf8.RuneLen(r)
		if r == utf8.RuneError {
			start = i + 1
		}
	}
	xml.EscapeText(&b, []byte(s[start:]))
	// EscapeText writes line feeds as "&#xA;"; a literal one reads the same and
	// keeps multi-line texts legible.
	return strings.ReplaceAll(b.String(), "&#xA;", "\n")
}

func validXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// ReadXLIFF reads an XLIFF 2.0 document written by [WriteXLIFF] and translated: the
// targets of units named by a key whose segment's state is translated, reviewed or
// final (a segment without a state is in the initial one, as the standard says). name is
// the file's name, for positions. Inline elements other than <cp/> are refused:
// errcat's texts are plain, their placeholders written as {name}.
func ReadXLIFF(name string, data []byte) (*File, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: file is larger than %d MiB", name, MaxFileSize>>20)
	}
	r := &xliffReader{name: name, d: xml.NewDecoder(bytes.NewReader(data)), f: &File{}}
	if err := r.read(); err != nil {
		return nil, err
	}
	if r.f.Locale == "" {
		return nil, fmt.Errorf("%s: <xliff> has no trgLang: add the target locale, as trgLang=\"vi\"", name)
	}
	return r.f, nil
}

type xliffReader struct {
	name  string
	d     *xml.Decoder
	f     *File
	depth int
	seen  map[string]catalog.Pos
	// the unit being read
	key      string
	keyPos   catalog.Pos
	state    string
	target   *Translated
	inTarget bool
	// textStart is where the next run of the target's text starts.
	textStart catalog.Pos
}

func (r *xliffReader) pos() catalog.Pos {
	l, c := r.d.InputPos()
	return catalog.Pos{File: r.name, Line: l, Col: c}
}

func (r *xliffReader) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: %s", r.pos(), fmt.Sprintf(format, args...))
}

func (r *xliffReader) read() error {
	r.seen = map[string]catalog.Pos{}
	for {
		tok, err := r.d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", r.pos(), xmlError(err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := r.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			r.depth--
			if err := r.end(t); err != nil {
				return err
			}
		case xml.CharData:
			if r.inTarget {
				r.text(string(t))
			}
		case xml.Directive:
			return r.errorf("<!%s>: XLIFF files need no DTD; remove it", firstWord(string(t)))
		}
	}
}

func xmlError(err error) string {
	if se, ok := err.(*xml.SyntaxError); ok {
		return se.Msg
	}
	return err.Error()
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func (r *xliffReader) text(s string) {
	t := r.target
	t.pieces = append(t.pieces, piece{off: len(t.Text), pos: r.textStart})
	t.Text += s
}

func (r *xliffReader) start(t xml.StartElement) error {
	r.depth++
	if r.depth > 16 {
		return r.errorf("elements nested more than 16 deep: is it an XLIFF 2.0 file?")
	}
	if t.Name.Space != XLIFFNamespace {
		if r.inTarget {
			return r.errorf("<%s> inside a target: write the text only", t.Name.Local)
		}
		return nil // other modules' elements carry nothing errcat reads
	}
	at := func(name string) string {
		for _, a := range t.Attr {
			if a.Name.Local == name && a.Name.Space == "" {
				return a.Value
			}
		}
		return ""
	}
	switch t.Name.Local {
	case "xliff":
		if v := at("version"); !strings.HasPrefix(v, "2.") {
			return r.errorf("XLIFF version %s: errcat reads XLIFF 2", strconv.Quote(v))
		}
		r.f.Locale, r.f.Pos = at("trgLang"), r.pos()
	case "unit":
		r.key, r.keyPos, r.state, r.target = at("name"), r.pos(), "", nil
		if _, _, ok := SplitKey(r.key); !ok && at("translate") != "no" {
			return r.errorf("unit %s has no name CODE|FIELD: errcat names each text's unit so", strconv.Quote(at("id")))
		}
		if prev, dup := r.seen[r.key]; dup && r.key != "" {
			return r.errorf("unit %s is also at %s: keep one", strconv.Quote(r.key), prev)
		}
		r.seen[r.key] = r.keyPos
	case "segment":
		if r.target != nil {
			return r.errorf("unit %s has a second segment: keep its text in one", strconv.Quote(r.key))
		}
		r.state = at("state")
	case "target":
		r.inTarget = true
		r.textStart = r.pos()
		r.target = &Translated{Key: r.key, Pos: r.textStart}
	case "cp":
		if !r.inTarget {
			return nil
		}
		v, err := strconv.ParseUint(at("hex"), 16, 32)
		if err != nil || v > utf8.MaxRune {
			return r.errorf("<cp hex=%s>: want a code point in hex", strconv.Quote(at("hex")))
		}
		r.textStart = r.pos()
		r.text(string(rune(v)))
	default:
		if r.inTarget {
			return r.errorf("<%s> inside a target: errcat texts are plain; write placeholders as {name}", t.Name.Local)
		}
	}
	return nil
}

func (r *xliffReader) end(t xml.EndElement) error {
	if t.Name.Space != XLIFFNamespace {
		return nil
	}
	switch t.Name.Local {
	case "target":
		r.inTarget = false
	case "cp":
		r.textStart = r.pos()
	case "unit":
		if r.target != nil && r.target.Text != "" && r.state != "initial" && r.state != "" {
			r.f.Texts = append(r.f.Texts, r.target)
		}
		r.target = nil
	}
	return nil
}
