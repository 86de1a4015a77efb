package translation

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/errcat/errcat/catalog"
)

// Header describes the catalog and locale a file is for.
type Header struct {
	Catalog, Version string
	// SourceLocale is the catalog's default locale; Locale the target's.
	SourceLocale, Locale string
	// Revised is the PO-Revision-Date of a PO file; the zero time leaves it out.
	Revised time.Time
}

// WritePO writes units as a gettext PO file for h.Locale: msgctxt is the unit's key,
// msgid its source text and msgstr its translation ("" when missing); a changed unit
// is marked fuzzy. The code's description and its params go in extracted comments
// (#.), which tools show the translator. The output passes msgfmt --check.
func WritePO(w io.Writer, h Header, units []*Unit) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Texts of the %s error catalog to translate into %s.\n", oneLine(h.Catalog), oneLine(h.Locale))
	bw.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, f := range [...]string{
		"Project-Id-Version: " + oneLine(strings.TrimSpace(h.Catalog+" "+h.Version)),
		"Language: " + oneLine(h.Locale),
		"Last-Translator: ",
		"Language-Team: ",
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
		"X-Source-Language: " + oneLine(h.SourceLocale),
	} {
		bw.WriteString(poQuote(f+"\n") + "\n")
	}
	if !h.Revised.IsZero() {
		bw.WriteString(poQuote("PO-Revision-Date: "+h.Revised.Format("2006-01-02 15:04-0700")+"\n") + "\n")
	}
	for _, u := range units {
		bw.WriteByte('\n')
		for _, c := range notes(u) {
			bw.WriteString("#. " + oneLine(c) + "\n")
		}
		if u.State == Changed {
			bw.WriteString("#, fuzzy\n")
		}
		writePOString(bw, "msgctxt", u.Key())
		writePOString(bw, "msgid", u.Source)
		writePOString(bw, "msgstr", u.Target)
	}
	return bw.Flush()
}

// notes returns what a translator should know of a unit: the code's description and
// each param, one a line.
func notes(u *Unit) []string {
	var out []string
	if u.Description != "" {
		out = append(out, "Description: "+u.Description)
	}
	for i, p := range u.Params {
		n := fmt.Sprintf("{%d} or {%s} (%s)", i, p.Name, p.TypeName())
		if p.Description != "" {
			n += ": " + p.Description
		}
		if p.Example != "" {
			n += "; example: " + p.Example
		}
		out = append(out, n)
	}
	return out
}

// oneLine replaces line breaks so that s fits a comment or header line.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// writePOString writes keyword and s, one quoted line per line of s.
func writePOString(w *bufio.Writer, keyword, s string) {
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		w.WriteString(keyword + " " + poQuote(s) + "\n")
		return
	}
	w.WriteString(keyword + " \"\"\n")
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			i = len(s) - 1
		}
		w.WriteString(poQuote(s[:i+1]) + "\n")
		s = s[i+1:]
	}
}

// poQuote quotes s as a PO string: C escapes for the backslash, the quote and
// control characters; other characters as they are (the file is UTF-8).
func poQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\%03o`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// poEntry is an entry of a PO file as read.
type poEntry struct {
	fuzzy    bool
	obsolete bool
	ctxt     *poString
	id       *poString
	str      *poString
	keyPos   catalog.Pos
}

type poString struct {
	text   string
	pos    catalog.Pos
	pieces []piece
}

// ReadPO reads a PO file written by [WritePO] and translated: the texts whose entry
// has a msgctxt that is a key, a non-empty msgstr and no fuzzy flag. name is the
// file's name, for positions. Plural forms (msgid_plural, msgstr[N]) are refused:
// errcat's plurals are ICU arms inside one text.
func ReadPO(name string, data []byte) (*File, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: file is larger than %d MiB", name, MaxFileSize>>20)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: file is not UTF-8: save it as UTF-8", name)
	}
	entries, err := parsePO(name, string(data))
	if err != nil {
		return nil, err
	}
	f := &File{}
	seen := map[string]catalog.Pos{}
	for _, e := range entries {
		if e.obsolete {
			continue
		}
		if e.ctxt == nil && e.id != nil && e.id.text == "" {
			f.Locale, f.Pos = headerField(e.str.text, "Language"), e.str.pos
			continue
		}
		if e.ctxt == nil {
			return nil, fmt.Errorf("%s: entry has no msgctxt: errcat keys each text by msgctxt CODE|FIELD", e.keyPos)
		}
		if _, _, ok := SplitKey(e.ctxt.text); !ok {
			return nil, fmt.Errorf("%s: msgctxt %q is not CODE|FIELD", e.ctxt.pos, e.ctxt.text)
		}
		if prev, dup := seen[e.ctxt.text]; dup {
			return nil, fmt.Errorf("%s: msgctxt %q is also at %s: keep one", e.ctxt.pos, e.ctxt.text, prev)
		}
		seen[e.ctxt.text] = e.ctxt.pos
		if e.fuzzy || e.str.text == "" {
			continue
		}
		f.Texts = append(f.Texts, &Translated{Key: e.ctxt.text, Text: e.str.text, Pos: e.str.pos, pieces: e.str.pieces})
	}
	if f.Locale == "" {
		return nil, fmt.Errorf("%s: no Language in the header entry: add \"Language: xx\\n\"", name)
	}
	return f, nil
}

// headerField returns the value of a "Name: value" line of a PO header.
func headerField(header, name string) string {
	for _, l := range strings.Split(header, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
