package portal

import (
	"html"
	"strings"

	"github.com/errcat/errcat"
)

// textHTML renders a catalog text for a page: its literal text escaped, text between
// backticks as code (as published references mark inline code) and each placeholder as
// <var>{name}</var>, so a reader sees where values go. Nothing of the text is ever
// taken as markup.
func textHTML(t errcat.Template) markup {
	var b strings.Builder
	inCode := false
	for _, p := range t.Parts() {
		if p.Param >= 0 {
			b.WriteString(`<var>{`)
			b.WriteString(html.EscapeString(p.Text))
			b.WriteString(`}</var>`)
			continue
		}
		inCode = appendLiteral(&b, p.Text, inCode)
	}
	if inCode {
		b.WriteString("</code>")
	}
	return markup(b.String()) // every piece of t was escaped above
}

// appendLiteral writes literal text escaped, opening and closing <code> at backticks;
// it returns whether a code span is still open.
func appendLiteral(b *strings.Builder, s string, inCode bool) bool {
	for {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			b.WriteString(html.EscapeString(s))
			return inCode
		}
		b.WriteString(html.EscapeString(s[:i]))
		if inCode {
			b.WriteString("</code>")
		} else {
			b.WriteString("<code>")
		}
		inCode = !inCode
		s = s[i+1:]
	}
}

// plain is a catalog text as plain text: its source with backticks removed, for
// titles, search entries and attributes.
func plain(t errcat.Template) string { return strings.ReplaceAll(t.String(), "`", "") }

// show writes t as a page shows it: its HTML, marked with its language and a note
// when it falls back to the default locale.
func (w htmlWriter) show(t text) {
	if !t.Fallback {
		w.markup(t.HTML)
		return
	}
	w.markup(`<span class="fallback" lang="`)
	w.attr(t.Lang)
	w.markup(`">`)
	w.markup(t.HTML)
	w.markup(`</span> <small class="fallback-note">not translated, shown in `)
	w.text(t.Lang)
	w.markup("</small>")
}

// list writes l as a list, marked as show marks a text.
func (w htmlWriter) list(l list) {
	if l.Fallback {
		w.markup(`<p class="fallback-note">Not translated, shown in `)
		w.text(l.Lang)
		w.markup(".</p>")
	}
	w.markup("\n<ul")
	if l.Fallback {
		w.markup(` lang="`)
		w.attr(l.Lang)
		w.markup(`" class="fallback"`)
	}
	w.markup(">")
	for _, item := range l.Items {
		w.markup("\n<li>")
		w.markup(item)
		w.markup("</li>")
	}
	w.markup("\n</ul>")
}

// ops writes operations by title, each with the footnote mark of its group.
func (w htmlWriter) ops(ops []operationView) {
	for i, op := range ops {
		if i > 0 {
			w.markup(", ")
		}
		w.text(op.Title)
		if op.Mark != "" {
			w.markup("<sup>")
			w.text(op.Mark)
			w.markup("</sup>")
		}
	}
}
