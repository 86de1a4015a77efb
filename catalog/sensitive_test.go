package catalog_test

import (
	"testing"
	"testing/fstest"

	"github.com/errcat/errcat/catalog"
)

// TestSensitiveParam checks that a param's sensitive flag reaches the entry and the
// runtime spec, from YAML and from JSON, and that a value that is not a boolean is
// reported at its place.
func TestSensitiveParam(t *testing.T) {
	for name, src := range map[string]string{
		"errors.yaml": `catalog: auth
errors:
  - code: AUTH-401
    name: TokenExpired
    status: 401
    message: Token {token} of {user} expired.
    params:
      - {name: token, sensitive: true}
      - {name: user, sensitive: false}
`,
		"errors.json": `{"catalog": "auth", "errors": [{"code": "AUTH-401", "name": "TokenExpired", "status": 401,
  "message": "Token {token} of {user} expired.",
  "params": [{"name": "token", "sensitive": true}, {"name": "user"}]}]}
`,
	} {
		c, err := catalog.Load(fstest.MapFS{name: {Data: []byte(src)}}, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ps := c.Errors[0].Params
		if len(ps) != 2 || !ps[0].Sensitive || ps[1].Sensitive {
			t.Errorf("%s: params %+v %+v, want token sensitive, user not", name, ps[0], ps[1])
		}
		spec := c.SetSpec().Errors[0].Params
		if !spec[0].Sensitive || spec[1].Sensitive {
			t.Errorf("%s: spec params %+v, want token sensitive, user not", name, spec)
		}
	}

	_, err := catalog.Load(fstest.MapFS{"errors.yaml": {Data: []byte(`catalog: auth
errors:
  - code: AUTH-401
    name: TokenExpired
    message: Token {token} expired.
    params: [{name: token, sensitive: yes please}]
`)}}, "errors.yaml")
	if got, want := errString(err), `errors.yaml:6:39: sensitive: want true or false, got the string "yes please"`; got != want {
		t.Errorf("Load = %q, want %q", got, want)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
