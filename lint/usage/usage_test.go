package usage

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog/catalogtest"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

func TestFindAndCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks packages")
	}
	raises, err := Find(".", "./testdata/fixture")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range raises {
		got = append(got, filepath.Base(r.Pos.Filename)+":"+strconv.Itoa(r.Pos.Line)+" "+r.Catalog+" "+r.Code)
	}
	want := "fixture.go:14 petstore PET-404\nfixture.go:15 petstore PET-409\nfixture.go:16 petstore PET-999\nfixture.go:17  PET-422\nfixture.go:18 common 000012\nfixture.go:19 petstore PET-400"
	if strings.Join(got, "\n") != want {
		t.Errorf("raises:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	c := catalogtest.Load(t, "../../examples/petstore/errors")
	var findings []string
	for _, f := range Check(c, raises) {
		findings = append(findings, filepath.Base(f.Pos.File)+": "+f.Rule+": "+f.Message)
	}
	wantF := "fixture.go: undefined-code: the code raises PET-999, which catalog petstore does not define\n" +
		"errors.yaml: orphan-code: PET-503 (StoreClosed) is never raised by the Go code: remove it, or raise it where it belongs"
	if strings.Join(findings, "\n") != wantF {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(findings, "\n"), wantF)
	}
}

// TestGeneratedConstructorsAreNotRaises loads the generated common package itself:
// its constructors' calls of ErrX.New are not the service raising every code.
func TestGeneratedConstructorsAreNotRaises(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks packages")
	}
	raises, err := Find("../..", "./common")
	if err != nil {
		t.Fatal(err)
	}
	if len(raises) != 0 {
		t.Errorf("found %d raises in the generated package, want none: %+v", len(raises), raises[0])
	}
}
