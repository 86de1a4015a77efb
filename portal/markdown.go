package portal

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
)

// MarkdownOptions are the choices of [MarkdownWith]. The zero value is the default
// layout in each catalog's default locale.
type MarkdownOptions struct {
	// Locale is the locale of the texts; "" is each catalog's default.
	Locale string
	// Sections renames the headings of the per-code sections, by section: "message",
	// "description", "causes" (default "Root Cause"), "resolutions" (default
	// "Resolution") and "returned_by" (default "Returned By"). A name is written as
	// given, "Possible Causes:" included.
	Sections map[string]string
	// Envelope is the envelope of the example responses; when nil, each catalog's
	// declared envelope ([EnvelopeFor]).
	Envelope httperr.Envelope
}

// Markdown returns the catalogs as one Markdown document in locale (each catalog's
// default when empty); it is [MarkdownWith] with only a locale.
func Markdown(cats []*catalog.Catalog, locale string) ([]byte, error) {
	return MarkdownWith(cats, MarkdownOptions{Locale: locale})
}

// MarkdownWith returns the catalogs as one Markdown document. Per catalog it writes
// a title and description, an overview table and per-code sections, laid out by what
// the catalog holds:
//
//   - the table has a column only where some code has its text: HTTP status, Returned
//     By (operation titles; a group of operations with a description is marked *, †…
//     and described in a footnote under the table), Description (the summaries, or the
//     descriptions when no code has causes or resolutions), and Example response (one
//     per code, in the options' envelope, when the catalog gives examples);
//   - a code has a section only where it says more than its row: a message that is
//     not its title (then every sectioned code shows its message), a message with a
//     plural, selectordinal or select (shown with a table of its forms, see
//     messageForms), a description the table does not show, causes, resolutions;
//   - when the catalog has no summaries and every code has causes or resolutions, the
//     sections say everything and there is no table: each section opens with the
//     code's title and description, and lists its operations and example.
//
// Variants are rows and sections of their own ("000037[0]"), with their own status
// and operations. Everything that Markdown would read as markup (<, *, _, [, |…) is
// escaped outside the catalog's backtick code spans, so a text shows as written.
func MarkdownWith(cats []*catalog.Catalog, opts MarkdownOptions) ([]byte, error) {
	var out, b bytes.Buffer
	for i, c := range cats {
		v, err := newCatalogView(c, false)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			out.WriteString("\n")
		}
		b.Reset()
		newMarkdownLayout(v, v.matchLocale(opts.Locale), opts).write(&b)
		// One line break at the end of a catalog, not a blank line.
		out.Write(bytes.TrimRight(b.Bytes(), "\n"))
		out.WriteString("\n")
	}
	return out.Bytes(), nil
}

// markdownLayout is what one catalog's document shows, decided from its data.
type markdownLayout struct {
	v      *catalogView
	locale string
	opts   MarkdownOptions
	all    []*errcat.Definition // codes, each followed by its variants
	// status, ops, summary and examples report whether some code has that.
	status, ops, summary, examples bool
	// tableDescription reports whether the table's Description column holds the
	// descriptions (rather than the summaries).
	tableDescription bool
	// messages reports whether a section shows the code's message: the catalog
	// has titles that differ from their messages, and no example response shows
	// the message already.
	messages bool
	// table reports whether the document has an overview table.
	table bool
	// marks are the footnote marks of group operations, by description.
	marks map[string]string
	notes []string // the footnotes' descriptions, in mark order
}

func newMarkdownLayout(v *catalogView, locale string, opts MarkdownOptions) *markdownLayout {
	l := &markdownLayout{v: v, locale: locale, opts: opts, marks: map[string]string{}}
	lists := true // every code has causes or resolutions
	anyLists := false
	for _, d := range v.defs {
		l.all = append(l.all, d)
		l.all = append(l.all, d.Variants()...)
	}
	for _, d := range l.all {
		title, msg := d.Title(locale), d.Message(locale)
		l.status = l.status || d.Status() != 0
		l.ops = l.ops || len(d.ReturnedBy()) > 0
		l.summary = l.summary || !d.Summary(locale).IsZero()
		l.messages = l.messages || !title.IsZero() && title.String() != msg.String()
		has := len(d.Causes(locale)) > 0 || len(d.Resolutions(locale)) > 0
		lists, anyLists = lists && has, anyLists || has
	}
	for _, e := range v.c.Errors {
		l.examples = l.examples || len(e.Examples) > 0
	}
	l.tableDescription = !l.summary && !anyLists && slices.ContainsFunc(l.all, func(d *errcat.Definition) bool { return !d.Description(locale).IsZero() })
	l.table = l.summary || !lists
	// An example response shows the message; a section would repeat it.
	l.messages = l.messages && !l.examples
	return l
}

