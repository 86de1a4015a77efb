package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/errcat/errcat/internal/seeddoc"
)

// bulkMistakes are the published example bodies that are not what the documented
// envelope writes, and the body each means: 4002's has a stray 4 after "failed",
// and 4001's and 4007's leave out the envelope's status_code that every other
// example has. The example catalog's comments list the same mistakes.
var bulkMistakes = map[string][2]string{
	"4001": {`{"response_status":{"messages"`, `{"response_status":{"status_code":4000,"messages"`},
	"4002": {`"status":"failed"4}`, `"status":"failed"}`},
	"4007": {`{"response_status":{"messages"`, `{"response_status":{"status_code":4000,"messages"`},
}

// TestRenderBulkReproducesDocument renders every code of the bulk example catalog
// with no flag but --catalog, and compares the body with the example response of the
// published document, white space removed: the catalog's declared wire shape alone
// gives the document's bodies.
func TestRenderBulkReproducesDocument(t *testing.T) {
	doc := seeddoc.Read(t, seeddoc.Bulk)
	row := regexp.MustCompile(`(?m)^.*? \| (\d{4}) \| \d{3} \| (\{.*\}) \|\s*$`)
	rows := row.FindAllStringSubmatch(doc, -1)
	if len(rows) != 17 {
		t.Fatalf("read %d example responses from the document, want 17", len(rows))
	}
	for _, r := range rows {
		code, want := r[1], seeddoc.SquashJSON(r[2])
		if m, ok := bulkMistakes[code]; ok {
			if !strings.Contains(want, m[0]) {
				t.Errorf("%s: the document's body no longer has the mistake %s: %s", code, m[0], want)
			}
			want = strings.Replace(want, m[0], m[1], 1)
		}
		var stdout, stderr bytes.Buffer
		if exit := Main([]string{"render", code, "--catalog", "../../../../examples/seeds/004-bulk"}, &stdout, &stderr); exit != 0 {
			t.Errorf("render %s: exit %d: %s", code, exit, stderr.String())
			continue
		}
		if got := seeddoc.SquashJSON(stdout.String()); got != want {
			t.Errorf("render %s:\n got %s\nwant %s", code, got, want)
		}
	}
}

// TestRenderIdentityReproducesDocument renders every code of the {message, code,
// data} example catalog, with its status line: each answers with the declared
// transport status and the document's body, the envelope its header shows.
func TestRenderIdentityReproducesDocument(t *testing.T) {
	doc := seeddoc.Read(t, seeddoc.Identity)
	row := regexp.MustCompile(`(?m)^(\d{4}) \| (.*?) \|\s*$`)
	rows := row.FindAllStringSubmatch(doc, -1)
	if len(rows) != 99 {
		t.Fatalf("read %d codes from the document, want 99", len(rows))
	}
	for _, r := range rows {
		code, message := r[1], strings.TrimSpace(r[2])
		var stdout, stderr bytes.Buffer
		if exit := Main([]string{"render", code, "--catalog", "../../../../examples/seeds/003-identity", "--include"}, &stdout, &stderr); exit != 0 {
			t.Errorf("render %s: exit %d: %s", code, exit, stderr.String())
			continue
		}
		want := "HTTP/1.1 200 OK\nContent-Type: application/json\n\n" +
			`{"message":` + jsonString(message) + `,"code":` + code + `,"data":null}` + "\n"
		if got := stdout.String(); got != want {
			t.Errorf("render %s:\n got %q\nwant %q", code, got, want)
		}
	}
}

// jsonString quotes s as encoding/json does for the texts of the document (no
// characters that need escaping beyond quotes and backslashes).
func jsonString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
