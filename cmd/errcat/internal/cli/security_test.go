package cli

import (
	"os"
	"strings"
	"testing"
)

// TestSecurityLimits holds SECURITY.md to the code: each limit it states is the one
// the source defines, so that changing a limit without the document fails here.
func TestSecurityLimits(t *testing.T) {
	doc, err := os.ReadFile("../../../../SECURITY.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ file, code, says string }{
		{"catalog/limits.go", "MaxFileSize = 64 << 20", "| size of one catalog file | 64 MiB;"},
		{"catalog/limits.go", "MaxNesting = 32", "| 32 levels;"},
		{"catalog/limits.go", "MaxTokens = 100_000", "| 100,000;"},
		{"catalog/limits.go", "MaxKeyLength = 1024", "| 1,024 bytes |"},
		{"catalog/limits.go", "const aliasSlack = 10_000", "| twice the file's tokens plus 10,000 |"},
		{"catalog/limits.go", "MaxProblems = 1000", "| 1,000, then one line"},
		{"catalog/load.go", "return 30*time.Second + time.Duration(size>>20)*4*time.Second", "| 30 s plus 4 s per MiB;"},
		{"httperr/handler.go", `if id == "" || len(id) > 128 {`, "| at most 128 bytes"},
		{"httperr/client.go", "const maxErrorBody = 1 << 20", "| 1 MiB |"},
		{"portal/api.go", `limit := 50`, "(50 by default)"},
		{"portal/api.go", `limit (a number from 1 to 10000)`, "| `limit`, 1 to 10,000"},
		{"cmd/errcat/internal/cli/serve.go", "ReadHeaderTimeout: 10 * time.Second", "| request header read time | 10 s |"},
	} {
		src, err := os.ReadFile("../../../../" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), tt.code) {
			t.Errorf("%s no longer holds %q: update SECURITY.md's %q and this test", tt.file, tt.code, tt.says)
		}
		if !strings.Contains(string(doc), tt.says) {
			t.Errorf("SECURITY.md does not say %q (the limit of %s)", tt.says, tt.file)
		}
	}
}
