package diff

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
)

const base = `catalog: shop
version: 1.4.2
errors:
  - code: "1"
    name: OutOfStock
    status: 409
    message: Item {item} is out of stock for {days} days.
    description: No units left.
    params: [{name: item}, {name: days, type: int}]
    variants:
      - {key: "0", message: An item is out of stock.}
  - code: "2"
    name: Gone
    status: 410
    message: Gone.
`

func load(t *testing.T, src string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(fstest.MapFS{"e.yaml": {Data: []byte(src)}}, "e.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCompare(t *testing.T) {
	for _, tt := range []struct {
		name     string
		old, new string
		want     []string // "breaking|compatible kind id: what"
		bump     string
	}{
		{"same", base, base, nil, "none"},
		{"description", base, strings.Replace(base, "No units left.", "None left.", 1),
			[]string{"compatible changed 1: description text changed"}, "patch"},
		{"removed code", base, base[:strings.Index(base, "  - code: \"2\"")],
			[]string{"breaking removed 2: code 2 (Gone) removed"}, "major"},
		{"added code", base, base + "  - {code: \"3\", name: New, status: 400, message: New.}\n",
			[]string{"compatible added 3: code 3 (New) added"}, "minor"},
		{"status", base, strings.Replace(base, "status: 409", "status: 400", 1),
			[]string{"breaking changed 1: status 409 → 400", "breaking changed 1: gRPC status ABORTED → INVALID_ARGUMENT"}, "major"},
		{"renamed", base, strings.Replace(base, "name: Gone", "name: Vanished", 1),
			[]string{"breaking changed 2: renamed Gone → Vanished: generated identifiers change"}, "major"},
		{"param retyped", base, strings.Replace(base, "{name: days, type: int}", "{name: days, type: duration}", 1),
			[]string{"breaking changed 1: param days retyped int → duration"}, "major"},
		{"param added at the end", base, strings.Replace(strings.Replace(base, "{name: days, type: int}]", "{name: days, type: int}, {name: store}]", 1), "for {days} days.", "for {days} days at {store}.", 1),
			[]string{"compatible changed 1: param store added", "compatible changed 1: message text changed"}, "patch"},
		{"variant removed", base, strings.Replace(base, "    variants:\n      - {key: \"0\", message: An item is out of stock.}\n", "", 1),
			[]string{"breaking removed 1[0]: variant 1[0] removed: code that raises it by id breaks"}, "major"},
		{"envelope declared as the default", base, strings.Replace(base, "errors:\n", "response: {envelope: problem}\nerrors:\n", 1), nil, "none"},
		{"envelope", base, strings.Replace(base, "errors:\n", "response: {envelope: simple}\nerrors:\n", 1),
			[]string{"breaking changed : response envelope problem → simple: every error body changes shape"}, "major"},
		{"transport status", strings.Replace(base, "errors:\n", "response: {envelope: simple}\nerrors:\n", 1), strings.Replace(base, "errors:\n", "response: {envelope: simple, status: 200}\nerrors:\n", 1),
			[]string{"breaking changed : response status (each code's own) → 200: the HTTP status of error responses changes"}, "major"},
		{"bulk options", strings.Replace(base, "errors:\n", "response: {envelope: bulk}\nerrors:\n", 1), strings.Replace(base, "errors:\n", "response: {envelope: bulk, bulk: {status_code: 4000, omit_field_message: true}}\nerrors:\n", 1),
			[]string{"breaking changed : response bulk.status_code (none) → 4000", "breaking changed : response bulk.omit_field_message false → true: field entries' message member comes or goes"}, "major"},
		{"omit_message", base, strings.Replace(base, "message: Gone.", "message: Gone.\n    omit_message: true", 1),
			[]string{"breaking changed 2: omit_message false → true: the bodies' message member comes or goes"}, "major"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(load(t, tt.old), load(t, tt.new))
			var got []string
			for _, c := range r.Changes {
				b := "compatible"
				if c.Breaking {
					b = "breaking"
				}
				got = append(got, b+" "+c.Kind+" "+c.ID+": "+c.What)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if r.Bump != tt.bump {
				t.Errorf("bump = %s, want %s", r.Bump, tt.bump)
			}
		})
	}
}

func TestNext(t *testing.T) {
	for _, tt := range []struct{ v, bump, want string }{
		{"1.4.2", "major", "2.0.0"}, {"v1.4.2", "minor", "v1.5.0"}, {"1.4.2", "patch", "1.4.3"}, {"1.4", "major", ""}, {"1.x.2", "minor", ""},
	} {
		if got := next(tt.v, tt.bump); got != tt.want {
			t.Errorf("next(%s, %s) = %q, want %q", tt.v, tt.bump, got, tt.want)
		}
	}
}
