package richstatus_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/durationpb"
)

// wireCase is an error and the context it is encoded for.
type wireCase struct {
	name string
	err  *errcat.Error
	c    richstatus.Context
}

// wireCases returns the example of every code and variant of the common and
// petstore catalogs, each in every locale of its catalog, one it lacks and none,
// with request ids and retry delays of whole and partial seconds; errors with field
// errors; and params of every kind, of texts with markup and of invalid UTF-8.
func wireCases(t *testing.T) ([]wireCase, []*errcat.Set) {
	t.Helper()
	common, err := source.Load()
	if err != nil {
		t.Fatal(err)
	}
	var cases []wireCase
	var sets []*errcat.Set
	delays := []time.Duration{0, 90 * time.Second, 1500 * time.Millisecond, time.Nanosecond}
	for _, c := range []*catalog.Catalog{common, catalogtest.Load(t, "../../examples/petstore/errors")} {
		set, err := errcat.NewSet(c.SetSpec())
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, set)
		locales := append([]string{"", "fr-CA"}, set.Locales()...)
		n := 0
		for _, d := range set.Definitions() {
			for _, v := range append([]*errcat.Definition{d}, d.Variants()...) {
				e, err := c.Example(v)
				if err != nil {
					t.Fatal(err)
				}
				locale := locales[n%len(locales)]
				ctx := richstatus.Context{Locale: locale, RequestID: []string{"", "req-1"}[n%2], RetryAfter: delays[n%len(delays)]}
				cases = append(cases, wireCase{fmt.Sprintf("%s %s %q", set.Name(), v.ID(), locale), e, ctx})
				n++
			}
		}
	}
	shop := testSet
	sets = append(sets, shop)
	bad := string([]byte{'a', 0xff})
	for i, a := range []errcat.Value{
		errcat.Int(-3), errcat.Float(2.5), errcat.Bool(true), errcat.Duration(90 * time.Second),
		errcat.Time(time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)), errcat.String("<b>{x}</b> \"q\""),
		errcat.String(""), errcat.String(bad), errcat.String(string(make([]byte, 300))),
	} {
		e := shop.Lookup("SHOP-409").New(errcat.String("mug"), a)
		cases = append(cases, wireCase{fmt.Sprintf("shop param %d", i), e, richstatus.Context{Locale: "vi", RequestID: "r"}})
	}
	fields := shop.Lookup("SHOP-422").New().
		AddField("/name", shop.Lookup("SHOP-4221").New(errcat.String("name"))).
		AddField("/ledger", shop.Lookup("SHOP-500").New(errcat.String("x"))).
		AddField("", nil).
		AddField("/bad", shop.Lookup("SHOP-4221").New(errcat.String(bad)))
	twice := errcat.MustNewSet(errcat.SetSpec{Name: "twice", Errors: []errcat.Spec{{
		Code: "T", Texts: errcat.Texts{Message: "{0} {1} {2} {3}"},
		Params: []errcat.Param{{Name: "b"}, {Name: "a"}, {Name: "b"}, {Name: "a"}},
	}}}).Lookup("T")
	cases = append(cases,
		wireCase{"same name twice", twice.New(errcat.String("b1"), errcat.String("a1"), errcat.String("b2")), richstatus.Context{}},
		wireCase{"same name twice, last not given", twice.New(errcat.String("b1"), errcat.String("a1"), errcat.Value{}, errcat.String("a2")), richstatus.Context{}},
		wireCase{"shop fields", fields, richstatus.Context{Locale: "vi"}},
		wireCase{"shop bad locale", shop.Lookup("SHOP-422").New(), richstatus.Context{Locale: bad, RequestID: bad}},
		wireCase{"shop not public", shop.Lookup("SHOP-500").New(errcat.String("secret")), richstatus.Context{RetryAfter: time.Hour}},
	)
	return cases, sets
}

// TestAppendEncodedMatchesMarshal holds AppendEncoded to Encode: the same code and
// message, and for each detail Encode makes the bytes deterministic proto.Marshal
// writes and anypb's type URL, the details Marshal refuses left out.
func TestAppendEncodedMatchesMarshal(t *testing.T) {
	cases, _ := wireCases(t)
	checked, dropped := 0, 0
	for _, tc := range cases {
		c, d := checkEncoded(t, tc)
		checked, dropped = checked+c, dropped+d
	}
	if checked < 250 || dropped < 3 {
		t.Errorf("checked %d details and %d dropped ones, want at least 250 and 3", checked, dropped)
	}
}

