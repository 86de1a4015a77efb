package portal

import (
	"bytes"
	"html/template"
	"testing"
)

// contextsTmpl puts a value in each context the pages write catalog text in: the
// title, element content, a preformatted block, quoted attributes of several kinds,
// and URL attributes, alone and after another value.
var contextsTmpl = template.Must(template.New("contexts").Parse(`<title>{{.}}</title>
<meta name="description" content="{{.}}">
<p class="lead" lang="{{.}}" id="{{.}}">{{.}}</p>
<section data-index="{{.}}" data-keys="{{.}}" aria-labelledby="{{.}}-title"></section>
<pre><code>{{.}}</code></pre>
<a href="{{.}}" hreflang="{{.}}">x</a><a href="{{.}}{{.}}">y</a>
<form action="{{.}}"></form><script src="{{.}}assets/search.js" defer></script>`))

// writeContexts writes what contextsTmpl does, with an htmlWriter.
func writeContexts(s string) []byte {
	var b bytes.Buffer
	w := htmlWriter{&b}
	w.markup("<title>")
	w.text(s)
	w.markup("</title>\n<meta name=\"description\" content=\"")
	w.attr(s)
	w.markup("\">\n<p class=\"lead\" lang=\"")
	w.attr(s)
	w.markup(`" id="`)
	w.attr(s)
	w.markup(`">`)
	w.text(s)
	w.markup("</p>\n<section data-index=\"")
	w.attr(s)
	w.markup(`" data-keys="`)
	w.attr(s)
	w.markup(`" aria-labelledby="`)
	w.attr(s)
	w.markup("-title\"></section>\n<pre><code>")
	w.text(s)
	w.markup("</code></pre>\n<a href=\"")
	w.url(s)
	w.markup(`" hreflang="`)
	w.attr(s)
	w.markup(`">x</a><a href="`)
	w.url(s)
	w.url(s)
	w.markup("\">y</a>\n<form action=\"")
	w.url(s)
	w.markup(`"></form><script src="`)
	w.url(s)
	w.markup(`assets/search.js" defer></script>`)
	return b.Bytes()
}

// FuzzEscapers: for any value, each method of htmlWriter writes what html/template
// writes for it in the same context, byte for byte.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{
		"", "plain", `<script>alert("x")</script>`, `" onload="alert(1)`, "' onfocus='x'", "a & b + c",
		"\x00nul", "\xff\xfe invalid", "é 中 \u2028", "../../errors/X-1/", "errors/A_3C/#variant-0",
		"javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "java\tscript:x", "data:text/html,<b>",
		"vbscript:x", "http://example.com/a b?c=d&e", "HTTPS://x", "mailto:a@b", "/x:y", "x/y:z", "%41%zz%",
		"a%2", "{0}", "`code`", "=`<>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		if err := contextsTmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		if got := writeContexts(s); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("%q:\n got %s\nwant %s", s, got, want.Bytes())
		}
	})
}

// TestURLFilter: a value with a scheme other than http, https or mailto never
// reaches a URL attribute; relative links pass as they are.
func TestURLFilter(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"javascript:alert(1)", "#ZgotmplZ"},
		{"JAVASCRIPT:alert(1)", "#ZgotmplZ"},
		{" javascript:alert(1)", "#ZgotmplZ"},
		{"java\nscript:alert(1)", "#ZgotmplZ"},
		{"data:text/html,<script>", "#ZgotmplZ"},
		{"vbscript:msgbox", "#ZgotmplZ"},
		{"../../errors/X-1/", "../../errors/X-1/"},
		{"errors/A_3C/#variant-_22", "errors/A_3C/#variant-_22"},
		{"./", "./"},
		{"https://example.com/a b", "https://example.com/a%20b"},
		{"/a:b", "/a:b"},
		{`x"><script>`, "x%22%3e%3cscript%3e"},
		{"100%", "100%25"},
	} {
		var b bytes.Buffer
		htmlWriter{&b}.url(tc.in)
		if got := b.String(); got != tc.want {
			t.Errorf("url(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
