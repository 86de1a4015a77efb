package openapi

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/httperr"
)

// lintedDocuments writes errcat's documents into dir, in JSON and YAML: generated for
// the petstore in each envelope, for the common catalog, and merged into the
// petstore's API document. It returns their file names.
func lintedDocuments(t *testing.T, dir string) []string {
	t.Helper()
	petstore := catalogtest.Load(t, "../../examples/petstore/errors")
	common := catalogtest.Load(t, "../../common/source")
	docs := map[string][]byte{}
	for _, env := range httperr.Envelopes {
		doc, err := Generate([]*catalog.Catalog{petstore}, Options{Envelope: env})
		if err != nil {
			t.Fatal(err)
		}
		docs["petstore."+env.Name()+".json"] = doc
	}
	gen, err := Generate([]*catalog.Catalog{common}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs["common.json"] = gen
	api, err := os.ReadFile("../../examples/petstore/testdata/api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if docs["api.merged.yaml"], err = Merge([]*catalog.Catalog{petstore, common}, Options{}, api); err != nil {
		t.Fatal(err)
	}
	var names []string
	for name, doc := range docs {
		if filepath.Ext(name) == ".json" {
			y, err := YAML(doc)
			if err != nil {
				t.Fatal(err)
			}
			docs[name[:len(name)-5]+".yaml"] = y
		}
	}
	for name, doc := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), doc, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return names
}

// TestSpectral lints errcat's documents with Spectral's OpenAPI ruleset: no errors.
func TestSpectral(t *testing.T) {
	spectral := tool(t, "ERRCAT_SPECTRAL")
	dir := t.TempDir()
	names := lintedDocuments(t, dir)
	os.WriteFile(filepath.Join(dir, ".spectral.yaml"), []byte("extends: [\"spectral:oas\"]\n"), 0o644)
	cmd := exec.Command(spectral, append([]string{"lint", "-r", ".spectral.yaml", "--fail-severity", "error", "--display-only-failures"}, names...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("spectral lint: %v\n%s", err, out)
	}
}

// TestRedocly lints errcat's documents with Redocly's recommended rules: no errors.
func TestRedocly(t *testing.T) {
	redocly := tool(t, "ERRCAT_REDOCLY")
	dir := t.TempDir()
	names := lintedDocuments(t, dir)
	cmd := exec.Command(redocly, append([]string{"lint", "--format", "stylish"}, names...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "REDOCLY_TELEMETRY=off", "REDOCLY_SUPPRESS_UPDATE_NOTICE=true")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("redocly lint: %v\n%s", err, out)
	}
}
