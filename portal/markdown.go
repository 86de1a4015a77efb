package portal

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
)

// Markdown returns the catalogs as one Markdown document, an overview then details:
// per catalog a title and description, an overview table (Code, Message, HTTP
// status, Description) and per code its Message, Description, Root Cause and
// Resolution sections, variants as codes of their own ("000037[0]"). Texts are in
// locale (each catalog's default when empty). Everything that Markdown would read as
// markup (<, *, _, [, |…) is escaped outside the catalog's backtick code spans, so a
// text shows as written.
func Markdown(cats []*catalog.Catalog, locale string) ([]byte, error) {
	var b bytes.Buffer
	for i, c := range cats {
		v, err := newCatalogView(c, false)
		if err != nil {
			return nil, err
		}
		loc := v.matchLocale(locale)
		if i > 0 {
			b.WriteString("\n")
		}
		v.markdown(&b, loc)
	}
	return b.Bytes(), nil
}

func (v *catalogView) markdown(b *bytes.Buffer, locale string) {
	b.WriteString("# " + mdEscape(v.Title, false) + "\n\n")
	if v.Description != "" {
		b.WriteString(mdEscape(v.Description, false) + "\n\n")
	}
	b.WriteString("## Overview\n\n| Code | Message | HTTP status | Description |\n|---|---|---|---|\n")
	var all []*errcat.Definition
	for _, d := range v.defs {
		all = append(all, d)
		all = append(all, d.Variants()...)
	}
	for _, d := range all {
		r := v.row(d, locale)
		status := ""
		if d.Status() != 0 {
			status = strconv.Itoa(d.Status())
		}
		b.WriteString("| " + d.ID() + " | " + mdEscape(r.Title, true) + " | " + status + " | " + mdEscape(r.Summary, true) + " |\n")
	}
	b.WriteString("\n## Error Code Details\n")
	for _, d := range all {
		b.WriteString("\n### " + d.ID() + "\n\n")
		if facts := mdFacts(d); facts != "" {
			b.WriteString(facts + "\n\n")
		}
		section := func(name string, t errcat.Template) {
			if !t.IsZero() {
				b.WriteString("#### " + name + "\n\n" + mdEscape(t.String(), false) + "\n\n")
			}
		}
		items := func(name string, ts []errcat.Template) {
			if len(ts) == 0 {
				return
			}
			b.WriteString("#### " + name + "\n\n")
			for _, t := range ts {
				b.WriteString("- " + mdEscape(t.String(), false) + "\n")
			}
			b.WriteString("\n")
		}
		section("Message", d.Message(locale))
		section("Description", d.Description(locale))
		items("Root Cause", d.Causes(locale))
		items("Resolution", d.Resolutions(locale))
		if len(d.ReturnedBy()) > 0 {
			var ops []string
			for _, id := range d.ReturnedBy() {
				if id == "*" {
					id = "every operation"
				}
				ops = append(ops, mdEscape(id, false))
			}
			b.WriteString("#### Returned By\n\n" + strings.Join(ops, ", ") + "\n\n")
		}
	}
	// One blank line at the end of the document, not two.
	for bytes.HasSuffix(b.Bytes(), []byte("\n\n")) {
		b.Truncate(b.Len() - 1)
	}
}

// mdFacts is the line of a code's statuses, name and deprecation.
func mdFacts(d *errcat.Definition) string {
	var facts []string
	if d.Name() != "" && d.Parent() == nil {
		facts = append(facts, "Name `"+d.Name()+"`")
	}
	if d.Status() != 0 {
		facts = append(facts, "HTTP "+statusText(d.Status()))
	}
	if d.GRPC() != "" && d.Parent() == nil {
		facts = append(facts, "gRPC `"+d.GRPC()+"`")
	}
	if dep := d.Deprecated(); dep != nil {
		s := "Deprecated"
		if dep.Since != "" {
			s += " since " + mdEscape(dep.Since, false)
		}
		if dep.ReplacedBy != "" {
			s += ", use " + dep.ReplacedBy
		}
		facts = append(facts, s)
	}
	return strings.Join(facts, " · ")
}

// mdEscape escapes the Markdown markup characters of s outside its backtick code
// spans, and line breaks; in a table cell, | too (also inside code spans, as GitHub
// tables need).
func mdEscape(s string, cell bool) string {
	var b strings.Builder
	inCode := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '`':
			inCode = !inCode
		case c == '\n' || c == '\r':
			c = ' '
		case c == '|' && cell:
			b.WriteByte('\\')
		case !inCode && strings.IndexByte(`\*_[]<>#!~&`, c) >= 0:
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	out := b.String()
	// A text must not start a list or a numbered item.
	if len(out) > 1 && (out[0] == '-' || out[0] == '+') && out[1] == ' ' {
		out = `\` + out
	}
	return out
}
