package errcat

import (
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// hostile is text that must survive the set data format byte for byte.
var hostile = []string{
	"line\nbreak", "carriage\rreturn", "nul\x00byte", "back`quote", `back\slash`, `\x41 not an escape`,
	"\xff\xfe invalid utf-8", "line\u2028separator\u2029", "bom\ufeff", "trailing space ", "trailing tab\t",
	" leading space", "*/ /* // comment", "T\x07bell", "émoji 🎉", "\\n", "@at", "tab\tinside",
}

// hostileSpec returns testSpec with hostile text in every string field that NewSet
// does not constrain.
func hostileSpec() SetSpec {
	spec := testSpec()
	h := strings.Join(hostile, "|")
	spec.Title, spec.Version = h, h
	spec.DocsURL = h + "{code}"
	e := &spec.Errors[0]
	e.Code = "0\n`x" + h
	e.GRPC, e.Category, e.Summary = h, h, h
	e.ReturnedBy = append(hostile, "")
	e.Causes = append(e.Causes, hostile...)
	e.Resolutions = []string{}
	e.Params[0].Description, e.Params[0].Example = h, h
	e.Params[1].Kind = KindDuration
	e.Deprecated = &Deprecation{Since: h, ReplacedBy: h, Note: h}
	e.Retryable, e.NotPublic, e.LogLevel = true, true, slog.LevelWarn+2
	e.Translations["vi"] = Texts{Message: e.Translations["vi"].Message, Causes: hostile, Resolutions: []string{}}
	spec.Errors[1].Variants[0].Translations["de"] = Texts{}
	spec.Locales = append(spec.Locales, "de")
	spec.NumericCodes = true
	spec.Response = ResponseSpec{Envelope: h, Status: 200, BulkStatusCode: 4000, OmitFieldMessage: true}
	spec.Errors[1].OmitMessage = true
	e.Params[1].Sensitive = true
	return spec
}

func TestSetDataRoundTrip(t *testing.T) {
	for name, spec := range map[string]SetSpec{"plain": testSpec(), "hostile": hostileSpec(), "empty": {}} {
		t.Run(name, func(t *testing.T) {
			data, err := EncodeSetSpec(spec)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(data) || strings.ContainsAny(string(data), "\x00\r`\ufeff\u2028\u2029") {
				t.Errorf("data holds what a Go raw string cannot:\n%s", data)
			}
			got, err := DecodeSetSpec(string(data))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, normal(spec)) {
				t.Errorf("round trip:\n got %#v\nwant %#v", got, normal(spec))
			}
		})
	}
}

// normal returns spec as DecodeSetSpec returns it: no empty Translations maps, params
// of kind string where the kind was unset, no empty params of codes, and Errors not
// nil.
func normal(spec SetSpec) SetSpec {
	if spec.Errors == nil {
		spec.Errors = []Spec{}
	}
	var norm func(s *Spec)
	norm = func(s *Spec) {
		if len(s.Translations) == 0 {
			s.Translations = nil
		}
		for i := range s.Params {
			if s.Params[i].Kind == KindInvalid {
				s.Params[i].Kind = KindString
			}
		}
		for i := range s.Variants {
			norm(&s.Variants[i])
		}
	}
	for i := range spec.Errors {
		norm(&spec.Errors[i])
		if len(spec.Errors[i].Params) == 0 {
			spec.Errors[i].Params = nil
		}
	}
	return spec
}