func (l *markdownLayout) write(b *bytes.Buffer) {
	v := l.v
	b.WriteString("# " + mdEscape(v.Title, false) + "\n\n")
	if v.Description != "" {
		b.WriteString(mdEscape(v.Description, false) + "\n\n")
	}
	if l.table {
		l.writeTable(b)
	}
	first := true
	for _, d := range l.all {
		if !l.sectioned(d) {
			continue
		}
		if first && l.table {
			b.WriteString("## Error Code Details\n")
		}
		if !first || l.table {
			b.WriteString("\n") // sections stand apart by two blank lines
		}
		first = false
		l.writeSection(b, d)
	}
	if !l.table {
		l.writeNotes(b)
	}
}

// writeNotes writes the footnotes of the group operations named so far.
func (l *markdownLayout) writeNotes(b *bytes.Buffer) {
	for i, n := range l.notes {
		b.WriteString(mdEscape(footnoteMarks[i]+" "+n, false) + "\n\n")
	}
}

// writeTable writes the overview table and the footnotes of its operations.
func (l *markdownLayout) writeTable(b *bytes.Buffer) {
	b.WriteString("## Overview\n\n| Code |")
	cols := 1
	add := func(ok bool, name string) {
		if ok {
			b.WriteString(" " + name + " |")
			cols++
		}
	}
	add(l.status, "HTTP status")
	add(true, "Message")
	add(l.ops, "Returned By")
	add(l.summary || l.tableDescription, "Description")
	add(l.examples, "Example response")
	b.WriteString("\n|" + strings.Repeat("---|", cols) + "\n")
	for _, d := range l.all {
		r := l.v.row(d, l.locale)
		b.WriteString("| " + d.ID() + " |")
		if l.status {
			b.WriteString(" " + statusCell(d) + " |")
		}
		b.WriteString(" " + mdEscape(r.Title, true) + " |")
		if l.ops {
			b.WriteString(" " + mdEscape(l.operations(d), true) + " |")
		}
		switch {
		case l.summary:
			b.WriteString(" " + mdEscape(plain(d.Summary(l.locale)), true) + " |")
		case l.tableDescription:
			b.WriteString(" " + mdEscape(plain(d.Description(l.locale)), true) + " |")
		}
		if l.examples {
			b.WriteString(" " + mdEscape(l.example(d), true) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	l.writeNotes(b)
}

func statusCell(d *errcat.Definition) string {
	if d.Status() == 0 {
		return ""
	}
	return strconv.Itoa(d.Status())
}

// footnoteMarks are the marks of the footnotes of group operations, in order.
var footnoteMarks = []string{"*", "†", "‡", "§", "¶", "**", "††", "‡‡"}

// operations is the list of the operation titles that return d, "All" for every
// operation; a group that has a description carries its footnote's mark.
func (l *markdownLayout) operations(d *errcat.Definition) string {
	var titles []string
	for _, id := range d.ReturnedBy() {
		if id == "*" {
			titles = append(titles, "All")
			continue
		}
		op := l.v.c.Operation(id)
		if op == nil {
			titles = append(titles, id)
			continue
		}
		title := op.Title
		if title == "" {
			title = op.ID
		}
		if op.Group && op.Description != "" {
			mark, ok := l.marks[op.Description]
			if !ok && len(l.notes) < len(footnoteMarks) {
				mark = footnoteMarks[len(l.notes)]
				l.marks[op.Description] = mark
				l.notes = append(l.notes, op.Description)
			}
			title += mark
		}
		titles = append(titles, title)
	}
	return strings.Join(titles, ", ")
}

// example is the body of d's example response as a code span, or "" when the
// catalog's example of d does not render.
func (l *markdownLayout) example(d *errcat.Definition) string {
	e, err := l.v.c.Example(d)
	if err != nil {
		return ""
	}
	body := string(Render(e, EnvelopeFor(l.v.set, l.opts.Envelope), l.locale, 0, exampleRequestID).Body)
	if strings.Contains(body, "`") {
		return "`` " + body + " ``"
	}
	return "`" + body + "`"
}

// sectioned reports whether d has a section: whether it says more than its row.
func (l *markdownLayout) sectioned(d *errcat.Definition) bool {
	if !l.table {
		return true
	}
	return l.messages || l.forms(d) != nil || !l.tableDescription && !d.Description(l.locale).IsZero() ||
		len(d.Causes(l.locale)) > 0 || len(d.Resolutions(l.locale)) > 0 || len(sensitiveParams(d)) > 0
}

// sensitiveParams returns the names of d's sensitive params, as code spans.
func sensitiveParams(d *errcat.Definition) []string {
	var names []string
	for _, p := range d.Params() {
		if p.Sensitive {
			names = append(names, "`"+p.Name+"`")
		}
	}
	return names
}

func (l *markdownLayout) heading(key, def string) string {
	if name, ok := l.opts.Sections[key]; ok && name != "" {
		return name
	}
	return def
}

// writeSection writes the section of one code or variant.
func (l *markdownLayout) writeSection(b *bytes.Buffer, d *errcat.Definition) {
	loc := l.locale
	b.WriteString("### " + d.ID() + "\n\n")
	if !l.table {
		r := l.v.row(d, loc)
		b.WriteString("**" + mdEscape(r.Title, false) + "**\n\n")
	}
	if facts := mdFacts(d); facts != "" {
		b.WriteString(facts + "\n\n")
	}
	section := func(name, text string) {
		if text == "" {
			return
		}
		if name != "" {
			b.WriteString("#### " + name + "\n\n")
		}
		b.WriteString(text + "\n\n")
	}
	text := func(t errcat.Template) string { return mdEscape(t.String(), false) }
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
	forms := l.forms(d)
	if l.messages || forms != nil {
		section(l.heading("message", "Message"), text(d.Message(loc)))
	}
	writeMarkdownForms(b, forms)
	switch {
	case !l.table: // the description follows the title, as in a glossary
		section("", text(d.Description(loc)))
	case !l.tableDescription:
		section(l.heading("description", "Description"), text(d.Description(loc)))
	}
	items(l.heading("causes", "Root Cause"), d.Causes(loc))
	items(l.heading("resolutions", "Resolution"), d.Resolutions(loc))
	if !l.table {
		section(l.heading("returned_by", "Returned By"), mdEscape(l.operations(d), false))
		if l.examples {
			section("Example response", l.example(d))
		}
	}
}

// forms returns the forms of d's message in the document's locale (see
// messageForms), nil for a message without choices.
func (l *markdownLayout) forms(d *errcat.Definition) []formTable {
	if d.Message(l.locale).Plain() {
		return nil
	}
	return l.v.forms(l.v.localized(d, l.locale))
}

// writeMarkdownForms writes a table of the forms of each choice of a message.
func writeMarkdownForms(b *bytes.Buffer, forms []formTable) {
	for _, f := range forms {
		b.WriteString("Forms of " + mdEscape(f.Param, false) + " (" + f.Type + "):\n\n")
		if f.Type == "select" {
			b.WriteString("| Key | Value | Text |\n")
		} else {
			b.WriteString("| Category | Value | Text |\n")
		}
		b.WriteString("|---|---|---|\n")
		for _, r := range f.Rows {
			b.WriteString("| " + mdEscape(r.Case, true) + " | " + mdEscape(r.Value, true) + " | " + mdEscape(r.Text, true) + " |\n")
		}
		if f.More > 0 {
			b.WriteString("\n" + strconv.Itoa(f.More) + " more not shown.\n")
		}
		b.WriteString("\n")
	}
}

// mdFacts is the line of a code's name, statuses, visibility ("Not public": clients
// see only its status's text), sensitive params and deprecation.
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
	if !d.Public() && d.Parent() == nil {
		facts = append(facts, "Not public")
	}
	if sensitive := sensitiveParams(d); len(sensitive) > 0 {
		facts = append(facts, "Redacted in logs: "+strings.Join(sensitive, ", "))
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
