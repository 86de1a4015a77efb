// Package usage compares a catalog with the Go code that raises its errors: codes the
// code never raises (orphans, often dead documentation) and codes it raises that the
// catalog does not define. It reads the code with golang.org/x/tools/go/packages,
// fully type-checked, so aliases, dot-less selectors and shadowing are resolved as
// the compiler resolves them.
package usage

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/lint"
	"golang.org/x/tools/go/packages"
)

// The rules this package reports under.
const (
	OrphanRule    = "orphan-code"
	UndefinedRule = "undefined-code"
)

// Raise is one place where Go code raises a code.
type Raise struct {
	Code    string
	Catalog string // the generated package's CatalogName; "" for a Lookup on a set of unknown origin
	Pos     token.Position
}

// Find loads the packages matching patterns (as go build reads them, from dir) and
// returns every place that raises a code: a call of a generated constructor, New or
// Wrap on a generated sentinel, or Lookup with a constant code.
func Find(dir string, patterns ...string) ([]Raise, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedImports,
		Dir:  dir,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	if len(errs) > 0 {
		return nil, fmt.Errorf("loading the Go code: %s", errs[0])
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	var out []Raise
	for _, p := range pkgs {
		if _, generated := stringConst(p.Types, "CatalogName"); generated {
			continue // a generated package's own calls are not raises of the service
		}
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if r, ok := raised(p, call); ok {
					r.Pos = p.Fset.Position(call.Pos())
					if rel, err := filepath.Rel(absDir, r.Pos.Filename); err == nil && !strings.HasPrefix(rel, "..") {
						r.Pos.Filename = rel
					}
					out = append(out, r)
				}
				return true
			})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Offset < b.Offset
	})
	return out, nil
}

// raised reports the code call raises, if it raises one.
func raised(p *packages.Package, call *ast.CallExpr) (Raise, bool) {
	var fun ast.Expr = call.Fun
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X
	}
	var id *ast.Ident
	var recv ast.Expr
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id, recv = f.Sel, f.X
	default:
		return Raise{}, false
	}
	obj := p.TypesInfo.Uses[id]
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return Raise{}, false
	}
	sig := fn.Type().(*types.Signature)
	// A generated constructor: func Name(...) *errcat.Error beside const CodeName.
	if sig.Recv() == nil {
		if code, ok := stringConst(fn.Pkg(), "Code"+fn.Name()); ok && returnsError(sig) {
			cat, _ := stringConst(fn.Pkg(), "CatalogName")
			return Raise{Code: code, Catalog: cat}, true
		}
		return Raise{}, false
	}
	if !isRuntime(sig.Recv().Type()) || recv == nil {
		return Raise{}, false
	}
	switch fn.Name() {
	case "New", "Wrap": // ErrName.New(...) on a generated sentinel
		v, ok := p.TypesInfo.Uses[lastIdent(recv)].(*types.Var)
		if !ok || v.Pkg() == nil || len(v.Name()) < 4 || v.Name()[:3] != "Err" {
			return Raise{}, false
		}
		code, ok := stringConst(v.Pkg(), "Code"+v.Name()[3:])
		if !ok {
			return Raise{}, false
		}
		cat, _ := stringConst(v.Pkg(), "CatalogName")
		return Raise{Code: code, Catalog: cat}, true
	case "Lookup": // set.Lookup("000012")
		if len(call.Args) != 1 {
			return Raise{}, false
		}
		tv, ok := p.TypesInfo.Types[call.Args[0]]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return Raise{}, false
		}
		r := Raise{Code: constant.StringVal(tv.Value)}
		if v, ok := p.TypesInfo.Uses[lastIdent(recv)].(*types.Var); ok && v.Pkg() != nil && v.Name() == "Set" {
			r.Catalog, _ = stringConst(v.Pkg(), "CatalogName")
		}
		return r, true
	}
	return Raise{}, false
}

func lastIdent(e ast.Expr) *ast.Ident {
	switch x := e.(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// isRuntime reports whether t is *errcat.Definition or *errcat.Set.
func isRuntime(t types.Type) bool {
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := ptr.Elem().(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "github.com/errcat/errcat" {
		return false
	}
	return named.Obj().Name() == "Definition" || named.Obj().Name() == "Set"
}

func returnsError(sig *types.Signature) bool {
	if sig.Results().Len() != 1 {
		return false
	}
	ptr, ok := sig.Results().At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := ptr.Elem().(*types.Named)
	return ok && named.Obj().Name() == "Error" && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "github.com/errcat/errcat"
}

func stringConst(pkg *types.Package, name string) (string, bool) {
	c, ok := pkg.Scope().Lookup(name).(*types.Const)
	if !ok || c.Val().Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Val()), true
}

// Check returns the findings of comparing c with raises: codes of c never raised
// (warnings at the code), and codes raised through c's generated package that c does
// not define (errors at the call). Raises of other catalogs' generated packages are
// not c's concern.
func Check(c *catalog.Catalog, raises []Raise) []lint.Finding {
	var out []lint.Finding
	used := map[string]bool{}
	for _, r := range raises {
		if r.Catalog != "" && r.Catalog != c.Name {
			continue
		}
		used[r.Code] = true
		// A Lookup on a set of unknown origin may be another catalog's: it counts as a
		// use, but is no proof of an undefined code.
		if r.Catalog != "" && c.Lookup(r.Code) == nil {
			out = append(out, lint.Finding{
				Pos:  catalog.Pos{File: r.Pos.Filename, Line: r.Pos.Line, Col: r.Pos.Column},
				Rule: UndefinedRule, Severity: lint.SeverityError,
				Message: fmt.Sprintf("the code raises %s, which catalog %s does not define", r.Code, c.Name),
			})
		}
	}
	for _, e := range c.Errors {
		ids := []string{e.Code}
		for _, v := range e.Variants {
			ids = append(ids, v.ID())
		}
		if !slices.ContainsFunc(ids, func(id string) bool { return used[id] }) {
			out = append(out, lint.Finding{
				Pos: e.PosOf("code"), Rule: OrphanRule, Severity: lint.SeverityWarning,
				Message: fmt.Sprintf("%s (%s) is never raised by the Go code: remove it, or raise it where it belongs", e.Code, e.Name),
			})
		}
	}
	return out
}
