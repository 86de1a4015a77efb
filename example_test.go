package errcat_test

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/errcat/errcat"
)

func exampleSet() *errcat.Set {
	return errcat.MustNewSet(errcat.SetSpec{
		Name:    "platform",
		Locales: []string{"vi"},
		Errors: []errcat.Spec{{
			Code:   "000012",
			Name:   "UnableToLocate",
			Status: 404,
			Texts:  errcat.Texts{Title: "Unable to locate {0} with id {1}", Message: "Unable to locate {0} with id {1}."},
			Params: []errcat.Param{{Name: "kind"}, {Name: "id", Kind: errcat.KindInt}},
			Translations: map[string]errcat.Texts{
				"vi": {Message: "Không tìm thấy {kind} với id {id}."},
			},
		}, {
			Code:     "000037",
			Name:     "ValueAlreadyExists",
			Status:   409,
			Texts:    errcat.Texts{Message: "The value of field '{0}' already exists."},
			Params:   []errcat.Param{{Name: "field"}},
			Variants: []errcat.Spec{{Key: "0", Texts: errcat.Texts{Message: "A value already exists, and duplicates are not allowed."}}},
		}},
	})
}

func Example() {
	set := exampleSet()
	notFound := set.Lookup("000012")

	err := fmt.Errorf("load project: %w", notFound.New(errcat.String("project"), errcat.Int(42)))

	var e *errcat.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code(), e.Status())
		fmt.Println(e.Message("en"))
		fmt.Println(e.Message("vi-VN"))
	}
	fmt.Println(errors.Is(err, notFound))
	// Output:
	// 000012 404
	// Unable to locate project with id 42.
	// Không tìm thấy project với id 42.
	// true
}

// A variant is the text used when a parameter the code's own message needs is missing.
func ExampleError_Variant() {
	dup := exampleSet().Lookup("000037")
	fmt.Println(dup.New(errcat.String("email")).Message(""))
	e := dup.New()
	fmt.Println(e.Variant().ID(), e.Message(""))
	// Output:
	// The value of field 'email' already exists.
	// 000037[0] A value already exists, and duplicates are not allowed.
}

func ExampleError_LogValue() {
	notFound := exampleSet().Lookup("000012")
	err := notFound.Wrap(errors.New("sql: no rows"), errcat.String("project"), errcat.Int(42))

	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("request failed", "err", err)
	// Output:
	// level=INFO msg="request failed" err.code=000012 err.status=404 err.message="Unable to locate project with id 42." err.params.kind=project err.params.id=42 err.cause="sql: no rows"
}

func ExampleTemplate() {
	t := errcat.MustParseTemplate("Use {{braces}} around {0}; {0} is never expanded again.")
	fmt.Println(t.Render([]errcat.Value{errcat.String("{1}")}))
	fmt.Println(t.Render(nil))
	// Output:
	// Use {braces} around {1}; {1} is never expanded again.
	// Use {braces} around {0?}; {0?} is never expanded again.
}

// AppendMessageJSON writes the message into a JSON body as it is being built, escaped
// as encoding/json escapes strings; values that need no escaping are copied.
func ExampleError_AppendMessageJSON() {
	e := exampleSet().Lookup("000012").New(errcat.String(`<"b">`), errcat.Int(7))
	body := []byte(`{"detail":"`)
	body = e.AppendMessageJSON(body, "vi")
	body = append(body, `"}`...)
	fmt.Println(string(body))
	// Output:
	// {"detail":"Không tìm thấy \u003c\"b\"\u003e với id 7."}
}

// AppendParamsJSON writes the given params as a JSON object of their kinds, for an
// envelope's params member; as strings when the shape wants only strings.
func ExampleError_AppendParamsJSON() {
	e := exampleSet().Lookup("000012").New(errcat.String(`"b"`), errcat.Int(7))
	fmt.Println(string(e.AppendParamsJSON(nil, false)))
	fmt.Println(string(e.AppendParamsJSON(nil, true)))
	// Output:
	// {"kind":"\"b\"","id":7}
	// {"kind":"\"b\"","id":"7"}
}

// A Memo keeps what is worth working out once per code and locale: here, the prefix a
// custom envelope writes before each message, built from the code's title template.
func ExampleMemo() {
	prefixes := errcat.NewMemo[string]() // a package-level variable in real code
	prefix := func(e *errcat.Error, locale string) *string {
		title, _ := e.Texts(locale)
		p := fmt.Sprintf("[%s, %d placeholders] ", e.Code(), len(title.Placeholders()))
		return &p
	}
	notFound := exampleSet().Lookup("000012")
	for _, id := range []int64{1, 2} {
		e := notFound.New(errcat.String("project"), errcat.Int(id))
		fmt.Println(*prefixes.Get(e, "en", prefix) + e.Message("en"))
	}
	// Output:
	// [000012, 2 placeholders] Unable to locate project with id 1.
	// [000012, 2 placeholders] Unable to locate project with id 2.
}
