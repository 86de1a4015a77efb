package httperr

import (
	"encoding/json"
	"math"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
	"weak"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/common"
)

// frameSets are the catalogs frames are checked on: the common catalog, every seed's
// and the Petstore's, with translations, variants, internal codes and numeric codes.
func frameSets(t *testing.T) []*errcat.Set {
	sets := []*errcat.Set{common.Set, catalogtest.Load(t, "../examples/petstore/errors").Set()}
	for _, dir := range []string{"000-common", "001-devdocs", "002-backend", "003-identity", "004-bulk"} {
		sets = append(sets, seed(t, dir))
	}
	return sets
}

// frameValues returns values of every param of d, of its kind: plain ones, or ones
// that need escaping or have no plain text.
func frameValues(d *errcat.Definition, odd bool) []errcat.Value {
	var args []errcat.Value
	for i, p := range d.Params() {
		var v errcat.Value
		switch p.Kind {
		case errcat.KindInt:
			v = errcat.Int(int64(i) - 42)
		case errcat.KindFloat:
			v = errcat.Float(1.5)
			if odd {
				v = errcat.Float(math.Inf(-1))
			}
		case errcat.KindBool:
			v = errcat.Bool(odd)
		case errcat.KindTime:
			v = errcat.Time(time.Date(2026, 11, 23, 10, 0, 0, 5, time.UTC))
		case errcat.KindDuration:
			v = errcat.Duration(1500 * time.Millisecond)
		default:
			v = errcat.String("v" + p.Name)
			if odd {
				v = errcat.String("<\"é\u2028\\" + p.Name + "\x01>")
			}
		}
		args = append(args, v)
	}
	return args
}

// framedEnvelopes are the envelopes that compile frames: how each writes a body from
// its frame, and member by member, up to the field errors.
var framedEnvelopes = []struct {
	name    string
	memo    *errcat.Memo[frameSlot]
	compile func(*errcat.Error, string) *frame
	framed  func(f *frame, args []errcat.Value, c *Context) []byte
	members func(dst []byte, err *errcat.Error, c *Context) []byte
}{
	{"problem", problemFrames, compileProblem, func(f *frame, args []errcat.Value, c *Context) []byte {
		b := appendSteps(nil, f.head, args)
		b = appendInstance(b, c)
		return appendSteps(b, f.tail, args)
	}, appendProblem},
	{"simple", simpleFrames, compileSimple, func(f *frame, args []errcat.Value, c *Context) []byte {
		return appendSteps(nil, f.head, args)
	}, appendSimple},
}

// TestFramesMatch holds the compiled bodies to the ones written member by member, for
// every code and variant of the example catalogs, in every locale (and one that falls
// back), with plain values and values that need escaping, with and without an
// instance, and with an instance that needs escaping.
func TestFramesMatch(t *testing.T) {
	for _, env := range framedEnvelopes {
		n := 0
		for _, set := range frameSets(t) {
			var defs []*errcat.Definition
			for _, d := range set.Definitions() {
				defs = append(defs, d)
				defs = append(defs, d.Variants()...)
			}
			locales := append([]string{"", "zz-Unknown"}, set.Locales()...)
			for _, loc := range set.Locales() {
				locales = append(locales, loc+"-XX")
			}
			for _, d := range defs {
				for _, odd := range []bool{false, true} {
					e := d.New(frameValues(d, odd)...)
					for _, loc := range locales {
						for _, c := range []Context{
							{Locale: loc},
							{Locale: loc, Instance: "req-1", checked: "req-1"},
							{Locale: loc, Instance: `/a"b`, checked: "req-1"}, // changed by an outer envelope
							{Locale: loc, Instance: `/a"b</c>`},
						} {
							f, args := framedNow(env.memo, e, loc, env.compile)
							if f == nil {
								t.Fatalf("%s %s: no frame although every param is given", env.name, d.ID())
							}
							got, want := env.framed(f, args, &c), env.members(nil, e, &c)
							if string(got) != string(want) {
								t.Fatalf("%s %s %s in %q, instance %q:\nframe   %s\nmembers %s", env.name, set.Name(), d.ID(), loc, c.Instance, got, want)
							}
							n++
						}
					}
				}
			}
		}
		if n < 1000 {
			t.Fatalf("%s: only %d bodies compared", env.name, n)
		}
	}
}

