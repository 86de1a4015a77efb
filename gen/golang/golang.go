// Package golang generates Go code from a catalog: a constant per code, a sentinel
// per code for errors.Is, a constructor per code with typed parameters, and the
// catalog itself with its translations, so that a service starts with no file to read.
//
// The file reads API first, as .pb.go files do: the constants in one block, the
// sentinels, the constructors, and last the data. The data is one string constant in
// errcat's set data format (see [errcat.EncodeSetSpec]), one field a line, which
// [errcat.MustDecodeSet] reads at initialization: only its index of codes, while each
// code is compiled from its record the first time the program uses it. This is what
// keeps the package's cost linear in the catalog's size and small at every size:
//
//   - Building: the compiler sees one string, however many codes, and one small
//     function per code, where a composite literal of the whole catalog in one
//     function grows its work faster than the catalog (it fails at some 20,000
//     codes). The constructors call errcat.New1…New4, so that each body is one call
//     with nothing to inline.
//   - Starting: the sentinels are addresses in an array of definitions, with no code
//     at initialization, and reading the index costs about 3 ms of CPU at 10,000
//     codes in 5 locales; compiling every code eagerly would cost about 400 ms.
//   - The binary holds the catalog's text about once: some 1.4 KB a code for a
//     catalog of 2 KB a code in JSON.
//
// bench/gengo.sh measures all three. Every catalog text in the file is either in a
// string literal made by strconv.Quote, in the data (escaped by the set data format,
// in a raw string) or in a comment made by comment, which keeps it to comment lines.
package golang

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"go/token"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
)

// Options control the generated file.
type Options struct {
	// Package is the Go package name; the catalog's name made an identifier when empty.
	Package string
	// Source names where the catalog came from, for the file's header comment.
	Source string
}

// Generate returns the Go source for c: gofmt'ed and the same bytes for the same
// catalog. c must have loaded without problems.
func Generate(c *catalog.Catalog, opts Options) ([]byte, error) {
	set := c.Set()
	if set == nil {
		return nil, fmt.Errorf("catalog %s has problems; run errcat validate", c.Name)
	}
	pkg := opts.Package
	if pkg == "" {
		pkg = packageName(c.Name)
	}
	if !token.IsIdentifier(pkg) || token.IsKeyword(pkg) {
		return nil, fmt.Errorf("package name %q is not a Go identifier", pkg)
	}
	spec := c.SetSpec()
	data, err := errcat.EncodeSetSpec(spec)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) || bytes.ContainsAny(data, "`\r\x00\ufeff") {
		return nil, errors.New("set data does not fit a raw string (a bug in errcat)")
	}
	f, err := newView(c, set, spec, pkg, opts.Source)
	if err != nil {
		return nil, err
	}
	f.Support = 2
	switch {
	case bytes.HasPrefix(data, []byte("errcat-set 3\n")):
		f.Support = 4
	case bytes.HasPrefix(data, []byte("errcat-set 2\n")):
		f.Support = 3
	}
	if err := renderCodes(f.Codes); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := fileTmpl.Execute(&buf, f); err != nil {
		return nil, err
	}
	buf.Write(data)
	buf.WriteString("`\n")
	raw := buf.Bytes()
	if len(raw) > formatLimit {
		// The template writes gofmt's layout (TestCanonical proves it), and
		// go/format would take seconds per ten thousand codes.
		return raw, nil
	}
	out, err := format.Source(raw)
	if err != nil {
		return nil, fmt.Errorf("generated code does not parse (a bug in errcat): %v", err)
	}
	return out, nil
}

// newView returns what the template renders for c, every catalog text escaped.
func newView(c *catalog.Catalog, set *errcat.Set, spec errcat.SetSpec, pkg, source string) (*file, error) {
	f := &file{Package: pkg, Name: quote(spec.Name)}
	if source != "" {
		f.Source = comment("Source: " + source)
	}
	title := "Set is the " + c.Name + " catalog"
	if c.Version != "" {
		title += " " + c.Version
	}
	f.SetDoc = comment(title + ", compiled: every code, variant and translation.")
	taken := map[string]string{"Set": "the compiled catalog", "CatalogName": "the catalog's name"}
	for i, e := range c.Errors {
		if !token.IsIdentifier(e.Name) || !token.IsExported(e.Name) {
			return nil, fmt.Errorf("%s: name %q is not an exported Go identifier; rename the code", e.PosOf("name"), e.Name)
		}
		for _, id := range []string{e.Name, "Err" + e.Name, "Code" + e.Name} {
			if other, dup := taken[id]; dup {
				return nil, fmt.Errorf("%s: generated identifier %s collides with %s; rename the code", e.PosOf("name"), id, other)
			}
			taken[id] = "code " + e.Code
		}
		sp := &spec.Errors[i]
		code := codeView{Name: e.Name, Code: quote(e.Code)}
		code.SentinelDoc = strings.ReplaceAll(comment("Err"+e.Name+" is the definition of "+e.Code+", and the sentinel for errors.Is."), "\n", "\n\t")
		code.Doc = docComment(sp, namedTitle(set.Lookup(e.Code)))
		used := map[string]bool{}
		for j, p := range sp.Params {
			gp := goParam(p, j, used)
			code.Params = append(code.Params, gp)
			f.Time = f.Time || gp.Type == "time.Time" || gp.Type == "time.Duration"
		}
		f.Codes = append(f.Codes, code)
	}
	return f, nil
}