// FuzzAppendEncoded is TestAppendEncodedMatchesMarshal for arbitrary params, field
// names, locales, request ids and delays.
func FuzzAppendEncoded(f *testing.F) {
	f.Add("mug", int64(3), "/name", "vi", "r1", int64(1500*time.Millisecond))
	f.Add(string([]byte{0xff}), int64(-1), "", "", "", int64(-1))
	f.Fuzz(func(t *testing.T, sku string, left int64, field, locale, id string, delay int64) {
		e := testSet.Lookup("SHOP-409").New(errcat.String(sku), errcat.Int(left)).
			AddField(field, testSet.Lookup("SHOP-4221").New(errcat.String(sku)))
		checkEncoded(t, wireCase{"fuzz", e, richstatus.Context{Locale: locale, RequestID: id, RetryAfter: time.Duration(delay)}})
	})
}

// checkEncoded checks AppendEncoded against Encode for tc and returns how many
// details it compared and how many proto.Marshal refused.
func checkEncoded(t *testing.T, tc wireCase) (checked, dropped int) {
	t.Helper()
	code, msg, details := richstatus.Encode(tc.err, &tc.c)
	gotCode, gotMsg, _, got := richstatus.AppendEncoded(nil, nil, tc.err, &tc.c)
	if gotCode != code || gotMsg != msg {
		t.Errorf("%s: AppendEncoded = %d %q, Encode = %d %q", tc.name, gotCode, gotMsg, code, msg)
	}
	var want []richstatus.Detail
	for _, m := range details {
		b, err := proto.MarshalOptions{Deterministic: true}.Marshal(m)
		if err != nil {
			dropped++
			continue
		}
		a, err := anypb.New(m)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, richstatus.Detail{TypeURL: a.TypeUrl, Value: b})
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d details, want %d", tc.name, len(got), len(want))
		return checked, dropped
	}
	for i := range want {
		if got[i].TypeURL != want[i].TypeURL || !bytes.Equal(got[i].Value, want[i].Value) {
			t.Errorf("%s: detail %d = %s %x\nwant %s %x", tc.name, i, got[i].TypeURL, got[i].Value, want[i].TypeURL, want[i].Value)
		}
		checked++
	}
	return checked, dropped
}

// TestDecodeDetailsMatchesDecode holds DecodeDetails to Decode, for the statuses of
// wireCases decoded by a client that has every set, and by one that has none.
func TestDecodeDetailsMatchesDecode(t *testing.T) {
	cases, sets := wireCases(t)
	for _, tc := range cases {
		code, msg, messages := richstatus.Encode(tc.err, &tc.c)
		_, _, _, details := richstatus.AppendEncoded(nil, nil, tc.err, &tc.c)
		for _, client := range [][]*errcat.Set{sets, nil} {
			want, wantR := richstatus.Decode(code, msg, marshallable(messages), client...)
			got, gotR := richstatus.DecodeDetails(code, msg, details, client...)
			if gotR != wantR {
				t.Errorf("%s: Received %+v, want %+v", tc.name, gotR, wantR)
			}
			sameError(t, tc.name, got, want)
		}
	}
}

// marshallable returns the messages proto.Marshal accepts: those a status carries.
func marshallable(ms []proto.Message) []proto.Message {
	var out []proto.Message
	for _, m := range ms {
		if _, err := proto.Marshal(m); err == nil {
			out = append(out, m)
		}
	}
	return out
}

// sameError requires got to read as want: the same definition when want's is a
// set's (else the same code, name, set name and status), params, message, cause
// and fields.
func sameError(t *testing.T, name string, got, want *errcat.Error) {
	t.Helper()
	gd, wd := got.Definition(), want.Definition()
	if gd != wd && (gd.Code() != wd.Code() || gd.Name() != wd.Name() || gd.Set().Name() != wd.Set().Name() || gd.Status() != wd.Status() || wd.Set() == testSet) {
		t.Errorf("%s: definition %s %q of %q (%d), want %s %q of %q (%d)", name, gd.Code(), gd.Name(), gd.Set().Name(), gd.Status(), wd.Code(), wd.Name(), wd.Set().Name(), wd.Status())
		return
	}
	ga, wa := got.Args(), want.Args()
	if len(ga) != len(wa) {
		t.Errorf("%s: args %v, want %v", name, ga, wa)
		return
	}
	for i := range wa {
		if !ga[i].Equal(wa[i]) {
			t.Errorf("%s: arg %d = %v, want %v", name, i, ga[i], wa[i])
		}
	}
	if g, w := got.Message(""), want.Message(""); g != w {
		t.Errorf("%s: message %q, want %q", name, g, w)
	}
	gf, wf := got.Fields(), want.Fields()
	if len(gf) != len(wf) {
		t.Errorf("%s: %d fields, want %d", name, len(gf), len(wf))
		return
	}
	for i := range wf {
		if gf[i].Field != wf[i].Field {
			t.Errorf("%s: field %d = %q, want %q", name, i, gf[i].Field, wf[i].Field)
		}
		sameError(t, name+" "+wf[i].Field, gf[i].Err, wf[i].Err)
	}
}

