package portal

import (
	"html"
	"html/template"
	"strings"

	"github.com/errcat/errcat"
)

// textHTML renders a catalog text for a page: its literal text escaped, text between
// backticks as code (as published references mark inline code) and each placeholder as
// <var>{name}</var>, so a reader sees where values go. Nothing of the text is ever
// taken as markup.
func textHTML(t errcat.Template) template.HTML {
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
	return template.HTML(b.String()) // #nosec: every piece of t was escaped above
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
