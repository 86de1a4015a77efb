package edit

import (
	"testing"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"abc", "", 3}, {"status", "status", 0},
		{"stauts", "status", 2}, {"NOTFOUND", "NOT_FOUND", 1}, {"kitten", "sitting", 3},
		{"lcoate", "locate", 2},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}