// detailTypes are the types a fuzzed detail is given, by its first byte: those
// DecodeDetails parses, Help (which Decode ignores) and one no registry knows.
var detailTypes = []struct {
	url string
	new func() proto.Message
}{
	{richstatus.URLErrorInfo, func() proto.Message { return &errdetails.ErrorInfo{} }},
	{richstatus.URLLocalizedMessage, func() proto.Message { return &errdetails.LocalizedMessage{} }},
	{richstatus.URLRequestInfo, func() proto.Message { return &errdetails.RequestInfo{} }},
	{richstatus.URLRetryInfo, func() proto.Message { return &errdetails.RetryInfo{} }},
	{richstatus.URLBadRequest, func() proto.Message { return &errdetails.BadRequest{} }},
	{"google.rpc.ErrorInfo", func() proto.Message { return &errdetails.ErrorInfo{} }},
	{richstatus.URLHelp, func() proto.Message { return &errdetails.Help{} }},
	{"type.googleapis.com/example.Unknown", nil},
}

// FuzzDecodeDetails holds DecodeDetails to Decode of what proto.Unmarshal makes of
// the same bytes: details that do not unmarshal are ignored, the others read alike.
// The input is a list of details, each a type byte, a length byte and its bytes.
func FuzzDecodeDetails(f *testing.F) {
	for _, tc := range []struct {
		err *errcat.Error
		c   richstatus.Context
	}{
		{testSet.Lookup("SHOP-409").New(errcat.String("mug"), errcat.Int(3)), richstatus.Context{Locale: "vi", RequestID: "r1", RetryAfter: 1500 * time.Millisecond}},
		{testSet.Lookup("SHOP-422").New().AddField("/a", testSet.Lookup("SHOP-4221").New(errcat.String("a"))), richstatus.Context{}},
	} {
		_, _, _, details := richstatus.AppendEncoded(nil, nil, tc.err, &tc.c)
		var in []byte
		for _, d := range details {
			for i, dt := range detailTypes {
				if dt.url == d.TypeURL {
					in = append(in, byte(i), byte(len(d.Value)))
					in = append(in, d.Value...)
				}
			}
		}
		f.Add(uint32(10), in)
	}
	// Repeated fields, unknown fields and groups, a map entry without its key, a
	// duration in two halves, field numbers out of range, invalid UTF-8.
	f.Add(uint32(5), []byte{0, 12, 0x0a, 1, 'A', 0x1a, 3, 0x12, 1, 'v', 0x0a, 1, 'B', 0x23, 0x24})
	f.Add(uint32(5), []byte{3, 8, 0x0a, 2, 0x08, 5, 0x0a, 2, 0x10, 7})
	f.Add(uint32(5), []byte{1, 6, 0xfa, 0xff, 0xff, 0xff, 0x0f, 0, 2, 3, 0x0a, 1, 0xff})
	f.Fuzz(func(t *testing.T, code uint32, in []byte) {
		var details []richstatus.Detail
		var messages []proto.Message
		for len(in) >= 2 {
			dt := detailTypes[int(in[0])%len(detailTypes)]
			n := min(int(in[1]), len(in)-2)
			value := in[2 : 2+n]
			in = in[2+n:]
			details = append(details, richstatus.Detail{TypeURL: dt.url, Value: value})
			if dt.new == nil {
				continue
			}
			m := dt.new()
			if proto.Unmarshal(value, m) == nil {
				messages = append(messages, m)
			}
		}
		for _, client := range [][]*errcat.Set{{testSet}, nil} {
			want, wantR := richstatus.Decode(code, "msg", messages, client...)
			got, gotR := richstatus.DecodeDetails(code, "msg", details, client...)
			if gotR != wantR {
				t.Errorf("Received %+v, want %+v", gotR, wantR)
			}
			sameError(t, "fuzz", got, want)
		}
	})
}

// TestDurationBytes checks the RetryInfo of delays durationpb splits into seconds and
// nanoseconds in every way.
func TestDurationBytes(t *testing.T) {
	e := testSet.Lookup("SHOP-409").New(errcat.String("mug"), errcat.Int(3))
	for _, d := range []time.Duration{time.Nanosecond, time.Second, 1500 * time.Millisecond, 1<<63 - 1} {
		_, _, _, details := richstatus.AppendEncoded(nil, nil, e, &richstatus.Context{RetryAfter: d})
		want, err := proto.MarshalOptions{Deterministic: true}.Marshal(&errdetails.RetryInfo{RetryDelay: durationpb.New(d)})
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range details {
			if got.TypeURL == richstatus.URLRetryInfo && !bytes.Equal(got.Value, want) {
				t.Errorf("RetryInfo of %v = %x, want %x", d, got.Value, want)
			}
		}
	}
}
