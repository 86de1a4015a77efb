package richstatus_test

import (
	"errors"
	"maps"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
)

func TestReason(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"UnableToLocate", "UNABLE_TO_LOCATE"},
		{"ProjectIDRequired", "PROJECT_ID_REQUIRED"},
		{"HTTPError", "HTTP_ERROR"},
		{"InvalidJSONFieldType", "INVALID_JSON_FIELD_TYPE"},
		{"Error404Page", "ERROR404_PAGE"},
		{"A", "A"},
		{"OAuth2Failed", "O_AUTH2_FAILED"},
	} {
		if got := richstatus.Reason(tc.name); got != tc.want {
			t.Errorf("Reason(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestCodeForStatusMatchesCatalog checks that the runtime derives the gRPC code of a
// definition without one as the catalog loader does.
func TestCodeForStatusMatchesCatalog(t *testing.T) {
	for s := 0; s < 600; s++ {
		want := catalog.GRPCForStatus(s)
		if got := richstatus.CodeName(richstatus.CodeForStatus(s)); got != want {
			t.Errorf("CodeForStatus(%d) = %s, want %s as catalog.GRPCForStatus", s, got, want)
		}
	}
}

var testSet = errcat.MustNewSet(errcat.SetSpec{
	Name: "shop", DocsURL: "https://shop.example/errors/{code}", Locales: []string{"vi"},
	Errors: []errcat.Spec{
		{Code: "SHOP-409", Name: "OutOfStock", Status: 409, Retryable: true,
			Texts:        errcat.Texts{Message: "Only {left} left of {sku}."},
			Params:       []errcat.Param{{Name: "sku"}, {Name: "left", Kind: errcat.KindInt}},
			Translations: map[string]errcat.Texts{"vi": {Message: "Chỉ còn {left} {sku}."}}},
		{Code: "SHOP-500", Name: "LedgerCorrupt", Status: 500, NotPublic: true,
			Texts: errcat.Texts{Message: "Ledger {id} is corrupt."}, Params: []errcat.Param{{Name: "id"}}},
		{Code: "SHOP-422", Name: "Invalid", Status: 422, Texts: errcat.Texts{Message: "The order is invalid."}},
		{Code: "SHOP-4221", Name: "Required", Status: 422, Texts: errcat.Texts{Message: "{field} is required."}, Params: []errcat.Param{{Name: "field"}}},
	},
})

func encode(e *errcat.Error, c richstatus.Context) (uint32, string, map[string]proto.Message) {
	code, msg, ds := richstatus.Encode(e, &c)
	m := map[string]proto.Message{}
	for _, d := range ds {
		m[string(d.ProtoReflect().Descriptor().Name())] = d
	}
	return code, msg, m
}

func TestEncodePublic(t *testing.T) {
	e := testSet.Lookup("SHOP-409").New(errcat.String("mug"), errcat.Int(3))
	code, msg, ds := encode(e, richstatus.Context{Locale: "vi", RequestID: "r1", RetryAfter: 1500 * time.Millisecond})
	if code != richstatus.Aborted || msg != "Chỉ còn 3 mug." {
		t.Errorf("Encode = %d %q, want ABORTED \"Chỉ còn 3 mug.\"", code, msg)
	}
	want := map[string]proto.Message{
		"ErrorInfo":        &errdetails.ErrorInfo{Reason: "OUT_OF_STOCK", Domain: "shop", Metadata: map[string]string{"sku": "mug", "left": "3"}},
		"LocalizedMessage": &errdetails.LocalizedMessage{Locale: "vi", Message: "Chỉ còn 3 mug."},
		"Help":             &errdetails.Help{Links: []*errdetails.Help_Link{{Description: "Error SHOP-409", Url: "https://shop.example/errors/SHOP-409"}}},
		"RetryInfo":        &errdetails.RetryInfo{RetryDelay: durationpb.New(1500 * time.Millisecond)},
		"RequestInfo":      &errdetails.RequestInfo{RequestId: "r1"},
	}
	compare(t, ds, want)
}

func TestEncodeNotPublic(t *testing.T) {
	e := testSet.Lookup("SHOP-500").New(errcat.String("ledger-7"))
	code, msg, ds := encode(e, richstatus.Context{})
	if code != richstatus.Internal || msg != "Internal Server Error" {
		t.Errorf("Encode = %d %q, want INTERNAL \"Internal Server Error\"", code, msg)
	}
	compare(t, ds, map[string]proto.Message{
		"ErrorInfo": &errdetails.ErrorInfo{Reason: "LEDGER_CORRUPT", Domain: "shop"},
		"Help":      &errdetails.Help{Links: []*errdetails.Help_Link{{Description: "Error SHOP-500", Url: "https://shop.example/errors/SHOP-500"}}},
	})
}

func TestEncodeFields(t *testing.T) {
	e := testSet.Lookup("SHOP-422").New().
		AddField("/name", testSet.Lookup("SHOP-4221").New(errcat.String("name"))).
		AddField("/ledger", testSet.Lookup("SHOP-500").New(errcat.String("x")))
	_, _, ds := encode(e, richstatus.Context{})
	want := &errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{
		{Field: "/name", Reason: "REQUIRED", Description: "name is required."},
		{Field: "/ledger", Reason: "LEDGER_CORRUPT", Description: "Internal Server Error"},
	}}
	if !proto.Equal(ds["BadRequest"], want) {
		t.Errorf("BadRequest = %v, want %v", ds["BadRequest"], want)
	}

	// Back on the client, each violation is a field error of its code.
	_, _, list := richstatus.Encode(e, &richstatus.Context{})
	got, _ := richstatus.Decode(richstatus.InvalidArgument, "The order is invalid.", list, testSet)
	fs := got.Fields()
	if len(fs) != 2 || fs[0].Field != "/name" || fs[0].Err.Code() != "SHOP-4221" || fs[0].Err.Message("") != "name is required." || fs[1].Err.Code() != "SHOP-500" {
		t.Errorf("fields = %v", fs)
	}
}

func compare(t *testing.T, got, want map[string]proto.Message) {
	t.Helper()
	if !maps.EqualFunc(got, want, proto.Equal) {
		t.Errorf("details:\n got %v\nwant %v", got, want)
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	e := testSet.Lookup("SHOP-409").New(errcat.String("mug"), errcat.Int(3))
	code, msg, ds := richstatus.Encode(e, &richstatus.Context{Locale: "vi", RequestID: "r1"})
	got, r := richstatus.Decode(code, msg, ds, testSet)
	if got.Definition() != testSet.Lookup("SHOP-409") || got.Arg("left").Int64() != 3 || got.Arg("sku").Str() != "mug" {
		t.Errorf("Decode = %v with %v, want SHOP-409 left=3 (an int) sku=mug", got, got.Args())
	}
	if r.RequestID != "r1" || r.Locale != "vi" || r.Reason != "OUT_OF_STOCK" || r.Domain != "shop" || !r.Retry {
		t.Errorf("Received = %+v", r)
	}
}

// TestDecodeUnknown checks that a code the client's sets lack is kept: reason as
// code, params from the metadata, the server's message, the documented HTTP status.
func TestDecodeUnknown(t *testing.T) {
	e := testSet.Lookup("SHOP-409").New(errcat.String("mug {x}"), errcat.Int(3))
	code, msg, ds := richstatus.Encode(e, &richstatus.Context{})
	other := errcat.MustNewSet(errcat.SetSpec{Name: "other", Errors: []errcat.Spec{{Code: "X", Texts: errcat.Texts{Message: "x"}}}})
	got, _ := richstatus.Decode(code, msg, ds, other)
	if got.Code() != "OUT_OF_STOCK" || got.Definition().Set().Name() != "shop" || got.Status() != 409 {
		t.Errorf("Decode = %s of %s, status %d; want OUT_OF_STOCK of shop, 409", got.Code(), got.Definition().Set().Name(), got.Status())
	}
	if got.Message("") != "Only 3 left of mug {x}." || got.Arg("left").Str() != "3" || got.Arg("sku").Str() != "mug {x}" {
		t.Errorf("Decode message %q params %v", got.Message(""), got.Args())
	}

	// Without any detail, the status code names the error.
	got, _ = richstatus.Decode(richstatus.Unavailable, "connection refused", nil)
	if got.Code() != "UNAVAILABLE" || got.Status() != 503 || got.Message("") != "connection refused" {
		t.Errorf("Decode of a bare status = %s %d %q", got.Code(), got.Status(), got.Message(""))
	}
}

// TestDecodeNotPublic checks that a code sent without its params keeps its identity
// and reads as the server's text.
func TestDecodeNotPublic(t *testing.T) {
	code, msg, ds := richstatus.Encode(testSet.Lookup("SHOP-500").New(errcat.String("ledger-7")), &richstatus.Context{})
	got, _ := richstatus.Decode(code, msg, ds, testSet)
	if got.Code() != "SHOP-500" || !errors.Is(got, testSet.Lookup("SHOP-500")) || got.Message("") != "Internal Server Error" {
		t.Errorf("Decode = %s %q", got.Code(), got.Message(""))
	}
}

func TestNegotiateLocale(t *testing.T) {
	for _, tc := range []struct{ header, want string }{
		{"", "en"}, {"vi-VN", "vi"}, {"fr, vi;q=0.5", "vi"}, {"de", "en"}, {";;;", "en"},
	} {
		if got := richstatus.NegotiateLocale(testSet, tc.header); got != tc.want {
			t.Errorf("NegotiateLocale(%q) = %q, want %q", tc.header, got, tc.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(uint32(5), "msg", "OUT_OF_STOCK", "shop", "sku", "mug", "/f", "REQUIRED")
	f.Add(uint32(99), "", "", "", "", "", "", "")
	f.Add(uint32(3), "{0} }{", "SHOP-409", "shop", "left", "x", "", "{")
	f.Fuzz(func(t *testing.T, code uint32, msg, reason, domain, key, val, field, fieldReason string) {
		ds := []proto.Message{
			&errdetails.ErrorInfo{Reason: reason, Domain: domain, Metadata: map[string]string{key: val}},
			&errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{{Field: field, Reason: fieldReason, Description: msg}}},
		}
		e, _ := richstatus.Decode(code, msg, ds, testSet)
		if e == nil {
			t.Fatal("Decode returned nil")
		}
		_ = e.Message("vi")
		_ = e.Error()
	})
}