// framedNow is framed asked twice, so that the frame is compiled if there is one.
func framedNow(m *errcat.Memo[frameSlot], err *errcat.Error, locale string, compile func(*errcat.Error, string) *frame) (*frame, []errcat.Value) {
	if f, args := framed(m, err, locale, compile); f != nil {
		return f, args
	}
	return framed(m, err, locale, compile)
}

// TestFramesOnSecondUse checks that a frame is compiled the second time its code is
// written in a locale, not the first, once, and for each locale.
func TestFramesOnSecondUse(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "x", Locales: []string{"vi"}, Errors: []errcat.Spec{{
		Code: "E1", Status: 404, Texts: errcat.Texts{Message: "No {0}."}, Params: []errcat.Param{{Name: "thing"}},
		Translations: map[string]errcat.Texts{"vi": {Message: "Không có {0}."}},
	}}})
	compiled := 0
	compile := func(e *errcat.Error, locale string) *frame { compiled++; return compileProblem(e, locale) }
	e := set.Lookup("E1").New(errcat.String("cat"))
	for i, want := range []struct {
		locale   string
		framed   bool
		compiled int
	}{{"en", false, 0}, {"en", true, 1}, {"en", true, 1}, {"vi", false, 1}, {"vi-VN", true, 2}, {"vi", true, 2}} {
		f, _ := framed(problemFrames, e, want.locale, compile)
		if (f != nil) != want.framed || compiled != want.compiled {
			t.Errorf("call %d in %s: framed %v, %d compiled; want %v, %d", i, want.locale, f != nil, compiled, want.framed, want.compiled)
		}
	}
}

// TestFramesNotUsed checks that errors missing a value are written member by member,
// with the variant the missing value chooses and the marker of a missing value.
func TestFramesNotUsed(t *testing.T) {
	for _, e := range []*errcat.Error{
		common.ValueAlreadyExists(""),                          // a variant for the missing field
		common.ErrUnableToLocate.New(errcat.String("project")), // the id missing
		common.ErrUnableToLocate.New(errcat.Value{}, errcat.String("42")),
	} {
		if f, _ := framedNow(problemFrames, e, "", compileProblem); f != nil {
			t.Errorf("%s with %d values: framed", e.Code(), len(e.Args()))
		}
	}
	got := string(Problem.AppendBody(nil, common.ErrUnableToLocate.New(errcat.String("project")), &Context{}))
	if !strings.Contains(got, `"detail":"Unable to locate project with id {id?}."`) || !strings.Contains(got, `"params":{"kind":"project"}`) {
		t.Errorf("body of an error missing a value: %s", got)
	}
}

// TestRequestIDsArePlain holds the shortcut appendInstance takes for a request id
// Write checked: no byte a request id may hold needs escaping in JSON.
func TestRequestIDsArePlain(t *testing.T) {
	for c := range 256 {
		if idByte[c] && string(appendString(nil, string(rune(c)))) != `"`+string(rune(c))+`"` {
			t.Errorf("request ids may hold %q, which JSON escapes", rune(c))
		}
	}
	if id := newRequestID(); !validRequestID(id) {
		t.Errorf("newRequestID() = %q, which validRequestID refuses", id)
	}
	// An envelope that wraps another may change the instance of the Context it passes
	// on: what Write did not check is escaped.
	// The request id Write checked is written as a URN.
	for _, c := range []Context{{Instance: "req-1", checked: "req-1"}, {Instance: `a"b`, checked: "req-1"}, {Instance: `a"b`}} {
		inst := c.Instance
		if c.Instance == c.checked {
			inst = requestURN + inst
		}
		want, _ := json.Marshal(inst)
		if got := string(appendInstance(nil, &c)); got != `,"instance":`+string(want) {
			t.Errorf("instance %q (checked %q): %s", c.Instance, c.checked, got)
		}
	}
}

