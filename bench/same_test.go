package bench

import (
	"net/http/httptest"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/httperr"
)

// TestSameResponse holds the comparison to the same response: errcat and the
// hand-written version send the same status, headers and body, byte for byte.
func TestSameResponse(t *testing.T) {
	_, r := setup(&testing.B{})
	got := httptest.NewRecorder()
	(&httperr.Handler{Logger: quietLogger}).Write(got, r, common.ErrUnableToLocate.Wrap(cause, errcat.String("project"), errcat.String("42")))
	want := httptest.NewRecorder()
	writeHand(want, r, &handError{code: "000012", kind: "project", id: "42", cause: cause})
	if got.Code != want.Code || got.Body.String() != want.Body.String() {
		t.Errorf("errcat: %d %s\nhand-written: %d %s", got.Code, got.Body, want.Code, want.Body)
	}
	for k, v := range want.Header() {
		if g := got.Header()[k]; len(g) != 1 || g[0] != v[0] {
			t.Errorf("header %s: errcat %q, hand-written %q", k, g, v)
		}
	}
	if len(got.Header()) != len(want.Header()) {
		t.Errorf("headers: errcat %v, hand-written %v", got.Header(), want.Header())
	}
}
