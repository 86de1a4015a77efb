package grpcerr_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/grpcerr"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"github.com/errcat/errcat/portal"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
)

// TestPortalShowsTheRealStatus checks that the docs portal's gRPC example of a code,
// which the portal renders with the standard library only, is byte for byte what
// grpcurl prints of the status grpcerr really sends: for the example of every code
// of the common, petstore and portal test catalogs, in the default locale and in
// Vietnamese, with a request id and a retry delay, and for field errors.
func TestPortalShowsTheRealStatus(t *testing.T) {
	common, err := source.Load()
	if err != nil {
		t.Fatal(err)
	}
	cats := []*catalog.Catalog{common, catalogtest.Load(t, "../examples/petstore/errors"), catalogtest.Load(t, "../portal/testdata/grpc")}
	var errs []*errcat.Error
	for _, c := range cats {
		set, err := errcat.NewSet(c.SetSpec())
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range set.Definitions() {
			e, err := c.Example(d)
			if err != nil {
				t.Fatal(err)
			}
			errs = append(errs, e)
		}
	}
	errs = append(errs, fieldErrors())
	seen := map[codes.Code]bool{}
	for _, e := range errs {
		for _, locale := range []string{"en", "vi"} {
			c := richstatus.Context{Locale: locale, RequestID: "req-42", RetryAfter: 90*time.Second + 250*time.Millisecond}
			s := grpcerr.Status(e, &c)
			seen[s.Code()] = true
			want := grpcurlPrint(t, s)
			if got := portal.RenderGRPC(e, locale, c.RetryAfter, c.RequestID); got != want {
				t.Errorf("%s in %s: portal shows\n%s\ngrpcurl prints\n%s", e.Code(), locale, got, want)
			}
		}
	}
	if len(seen) < 8 {
		t.Errorf("the catalogs cover %d gRPC codes, want at least 8: %v", len(seen), seen)
	}
}

func fieldErrors() *errcat.Error {
	return common.ErrInvalidRequest.New().
		AddField("/name", common.ErrFieldRequired.New(errcat.String("name"))).
		AddField("/tags/3", common.ErrInvalidFieldValue.New(errcat.String("tags[3]")))
}

// grpcurlPrint prints s as grpcurl's PrintStatus does with its JSON formatter: each
// detail as package jsonpb writes it (protojson's field order, strings escaped by
// encoding/json), indented by two spaces, its lines after the first behind the width
// of the "  N)" prefix and a tab.
func grpcurlPrint(t *testing.T, s *status.Status) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "ERROR:\n  Code: %s\n  Message: %s\n", s.Code(), s.Message())
	details := s.Proto().GetDetails()
	if len(details) > 0 {
		b.WriteString("  Details:\n")
	}
	for i, d := range details {
		raw, err := protojson.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		compact, err := reescape(raw)
		if err != nil {
			t.Fatal(err)
		}
		var ind bytes.Buffer
		if err := json.Indent(&ind, compact, "", "  "); err != nil {
			t.Fatal(err)
		}
		prefix := fmt.Sprintf("  %d)", i+1)
		b.WriteString(prefix + "\t")
		for j, line := range strings.Split(ind.String(), "\n") {
			if j > 0 {
				b.WriteString(strings.Repeat(" ", len(prefix)) + "\t")
			}
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// reescape rewrites JSON compactly, members in the same order, with every string
// quoted by encoding/json, as jsonpb quotes them.
func reescape(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out bytes.Buffer
	type frame struct {
		object bool
		n      int
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out.Bytes(), nil
		}
		if err != nil {
			return nil, err
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			out.WriteByte(byte(d))
			stack = stack[:len(stack)-1]
			continue
		}
		if len(stack) > 0 {
			f := &stack[len(stack)-1]
			switch {
			case f.object && f.n%2 == 1:
				out.WriteByte(':')
			case f.n > 0:
				out.WriteByte(',')
			}
			f.n++
		}
		switch v := tok.(type) {
		case json.Delim:
			out.WriteByte(byte(v))
			stack = append(stack, frame{object: v == '{'})
		case string:
			q, _ := json.Marshal(v)
			out.Write(q)
		default:
			fmt.Fprint(&out, v)
		}
	}
}
