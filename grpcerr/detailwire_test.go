package grpcerr

import (
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/durationpb"
)

// checkDetail requires appendDetail's bytes of m to decode to a message equal to m,
// with m's type URL, after a prefix it must leave alone.
func checkDetail(t *testing.T, m proto.Message) {
	t.Helper()
	prefix := []byte("prefix")
	b, url, ok := appendDetail(prefix, m)
	if !ok {
		t.Fatalf("appendDetail(%T) not ok", m)
	}
	if string(b[:len(prefix)]) != "prefix" {
		t.Fatalf("appendDetail changed the bytes before it")
	}
	want, err := anypb.New(m)
	if err != nil {
		t.Fatal(err)
	}
	if url != want.TypeUrl {
		t.Errorf("type URL %q, want %q", url, want.TypeUrl)
	}
	got := m.ProtoReflect().New().Interface()
	if err := proto.Unmarshal(b[len(prefix):], got); err != nil {
		t.Fatalf("%T: %v", m, err)
	}
	if !proto.Equal(got, m) {
		t.Errorf("decoded %v, want %v", got, m)
	}
}

// TestAppendDetailMatchesProto checks the hand-written encoding of every detail
// richstatus.Encode makes for the example of each code of the common and petstore
// catalogs, with a request id and retry delays of whole and partial seconds.
func TestAppendDetailMatchesProto(t *testing.T) {
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
			e, err := c.Example(d)
			if err != nil {
				t.Fatal(err)
			}
			delay := []time.Duration{0, 90 * time.Second, 1500 * time.Millisecond}[i%3]
			_, _, details := richstatus.Encode(e, &richstatus.Context{Locale: "vi", RequestID: "req-1", RetryAfter: delay})
			for _, m := range details {
				if _, ok := m.(*errdetails.BadRequest); ok {
					continue
				}
				checkDetail(t, m)
				n++
			}
		}
	}
	if n < 100 {
		t.Errorf("checked %d details, want at least 100", n)
	}
}

// TestAppendDetailFallsBack checks that appendDetail declines what proto.Marshal
// must judge: a type it does not write, and text that is not valid UTF-8.
func TestAppendDetailFallsBack(t *testing.T) {
	bad := string([]byte{0xff, 'x'})
	for _, m := range []proto.Message{
		&errdetails.BadRequest{},
		&errdetails.ErrorInfo{Reason: bad},
		&errdetails.ErrorInfo{Reason: "R", Metadata: map[string]string{"k": bad}},
		&errdetails.LocalizedMessage{Locale: "en", Message: bad},
		&errdetails.Help{Links: []*errdetails.Help_Link{{Url: bad}}},
		&errdetails.RequestInfo{RequestId: bad},
	} {
		if b, _, ok := appendDetail([]byte("p"), m); ok || string(b) != "p" {
			t.Errorf("appendDetail(%v) = %q, %v; want it declined", m, b, ok)
		}
	}
}

// FuzzAppendDetail checks the encoding of arbitrary texts and delays against
// proto.Marshal's.
func FuzzAppendDetail(f *testing.F) {
	f.Add("UNABLE_TO_LOCATE", "common", "kind", "project", "vi", "Không tìm thấy", int64(90), int32(5e8))
	f.Add("", "", "", "", "", "", int64(-1), int32(-1))
	f.Fuzz(func(t *testing.T, reason, domain, key, value, locale, message string, secs int64, nanos int32) {
		ms := []proto.Message{
			&errdetails.ErrorInfo{Reason: reason, Domain: domain, Metadata: map[string]string{key: value, "x" + key: message}},
			&errdetails.LocalizedMessage{Locale: locale, Message: message},
			&errdetails.Help{Links: []*errdetails.Help_Link{{Description: reason, Url: domain}, {}}},
			&errdetails.RequestInfo{RequestId: key, ServingData: value},
			&errdetails.RetryInfo{RetryDelay: &durationpb.Duration{Seconds: secs, Nanos: nanos}},
			&errdetails.RetryInfo{},
		}
		for _, m := range ms {
			if _, err := proto.Marshal(m); err != nil {
				if _, _, ok := appendDetail(nil, m); ok {
					t.Errorf("appendDetail(%v) accepted what proto.Marshal refuses: %v", m, err)
				}
				continue
			}
			checkDetail(t, m)
		}
	})
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
