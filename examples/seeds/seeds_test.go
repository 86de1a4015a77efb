package seeds

import (
	"testing"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

func TestCatalogsLoad(t *testing.T) {
	cats, err := Catalogs()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"devdocs", "backend", "identity", "bulk"}
	for i, c := range cats {
		if c.Name != want[i] || c.Set() == nil || len(c.Errors) == 0 {
			t.Errorf("catalog %d: name %q, %d errors, set %v; want %q with a set", i, c.Name, len(c.Errors), c.Set() != nil, want[i])
		}
	}
}
