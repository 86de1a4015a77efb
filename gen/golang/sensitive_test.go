package golang

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
)

// TestSensitiveParamNeedsVersion4 checks that a catalog with a sensitive param is
// generated with set data version 3, which holds the flag, and references the
// runtime version that reads it.
func TestSensitiveParamNeedsVersion4(t *testing.T) {
	c, err := catalog.Load(fstest.MapFS{"errors.yaml": {Data: []byte(`catalog: auth
errors:
  - code: AUTH-401
    name: TokenExpired
    status: 401
    message: Token {token} expired.
    params: [{name: token, sensitive: true}]
`)}}, "errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src, err := Generate(c, Options{Package: "auth"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"const _ = errcat.SupportPackageIsVersion4\n", "errcat-set 3\n", "param token\nparam_sensitive\n"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("generated code lacks %q:\n%s", want, src)
		}
	}
}
