package portal

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
)

// TestSensitiveParamMarked checks that the code page's parameter table marks a
// sensitive param, and that the Markdown reference lists it among the code's facts.
func TestSensitiveParamMarked(t *testing.T) {
	c, err := catalog.Load(fstest.MapFS{"errors.yaml": {Data: []byte(`catalog: auth
errors:
  - code: AUTH-401
    name: TokenExpired
    status: 401
    message: Token {token} of {user} expired.
    params: [{name: token, sensitive: true}, {name: user}]
`)}}, "errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := generateFiles(t, c).File("errors/AUTH-401/index.html")
	for _, want := range []string{
		`<td><code>token</code> <span class="badge" title="Logs and telemetry show this value redacted; responses keep it.">sensitive</span></td>`,
		`<td><code>user</code></td>`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("AUTH-401's page lacks %s", want)
		}
	}
	md, err := Markdown([]*catalog.Catalog{c}, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Name `TokenExpired` · HTTP 401 Unauthorized · gRPC `UNAUTHENTICATED` · Redacted in logs: `token`\n"; !strings.Contains(string(md), want) {
		t.Errorf("Markdown lacks %q:\n%s", want, md)
	}
}