func TestSetDataLayout(t *testing.T) {
	data, err := EncodeSetSpec(SetSpec{Name: "petstore", Locales: []string{"vi"}, Errors: []Spec{
		{Code: "P001", Name: "PetNotFound", Status: 404, Texts: Texts{Message: "Pet {id} was not found.\nReally `not`."},
			Params: []Param{{Name: "id", Kind: KindInt}}, Translations: map[string]Texts{"vi": {Message: "Không tìm thấy {id}."}}},
		{Code: "P 2", Name: "Gone", Texts: Texts{Message: "Gone. "}, Variants: []Spec{{Key: "0", Params: []Param{}}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := `errcat-set 1
catalog petstore
locale vi
codes 2
145 PetNotFound P001
54 Gone P 2
code P001
name PetNotFound
status 404
message Pet {id} was not found.\nReally \x60not\x60.
param id
type int
message@vi Không tìm thấy {id}.
code P 2
name Gone
message Gone.\x20
variant 0
params
`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
}

// TestSetDataVersion2 holds the layout of what only version 2 holds: the declared
// wire shape in the header and a code's omit_message flag.
func TestSetDataVersion2(t *testing.T) {
	data, err := EncodeSetSpec(SetSpec{Name: "bulk", NumericCodes: true,
		Response: ResponseSpec{Envelope: "bulk", Status: 200, BulkStatusCode: 4000, OmitFieldMessage: true},
		Errors:   []Spec{{Code: "4013", Name: "Unsupported", Status: 415, Texts: Texts{Message: "Unsupported"}, OmitMessage: true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `errcat-set 2
catalog bulk
numeric_codes
envelope bulk
transport_status 200
bulk_status_code 4000
omit_field_message
codes 1
71 Unsupported 4013
code 4013
name Unsupported
status 415
message Unsupported
omit_message
`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
	set, err := DecodeSet(string(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := set.Response(), (ResponseSpec{Envelope: "bulk", Status: 200, BulkStatusCode: 4000, OmitFieldMessage: true}); got != want {
		t.Errorf("Response() = %+v, want %+v", got, want)
	}
	if d := set.Lookup("4013"); !d.OmitMessage() || !d.Public() {
		t.Errorf("4013: OmitMessage() = %v, Public() = %v; want true, true", d.OmitMessage(), d.Public())
	}
}

// TestSetDataVersion3 holds the layout of what only version 3 holds, a sensitive
// param, and checks that data of versions 1 and 2, which hold none, still decode.
func TestSetDataVersion3(t *testing.T) {
	spec := SetSpec{Name: "auth", Errors: []Spec{{Code: "AUTH-401", Name: "TokenExpired", Status: 401,
		Texts:  Texts{Message: "Token {token} of {user} expired."},
		Params: []Param{{Name: "token", Sensitive: true}, {Name: "user"}}}}}
	data, err := EncodeSetSpec(spec)
	if err != nil {
		t.Fatal(err)
	}
	want := `errcat-set 3
catalog auth
codes 1
123 TokenExpired AUTH-401
code AUTH-401
name TokenExpired
status 401
message Token {token} of {user} expired.
param token
param_sensitive
param user
`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
	set, err := DecodeSet(string(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := set.Lookup("AUTH-401").Params(); len(got) != 2 || !got[0].Sensitive || got[1].Sensitive {
		t.Errorf("Params() = %+v, want token sensitive, user not", got)
	}

	for _, old := range []string{
		"errcat-set 1\ncatalog auth\ncodes 1\n43 A A1\ncode A1\nname A\nmessage {token}\nparam token\n",
		"errcat-set 2\ncatalog auth\nenvelope simple\ncodes 1\n43 A A1\ncode A1\nname A\nmessage {token}\nparam token\n",
	} {
		set, err := DecodeSet(old, nil)
		if err != nil {
			t.Fatalf("%q: %v", old, err)
		}
		if p := set.Lookup("A1").Params(); len(p) != 1 || p[0].Name != "token" || p[0].Sensitive {
			t.Errorf("%q: Params() = %+v, want token, not sensitive", old, p)
		}
	}
}

// TestDecodeSetSameAsNewSet compares every accessor of every definition of a lazy
// set with the eager set of the same spec.
func TestDecodeSetSameAsNewSet(t *testing.T) {
	for name, spec := range map[string]SetSpec{"plain": testSpec(), "hostile": hostileSpec()} {
		t.Run(name, func(t *testing.T) {
			eager, err := NewSet(spec)
			if err != nil {
				t.Fatal(err)
			}
			data, err := EncodeSetSpec(spec)
			if err != nil {
				t.Fatal(err)
			}
			lazy, err := DecodeSet(string(data), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := describeSet(lazy), describeSet(eager); got != want {
				t.Errorf("lazy set:\n%s\neager set:\n%s", got, want)
			}
		})
	}
}

// describeSet renders what a set's accessors return, for comparison.
func describeSet(s *Set) string {
	var b strings.Builder
	p := func(args ...any) {
		for _, a := range args {
			b.WriteString(strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(fmt.Sprint(a), "\n", "⏎"), "0x", "")))
			b.WriteByte('|')
		}
		b.WriteByte('\n')
	}
	p(s.Name(), s.Title(), s.Version(), s.DocsURL(), s.NumericCodes(), s.Locales(), s.Response())
	var def func(d *Definition)
	def = func(d *Definition) {
		p(d.ID(), d.Code(), d.Name(), d.Key(), d.Status(), d.GRPC(), d.Params(), d.ReturnedBy(), d.Category(),
			d.Retryable(), d.LogLevel(), d.Public(), d.OmitMessage(), d.Deprecated(), d.DocsURL(), string(d.AppendCodeJSON(nil)),
			string(d.AppendDocsURLJSON(nil)), d.Error(), s.Lookup(d.ID()) == d)
		if d.Parent() != nil {
			p("parent", d.Parent().ID())
		}
		for _, loc := range append(s.Locales(), "zz") {
			e := d.New(String("x"), Int(7))
			p(loc, d.Translated(loc), d.Title(loc).String(), d.Message(loc).String(), d.Summary(loc).String(),
				d.Description(loc).String(), len(d.Causes(loc)), len(d.Resolutions(loc)), e.Message(loc), e.Title(loc),
				d.New().Message(loc), e.Variant().ID(), e.Status())
		}
		for _, v := range d.Variants() {
			def(v)
		}
	}
	for _, d := range s.Definitions() {
		def(d)
	}
	return b.String()
}

func TestDecodeSetLazy(t *testing.T) {
	data, err := EncodeSetSpec(testSpec())
	if err != nil {
		t.Fatal(err)
	}
	defs := make([]Definition, 3)
	s, err := DecodeSet(string(data), defs)
	if err != nil {
		t.Fatal(err)
	}
	sentinel := &defs[1]
	if s.Lookup("000037") != sentinel || sentinel.Code() != "000037" || sentinel.Name() != "ValueAlreadyExists" {
		t.Fatalf("Lookup(000037) = %p, want the second of defs %p", s.Lookup("000037"), sentinel)
	}
	for i := range defs {
		if defs[i].ready.Load() {
			t.Errorf("definition %d compiled before it was used", i)
		}
	}
	err = sentinel.New()
	if !errors.Is(err, sentinel) || errors.Is(err, &defs[0]) {
		t.Errorf("errors.Is does not tell the sentinels apart")
	}
	if got, want := err.(*Error).Message(""), "A value already exists, and duplicates are not allowed."; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	if !defs[1].ready.Load() || defs[0].ready.Load() {
		t.Errorf("using 000037 compiled: 000012 %v, 000037 %v; want only 000037", defs[0].ready.Load(), defs[1].ready.Load())
	}
	if v := s.Lookup("107[1]"); v == nil || v.Status() != 500 || v.Parent() != &defs[2] {
		t.Errorf("Lookup(107[1]) = %v, want the variant with status 500", v)
	}
	if s.Lookup("107[9]") != nil || s.Lookup("nope") != nil || s.Lookup("nope[0]") != nil {
		t.Errorf("Lookup of an unknown id is not nil")
	}
	dup := MustDecodeSet("errcat-set 1\ncodes 2\n14 A a\n14 B a\ncode a\nname A\ncode a\nname B\n", nil)
	if d := dup.Lookup("a"); d.Name() != "A" {
		t.Errorf("Lookup of a code given twice = %s, want the first", d.Name())
	}
}

// TestDecodeSetConcurrentFirstUse has goroutines race to use a code first; -race
// checks that compiling it races with no reader of the definition.
func TestDecodeSetConcurrentFirstUse(t *testing.T) {
	data, err := EncodeSetSpec(testSpec())
	if err != nil {
		t.Fatal(err)
	}
	s := MustDecodeSet(string(data), nil)
	d := s.Definitions()[0]
	var wg sync.WaitGroup
	msgs := make([]string, 8)
	for i := range msgs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = d.Code() + d.Name() + d.ID()
			e := d.New(String("project"), Int(42))
			msgs[i] = e.Message("vi")
			_ = errors.Is(e, d)
		}()
	}
	wg.Wait()
	for _, m := range msgs {
		if m != "Không tìm thấy project với id 42." {
			t.Errorf("message %q", m)
		}
	}
}

func TestDecodeSetErrors(t *testing.T) {
	good, err := EncodeSetSpec(testSpec())
	if err != nil {
		t.Fatal(err)
	}
	g := string(good)
	for _, tt := range []struct{ name, data, want string }{
		{"empty", "", `errcat: set data must start with "errcat-set 3"`},
		{"version", "errcat-set 4\n", `errcat: set data version "4" is not supported by this errcat runtime (it reads versions 1 to 3); regenerate the code or update errcat`},
		{"bad transport status", "errcat-set 2\ntransport_status x\ncodes 0\n", `errcat: set data: line 2: transport_status "x" is not a number`},
		{"no codes", "errcat-set 1\ncatalog x\n", "errcat: set data: line 2: header does not end with codes N"},
		{"unknown header", "errcat-set 1\ncolour red\ncodes 0\n", `errcat: set data: line 2: unknown header field "colour"`},
		{"bad count", "errcat-set 1\ncodes -1\n", `errcat: set data: line 2: codes "-1" is not a count`},
		{"short index", "errcat-set 1\ncodes 2\n5 A a\n", "errcat: set data: line 4: want 2 index lines"},
		{"bad index", "errcat-set 1\ncodes 1\nA a\n", `errcat: set data: line 3: index line "A a" is not LENGTH NAME CODE`},
		{"huge length", "errcat-set 1\ncodes 1\n99999 A a\ncode a\n", `errcat: set data: line 3: index line "99999 A a" is not LENGTH NAME CODE`},
		{"length", "errcat-set 1\ncodes 1\n3 A a\ncode a\n", "errcat: set data: records hold 7 bytes, the index says 3"},
		{"bad escape", "errcat-set 1\ntitle \\q\ncodes 0\n", `errcat: set data: line 2: bad escape "\\q"`},
		{"no newline", "errcat-set 1\ncodes 0", "errcat: set data: line 2: line does not end with a newline"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := DecodeSet(tt.data, nil); err == nil || err.Error() != tt.want {
				t.Errorf("DecodeSet error = %v, want %s", err, tt.want)
			}
		})
	}
	if _, err := DecodeSet(g, make([]Definition, 2)); err == nil || err.Error() != "errcat: set data has 3 codes, but 2 definitions were given" {
		t.Errorf("DecodeSet with too few defs: %v", err)
	}
	defs := make([]Definition, 3)
	MustDecodeSet(g, defs)
	if _, err := DecodeSet(g, defs); err == nil || err.Error() != "errcat: definition 0 given to DecodeSet already belongs to a set" {
		t.Errorf("DecodeSet with used defs: %v", err)
	}
}

func TestDecodeSetSpecErrors(t *testing.T) {
	head := "errcat-set 1\ncodes 1\n"
	for _, tt := range []struct{ record, want string }{
		{"name A\n", "code 1: line 1: record does not start with code"},
		{"code a\ncolour red\n", `code 1: line 2: unknown field "colour"`},
		{"code a\ntype int\n", "code 1: line 2: type before any param"},
		{"code a\nparam x\ntype bytes\n", `code 1: line 3: unknown param type "bytes"`},
		{"code a\nnote n\n", "code 1: line 2: note before deprecated"},
		{"code a\nstatus four\n", `code 1: line 2: strconv.Atoi: parsing "four": invalid syntax`},
		{"code b\n", "code 1: record is of  b, the index says  a"},
	} {
		data := head + strconv.Itoa(len(tt.record)) + "  a\n" + tt.record
		_, err := DecodeSetSpec(data)
		if want := "errcat: set data: " + tt.want; err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %s", tt.record, err, want)
		}
	}
}

// TestDecodeSetCorruptRecordPanics shows what DecodeSet promises for a record it does
// not check: the first use of its definition panics with the reason.
func TestDecodeSetCorruptRecordPanics(t *testing.T) {
	s := MustDecodeSet("errcat-set 1\ncodes 1\n26 A a\ncode a\nname A\nmessage {x}\n", nil)
	defer func() {
		want := `errcat: set data of  code a is corrupt; regenerate it: a: message: offset 0: placeholder {x} names no parameter: the error declares no params; add them under params`
		if r := recover(); r == nil || r.(string) != want {
			t.Errorf("panic %v, want %s", r, want)
		}
	}()
	s.Lookup("a").Status()
}

func FuzzDecodeSetSpec(f *testing.F) {
	good, _ := EncodeSetSpec(hostileSpec())
	f.Add(string(good))
	f.Add("errcat-set 1\ncodes 1\n26 A a\ncode a\nname A\nmessage {x}\n")
	f.Fuzz(func(t *testing.T, data string) {
		spec, err := DecodeSetSpec(data)
		s, lazyErr := DecodeSet(data, nil)
		if (err == nil) != (lazyErr == nil) && err == nil {
			t.Fatalf("DecodeSetSpec accepts what DecodeSet refuses: %v", lazyErr)
		}
		if err != nil {
			return
		}
		again, err := EncodeSetSpec(spec)
		if err != nil {
			return // nested variants, which the format cannot hold
		}
		spec2, err := DecodeSetSpec(string(again))
		if err != nil || !reflect.DeepEqual(spec2, spec) {
			t.Fatalf("re-encoded spec differs: %v\n%#v\n%#v", err, spec2, spec)
		}
		if _, err := NewSet(spec); err == nil {
			_ = describeSet(s) // every code compiles, lazily too
		}
	})
}

func FuzzEncodeSetSpec(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, h)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		spec := SetSpec{Name: a, Title: b, Version: a, DocsURL: b, DefaultLocale: a, Locales: []string{b}, Errors: []Spec{{
			Code: a, Name: b, GRPC: a, Category: b, ReturnedBy: []string{a, b},
			Texts:        Texts{Title: a, Message: b, Summary: a, Description: b, Causes: []string{a, b}, Resolutions: []string{b}},
			Params:       []Param{{Name: a, Description: b, Example: a, Sensitive: len(a) > len(b)}},
			Deprecated:   &Deprecation{Since: a, ReplacedBy: b, Note: a},
			Translations: map[string]Texts{a: {Title: b}, b: {Causes: []string{a}}},
			Variants:     []Spec{{Key: a, Code: b, Texts: Texts{Message: a}, Translations: map[string]Texts{b: {}}}},
		}}}
		data, err := EncodeSetSpec(spec)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(data) || strings.ContainsAny(string(data), "\x00\r`") {
			t.Fatalf("data holds what a Go raw string cannot: %q", data)
		}
		got, err := DecodeSetSpec(string(data))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, normal(spec)) {
			t.Fatalf("round trip:\n got %#v\nwant %#v", got, normal(spec))
		}
	})
}
