package grpcerr

import (
	"unicode/utf8"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
)

// The type URLs of the details written by appendDetail.
const (
	urlErrorInfo        = "type.googleapis.com/google.rpc.ErrorInfo"
	urlLocalizedMessage = "type.googleapis.com/google.rpc.LocalizedMessage"
	urlHelp             = "type.googleapis.com/google.rpc.Help"
	urlRequestInfo      = "type.googleapis.com/google.rpc.RequestInfo"
	urlRetryInfo        = "type.googleapis.com/google.rpc.RetryInfo"
)

// appendDetail appends the protobuf wire form of m to b and returns it with m's type
// URL, for the detail types richstatus.Encode sends on every call (ErrorInfo,
// LocalizedMessage, Help, RequestInfo, RetryInfo); ok is false for another type, or
// for text that is not valid UTF-8, which proto.Marshal refuses, and b is then
// returned unchanged. The bytes decode to a message proto.Equal to m: fields in
// number order, zero values left out, map entries in map order, as proto.Marshal
// writes them. It skips protobuf's reflection, which costs a call about a dozen
// allocations for ErrorInfo's metadata map alone.
func appendDetail(b []byte, m proto.Message) (out []byte, url string, ok bool) {
	start := len(b)
	switch m := m.(type) {
	case *errdetails.ErrorInfo:
		b, ok = appendStrings(b, m.Reason, m.Domain)
		for k, v := range m.Metadata {
			if !ok || !utf8.ValidString(k) || !utf8.ValidString(v) {
				return b[:start], "", false
			}
			b = protowire.AppendTag(b, 3, protowire.BytesType)
			b = protowire.AppendVarint(b, uint64(stringSize(1, k)+stringSize(2, v)))
			b = appendString(b, 1, k)
			b = appendString(b, 2, v)
		}
		url = urlErrorInfo
	case *errdetails.LocalizedMessage:
		b, ok = appendStrings(b, m.Locale, m.Message)
		url = urlLocalizedMessage
	case *errdetails.RequestInfo:
		b, ok = appendStrings(b, m.RequestId, m.ServingData)
		url = urlRequestInfo
	case *errdetails.Help:
		ok = true
		for _, l := range m.Links {
			if !utf8.ValidString(l.Description) || !utf8.ValidString(l.Url) {
				return b[:start], "", false
			}
			b = protowire.AppendTag(b, 1, protowire.BytesType)
			b = protowire.AppendVarint(b, uint64(stringSize(1, l.Description)+stringSize(2, l.Url)))
			b = appendString(b, 1, l.Description)
			b = appendString(b, 2, l.Url)
		}
		url = urlHelp
	case *errdetails.RetryInfo:
		ok = true
		if d := m.RetryDelay; d != nil {
			n := 0
			if d.Seconds != 0 {
				n += protowire.SizeTag(1) + protowire.SizeVarint(uint64(d.Seconds))
			}
			if d.Nanos != 0 {
				n += protowire.SizeTag(2) + protowire.SizeVarint(uint64(int64(d.Nanos)))
			}
			b = protowire.AppendTag(b, 1, protowire.BytesType)
			b = protowire.AppendVarint(b, uint64(n))
			if d.Seconds != 0 {
				b = protowire.AppendTag(b, 1, protowire.VarintType)
				b = protowire.AppendVarint(b, uint64(d.Seconds))
			}
			if d.Nanos != 0 {
				b = protowire.AppendTag(b, 2, protowire.VarintType)
				b = protowire.AppendVarint(b, uint64(int64(d.Nanos)))
			}
		}
		url = urlRetryInfo
	}
	if !ok {
		return b[:start], "", false
	}
	return b, url, true
}

// appendStrings appends fields 1 and 2 of a message of two strings; ok is false when
// either is not valid UTF-8.
func appendStrings(b []byte, f1, f2 string) ([]byte, bool) {
	if !utf8.ValidString(f1) || !utf8.ValidString(f2) {
		return b, false
	}
	return appendString(appendString(b, 1, f1), 2, f2), true
}

// appendString appends string field num, unless s is empty (proto3's zero value).
func appendString(b []byte, num protowire.Number, s string) []byte {
	if s == "" {
		return b
	}
	b = protowire.AppendTag(b, num, protowire.BytesType)
	return protowire.AppendString(b, s)
}

// stringSize is the size appendString gives field num holding s.
func stringSize(num protowire.Number, s string) int {
	if s == "" {
		return 0
	}
	return protowire.SizeTag(num) + protowire.SizeBytes(len(s))
}
