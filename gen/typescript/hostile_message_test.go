package typescript

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/gen/internal/hostile"
)

// hostileMessageCatalog is the hostile catalog with its first code's message, and the
// translation's, a select and a plural whose arms hold every attack (without braces,
// which arms cannot hold).
func hostileMessageCatalog(t *testing.T) *catalog.Catalog {
	text := strings.NewReplacer("{", "", "}", "").Replace(hostile.Text())
	msg := "{p, select, a {" + text + "} other {{p, plural, =1 {" + text + "} one {# " + text + "} other {" + text + " ## {p}}}}}"
	fs := hostile.FS("fuzz", "x", "E1")
	for name, key := range map[string]string{"fuzz/errors.json": "errors", "fuzz/errors.vi.json": "errors"} {
		var doc map[string]any
		if err := json.Unmarshal(fs[name].Data, &doc); err != nil {
			t.Fatal(err)
		}
		switch errs := doc[key].(type) {
		case []any:
			errs[0].(map[string]any)["message"] = msg
		case map[string]any:
			errs["E1"].(map[string]any)["message"] = msg
		}
		data, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		fs[name].Data = data
	}
	c, err := catalog.Load(fs, "fuzz")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestHostileMessage holds that catalog text in the arms of plurals and selects stays
// inside the module's data literal; TestSameAsGo runs the module.
func TestHostileMessage(t *testing.T) {
	c := hostileMessageCatalog(t)
	src, err := Generate(c)
	if err != nil {
		t.Fatal(err)
	}
	checkGenerated(t, c, src)
	if !strings.Contains(string(src), `\"t\":\"plural\"`) {
		t.Error("the module holds no plural")
	}
}
