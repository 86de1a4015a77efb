package typescript

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/gen/internal/hostile"
	"github.com/errcat/errcat/internal/golden"
)

// hostileCode is a code with what would end a string or a comment, and Go escape
// syntax that TypeScript reads otherwise.
const hostileCode = "A\"'`*/\u2028\\T\x07bell"

// hostileCatalog loads the catalog with every attack in every text field.
func hostileCatalog(t *testing.T) *catalog.Catalog {
	c, ok := hostile.Load(hostile.Text(), hostileCode)
	if !ok || c.Errors[0].Code != hostileCode {
		t.Fatal("the hostile catalog does not load")
	}
	return c
}

// TestHostileCatalog generates the catalog with every attack in every text field and
// checks that the module declares only what the generator means to, token for token
// as a harmless catalog does; TestSameAsGo compiles it with tsc --strict and runs it.
func TestHostileCatalog(t *testing.T) {
	for _, text := range append([]string{hostile.Text()}, hostile.Attacks...) {
		c, ok := hostile.Load(text, hostileCode)
		if !ok {
			t.Fatalf("the hostile catalog does not load with %q", text)
		}
		src, err := Generate(c)
		if err != nil {
			t.Fatal(err)
		}
		checkGenerated(t, c, src)
		if text == hostile.Text() {
			golden.Check(t, "testdata/hostile.ts.golden", src)
		}
	}
}

func FuzzGenerateTS(f *testing.F) {
	for _, a := range hostile.Attacks {
		f.Add(a, hostileCode)
		f.Add(a, a)
	}
	f.Fuzz(func(t *testing.T, text, ident string) {
		c, ok := hostile.Load(text, ident)
		if !ok {
			return
		}
		src, err := Generate(c)
		if err != nil {
			t.Fatal(err)
		}
		checkGenerated(t, c, src)
	})
}

// reference is the head of the module (before the fixed runtime) generated for a
// harmless catalog of the same shape as the hostile ones.
var reference = func() []byte {
	c, ok := hostile.Load("x", "E1")
	if !ok {
		panic("the reference catalog does not load")
	}
	src, err := Generate(c)
	if err != nil {
		panic(err)
	}
	return src
}()

// checkGenerated holds that src, generated from c, ends with the fixed runtime; that
// before it, its tokens outside string literals and comments are the harmless
// catalog's; and that its string literals evaluate to c's codes and data.
func checkGenerated(t *testing.T, c *catalog.Catalog, src []byte) {
	t.Helper()
	head, ok := strings.CutSuffix(string(src), runtimeTS)
	if !ok {
		t.Fatal("the module does not end with the runtime")
	}
	head, ok = strings.CutSuffix(head, messagesTS)
	if !ok {
		if head, ok = strings.CutSuffix(head, nomessagesTS); !ok {
			t.Fatal("the module does not hold the message runtime before the runtime")
		}
	}
	toks, lits := scanTS(t, head)
	want, _ := scanTS(t, strings.TrimSuffix(strings.TrimSuffix(string(reference), runtimeTS), nomessagesTS))
	if !reflect.DeepEqual(toks, want) {
		t.Fatalf("tokens outside literals and comments differ from the harmless catalog's:\n%v\n%v\n%s", toks, want, head)
	}
	// The literals are: each code in the Code union, then each code and param name in
	// Params, then the JSON data.
	var codes []string
	for _, e := range c.Errors {
		codes = append(codes, strings.ToValidUTF8(e.Code, "\uFFFD"))
	}
	if got := lits[:len(codes)]; !slices.Equal(got, codes) {
		t.Errorf("the Code union evaluates to %q, want %q", got, codes)
	}
	var data catalogData
	if err := json.Unmarshal([]byte(lits[len(lits)-1]), &data); err != nil {
		t.Fatalf("JSON.parse argument: %v", err)
	}
	if _, ok := data.Codes[codes[0]]; !ok || data.Name != c.Name {
		t.Errorf("the data has codes %v, want %q", slices.Collect(mapKeys(data.Codes)), codes[0])
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// scanTS splits the TypeScript src into tokens, comments left out and each string
// literal as "STRING", and returns the values of the string literals, decoded as
// JavaScript does (the generator writes only JSON's escapes). A line break inside a
// string literal or a comment that does not end fails the test.
func scanTS(t *testing.T, src string) (toks, lits []string) {
	t.Helper()
	lineEnd := func(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case strings.HasPrefix(src[i:], "//"):
			j := strings.IndexFunc(src[i:], lineEnd)
			if j < 0 {
				j = len(src) - i
			}
			i += j
		case strings.HasPrefix(src[i:], "/*"):
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				t.Fatal("a block comment does not end")
			}
			i += j + 4
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			lit := src[i : j+1]
			if strings.IndexFunc(lit, lineEnd) >= 0 && c == '"' {
				t.Fatalf("string literal %s holds a line break", lit)
			}
			var s string
			if err := json.Unmarshal([]byte(lit), &s); err != nil {
				t.Fatalf("string literal %s: %v", lit, err)
			}
			toks, lits = append(toks, "STRING"), append(lits, s)
			i = j + 1
		case isWord(c):
			j := i
			for j < len(src) && isWord(src[j]) {
				j++
			}
			toks = append(toks, src[i:j])
			i = j
		default:
			toks = append(toks, src[i:i+1])
			i++
		}
	}
	return toks, lits
}

func isWord(c byte) bool {
	return c == '_' || c == '$' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