// docComment returns the doc comment of a code's constructor: what it returns, its
// description and its deprecation, each a paragraph.
func docComment(s *errcat.Spec, title string) string {
	status := ""
	if s.Status != 0 {
		status = fmt.Sprintf(" (HTTP %d %s)", s.Status, http.StatusText(s.Status))
	}
	paras := []string{comment(fmt.Sprintf("%s returns error %s%s: %s", s.Name, s.Code, status, title))}
	if d := comment(s.Description); d != "" {
		paras = append(paras, d)
	}
	if d := s.Deprecated; d != nil {
		text := "Deprecated:"
		if d.Since != "" {
			text += " since " + d.Since + "."
		}
		if d.ReplacedBy != "" {
			text += " Use " + d.ReplacedBy + " instead."
		}
		if d.Note != "" {
			text += " " + d.Note
		}
		paras = append(paras, comment(text))
	}
	return strings.Join(paras, "\n//\n")
}

// formatLimit is the size above which Generate trusts its template's layout rather
// than run go/format; a variable so that the test can lower it.
var formatLimit = 4 << 20

// renderCodes renders every code's constructor, on all cores.
func renderCodes(codes []codeView) error {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(codes)/256))
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b strings.Builder
			for i := w; i < len(codes); i += workers {
				b.Reset()
				if err := fileTmpl.ExecuteTemplate(&b, "func", codes[i]); err != nil {
					errs[w] = err
					return
				}
				codes[i].FuncSrc = b.String()
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// file is what the template renders. Its strings are Go source: identifiers checked
// to be identifiers, literals made by quote and comments made by comment.
type file struct {
	Package string
	Source  string // a comment, or empty
	Name    string // the catalog's name, quoted
	SetDoc  string // the doc comment of Set
	Codes   []codeView
	Time    bool
	// Support is the runtime version the data needs: 4 when it is set data version 3
	// (a sensitive param), 3 when version 2 (a declared wire shape), else 2.
	Support int
}

// codeView is one code as the template renders it.
type codeView struct {
	Name string // the exported identifier of the code
	Code string // the code, quoted
	// SentinelDoc is the doc comment of the code's sentinel, indented in a var block.
	SentinelDoc string
	Doc         string // the constructor's doc comment
	Params      []param
	// FuncSrc is the code's constructor, rendered ahead of the file so that large
	// catalogs render on every core.
	FuncSrc string
}

// param is a generated constructor's parameter.
type param struct {
	Ident, Type, Wrap string
}

// goParam returns the Go parameter for p, the i'th: a lowerCamel identifier that is
// not a keyword, predeclared name or import, and the Go type of its kind (string
// when the catalog gives none).
func goParam(p errcat.Param, i int, used map[string]bool) param {
	id := lowerCamel(p.Name)
	if !token.IsIdentifier(id) {
		id = "p" + strconv.Itoa(i)
	}
	if token.IsKeyword(id) || predeclared[id] || used[id] {
		id += "Value"
	}
	for used[id] {
		id += "_"
	}
	used[id] = true
	gp := param{Ident: id}
	switch p.Kind {
	case errcat.KindInt:
		gp.Type, gp.Wrap = "int", "errcat.Int(int64("+id+"))"
	case errcat.KindFloat:
		gp.Type, gp.Wrap = "float64", "errcat.Float("+id+")"
	case errcat.KindBool:
		gp.Type, gp.Wrap = "bool", "errcat.Bool("+id+")"
	case errcat.KindTime:
		gp.Type, gp.Wrap = "time.Time", "errcat.Time("+id+")"
	case errcat.KindDuration:
		gp.Type, gp.Wrap = "time.Duration", "errcat.Duration("+id+")"
	default:
		gp.Type, gp.Wrap = "string", "errcat.String("+id+")"
	}
	return gp
}

var predeclared = map[string]bool{
	"any": true, "bool": true, "byte": true, "comparable": true, "complex64": true, "complex128": true,
	"error": true, "float32": true, "float64": true, "int": true, "int8": true, "int16": true,
	"int32": true, "int64": true, "rune": true, "string": true, "uint": true, "uint8": true,
	"uint16": true, "uint32": true, "uint64": true, "uintptr": true, "true": true, "false": true,
	"iota": true, "nil": true, "append": true, "cap": true, "clear": true, "close": true,
	"complex": true, "copy": true, "delete": true, "imag": true, "len": true, "make": true,
	"max": true, "min": true, "new": true, "panic": true, "print": true, "println": true,
	"real": true, "recover": true, "errcat": true, "time": true,
}

var initialisms = map[string]string{"id": "ID", "url": "URL", "http": "HTTP", "json": "JSON", "api": "API", "mb": "MB", "ip": "IP", "uri": "URI", "uuid": "UUID"}

// lowerCamel turns a param name (snake_case or camelCase) into a Go identifier.
func lowerCamel(name string) string {
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '-' })
	var b strings.Builder
	for i, p := range parts {
		switch {
		case i == 0:
			r := []rune(p)
			r[0] = unicode.ToLower(r[0])
			b.WriteString(string(r))
		case initialisms[strings.ToLower(p)] != "":
			b.WriteString(initialisms[strings.ToLower(p)])
		default:
			r := []rune(p)
			r[0] = unicode.ToUpper(r[0])
			b.WriteString(string(r))
		}
	}
	if b.Len() == 0 {
		return "p"
	}
	return b.String()
}

// packageName makes a catalog name a Go package name.
func packageName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s == "" || !unicode.IsLetter(rune(s[0])) {
		s = "errs" + s
	}
	return s
}

var fileTmpl = template.Must(template.New("file").Parse(tmplText))

// namedTitle renders d's title (or message) with each placeholder written by its
// parameter's name: values are never expanded again, so "{kind}" stays as it is.
func namedTitle(d *errcat.Definition) string {
	t := d.Title("")
	if t.IsZero() {
		t = d.Message("")
	}
	args := make([]errcat.Value, len(d.Params()))
	for i, p := range d.Params() {
		args[i] = errcat.String("{" + p.Name + "}")
	}
	return t.Render(args)
}
