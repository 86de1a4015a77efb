package errcat

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// testSet returns a small set modelled on seed 000's codes, with a Vietnamese
// translation and variants.
func testSet(t testing.TB) *Set {
	t.Helper()
	s, err := NewSet(testSpec())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testSpec is the spec of testSet.
func testSpec() SetSpec {
	return SetSpec{
		Name:          "platform",
		DocsURL:       "https://docs.example.com/errors/{code}",
		DefaultLocale: "en",
		Locales:       []string{"vi", "pt-BR"},
		Errors: []Spec{
			{
				Code: "000012", Name: "UnableToLocate", Status: 404, GRPC: "NOT_FOUND", LogLevel: slog.LevelInfo,
				Texts: Texts{
					Title:       "Unable to locate {0} with id {1}",
					Message:     "Unable to locate {0} with id {1}.",
					Description: "The system could not find the specified object using the provided ID.",
					Causes:      []string{"No `{0}` exists with the ID `{1}`."},
				},
				Params: []Param{{Name: "kind"}, {Name: "id"}},
				Translations: map[string]Texts{
					"vi":    {Message: "Không tìm thấy {kind} với id {id}."},
					"pt-BR": {Title: "Não encontrado", Message: "Não foi possível localizar {0} com id {1}."},
				},
			},
			{
				Code: "000037", Name: "ValueAlreadyExists", Status: 409,
				Texts:  Texts{Title: "Value of field {0} already exists", Message: "The value of field '{0}' already exists."},
				Params: []Param{{Name: "field"}},
				Variants: []Spec{{
					Key:   "0",
					Texts: Texts{Title: "A value already exists — duplicates not allowed", Message: "A value already exists, and duplicates are not allowed."},
					Translations: map[string]Texts{
						"vi":    {Message: "Giá trị đã tồn tại."},
						"pt-BR": {Title: "Valor duplicado"},
					},
				}},
			},
			{
				Code: "107", Name: "DatabaseError",
				Texts:  Texts{Message: "Duplicate in {index}."},
				Params: []Param{{Name: "index"}},
				Variants: []Spec{
					{Key: "0", Status: 400, Params: []Param{{Name: "table"}, {Name: "index"}}, Texts: Texts{Message: "Duplicate key {1} in {0}."}},
					{Key: "1", Status: 500, Params: []Param{}, Texts: Texts{Message: "General database error."}},
				},
			},
		},
	}
}

func TestErrorMessage(t *testing.T) {
	s := testSet(t)
	notFound := s.Lookup("000012")
	dup := s.Lookup("000037")
	db := s.Lookup("107")
	tests := []struct {
		name   string
		err    *Error
		locale string
		want   string
		title  string
		status int
	}{
		{"default", notFound.New(String("project"), Int(42)), "", "Unable to locate project with id 42.", "Unable to locate project with id 42", 404},
		{"named placeholders in translation", notFound.New(String("dự án"), Int(42)), "vi", "Không tìm thấy dự án với id 42.", "Unable to locate dự án with id 42", 404},
		{"region falls back to language", notFound.New(String("x"), Int(1)), "vi-VN", "Không tìm thấy x với id 1.", "Unable to locate x with id 1", 404},
		{"exact region", notFound.New(String("x"), Int(1)), "pt_br", "Não foi possível localizar x com id 1.", "Não encontrado", 404},
		{"unknown locale falls back to default", notFound.New(String("x"), Int(1)), "fr-CA", "Unable to locate x with id 1.", "Unable to locate x with id 1", 404},
		{"missing param shows a marker", notFound.New(String("x")), "", "Unable to locate x with id {id?}.", "Unable to locate x with id {id?}", 404},
		{"param given", dup.New(String("email")), "", "The value of field 'email' already exists.", "Value of field email already exists", 409},
		{"no param picks the variant", dup.New(), "", "A value already exists, and duplicates are not allowed.", "A value already exists — duplicates not allowed", 409},
		{"empty string counts as missing", dup.New(String("")), "", "A value already exists, and duplicates are not allowed.", "A value already exists — duplicates not allowed", 409},
		{"variant translated", dup.New(), "vi", "Giá trị đã tồn tại.", "A value already exists — duplicates not allowed", 409},
		{"variant translation without a message falls back to the variant's", dup.New(), "pt-BR", "A value already exists, and duplicates are not allowed.", "Valor duplicado", 409},
		{"variant created directly", s.Lookup("000037[0]").New(), "", "A value already exists, and duplicates are not allowed.", "A value already exists — duplicates not allowed", 409},
		{"variant with own params, created directly", s.Lookup("107[0]").New(String("users"), String("email")), "", "Duplicate key email in users.", "Duplicate key email in users.", 400},
		{"variant with own params picked by name", db.New(), "", "General database error.", "General database error.", 500},
		{"code with its args", db.New(String("ix")), "", "Duplicate in ix.", "Duplicate in ix.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Message(tt.locale); got != tt.want {
				t.Errorf("Message(%q) = %q, want %q", tt.locale, got, tt.want)
			}
			if got := tt.err.Title(tt.locale); got != tt.title {
				t.Errorf("Title(%q) = %q, want %q", tt.locale, got, tt.title)
			}
			if got := tt.err.Status(); got != tt.status {
				t.Errorf("Status() = %d, want %d", got, tt.status)
			}
		})
	}
}

