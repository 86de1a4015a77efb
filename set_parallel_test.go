package errcat

import (
	"fmt"
	"strings"
	"testing"
)

// TestNewSetLargeReportsInOrder holds that a set large enough to be compiled on every
// processor reports its problems in catalog order, as a small one does, and that its
// codes and variants are what they are when compiled one by one.
func TestNewSetLargeReportsInOrder(t *testing.T) {
	var spec SetSpec
	spec.Locales = []string{"vi"}
	for i := range 3 * parallelCodes {
		sp := Spec{
			Code: fmt.Sprintf("E%04d", i), Name: fmt.Sprintf("N%d", i),
			Texts:        Texts{Message: fmt.Sprintf("Message %d of {a}.", i)},
			Params:       []Param{{Name: "a"}},
			Translations: map[string]Texts{"vi": {Message: fmt.Sprintf("Thông báo %d của {a}.", i)}},
		}
		if i%100 == 7 {
			sp.Variants = []Spec{{Key: "0", Texts: Texts{Message: "Without a."}}}
		}
		spec.Errors = append(spec.Errors, sp)
	}
	s, err := NewSet(spec)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Definitions()); n != 3*parallelCodes {
		t.Fatalf("%d codes, want %d", n, 3*parallelCodes)
	}
	for i, d := range s.Definitions() {
		if want := fmt.Sprintf("E%04d", i); d.Code() != want {
			t.Fatalf("code %d is %s, want %s", i, d.Code(), want)
		}
	}
	if got := s.Lookup("E1007").New(String("x")).Message("vi"); got != "Thông báo 1007 của x." {
		t.Errorf("E1007 in vi: %q", got)
	}
	if got := s.Lookup("E1007").New().Message(""); got != "Without a." {
		t.Errorf("E1007 without a: %q", got)
	}

	bad := spec
	bad.Errors = append([]Spec(nil), spec.Errors...)
	bad.Errors[10].Texts.Message = "{b}"
	bad.Errors[900].Name = "N3"
	bad.Errors[1200].Code = "E0007[0]"
	bad.Errors[1300].Translations = map[string]Texts{"vi": {Message: "{"}}
	bad.Errors[1400].Code = ""
	_, err = NewSet(bad)
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		"E0010: message: offset 0: placeholder {b} names no parameter",
		"E0900: name N3 is already used by E0003",
		"E0007[0]: duplicate code",
		"E1300: locale vi: message: offset 0: unclosed '{'",
		"error #1401: code is empty",
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("NewSet errors:\n%v\nwant %d", err, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %q, want it to begin %q", i, lines[i], w)
		}
	}
}
