package grpcerr_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/grpcerr"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"github.com/errcat/errcat/internal/golden"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
)

// TestStatusGolden writes the statuses of a few errors as grpcurl lays them out
// (code, message, then each detail as JSON) into testdata/status.golden: the
// reference of what clients receive. Refresh with go test -update.
func TestStatusGolden(t *testing.T) {
	set := loadCommonVi(t)
	retry := set.Lookup(common.CodeUpstreamTimeout).New()
	cases := []struct {
		name string
		err  *errcat.Error
		c    richstatus.Context
	}{
		{"public code, vi requested", set.Lookup(common.CodeUnableToLocate).New(errcat.String("project"), errcat.String("42")),
			richstatus.Context{Locale: "vi", RequestID: "req-42"}},
		{"internal error", common.ErrInternalServerError.New(), richstatus.Context{RequestID: "5f1c0e7a9b2d4c6e8f0a1b2c"}},
		{"field errors", common.ErrInvalidRequest.New().
			AddField("/name", common.ErrFieldRequired.New(errcat.String("name"))).
			AddField("/tags/3", common.ErrInvalidFieldValue.New(errcat.String("tags[3]"))),
			richstatus.Context{RequestID: "req-7"}},
		{"retryable, with a delay", retry, richstatus.Context{RetryAfter: 90 * time.Second}},
	}
	var out bytes.Buffer
	for _, tc := range cases {
		s := grpcerr.Status(tc.err, &tc.c)
		fmt.Fprintf(&out, "# %s\nCode: %s\nMessage: %s\nDetails:\n", tc.name, s.Code(), s.Message())
		writeDetails(t, &out, s)
		out.WriteString("\n")
	}
	golden.Check(t, "testdata/status.golden", out.Bytes())
}

// writeDetails writes each detail of s as indented JSON; protojson's spacing, which
// varies on purpose, is normalised by re-indenting.
func writeDetails(t *testing.T, out *bytes.Buffer, s *status.Status) {
	t.Helper()
	for i, a := range s.Proto().GetDetails() {
		b, err := protojson.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var ind bytes.Buffer
		if err := json.Indent(&ind, b, "    ", "  "); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(out, "  %d)\t%s\n", i+1, ind.Bytes())
	}
}
