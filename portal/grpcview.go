package portal

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/internal/jsontext"
)

// RenderGRPC returns the status a gRPC server using package grpcerr answers e with,
// for a client that asked for locale, with requestID sent as the call's id and
// retryAfter (when positive) as the delay of a retryable code, as grpcurl prints it:
//
//	ERROR:
//	  Code: NotFound
//	  Message: No pet with id 99 exists in the store.
//	  Details:
//	  1)	{
//	    	  "@type": "type.googleapis.com/google.rpc.ErrorInfo",
//	    	  …
//	    	}
//
// It follows grpcerr's mapping with the standard library only: the code is the
// catalog's gRPC code, else the one e's HTTP status maps to; a public code sends its
// message, ErrorInfo metadata (params by name, as text), LocalizedMessage and a
// BadRequest violation per field error; a code that is not public sends only its
// status's generic text; Help links the docs URL; RetryInfo marks a retryable code;
// RequestInfo carries requestID. Each detail is JSON as grpcurl writes it (fields in
// number order, map keys sorted), indented by two spaces. grpcerr's tests hold the two in step.
func RenderGRPC(e *errcat.Error, locale string, retryAfter time.Duration, requestID string) string {
	v := e.Variant()
	pub := v.Public()
	set := v.Set()
	message := grpcText(e, locale)
	details := statusDetails{json: make([]byte, 0, 512)}
	info := object{{"reason", jsonString(grpcReason(v))}}
	if set != nil {
		info = append(info, member{"domain", jsonString(set.Name())})
	}
	if pub {
		info = append(info, member{"metadata", grpcMetadata(e)})
	}
	details.add("ErrorInfo", info)
	if pub {
		matched := locale
		if set != nil {
			matched = set.MatchLocale(locale)
		}
		details.add("LocalizedMessage", object{{"locale", jsonString(matched)}, {"message", jsonString(message)}})
		if fields := e.Fields(); len(fields) > 0 {
			details.add("BadRequest", grpcBadRequest(fields, locale))
		}
	}
	if u := v.DocsURL(); u != "" {
		link := object{{"description", jsonString("Error " + e.Code())}, {"url", jsonString(u)}}
		details.add("Help", object{{"links", "[" + link.compact() + "]"}})
	}
	if v.Retryable() {
		var ri object
		if retryAfter > 0 {
			ri = object{{"retryDelay", jsonString(durationJSON(retryAfter))}}
		}
		details.add("RetryInfo", ri)
	}
	if requestID != "" {
		details.add("RequestInfo", object{{"requestId", jsonString(requestID)}})
	}
	return grpcurlLayout(grpcCodeName(v), message, details)
}

// grpcExample is what a code page shows of the status that answers e, d's example:
// [RenderGRPC] without its last newline, or "" when d's catalog gives it no gRPC code.
func grpcExample(e *errcat.Error, locale string, retryAfter time.Duration) string {
	if e.Definition().GRPC() == "" {
		return ""
	}
	return strings.TrimSuffix(RenderGRPC(e, locale, retryAfter, exampleRequestID), "\n")
}

// statusDetails are the details of a status, each as compact JSON, one after the
// other in json, each ending where ends says.
type statusDetails struct {
	json []byte
	ends []int
}

// add appends o as the google.rpc message named typ, packed in an Any: "@type" first.
func (d *statusDetails) add(typ string, o object) {
	d.json = append(d.json, `{"@type":`...)
	d.json = jsontext.AppendString(d.json, "type.googleapis.com/google.rpc."+typ)
	d.json = o.appendMembers(d.json, true)
	d.ends = append(d.ends, len(d.json))
}

// grpcurlLayout lays out a status as grpcurl's PrintStatus does, each detail indented
// by two spaces.
func grpcurlLayout(code, message string, details statusDetails) string {
	var b strings.Builder
	b.Grow(64 + len(code) + len(message) + len(details.json)*3/2)
	b.WriteString("ERROR:\n  Code: ")
	b.WriteString(code)
	b.WriteString("\n  Message: ")
	b.WriteString(message)
	b.WriteByte('\n')
	if len(details.ends) > 0 {
		b.WriteString("  Details:\n")
	}
	start := 0
	for i, end := range details.ends {
		label := "  " + strconv.Itoa(i+1) + ")"
		b.WriteString(label)
		b.WriteByte('\t')
		cont := "    \t" // under "  1)\t"
		if len(label) != 4 {
			cont = strings.Repeat(" ", len(label)) + "\t"
		}
		writeIndented(&b, details.json[start:end], cont)
		b.WriteByte('\n')
		start = end
	}
	return b.String()
}

