package catalog

import "testing"

// TestFieldPositions checks that a position recorded for a field, or an item of a
// list field, is found again under the same name and no other, the last one
// recorded winning, and that an unknown field falls back to the owner's position.
func TestFieldPositions(t *testing.T) {
	var ps fieldPositions
	ps.set("causes", Pos{Line: 1, Col: 2})
	ps.set("causes[0]", Pos{Line: 3, Col: 4})
	ps.set("causes[12345]", Pos{Line: 5, Col: 6})
	ps.set("status", Pos{Line: 7, Col: 8})
	ps.set("status", Pos{Line: 9, Col: 10})
	ps.set("bulk.status_code", Pos{Line: 11, Col: 12})
	ps.set("nonsense", Pos{Line: 99, Col: 99})
	def := Pos{File: "f.json", Line: 100, Col: 1}
	for field, want := range map[string]Pos{
		"causes":           {File: "f.json", Line: 1, Col: 2},
		"causes[0]":        {File: "f.json", Line: 3, Col: 4},
		"causes[12345]":    {File: "f.json", Line: 5, Col: 6},
		"causes[1]":        def,
		"resolutions[0]":   def,
		"status":           {File: "f.json", Line: 9, Col: 10},
		"bulk.status_code": {File: "f.json", Line: 11, Col: 12},
		"nonsense":         def,
		"causes[-1]":       def,
		"causes[x]":        def,
	} {
		if got := ps.of(field, def); got != want {
			t.Errorf("of(%q) = %v, want %v", field, got, want)
		}
	}
}