// FuzzFrames holds compiled bodies to member-by-member ones for any values: strings
// of any bytes (invalid UTF-8, control characters, quotes) and any instance.
func FuzzFrames(f *testing.F) {
	f.Add("project", "42", int64(7), "req-1")
	f.Add("<\"x\">", "a\u2028b\x01", int64(-1), `/a"b`)
	f.Add("\xff\xfe", "", int64(0), "")
	f.Fuzz(func(t *testing.T, a, b string, n int64, instance string) {
		for _, e := range []*errcat.Error{
			common.ErrUnableToLocate.New(errcat.String(a), errcat.String(b)),
			common.ErrUnableToLocate.New(errcat.String(a), errcat.Int(n)),
			common.ErrValueAlreadyExists.New(errcat.String(b)),
		} {
			c := Context{Instance: instance}
			if validRequestID(instance) {
				c.checked = instance
			}
			for _, env := range framedEnvelopes {
				want := env.members(nil, e, &c)
				f, args := framedNow(env.memo, e, "", env.compile)
				if f == nil {
					if len(e.Args()) == len(e.Definition().Params()) && e.Variant() == e.Definition() && !e.Args()[len(e.Args())-1].IsZero() {
						t.Fatalf("%s %s: not framed", env.name, e.Code())
					}
					continue
				}
				if got := env.framed(f, args, &c); string(got) != string(want) {
					t.Fatalf("%s %s:\nframe   %s\nmembers %s", env.name, e.Code(), got, want)
				}
			}
		}
	})
}

// TestCatalogsAreCollected: what Write keeps for a catalog (its frames) does not keep
// it alive once its user drops it, as errcat serve drops a catalog it reloads.
func TestCatalogsAreCollected(t *testing.T) {
	gone := func() weak.Pointer[errcat.Set] {
		set := errcat.MustNewSet(errcat.SetSpec{Name: "x", Locales: []string{"vi"}, Errors: []errcat.Spec{{
			Code: "E1", Status: 404, Texts: errcat.Texts{Message: "No {0}."}, Params: []errcat.Param{{Name: "thing"}},
			Translations: map[string]errcat.Texts{"vi": {Message: "Không có {0}."}},
		}}})
		h := &Handler{Logger: slogDiscard()}
		for range 3 { // the second write compiles a frame
			r := httptest.NewRequest("GET", "/", nil)
			r.Header.Set("Accept-Language", "vi-VN")
			w := httptest.NewRecorder()
			h.Write(w, r, set.Lookup("E1").New(errcat.String("cat")))
			if !strings.Contains(w.Body.String(), "Không có cat.") {
				t.Fatalf("body %s", w.Body)
			}
		}
		return weak.Make(set)
	}()
	for i := 0; gone.Value() != nil; i++ {
		if i == 10 {
			t.Fatal("a set written with is still reachable after its user dropped it")
		}
		runtime.GC()
	}
}

// TestPluralCodesWrittenByMember: a code whose text is a plural chooses its words by
// value, so no frame holds them; every write, the first and the ones after, is
// member by member and picks the form of its own value.
func TestPluralCodesWrittenByMember(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "x", Locales: []string{"ru"}, Errors: []errcat.Spec{{
		Code: "P1", Status: 409,
		Texts:  errcat.Texts{Title: "Files left", Message: "{n, plural, one {# file is} other {# files are}} left."},
		Params: []errcat.Param{{Name: "n", Kind: errcat.KindInt}},
		Translations: map[string]errcat.Texts{"ru": {
			Title:   "Остались файлы",
			Message: "{n, plural, one {Остался # файл} few {Осталось # файла} many {Осталось # файлов} other {Осталось # файла}}.",
		}},
	}}})
	d := set.Lookup("P1")
	for _, env := range []Envelope{Problem, Simple} {
		for _, tt := range []struct {
			locale string
			n      int
			want   string
		}{
			{"", 1, "1 file is left."}, {"", 5, "5 files are left."}, {"", 1, "1 file is left."},
			{"ru", 1, "Остался 1 файл."}, {"ru", 3, "Осталось 3 файла."}, {"ru", 5, "Осталось 5 файлов."}, {"ru", 21, "Остался 21 файл."},
		} {
			body := string(env.AppendBody(nil, d.New(errcat.Int(int64(tt.n))), &Context{Locale: tt.locale}))
			if !strings.Contains(body, `"`+tt.want+`"`) || strings.Contains(body, "plural") {
				t.Errorf("%s %q n=%d: %s; want the message %q", env.Name(), tt.locale, tt.n, body, tt.want)
			}
		}
	}
}
