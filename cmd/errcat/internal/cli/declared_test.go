package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestToolsDefaultToDeclaredWireShape: with no --envelope, gen openapi, gen ts and
// docs markdown describe the envelope the catalog declares, with its options and
// its transport status.
func TestToolsDefaultToDeclaredWireShape(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
		not  []string
	}{
		{[]string{"gen", "openapi", "../../../../examples/seeds/003-identity", "--http-codes=false"},
			[]string{`"SimpleError"`, `"Error200"`, `"status": 200`}, []string{`"ProblemDetails"`, `"status": 500`}},
		{[]string{"gen", "openapi", "../../../../examples/seeds/004-bulk"},
			[]string{`"BulkError"`, `"status_code": 4000`}, []string{`"message": "Unsupported Content Type"`}},
		{[]string{"gen", "ts", "../../../../examples/seeds/003-identity"},
			[]string{`export const envelope = "simple";`, `export const transportStatus = 200;`, `export type ErrorBody = SimpleBody;`}, nil},
		{[]string{"docs", "markdown", "../../../../examples/seeds/004-bulk"},
			[]string{"`{\"response_status\":{\"status_code\":4000,\"messages\":[{\"status_code\":4013,\"type\":\"failed\"}],\"status\":\"failed\"}}`"}, nil},
		{[]string{"docs", "markdown", "../../../../examples/seeds/004-bulk", "--envelope", "simple"},
			[]string{"`{\"message\":\"Unsupported Content Type\",\"code\":4013,\"data\":null}`"}, nil},
	} {
		var stdout, stderr bytes.Buffer
		if exit := Main(tt.args, &stdout, &stderr); exit != 0 {
			t.Errorf("%s: exit %d: %s", strings.Join(tt.args, " "), exit, stderr.String())
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("%s: output lacks %s", strings.Join(tt.args, " "), w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(stdout.String(), n) {
				t.Errorf("%s: output has %s", strings.Join(tt.args, " "), n)
			}
		}
	}
}

// TestExplainShowsWireShape: explain names the declared wire shape, and the
// transport status a catalog answers every error with.
func TestExplainShowsWireShape(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"explain", "4013", "--catalog", "../../../../examples/seeds/004-bulk"}, []string{
			"HTTP status  415 Unsupported Media Type\n",
			"Wire shape   bulk envelope, status_code 4000, field entries without their message, this code's message left out where the envelope allows\n"}},
		{[]string{"explain", "2004", "--catalog", "../../../../examples/seeds/003-identity"}, []string{
			"HTTP status  200 OK, as every error of the catalog (its response status)\n",
			"Wire shape   simple envelope\n"}},
	} {
		var stdout, stderr bytes.Buffer
		if exit := Main(tt.args, &stdout, &stderr); exit != 0 {
			t.Errorf("%s: exit %d: %s", strings.Join(tt.args, " "), exit, stderr.String())
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("%s: output lacks %q:\n%s", strings.Join(tt.args, " "), w, stdout.String())
			}
		}
	}
	var stdout, stderr bytes.Buffer
	Main([]string{"explain", "000012"}, &stdout, &stderr)
	if strings.Contains(stdout.String(), "Wire shape") {
		t.Errorf("a catalog that declares nothing shows a wire shape:\n%s", stdout.String())
	}
}