// writeIndented writes src, compact JSON, indented as json.Indent indents it with
// the indent "  ", and with cont written at the start of every line but the first.
func writeIndented(b *strings.Builder, src []byte, cont string) {
	depth := 0
	opened := false // after '{' or '[', whose line break waits to see if it is empty
	newline := func() {
		b.WriteByte('\n')
		b.WriteString(cont)
		for range depth {
			b.WriteString("  ")
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if opened {
			opened = false
			if c == '}' || c == ']' {
				depth--
				b.WriteByte(c)
				continue
			}
			newline()
		}
		switch c {
		case '"':
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			b.Write(src[i:min(j+1, len(src))])
			i = j
		case '{', '[':
			b.WriteByte(c)
			depth++
			opened = true
		case '}', ']':
			depth--
			newline()
			b.WriteByte(c)
		case ',':
			b.WriteByte(c)
			newline()
		case ':':
			b.WriteString(": ")
		default:
			b.WriteByte(c)
		}
	}
}

// grpcText is the status message of e: its message in locale when public, else the
// generic text of its HTTP status.
func grpcText(e *errcat.Error, locale string) string {
	v := e.Variant()
	if v.Public() {
		return e.Message(locale)
	}
	s := v.Status()
	if s == 0 {
		s = http.StatusInternalServerError
	}
	return http.StatusText(s)
}

// grpcMetadata is the ErrorInfo metadata of e: each param given, by name, as text, in
// key order; "" when there is none (protojson leaves an empty map out).
func grpcMetadata(e *errcat.Error) string {
	params := e.Definition().Params()
	var m object
	for i, a := range e.Args() {
		if a.IsZero() || i >= len(params) {
			continue
		}
		m = append(m, member{params[i].Name, jsonString(a.String())})
	}
	slices.SortFunc(m, func(a, b member) int { return strings.Compare(a.key, b.key) })
	m = slices.CompactFunc(m, func(a, b member) bool { return a.key == b.key })
	if len(m) == 0 {
		return ""
	}
	return m.compact()
}

// grpcBadRequest is the BadRequest detail of fields.
func grpcBadRequest(fields []errcat.FieldError, locale string) object {
	var vs []string
	for _, f := range fields {
		fv := object{{"field", jsonString(f.Field)}}
		if f.Err != nil {
			fv = append(fv, member{"description", jsonString(grpcText(f.Err, locale))}, member{"reason", jsonString(grpcReason(f.Err.Variant()))})
		}
		vs = append(vs, fv.compact())
	}
	return object{{"fieldViolations", "[" + strings.Join(vs, ",") + "]"}}
}

// grpcReason is the ErrorInfo reason of d: its name in UPPER_SNAKE_CASE
// ("UnableToLocate" → "UNABLE_TO_LOCATE"), or its code when it has no name.
func grpcReason(d *errcat.Definition) string {
	name := d.Name()
	if name == "" {
		return d.Code()
	}
	isUpper := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	isLower := func(c byte) bool { return 'a' <= c && c <= 'z' }
	b := make([]byte, 0, len(name)+8)
	for i := 0; i < len(name); i++ {
		c := name[i]
		if isUpper(c) && i > 0 {
			prev, next := name[i-1], byte(0)
			if i+1 < len(name) {
				next = name[i+1]
			}
			if isLower(prev) || '0' <= prev && prev <= '9' || isUpper(prev) && isLower(next) {
				b = append(b, '_')
			}
		}
		if isLower(c) {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// grpcCodeNames are the gRPC code names as catalogs spell them, with the names gRPC's
// codes.Code.String gives them (and grpcurl prints).
var grpcCodeNames = map[string]string{
	"OK": "OK", "CANCELLED": "Canceled", "UNKNOWN": "Unknown", "INVALID_ARGUMENT": "InvalidArgument",
	"DEADLINE_EXCEEDED": "DeadlineExceeded", "NOT_FOUND": "NotFound", "ALREADY_EXISTS": "AlreadyExists",
	"PERMISSION_DENIED": "PermissionDenied", "RESOURCE_EXHAUSTED": "ResourceExhausted",
	"FAILED_PRECONDITION": "FailedPrecondition", "ABORTED": "Aborted", "OUT_OF_RANGE": "OutOfRange",
	"UNIMPLEMENTED": "Unimplemented", "INTERNAL": "Internal", "UNAVAILABLE": "Unavailable",
	"DATA_LOSS": "DataLoss", "UNAUTHENTICATED": "Unauthenticated",
}

// grpcCodeName is the printed name of the code errors of d are answered with: the
// catalog's gRPC code when it names one, else the one d's HTTP status (500 when it
// has none) maps to.
func grpcCodeName(d *errcat.Definition) string {
	if n, ok := grpcCodeNames[d.GRPC()]; ok {
		return n
	}
	s := d.Status()
	if s == 0 {
		s = http.StatusInternalServerError
	}
	return grpcCodeNames[catalog.GRPCForStatus(s)]
}

// durationJSON is d as protojson writes a google.protobuf.Duration: seconds with 0,
// 3, 6 or 9 decimals and an "s".
func durationJSON(d time.Duration) string {
	s := strconv.FormatInt(int64(d/time.Second), 10)
	nanos := int64(d % time.Second)
	if nanos < 0 {
		nanos = -nanos
		if d > -time.Second {
			s = "-" + s
		}
	}
	if nanos == 0 {
		return s + "s"
	}
	frac := fmt.Sprintf("%09d", nanos)
	for strings.HasSuffix(frac, "000") {
		frac = frac[:len(frac)-3]
	}
	return s + "." + frac + "s"
}

// member is one member of a JSON object: its key and its value as compact JSON, ""
// for a value protojson leaves out (an empty string, map or message).
type member struct{ key, value string }

// object is a JSON object whose members keep their order, as protojson orders a
// message's fields by number.
type object []member

// compact is o as compact JSON, without the members left out.
func (o object) compact() string {
	return string(o.appendMembers(append(make([]byte, 0, 128), '{'), false))
}

// appendMembers appends the members of o that are not left out, each after a comma
// when more, and the closing brace.
func (o object) appendMembers(b []byte, more bool) []byte {
	for _, m := range o {
		if m.value == "" || m.value == `""` {
			continue
		}
		if more {
			b = append(b, ',')
		}
		more = true
		b = jsontext.AppendString(b, m.key)
		b = append(b, ':')
		b = append(b, m.value...)
	}
	return append(b, '}')
}

// jsonString quotes s as grpcurl's JSON formatter (package jsonpb) does, with
// encoding/json: '<', '>' and '&' escaped for HTML, invalid UTF-8 replaced by U+FFFD.
func jsonString(s string) string { return string(jsontext.AppendString(make([]byte, 0, len(s)+2), s)) }
