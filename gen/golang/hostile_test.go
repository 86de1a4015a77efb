package golang

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"reflect"
	"strconv"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/gen/internal/hostile"
	"github.com/errcat/errcat/internal/golden"
)

// hostileCode is a code with what would end a Go string, raw string or comment.
const hostileCode = "A\"`*/\u2028\\"

// hostileCatalog loads the catalog with every attack in every text field.
func hostileCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, ok := hostile.Load(hostile.Text(), hostileCode)
	if !ok || c.Errors[0].Code != hostileCode {
		t.Fatal("the hostile catalog does not load")
	}
	return c
}

// TestHostileCatalog generates the catalog with every attack in every text field and
// checks that it declares only what the generator means to, token for token as a
// harmless catalog does; TestEndToEnd builds and runs it.
func TestHostileCatalog(t *testing.T) {
	for _, text := range append([]string{hostile.Text()}, hostile.Attacks...) {
		c, ok := hostile.Load(text, hostileCode)
		if !ok || c.Errors[0].Code != hostileCode {
			t.Fatalf("the hostile catalog does not load with %q", text)
		}
		src, err := Generate(c, Options{Package: "hostile", Source: text})
		if err != nil {
			t.Fatal(err)
		}
		checkGenerated(t, c, src)
		if text == hostile.Text() {
			golden.Check(t, "testdata/hostile.go.golden", src)
		}
	}
}

func FuzzGenerateGo(f *testing.F) {
	for _, a := range hostile.Attacks {
		f.Add(a, hostileCode)
		f.Add(a, a)
	}
	f.Fuzz(func(t *testing.T, text, ident string) {
		c, ok := hostile.Load(text, ident)
		if !ok {
			return
		}
		src, err := Generate(c, Options{Package: "hostile", Source: text})
		if err != nil {
			t.Fatal(err)
		}
		checkGenerated(t, c, src)
	})
}

// reference is the Go generated for a harmless catalog of the same shape as the
// hostile ones.
var reference = func() []byte {
	c, ok := hostile.Load("x", "E1")
	if !ok {
		panic("the reference catalog does not load")
	}
	src, err := Generate(c, Options{Package: "hostile", Source: "x"})
	if err != nil {
		panic(err)
	}
	return src
}()

// checkGenerated holds that src, generated from c, parses; declares exactly the
// identifiers meant, with constructors that only call New; differs from the
// reference only inside string literals and comments; and keeps c's code and data
// exactly in its literals.
func checkGenerated(t *testing.T, c *catalog.Catalog, src []byte) {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "hostile.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("generated code does not parse: %v\n%s", err, src)
	}
	checkDecls(t, f, c)
	if got, want := shape(t, src), shape(t, reference); !reflect.DeepEqual(got, want) {
		t.Fatalf("tokens outside literals and comments differ from the harmless catalog's:\n%v\n%v\n%s", got, want, src)
	}
	lits := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Values) == 1 {
			if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatalf("%s = %s: %v", vs.Names[0], lit.Value, err)
				}
				lits[vs.Names[0].Name] = s
			}
		}
		return true
	})
	if lits["CodeHostile"] != c.Errors[0].Code {
		t.Errorf("CodeHostile = %q, want %q", lits["CodeHostile"], c.Errors[0].Code)
	}
	spec, err := errcat.DecodeSetSpec(lits["data"])
	if err != nil {
		t.Fatal(err)
	}
	if want := c.SetSpec(); spec.Version != want.Version || !reflect.DeepEqual(spec.Errors[0].Texts, want.Errors[0].Texts) ||
		!reflect.DeepEqual(spec.Errors[0].Deprecated, want.Errors[0].Deprecated) || !reflect.DeepEqual(spec.Errors[0].Translations, want.Errors[0].Translations) {
		t.Errorf("data decodes to\n%#v\nwant\n%#v", spec.Errors[0], want.Errors[0])
	}
}

// checkDecls holds that f declares the package's API and nothing else: the imports
// it needs, a constant per code and the catalog's name, a sentinel per code, Set and
// its data, and a constructor per code whose body only returns its sentinel's New.
func checkDecls(t *testing.T, f *ast.File, c *catalog.Catalog) {
	t.Helper()
	want := map[string]string{"_": "const", "CatalogName": "const", "data": "const", "Set": "var", "defs": "var"}
	for _, e := range c.Errors {
		want["Code"+e.Name], want["Err"+e.Name], want[e.Name] = "const", "var", "func"
	}
	got := map[string]string{}
	add := func(name, kind string) {
		if _, dup := got[name]; dup {
			t.Errorf("%s is declared twice", name)
		}
		got[name] = kind
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.ImportSpec:
					if p := s.Path.Value; p != `"time"` && p != `"github.com/errcat/errcat"` || s.Name != nil {
						t.Errorf("unexpected import %s", p)
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						add(n.Name, d.Tok.String())
					}
				default:
					t.Errorf("unexpected declaration %T", s)
				}
			}
		case *ast.FuncDecl:
			add(d.Name.Name, "func")
			if d.Recv != nil || len(d.Body.List) != 1 {
				t.Errorf("func %s is not a constructor", d.Name.Name)
				continue
			}
			ret, ok := d.Body.List[0].(*ast.ReturnStmt)
			call, ok2 := ast.Expr(nil), false
			if ok && len(ret.Results) == 1 {
				call, ok2 = ret.Results[0].(*ast.CallExpr)
			}
			if !ok2 {
				t.Errorf("func %s does not return a call", d.Name.Name)
				continue
			}
			if !callsNew(call.(*ast.CallExpr), "Err"+d.Name.Name) {
				t.Errorf("func %s does not return Err%s.New(…) or errcat.NewN(Err%[2]s, …)", d.Name.Name, d.Name.Name)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("declarations %v, want %v", got, want)
	}
}

// callsNew reports whether call is sentinel.New(…) or errcat.NewN(sentinel, …).
func callsNew(call *ast.CallExpr, sentinel string) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	switch {
	case !ok:
		return false
	case x.Name == sentinel:
		return sel.Sel.Name == "New"
	case x.Name == "errcat" && len(call.Args) > 0:
		arg, ok := call.Args[0].(*ast.Ident)
		return ok && arg.Name == sentinel && sel.Sel.Name == "New"+strconv.Itoa(len(call.Args)-1)
	}
	return false
}

// shape returns src's tokens with the values of string literals left out and
// comments dropped.
func shape(t *testing.T, src []byte) []string {
	t.Helper()
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile("", -1, len(src)), src, func(pos token.Position, msg string) { t.Errorf("%s: %s", pos, msg) }, 0)
	var out []string
	for {
		_, tok, lit := s.Scan()
		switch {
		case tok == token.EOF:
			return out
		case tok == token.STRING:
			out = append(out, "STRING")
		case lit != "" && tok != token.SEMICOLON:
			out = append(out, lit)
		default:
			out = append(out, tok.String())
		}
	}
}
