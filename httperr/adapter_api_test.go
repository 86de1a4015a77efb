package httperr_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/httperr"
)

// TestJSONPointer: keys are escaped as RFC 6901 says, ~ before /.
func TestJSONPointer(t *testing.T) {
	for _, tt := range []struct {
		keys []string
		want string
	}{
		{nil, ""},
		{[]string{"items", "0", "name"}, "/items/0/name"},
		{[]string{"a/b", "m~n"}, "/a~1b/m~0n"},
		{[]string{"~1"}, "/~01"},
		{[]string{""}, "/"},
	} {
		if got := httperr.JSONPointer(tt.keys...); got != tt.want {
			t.Errorf("JSONPointer(%q) = %q, want %q", tt.keys, got, tt.want)
		}
	}
}

// TestMethodNotAllowedSortsAllow: the Allow header and the error's param list the
// methods sorted and without duplicates or empty entries, as ServeMux writes them.
func TestMethodNotAllowedSortsAllow(t *testing.T) {
	h := &httperr.Handler{Logger: slog.New(slog.DiscardHandler)}
	for _, tt := range []struct{ allow, want string }{
		{"POST, GET, POST", "GET, POST"},
		{" PUT ,DELETE,, GET", "DELETE, GET, PUT"},
		{" GET ", "GET"},
	} {
		resp := h.Render(nil, httperr.Request{Method: "PATCH", RequestID: "r1"}, h.MethodNotAllowedError("PATCH", tt.allow))
		if resp.Status != 405 || resp.Allow != tt.want || !strings.Contains(string(resp.Body), `"allowed":"`+tt.want+`"`) {
			t.Errorf("allow %q: got %d Allow %q %s, want 405 Allow %q", tt.allow, resp.Status, resp.Allow, resp.Body, tt.want)
		}
	}
}

// TestCodesWithDefaults: nil fields take the common catalog's codes, set ones stay.
func TestCodesWithDefaults(t *testing.T) {
	c := httperr.Codes{NotFound: common.ErrResourceNotFound}.WithDefaults()
	if c.NotFound != common.ErrResourceNotFound || c.Internal != common.ErrInternalServerError ||
		c.MethodNotAllowed != common.ErrMethodNotSupported || c.Maintenance != common.ErrDeploymentInProgress {
		t.Errorf("WithDefaults = %+v", c)
	}
}

// TestLogChainOnlyWhenItAddsSomething: the log names the chain of a wrapped error,
// but not that of advice wrappers whose text is the catalog error's own.
func TestLogChainOnlyWhenItAddsSomething(t *testing.T) {
	for _, tt := range []struct {
		err   error
		chain bool
	}{
		{common.ErrResourceNotFound.New(), false},
		{httperr.RetryAfter(common.ErrResourceNotFound.New(), 0), false},
		{fmt.Errorf("load project: %w", common.ErrResourceNotFound.New()), true},
	} {
		var buf bytes.Buffer
		h := &httperr.Handler{Logger: slog.New(slog.NewTextHandler(&buf, nil))}
		h.Write(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil), tt.err)
		if got := strings.Contains(buf.String(), " chain="); got != tt.chain {
			t.Errorf("%v: chain logged = %v, want %v: %s", tt.err, got, tt.chain, buf.String())
		}
	}
}
