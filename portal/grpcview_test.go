package portal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/internal/golden"
	"github.com/errcat/errcat/internal/jsontext"
)

// TestRenderGRPCGolden pins RenderGRPC byte for byte: the grpcurl layout of codes with
// and without a catalog gRPC code, a code that is not public, one without a status,
// retry delays, field errors, the page's locale and JSON escaping.
func TestRenderGRPCGolden(t *testing.T) {
	pets := catalogtest.Load(t, "../examples/petstore/errors")
	shapes := catalogtest.Load(t, "testdata/grpc")
	fields := common.ErrInvalidRequest.New().
		AddField("/name", common.ErrFieldRequired.New(errcat.String("name"))).
		AddField("/tags/3", common.ErrInvalidFieldValue.New(errcat.String("tags[3]")))
	cases := []struct {
		name   string
		err    *errcat.Error
		locale string
		retry  time.Duration
		id     string
	}{
		{"PET-404, en", example(t, pets, "PET-404"), "en", 0, exampleRequestID},
		{"PET-409, vi", example(t, pets, "PET-409"), "vi", 0, exampleRequestID},
		{"PET-409, fr falls back to en", example(t, pets, "PET-409"), "fr", 0, ""},
		{"PET-503, retryable", example(t, pets, "PET-503"), "en", 1500 * time.Millisecond, "req-1"},
		{"SHP-001, derived code", example(t, shapes, "SHP-001"), "en", 0, ""},
		{"SHP-002, retryable without a delay", example(t, shapes, "SHP-002"), "en", 0, ""},
		{"SHP-003, not public", example(t, shapes, "SHP-003"), "en", 0, "req-3"},
		{"SHP-004, no status", example(t, shapes, "SHP-004"), "en", 0, ""},
		{"SHP-005, escaping", example(t, shapes, "SHP-005"), "en", 0, ""},
		{"field errors", fields, "en", 0, "req-7"},
	}
	var out bytes.Buffer
	for _, tc := range cases {
		fmt.Fprintf(&out, "# %s\n%s\n", tc.name, RenderGRPC(tc.err, tc.locale, tc.retry, tc.id))
	}
	golden.Check(t, "testdata/grpc.golden", out.Bytes())
}

// example returns the example error of code in c, raised from c's own set.
func example(t *testing.T, c *catalog.Catalog, code string) *errcat.Error {
	t.Helper()
	set, err := errcat.NewSet(c.SetSpec())
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Example(set.Lookup(code))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestDurationJSON checks retry delays as protojson writes a google.protobuf.Duration.
func TestDurationJSON(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second:        "30s",
		1500 * time.Millisecond: "1.500s",
		time.Microsecond:        "0.000001s",
		time.Nanosecond:         "0.000000001s",
		2*time.Hour + 1:         "7200.000000001s",
	} {
		if got := durationJSON(d); got != want {
			t.Errorf("durationJSON(%v) = %q, want %q", d, got, want)
		}
	}
}

// FuzzJSONString: strings are quoted as encoding/json quotes them.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted" \ back`, "<a & b>", "\x00\x01\b\f\n\r\t\x1f\x7f", "\xff\xfe", "é 中 \u2028\u2029 🙂"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := jsontext.AppendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}

// FuzzIndent: compact JSON is indented as json.Indent indents it, with the
// continuation of grpcurl's layout on every line but the first.
func FuzzIndent(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[],"b":{},"c":[{"d":"e,f:{g}"}],"h":"\"}"}`, `[1,[2,[3]],{"x":null}]`, `"s"`, `{"k":"\\"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var compact, want bytes.Buffer
		if json.Compact(&compact, []byte(s)) != nil {
			return
		}
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		wantLines := strings.ReplaceAll(want.String(), "\n", "\n    \t")
		var got strings.Builder
		if writeIndented(&got, compact.Bytes(), "    \t"); got.String() != wantLines {
			t.Fatalf("%s:\n got %s\nwant %s", compact.Bytes(), got.String(), wantLines)
		}
	})
}
