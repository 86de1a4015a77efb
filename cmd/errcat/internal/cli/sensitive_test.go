package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplainMarksSensitiveParam: explain says which params logs show redacted.
func TestExplainMarksSensitiveParam(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "errors.yaml"), []byte(`catalog: auth
errors:
  - code: AUTH-401
    name: TokenExpired
    status: 401
    message: Token {token} of {user} expired.
    params:
      - {name: token, description: The session token, sensitive: true}
      - {name: user}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if exit := Main([]string{"explain", "AUTH-401", "--catalog", dir}, &stdout, &stderr); exit != 0 {
		t.Fatalf("exit %d: %s", exit, stderr.String())
	}
	for _, want := range []string{
		"{0} token  string    The session token [sensitive: redacted in logs]\n",
		"{1} user   string\n",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
}
