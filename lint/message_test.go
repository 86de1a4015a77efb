package lint

import "testing"

// TestMessagePlaceholders holds that placeholders in the arms of plurals and selects
// count as uses of their params: only P-3's spare is unused.
func TestMessagePlaceholders(t *testing.T) {
	got := text(run(t, "plural", Options{}))
	want := "warning plural/errors.yaml:26:9: unused-param: P-3 declares param spare but no text uses it\n"
	if got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
}
