package portal

import (
	"net/http"
	"testing"
)

// TestResponseText: the status line, Content-Type, the other headers by name, a
// blank line and the body, indented when it is JSON and as it is when it is not.
func TestResponseText(t *testing.T) {
	hdr := http.Header{"Content-Type": {"application/json"}, "X-B": {"2"}, "Retry-After": {"30"}, "Vary": {"Accept", "Accept-Language"}}
	for _, tc := range []struct {
		body, want string
	}{
		{`{"code":"A","data":[1,{}]}`, "HTTP/1.1 418 I'm a teapot\nContent-Type: application/json\nRetry-After: 30\nVary: Accept\nVary: Accept-Language\nX-B: 2\n\n{\n  \"code\": \"A\",\n  \"data\": [\n    1,\n    {}\n  ]\n}"},
		{`{"code": "A",`, "HTTP/1.1 418 I'm a teapot\nContent-Type: application/json\nRetry-After: 30\nVary: Accept\nVary: Accept-Language\nX-B: 2\n\n{\"code\": \"A\","},
	} {
		if got := (Response{Status: http.StatusTeapot, Header: hdr, Body: []byte(tc.body)}).Text(); got != tc.want {
			t.Errorf("body %s:\n got %q\nwant %q", tc.body, got, tc.want)
		}
	}
}
