package richstatus

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/errcat/errcat"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
)

// DecodeDetails is [Decode] for details in wire form, as a received status holds
// them: each detail of a type Decode reads is parsed as proto.Unmarshal parses it, a
// detail proto.Unmarshal would refuse (malformed, or with text that is not valid
// UTF-8) is ignored, and details of other types are ignored, so that the result is
// Decode's for the messages the details unmarshal to.
//
// It builds no protobuf message for the details every status carries: the texts it
// keeps share one allocation. The details' bytes are not kept.
func DecodeDetails(code uint32, message string, details []Detail, sets ...*errcat.Set) (*errcat.Error, Received) {
	var p wireParse
	var metaBuf [8]bytePair
	meta := metaBuf[:0]
	var fields []*errdetails.BadRequest_FieldViolation
	for _, d := range details {
		switch typeName(d.TypeURL) {
		case "google.rpc.ErrorInfo":
			at := len(meta)
			reason, domain, m, ok := parseErrorInfo(d.Value, meta)
			if !ok {
				meta = m[:at]
				continue
			}
			p.reason, p.domain = reason, domain
			meta = append(m[:0], m[at:]...) // the last ErrorInfo's entries alone
		case "google.rpc.LocalizedMessage":
			if locale, _, ok := parseTwoStrings(d.Value); ok {
				p.locale = locale
			}
		case "google.rpc.RequestInfo":
			if id, _, ok := parseTwoStrings(d.Value); ok {
				p.requestID = id
			}
		case "google.rpc.RetryInfo":
			if delay, ok := parseRetryInfo(d.Value); ok {
				p.retry, p.retryAfter = true, delay
			}
		case "google.rpc.BadRequest":
			// Rare, and with nested messages of four fields: protobuf's own parser.
			var br errdetails.BadRequest
			if proto.Unmarshal(d.Value, &br) == nil {
				fields = br.GetFieldViolations()
			}
		}
	}
	r := Received{Code: code, Message: message, Retry: p.retry, RetryAfter: p.retryAfter}
	var pairBuf [8]pair
	pairs := p.strings(&r, meta, pairBuf[:0])
	reason := r.Reason
	if reason == "" {
		reason = CodeName(code)
	}
	e := build(reason, r.Domain, code, message, pairs, sets)
	addFields(e, r.Domain, fields, sets)
	return e, r
}

// pair is one ErrorInfo metadata entry; of two entries with the same key, the later
// one counts, as it does in a map that is unmarshalled.
type pair struct{ key, value string }

// bytePair is a pair as parsed, its texts still in the detail's bytes.
type bytePair struct{ key, value []byte }

// wireParse is what DecodeDetails has found in the details so far but the metadata:
// for each type, the fields of the last detail of that type that parsed.
type wireParse struct {
	reason, domain    []byte
	locale, requestID []byte
	retry             bool
	retryAfter        time.Duration
}

// typeName returns what follows the last "/" of a type URL.
func typeName(url string) string {
	if i := strings.LastIndexByte(url, '/'); i >= 0 {
		return url[i+1:]
	}
	return url
}

// strings sets r's texts from what was parsed and returns the metadata entries of
// raw, appended to meta, all of the texts sharing one string.
func (p *wireParse) strings(r *Received, raw []bytePair, meta []pair) []pair {
	n := len(p.reason) + len(p.domain) + len(p.locale) + len(p.requestID)
	for _, m := range raw {
		n += len(m.key) + len(m.value)
	}
	var b strings.Builder
	b.Grow(n)
	for _, t := range [][]byte{p.reason, p.domain, p.locale, p.requestID} {
		b.Write(t)
	}
	for _, m := range raw {
		b.Write(m.key)
		b.Write(m.value)
	}
	all := b.String()
	next := func(t []byte) string {
		s := all[:len(t)]
		all = all[len(t):]
		return s
	}
	r.Reason, r.Domain, r.Locale, r.RequestID = next(p.reason), next(p.domain), next(p.locale), next(p.requestID)
	for _, m := range raw {
		k := next(m.key)
		meta = append(meta, pair{key: k, value: next(m.value)})
	}
	return meta
}

