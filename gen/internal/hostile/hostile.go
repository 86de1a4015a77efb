// Package hostile makes catalogs whose every text field holds text chosen to break
// out of generated code, for the tests of errcat's generators.
package hostile

import (
	"encoding/json"
	"strings"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
)

// Attacks are texts that each escaped code injection in some generator: a line break
// in a comment (Go, TypeScript), line and paragraph separators (JavaScript line
// terminators), the end of a block comment, quotes and backquotes that would end a
// literal, Go escape syntax that TypeScript reads otherwise, a byte order mark and
// NUL (which Go source cannot hold), invalid UTF-8.
var Attacks = []string{
	"1.0.0\nfunc init() { panic(\"injected\") }\n//",
	"2.0\r\nvar Injected = 1\r\n//",
	"x\u2028process.exit(3)\u2029",
	"*/ process.exit(4) /*",
	"\")\nfunc init() {}\nvar _ = (\"",
	"`+process.exit(5)+`",
	"${process.exit(6)}",
	"T\x07bell",
	"nul\x00 bom\ufeff nel\u0085 del\x7f",
	"\xff\xfe invalid",
	"</script><script>alert(1)</script>",
	"//go:generate rm -rf /",
	`\u0022 \x22 \'`,
}

// Text returns the attacks joined, the text FS puts in every text field.
func Text() string { return strings.Join(Attacks, " ") }

// FS returns a file system with a catalog named fuzz in dir/errors.json and a
// Vietnamese translation: text (with braces doubled where a field is a template) in
// every text field the format has, and ident as the first code, its variant's key and
// its param's example. A translation is an attack surface as much as the catalog.
func FS(dir, text, ident string) fstest.MapFS {
	tmpl := strings.NewReplacer("{", "{{", "}", "}}").Replace(text)
	texts := func() map[string]any {
		return map[string]any{
			"title": tmpl + " {p}", "message": tmpl + " {p}.", "summary": tmpl,
			"description": tmpl, "causes": []string{tmpl, tmpl + " {0}"}, "resolutions": []string{tmpl},
		}
	}
	first := texts()
	for k, v := range map[string]any{
		"code": ident, "name": "Hostile", "status": 400, "category": text,
		"params":      []map[string]string{{"name": "p", "description": text, "example": ident + text}},
		"returned_by": []string{text},
		"deprecated":  map[string]string{"since": text, "replaced_by": text, "note": text},
		"variants":    []map[string]string{{"key": ident, "message": tmpl}},
		"examples":    []map[string]any{{"description": text, "field": text, "params": map[string]string{"p": text}}},
	} {
		first[k] = v
	}
	cat := map[string]any{
		"catalog": "fuzz", "title": text, "description": text, "version": text,
		"docs_url":   "https://example.com/" + text + "/{code}",
		"operations": map[string]any{text: map[string]string{"title": text, "description": text}},
		"errors":     []any{first, map[string]any{"code": "E2", "name": "Plain", "message": "Plain."}},
	}
	tr := map[string]any{"locale": "vi", "errors": map[string]any{ident: texts(), ident + "[" + ident + "]": map[string]string{"message": tmpl}}}
	return fstest.MapFS{
		dir + "/errors.json":    {Data: mustJSON(cat)},
		dir + "/errors.vi.json": {Data: mustJSON(tr)},
	}
}

// Load loads FS(text, ident), or FS(text, "E1") when the loader refuses ident (a code
// must be a code, which text need not be). It reports false when the loader refuses
// text too: texts it cannot hold never reach a generator.
func Load(text, ident string) (*catalog.Catalog, bool) {
	for _, id := range []string{ident, "E1"} {
		if c, err := catalog.Load(FS("fuzz", text, id), "fuzz"); err == nil {
			return c, true
		}
	}
	return nil, false
}

func mustJSON(v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err)
	}
	return b
}