func TestErrorsIs(t *testing.T) {
	s := testSet(t)
	notFound := s.Lookup("000012")
	dup := s.Lookup("000037")
	cause := errors.New("sql: no rows in result set")
	err := notFound.Wrap(cause, String("project"), Int(42))
	wrapped := fmt.Errorf("get project: %w", err)

	if !errors.Is(wrapped, notFound) {
		t.Error("errors.Is(wrapped, definition) = false, want true")
	}
	if !errors.Is(wrapped, notFound.New()) {
		t.Error("errors.Is(wrapped, other error of the same code) = false, want true")
	}
	if errors.Is(wrapped, dup) {
		t.Error("errors.Is(wrapped, other code) = true, want false")
	}
	if !errors.Is(wrapped, cause) {
		t.Error("errors.Is(wrapped, cause) = false, want true")
	}
	if !errors.Is(dup.New(), s.Lookup("000037[0]")) {
		t.Error("errors.Is(code, its variant) = false, want true")
	}
	var e *Error
	if !errors.As(wrapped, &e) || e.Code() != "000012" || e.Arg("id").Int64() != 42 {
		t.Errorf("errors.As = %v, want the 000012 error with id 42", e)
	}
	other, _ := NewSet(SetSpec{Name: "other", Errors: []Spec{{Code: "000012", Texts: Texts{Message: "m"}}}})
	if errors.Is(err, other.Lookup("000012")) {
		t.Error("errors.Is across catalogs of different names = true, want false")
	}
	if got, want := err.Error(), "000012: Unable to locate project with id 42."; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := fmt.Sprintf("%+v", err), "000012: Unable to locate project with id 42: sql: no rows in result set"; got != want {
		t.Errorf("%%+v = %q, want %q", got, want)
	}
	if got, want := notFound.DocsURL(), "https://docs.example.com/errors/000012"; got != want {
		t.Errorf("DocsURL() = %q, want %q", got, want)
	}
}

func TestLogValue(t *testing.T) {
	s := testSet(t)
	inner := s.Lookup("000012").Wrap(errors.New("db password=hunter2 timeout"), String("project"), Int(42))
	err := s.Lookup("000037").Wrap(inner, String("email")).AddField("/email", s.Lookup("000037").New(String("email")))
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	logger.Error("request failed", "err", err)
	want := `level=ERROR msg="request failed" err.code=000037 err.status=409 err.message="The value of field 'email' already exists." err.params.field=email ` +
		`err.fields./email.code=000037 err.fields./email.status=409 err.fields./email.message="The value of field 'email' already exists." err.fields./email.params.field=email ` +
		`err.cause.code=000012 err.cause.status=404 err.cause.message="Unable to locate project with id 42." err.cause.params.kind=project err.cause.params.id=42 err.cause.cause="db password=hunter2 timeout"` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("log =\n%s\nwant\n%s", got, want)
	}
}

func TestNewSetErrors(t *testing.T) {
	_, err := NewSet(SetSpec{Errors: []Spec{
		{Code: "1", Name: "A", Texts: Texts{Message: "x {0}"}},
		{Code: "1", Name: "B", Texts: Texts{Message: "y"}},
		{Code: "2", Name: "A", Texts: Texts{Message: "z"}},
		{Code: "3", Name: "C"},
		{Code: "4", Name: "D", Texts: Texts{Message: "ok"}, Translations: map[string]Texts{"de": {Message: "gut"}}},
		{Code: "5", Name: "E", Texts: Texts{Message: "ok"}, Params: []Param{{Name: `a"b`}}},
	}})
	if err == nil {
		t.Fatal("NewSet = nil error, want problems")
	}
	for _, want := range []string{
		"1: message: offset 2: placeholder {0} names no parameter",
		"1: duplicate code",
		"2: name A is already used by 1",
		"3: message is empty",
		`4: translation locale "de" is not a locale of the set`,
		`5: param name "a\"b" must be an identifier`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("NewSet error\n%v\ndoes not contain %q", err, want)
		}
	}
}