// field is one field of a message as parsed: its number and wire type, and its
// contents when it is length-delimited, or its value when it is a varint.
type field struct {
	num   protowire.Number
	typ   protowire.Type
	bytes []byte
	v     uint64
}

// nextField parses the field at the start of b and returns it and the rest of b; ok
// is false where proto.Unmarshal reports an error: a malformed tag or value, a field
// number out of range, an end-group without its start.
func nextField(b []byte) (f field, rest []byte, ok bool) {
	num, typ, n := protowire.ConsumeTag(b)
	if n < 0 || num > protowire.MaxValidNumber || typ == protowire.EndGroupType {
		return f, nil, false
	}
	b = b[n:]
	f.num, f.typ = num, typ
	switch typ {
	case protowire.BytesType:
		f.bytes, n = protowire.ConsumeBytes(b)
	case protowire.VarintType:
		f.v, n = protowire.ConsumeVarint(b)
	default:
		n = protowire.ConsumeFieldValue(num, typ, b)
	}
	if n < 0 {
		return f, nil, false
	}
	return f, b[n:], true
}

// text returns f's contents as string field num, reporting whether f is that field;
// ok is false when it is but is not valid UTF-8, which proto3 refuses. A field of
// number num with another wire type is an unknown field to protobuf, not an error.
func (f *field) text(num protowire.Number) (t []byte, is, ok bool) {
	if f.num != num || f.typ != protowire.BytesType {
		return nil, false, true
	}
	return f.bytes, true, utf8.Valid(f.bytes)
}

// parseTwoStrings parses a message whose fields 1 and 2 are strings (LocalizedMessage,
// RequestInfo, a map<string, string> entry), the last of each counting.
func parseTwoStrings(b []byte) (f1, f2 []byte, ok bool) {
	for len(b) > 0 {
		var f field
		if f, b, ok = nextField(b); !ok {
			return nil, nil, false
		}
		if f.typ != protowire.BytesType || f.num > 2 {
			continue
		}
		if !utf8.Valid(f.bytes) {
			return nil, nil, false
		}
		if f.num == 1 {
			f1 = f.bytes
		} else {
			f2 = f.bytes
		}
	}
	return f1, f2, true
}

// parseErrorInfo parses an ErrorInfo, appending its metadata entries to meta (which
// it returns in any case, so that the caller can drop what it appended).
func parseErrorInfo(b []byte, meta []bytePair) (reason, domain []byte, _ []bytePair, ok bool) {
	for len(b) > 0 {
		var f field
		if f, b, ok = nextField(b); !ok {
			return nil, nil, meta, false
		}
		switch {
		case f.num == 1 || f.num == 2:
			t, is, valid := f.text(f.num)
			if !valid {
				return nil, nil, meta, false
			}
			if is && f.num == 1 {
				reason = t
			} else if is {
				domain = t
			}
		case f.num == 3 && f.typ == protowire.BytesType:
			k, v, valid := parseTwoStrings(f.bytes)
			if !valid {
				return nil, nil, meta, false
			}
			meta = append(meta, bytePair{key: k, value: v})
		}
	}
	return reason, domain, meta, true
}

// parseRetryInfo parses a RetryInfo and returns its delay as
// durationpb.Duration.AsDuration gives it; occurrences of the delay field merge, as
// protobuf merges a message field that appears more than once.
func parseRetryInfo(b []byte) (time.Duration, bool) {
	var d durationpb.Duration
	for len(b) > 0 {
		var f field
		var ok bool
		if f, b, ok = nextField(b); !ok {
			return 0, false
		}
		if f.num != 1 || f.typ != protowire.BytesType {
			continue
		}
		for m := f.bytes; len(m) > 0; {
			var g field
			if g, m, ok = nextField(m); !ok {
				return 0, false
			}
			switch {
			case g.num == 1 && g.typ == protowire.VarintType:
				d.Seconds = int64(g.v)
			case g.num == 2 && g.typ == protowire.VarintType:
				d.Nanos = int32(g.v)
			}
		}
	}
	return d.AsDuration(), true
}
