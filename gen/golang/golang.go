// Package golang generates Go code from a catalog: a constructor per code with typed
// parameters, a sentinel per code for errors.Is, code constants, and the catalog itself
// (with its translations) as Go data, so that a service starts with no file to read
// and no YAML to parse.
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
	if c.Set() == nil {
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
	f := &file{Package: pkg, Source: opts.Source, Catalog: c, Spec: spec}
	taken := map[string]string{"Set": "the compiled catalog"}
	for i, e := range c.Errors {
		code := codeView{Spec: &spec.Errors[i], Name: e.Name, Title: namedTitle(c.Set().Lookup(e.Code))}
		for _, id := range []string{e.Name, "Err" + e.Name, "Code" + e.Name} {
			if other, dup := taken[id]; dup {
				return nil, fmt.Errorf("%s: generated identifier %s collides with %s; rename the code", e.PosOf("name"), id, other)
			}
			taken[id] = "code " + e.Code
		}
		used := map[string]bool{}
		for _, p := range code.Spec.Params {
			gp := goParam(p, used)
			code.Params = append(code.Params, gp)
			if gp.Type == "time.Time" || gp.Type == "time.Duration" {
				f.Time = true
			}
		}
		f.Codes = append(f.Codes, code)
		f.Slog = f.Slog || usesLevel(*code.Spec)
	}
	if err := renderCodes(f.Codes); err != nil {
		return nil, err
	}
	// The head and tail of the file come from the template; the spec literals between
	// them, one line a code, are appended straight into the buffer.
	var buf bytes.Buffer
	if err := fileTmpl.Execute(&buf, f); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	for i := range f.Codes {
		b = append(b, '\t')
		b = appendSpec(b, f.Codes[i].Spec)
		b = append(b, ",\n"...)
	}
	buf = *bytes.NewBuffer(b)
	if err := fileTmpl.ExecuteTemplate(&buf, "tail", f); err != nil {
		return nil, err
	}
	raw := append(bytes.TrimRight(buf.Bytes(), "\n"), '\n')
	if len(raw) > formatLimit {
		// The templates write gofmt's layout (TestCanonical proves it), and
		// go/format would take seconds per ten thousand codes.
		return raw, nil
	}
	out, err := format.Source(raw)
	if err != nil {
		return nil, fmt.Errorf("generated code does not parse (a bug in errcat): %v", err)
	}
	return out, nil
}

// formatLimit is the size above which Generate trusts its templates' layout rather
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

// file is what the template renders.
type file struct {
	Package, Source string
	Catalog         *catalog.Catalog
	Spec            errcat.SetSpec
	Codes           []codeView
	Time, Slog      bool
}

type codeView struct {
	Spec   *errcat.Spec
	Name   string
	Params []param
	// Title is the title (or message) with placeholders by name, for the doc comment.
	Title string
	// FuncSrc is the code's constructor, rendered ahead of the file so that large
	// catalogs render on every core.
	FuncSrc string
}

// param is a generated constructor's parameter.
type param struct {
	Ident, Type, Wrap string
}

// goParam returns the Go parameter for p: a lowerCamel identifier that is not a
// keyword, predeclared name or import, and the Go type of its kind.
func goParam(p errcat.Param, used map[string]bool) param {
	id := lowerCamel(p.Name)
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

// comment formats text as // lines of a doc comment, one paragraph.
func comment(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	var lines []string
	line := "//"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 80 && line != "//" {
			lines = append(lines, line)
			line = "//"
		}
		line += " " + w
	}
	return strings.Join(append(lines, line), "\n")
}

var fileTmpl = template.Must(template.New("file").Funcs(template.FuncMap{
	"q":       strconv.Quote,
	"comment": comment,
	"status": func(s int) string {
		if s == 0 {
			return ""
		}
		return fmt.Sprintf(" (HTTP %d %s)", s, http.StatusText(s))
	},
}).Parse(tmplText))

// usesLevel reports whether s or a variant has a log level other than info, whose
// literal needs log/slog.
func usesLevel(s errcat.Spec) bool {
	if s.LogLevel != 0 {
		return true
	}
	for _, v := range s.Variants {
		if usesLevel(v) {
			return true
		}
	}
	return false
}

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