func TestMatchLocale(t *testing.T) {
	s := testSet(t)
	for tag, want := range map[string]string{"": "en", "vi": "vi", "VI-vn": "vi", "pt": "en", "pt-BR-x-y": "pt-BR", "de": "en"} {
		if got := s.MatchLocale(tag); got != want {
			t.Errorf("MatchLocale(%q) = %q, want %q", tag, got, want)
		}
	}
	d := s.Lookup("000012")
	if !d.Translated("vi-VN") || d.Translated("de") || !d.Translated("en") {
		t.Error("Translated: want vi-VN and en translated, de not")
	}
}

func TestConstructionAllocs(t *testing.T) {
	d := testSet(t).Lookup("000012")
	var sink error
	n := testing.AllocsPerRun(100, func() {
		sink = d.New(String("project"), Int(42))
	})
	_ = sink
	if n != 1 {
		t.Errorf("New with two params allocates %v times, want 1", n)
	}
}

// TestWireJSON checks the code and docs URL as JSON bodies carry them: numbers when the
// set's codes are numeric and the code is a JSON number, else strings, escaped.
func TestWireJSON(t *testing.T) {
	set := MustNewSet(SetSpec{Name: "n", NumericCodes: true, DocsURL: "https://x.example/e?c={code}&l=<en>", Errors: []Spec{
		{Code: "4000", Texts: Texts{Message: "m"}}, {Code: "0012", Texts: Texts{Message: "m"}},
	}})
	for code, want := range map[string]string{"4000": `4000 "https://x.example/e?c=4000\u0026l=\u003cen\u003e"`, "0012": `"0012" "https://x.example/e?c=0012\u0026l=\u003cen\u003e"`} {
		d := set.Lookup(code)
		if got := string(d.AppendDocsURLJSON(append(d.AppendCodeJSON(nil), ' '))); got != want {
			t.Errorf("%s: %s, want %s", code, got, want)
		}
	}
	s := MustNewSet(SetSpec{Name: "s", Errors: []Spec{{Code: "E\"1", Texts: Texts{Message: "m"}}}})
	if got := string(s.Lookup("E\"1").AppendCodeJSON(nil)); got != `"E\"1"` {
		t.Errorf("string code: %s", got)
	}
}

// TestConstructionAllocsMoreArgs: an error with three to six values takes two
// allocations, the error and its extra part.
func TestConstructionAllocsMoreArgs(t *testing.T) {
	d := testSet(t).Lookup("000012")
	var sink error
	for n, want := range map[int]float64{2: 1, 3: 2, 6: 2, 7: 3} {
		args := make([]Value, n)
		for i := range args {
			args[i] = Int(int64(i + 1))
		}
		got := testing.AllocsPerRun(100, func() { sink = d.New(args...) })
		if got != want {
			t.Errorf("New with %d values allocates %v times, want %v", n, got, want)
		}
		if e := d.New(args...); len(e.Args()) != n || e.Args()[n-1].Int64() != int64(n) {
			t.Errorf("New with %d values keeps %d", n, len(e.Args()))
		}
	}
	_ = sink
}

// TestErrorHidesCause holds that Error and the plain verbs carry no cause text, and
// no message of a code that is not public, while %+v has the whole chain.
func TestErrorHidesCause(t *testing.T) {
	s := MustNewSet(SetSpec{Name: "x", Errors: []Spec{
		{Code: "A1", Name: "Open", Status: 503, Texts: Texts{Message: "Try again in {0}."}, Params: []Param{{Name: "wait"}}},
		{Code: "A2", Name: "Closed", Status: 500, NotPublic: true, Texts: Texts{Message: "Disk {0} is full."}, Params: []Param{{Name: "disk"}}},
	}})
	secret := errors.New(`pq: password authentication failed for user "admin"`)
	open := s.Lookup("A1").Wrap(secret, String("1m"))
	closed := s.Lookup("A2").Wrap(open, String("/dev/sda1"))
	for _, tt := range []struct {
		name, got, want string
	}{
		{"Error", open.Error(), "A1: Try again in 1m."},
		{"%v", fmt.Sprintf("%v", open), "A1: Try again in 1m."},
		{"%s", fmt.Sprintf("%s", open), "A1: Try again in 1m."},
		{"%q", fmt.Sprintf("%q", open), `"A1: Try again in 1m."`},
		{"not public", closed.Error(), "A2"},
		{"under %w", fmt.Errorf("handler: %w", closed).Error(), "handler: A2"},
		{"%+v", fmt.Sprintf("%+v", closed), `A2: Disk /dev/sda1 is full: A1: Try again in 1m: pq: password authentication failed for user "admin"`},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if !errors.Is(closed, secret) || !errors.Is(closed, s.Lookup("A1")) {
		t.Error("errors.Is does not see through the chain")
	}
}
