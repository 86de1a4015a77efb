package common_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/gen/golang"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

// TestUpToDate fails when common.go is not what gen go makes of the built-in catalog:
// run go generate ./common after changing builtin/common.
func TestUpToDate(t *testing.T) {
	c, err := source.Load()
	if err != nil {
		t.Fatal(err)
	}
	want, err := golang.Generate(c, golang.Options{Package: "common", Source: "./source"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("common.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("common.go is out of date: run go generate ./common")
	}
}

func TestConstructors(t *testing.T) {
	err := fmt.Errorf("load: %w", common.UnableToLocate("project", "42").WithCause(os.ErrNotExist))
	if !errors.Is(err, common.ErrUnableToLocate) || !errors.Is(err, os.ErrNotExist) {
		t.Error("errors.Is through the wrapping failed")
	}
	var e *errcat.Error
	if !errors.As(err, &e) || e.Status() != 404 || e.Message("") != "Unable to locate project with id 42." {
		t.Errorf("errors.As = %v", e)
	}
	if got := common.ImageTooLarge(5).Message(""); got != "Image must smaller than 5MB!" {
		t.Errorf("ImageTooLarge(5) = %q", got)
	}
	if got := common.ValueAlreadyExists("").Message(""); got != "A value already exists, and duplicates are not allowed." {
		t.Errorf("ValueAlreadyExists(\"\") = %q, want the 000037[0] text", got)
	}
	if len(common.Set.Definitions()) != 51 || common.CodeMethodNotSupported != "000031" || common.CodeUnsupportedContentType != "000052" {
		t.Errorf("Set has %d codes", len(common.Set.Definitions()))
	}
}

func Example() {
	err := common.UnableToLocate("project", "42")
	fmt.Println(err.Code(), err.Status(), err.Message("en"))
	fmt.Println(errors.Is(fmt.Errorf("wrapped: %w", err), common.ErrUnableToLocate))
	// Output:
	// 000012 404 Unable to locate project with id 42.
	// true
}

var sink *errcat.Error

// BenchmarkConstructor and BenchmarkLookupNew compare a generated constructor with
// constructing by code at run time; the constructor must cost no more.
func BenchmarkConstructor(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink = common.UnableToLocate("project", "42")
	}
}

func BenchmarkLookupNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink = common.Set.Lookup("000012").New(errcat.String("project"), errcat.String("42"))
	}
}

func BenchmarkDefinitionNew(b *testing.B) {
	d := common.Set.Lookup("000012")
	b.ReportAllocs()
	for b.Loop() {
		sink = d.New(errcat.String("project"), errcat.String("42"))
	}
}
