package catalog_test

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

// TestYAMLHoldingJSON: a YAML file that holds a catalog as one line of JSON (YAML's
// flow style) reads as the same bytes do in a .json file, streamed: a megabyte
// costs what it costs as JSON, far below the YAML parser's limit on values.
func TestYAMLHoldingJSON(t *testing.T) {
	asJSON := catalogtest.Sized("c", 1<<20, catalogtest.JSONMinified)
	asYAML := fstest.MapFS{}
	for name, f := range asJSON {
		asYAML[strings.TrimSuffix(name, ".json")+".yaml"] = f
	}
	want, err := catalog.Load(asJSON, "c")
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got, err := catalog.Load(asYAML, "c")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20 {
		t.Errorf("allocated %d MiB, want under 256 MiB", alloc>>20)
	}
	if len(got.Errors) != len(want.Errors) || !reflect.DeepEqual(got.Errors[len(got.Errors)-1].Texts, want.Errors[len(want.Errors)-1].Texts) {
		t.Fatalf("read %d codes from YAML, %d from JSON", len(got.Errors), len(want.Errors))
	}
	last := want.Errors[len(want.Errors)-1]
	gotPos, wantPos := got.Lookup(last.Code).PosOf("message"), last.PosOf("message")
	if gotPos.Line != wantPos.Line || gotPos.Col != wantPos.Col {
		t.Errorf("message of %s at %s, want %s", last.Code, gotPos, wantPos)
	}
}
