package grpcerr

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/grpcerr/richstatus"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
)

// TestStatusDetailsUnmarshal checks that the status Status makes, sent as gRPC sends
// it (marshalled, unmarshalled), gives through status.FromError(…).Details() the
// errdetails messages richstatus.Encode builds, for the example of every code and
// variant of the common and petstore catalogs in each of their locales, with and
// without a request id and a retry delay.
func TestStatusDetailsUnmarshal(t *testing.T) {
	common, err := source.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range []*catalog.Catalog{common, catalogtest.Load(t, "../examples/petstore/errors")} {
		set, err := errcat.NewSet(c.SetSpec())
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range set.Definitions() {
			for _, v := range append([]*errcat.Definition{d}, d.Variants()...) {
				e, err := c.Example(v)
				if err != nil {
					t.Fatal(err)
				}
				for _, locale := range set.Locales() {
					ctx := &richstatus.Context{Locale: locale, RequestID: []string{"", "req-1"}[i%2],
						RetryAfter: []time.Duration{0, 90 * time.Second, 1500 * time.Millisecond}[i%3]}
					checkStatus(t, fmt.Sprintf("%s %s", v.ID(), locale), e, ctx)
					n++
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("checked %d statuses, want at least 100", n)
	}
}

func checkStatus(t *testing.T, name string, e *errcat.Error, c *richstatus.Context) {
	t.Helper()
	wire, err := proto.Marshal(Status(e, c).Proto())
	if err != nil {
		t.Fatal(err)
	}
	var p spb.Status
	if err := proto.Unmarshal(wire, &p); err != nil {
		t.Fatal(err)
	}
	s, ok := status.FromError(status.FromProto(&p).Err())
	if !ok {
		t.Fatalf("%s: not a status error", name)
	}
	code, msg, want := richstatus.Encode(e, c)
	if uint32(s.Code()) != code || s.Message() != msg {
		t.Errorf("%s: status %d %q, want %d %q", name, s.Code(), s.Message(), code, msg)
	}
	got := s.Details()
	if len(got) != len(want) {
		t.Fatalf("%s: %d details, want %d", name, len(got), len(want))
	}
	for i, g := range got {
		m, ok := g.(proto.Message)
		if !ok {
			t.Fatalf("%s: detail %d does not unmarshal: %v", name, i, g)
		}
		if !proto.Equal(m, want[i]) {
			t.Errorf("%s: detail %d = %v, want %v", name, i, m, want[i])
		}
	}
}

// TestStatusLeavesOutInvalidText checks that a detail with text that is not valid
// UTF-8, which proto.Marshal refuses, is left out of the status, the others kept.
func TestStatusLeavesOutInvalidText(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "shop", Errors: []errcat.Spec{{
		Code: "SHOP-404", Name: "NoSuchSKU", Status: 404,
		Texts: errcat.Texts{Message: "No {sku}."}, Params: []errcat.Param{{Name: "sku"}},
	}}})
	e := set.Lookup("SHOP-404").New(errcat.String(string([]byte{'a', 0xff})))
	s := Status(e, &richstatus.Context{RequestID: "r"})
	var urls []string
	for _, a := range s.Proto().GetDetails() {
		urls = append(urls, a.GetTypeUrl())
	}
	if want := fmt.Sprint([]string{richstatus.URLRequestInfo}); fmt.Sprint(urls) != want {
		t.Errorf("details %v, want %v", urls, want)
	}
	// Without ErrorInfo, the client knows the error by its status code only.
	if got := FromStatus(s, set); got.Code() != "NOT_FOUND" || errors.Is(got, set.Lookup("SHOP-404")) || got.Message("") != s.Message() {
		t.Errorf("FromStatus = %s %q, want NOT_FOUND reading as %q", got.Code(), got.Message(""), s.Message())
	}
}

// TestFromProtoCopies holds status.FromProto to the deep copy that lets Status reuse
// its scratch memory: changing every byte of the proto after the call must not show
// in the status.
func TestFromProtoCopies(t *testing.T) {
	value := []byte("value")
	p := &spb.Status{Code: 5, Message: "m", Details: []*anypb.Any{{TypeUrl: "u", Value: value}}}
	s := status.FromProto(p)
	copy(value, "XXXXX")
	p.Details[0].TypeUrl = "changed"
	p.Details = nil
	p.Message = "changed"
	got := s.Proto()
	if got.GetMessage() != "m" || len(got.GetDetails()) != 1 || got.GetDetails()[0].GetTypeUrl() != "u" || string(got.GetDetails()[0].GetValue()) != "value" {
		t.Fatalf("status.FromProto shares memory with its argument: %v", got)
	}
}

// TestStatusReusesNothing checks that statuses made one after another, which share
// scratch memory, each keep their own details.
func TestStatusReusesNothing(t *testing.T) {
	c, err := source.Load()
	if err != nil {
		t.Fatal(err)
	}
	set, err := errcat.NewSet(c.SetSpec())
	if err != nil {
		t.Fatal(err)
	}
	var made []*status.Status
	var want []*spb.Status
	for _, d := range set.Definitions()[:10] {
		e, err := c.Example(d)
		if err != nil {
			t.Fatal(err)
		}
		s := Status(e, &richstatus.Context{RequestID: "req-" + d.Code()})
		made = append(made, s)
		want = append(want, s.Proto())
	}
	for i, s := range made {
		if !proto.Equal(s.Proto(), want[i]) {
			t.Errorf("status %d changed after later statuses were made", i)
		}
	}
}
