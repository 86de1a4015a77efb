package source

import (
	"strings"
	"testing"

	"github.com/errcat/errcat/internal/seed000"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

func TestCommonReproducesSeed000(t *testing.T) {
	seed := seed000.Parse(seed000.Read(t))
	overview, details := seed.Overview, seed.Sections
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(overview) != 53 || len(details) != 53 {
		t.Fatalf("seed has %d overview rows and %d detail sections, want 53 each", len(overview), len(details))
	}
	seen := 0
	for id, ov := range overview {
		e := c.Lookup(id)
		if e == nil {
			t.Errorf("%s: missing from the common catalog", id)
			continue
		}
		seen++
		if e.Title != ov[0] {
			t.Errorf("%s: title = %q, want the seed's %q", id, e.Title, ov[0])
		}
		if e.Summary != ov[1] {
			t.Errorf("%s: summary = %q, want the seed's %q", id, e.Summary, ov[1])
		}
		d := details[id]
		for _, x := range []struct{ section, got string }{
			{"Message", e.Message},
			{"Description", e.Description},
			{"Root Cause", strings.Join(e.Causes, "")},
			{"Resolution", strings.Join(e.Resolutions, "")},
		} {
			want := strings.ReplaceAll(strings.TrimPrefix(d[x.section], "- "), "\n- ", "\n")
			want = strings.ReplaceAll(want, " - ", "")
			if seed000.Squash(x.got) != seed000.Squash(want) {
				t.Errorf("%s %s:\n got %q\nwant %q", id, x.section, x.got, strings.TrimSpace(want))
			}
		}
		if strings.Contains(id, "[") {
			continue
		}
		if e.Status == 0 {
			t.Errorf("%s: no HTTP status", id)
		}
	}
	// errcat's additions, in http.yaml, are the only codes beyond the seed's 50.
	additions := map[string]bool{"000052": true}
	for _, e := range c.Errors {
		if _, inSeed := overview[e.Code]; !inSeed && !additions[e.Code] {
			t.Errorf("%s is neither a seed code nor a documented addition", e.Code)
		}
	}
	if codes := len(c.Errors); codes != 50+len(additions) {
		t.Errorf("common has %d codes, want 50 (000001–000051 without 000032) + %d additions", codes, len(additions))
	}
	if c.Lookup("000032") != nil {
		t.Error("000032 is defined, but the seed leaves it unassigned")
	}
}

func TestCommonStatuses(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]int{
		"000001": 500, "000002": 404, "000003": 400, "000012": 404, "000013": 429, "000014": 503,
		"000022": 504, "000024": 413, "000029": 404, "000031": 405, "000033": 406, "000037": 409,
		"000038": 400, "000039": 422,
	} {
		if got := c.Lookup(code).Status; got != want {
			t.Errorf("%s: status %d, want %d", code, got, want)
		}
	}
}
