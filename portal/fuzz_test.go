package portal

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/errcat/errcat"
)

// FuzzSearch: any query, typed or pasted, gets an answer: no panic, and unless the
// answer is fuzzy, each word of the query begins a term of every hit.
func FuzzSearch(f *testing.F) {
	ix, err := NewIndex("", commonCatalog(f))
	if err != nil {
		f.Fatal(err)
	}
	for _, q := range []string{"locate", "0000 429", "lcoate", "  ", "É\u0130", "{0}", "unabel locaet"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		r := ix.Search(q)
		if r.Fuzzy {
			return
		}
		for _, h := range r.Hits {
			for _, w := range queryWords(q) {
				found := false
				h.terms(func(term string, _ int32) {
					found = found || term == w || utf8.RuneCountInString(w) > 1 && strings.HasPrefix(term, w)
				})
				if !found {
					t.Fatalf("%s matches %q but no term of it begins with %q", h.ID, q, w)
				}
			}
		}
	})
}

// FuzzParseParams: the render API's parameters never panic and either parse or say why.
func FuzzParseParams(f *testing.F) {
	d := commonCatalog(f).Set().Lookup("000012")
	for _, p := range []string{"kind=project", "1=42", "id=x", "=", "9=1", "nope"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		vals, err := ParseParams(d, []string{p})
		if err == nil && len(vals) != len(d.Params()) {
			t.Fatalf("%d values for %d params", len(vals), len(d.Params()))
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
	})
}

// FuzzSegment: page paths are injective: two different codes never share a path
// segment, every segment reads back to its code, and a segment is one safe path
// element (no '/', not "." or "..", only letters, digits, '-', '_' and '.').
func FuzzSegment(f *testing.F) {
	for _, p := range [][2]string{{"A<", "A_3C"}, {"", "_"}, {".", "_2E"}, {"..", "."}, {"a.b", "a_2Eb"}, {"É", "_C3_89"}, {"x/y", "x_2Fy"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		sa, sb := segment(a), segment(b)
		if a != b && sa == sb {
			t.Fatalf("%q and %q share the segment %q", a, b, sa)
		}
		for _, s := range []string{a, b} {
			seg := segment(s)
			if got, ok := unsegment(seg); !ok || got != s {
				t.Fatalf("unsegment(%q) = %q, %v; want %q", seg, got, ok, s)
			}
			if seg == "" || seg == "." || seg == ".." || strings.Trim(seg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != "" {
				t.Fatalf("segment(%q) = %q is not one safe path element", s, seg)
			}
		}
		// A string that is not a segment does not read back as one.
		if s, ok := unsegment(a); ok && segment(s) != a {
			t.Fatalf("unsegment(%q) = %q, whose segment is %q", a, s, segment(s))
		}
	})
}

// FuzzSearchFile: any name a client asks the server for under search/ answers a file
// of the index or none, without a panic; every file the index lists is there.
func FuzzSearchFile(f *testing.F) {
	ix, err := NewIndex("", commonCatalog(f))
	if err != nil {
		f.Fatal(err)
	}
	ix.searchFiles(func(name string) {
		if _, ok := ix.searchFile(name, nil); !ok {
			f.Fatalf("the index lists %s but has no such file", name)
		}
		f.Add(name)
	})
	for _, name := range []string{"t-.js", "t-zz.js", "t-6c6f63.js", "r--1.js", "r-99.js", "r-01.js", "t-ff.js", "x"} {
		f.Add(name)
	}
	f.Fuzz(func(t *testing.T, name string) {
		data, ok := ix.searchFile(name, nil)
		if ok != (len(data) > 0) {
			t.Fatalf("%q: ok %v with %d bytes", name, ok, len(data))
		}
	})
}

// FuzzMessageForms: the forms of any message are at most maxFormRows rows, computed
// without a panic, an exact arm's row has its value, and a select key's row the key.
func FuzzMessageForms(f *testing.F) {
	for _, m := range []string{
		"{n, plural, =0 {none} one {# file} other {# files}}",
		"{n, plural, offset:2 =1 {a} one {b {k}} other {c}}",
		"{k, select, a {{n, selectordinal, one {#st} other {#th}}} other {x}}",
		"{n, plural, other {{n, plural, other {{k, select, other {#}}}}}}",
		"{n} {k, select, true {y} other {z}} {n, number}",
	} {
		f.Add(m, uint8(0))
	}
	params := []errcat.Param{{Name: "n", Kind: errcat.KindInt}, {Name: "k", Kind: errcat.KindString}}
	example := []errcat.Value{errcat.Int(3), errcat.String("a")}
	locales := []string{"", "en", "pl", "ru", "ar", "ja", "fr", "cy"}
	f.Fuzz(func(t *testing.T, src string, loc uint8) {
		tmpl, err := errcat.ParseTemplate(src)
		if err != nil {
			return
		}
		if tmpl, err = tmpl.Bind(params); err != nil {
			return
		}
		tmpl = tmpl.WithLocale(locales[int(loc)%len(locales)])
		rows := 0
		for _, ft := range messageForms(params, tmpl, example) {
			rows += len(ft.Rows)
			for _, r := range ft.Rows {
				exact := strings.HasPrefix(r.Case, "=") && r.Value != r.Case[1:]
				key := ft.Type == "select" && r.Case != "other" && r.Value != r.Case
				if exact || key {
					t.Fatalf("%s: row %q has the value %q", src, r.Case, r.Value)
				}
			}
		}
		if rows > maxFormRows {
			t.Fatalf("%s: %d rows", src, rows)
		}
	})
}
