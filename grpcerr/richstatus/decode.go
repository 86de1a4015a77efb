package richstatus

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/errcat/errcat"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/proto"
)

// Received is what a status said besides the catalog error it carries.
type Received struct {
	// Code is the status code.
	Code uint32
	// Message is the status message, as the server rendered it.
	Message string
	// Reason and Domain are the ErrorInfo's; empty when the status had none.
	Reason, Domain string
	// Locale is the LocalizedMessage's locale, if any.
	Locale string
	// RequestID is the RequestInfo's request id, if any.
	RequestID string
	// RetryAfter is the RetryInfo's delay; Retry reports whether RetryInfo was sent.
	RetryAfter time.Duration
	Retry      bool
}

// Decode returns the catalog error a received status carries, and what else it said.
//
// When a set in sets has the ErrorInfo's domain as its name and a code whose reason
// (or wire code) is the ErrorInfo's reason, the error is of that set's definition,
// its params parsed from the metadata as the definition types them, so that
// errors.Is(err, sentinel) holds on the client as on the server. When the status did
// not carry every param the definition needs (a code that is not public), the error
// keeps the code's identity and name and reads as the server's message. Otherwise
// the error is of a definition made from the status: the reason as code (the status
// code's name when there was no ErrorInfo), the domain as set name, the HTTP status
// google.rpc.Code documents, and the server's message; its params are the metadata's,
// as strings, in key order. Field violations come back as field errors. Decode never
// returns nil.
func Decode(code uint32, message string, details []proto.Message, sets ...*errcat.Set) (*errcat.Error, Received) {
	r := Received{Code: code, Message: message}
	var meta map[string]string
	var fields []*errdetails.BadRequest_FieldViolation
	for _, d := range details {
		switch t := d.(type) {
		case *errdetails.ErrorInfo:
			r.Reason, r.Domain, meta = t.GetReason(), t.GetDomain(), t.GetMetadata()
		case *errdetails.LocalizedMessage:
			r.Locale = t.GetLocale()
		case *errdetails.BadRequest:
			fields = t.GetFieldViolations()
		case *errdetails.RequestInfo:
			r.RequestID = t.GetRequestId()
		case *errdetails.RetryInfo:
			r.Retry = true
			r.RetryAfter = t.GetRetryDelay().AsDuration()
		}
	}
	reason := r.Reason
	if reason == "" {
		reason = CodeName(code)
	}
	pairs := make([]pair, 0, len(meta))
	for k, v := range meta {
		pairs = append(pairs, pair{key: k, value: v})
	}
	e := build(reason, r.Domain, code, message, pairs, sets)
	addFields(e, r.Domain, fields, sets)
	return e, r
}

// addFields adds a field error to e for each field violation.
func addFields(e *errcat.Error, domain string, fields []*errdetails.BadRequest_FieldViolation, sets []*errcat.Set) {
	for _, f := range fields {
		fr := f.GetReason()
		if fr == "" {
			fr = CodeName(InvalidArgument)
		}
		e.AddField(f.GetField(), build(fr, domain, InvalidArgument, f.GetDescription(), nil, sets))
	}
}

// lookup returns the value of key in meta, the last entry's when several have it.
func lookup(meta []pair, key string) (string, bool) {
	for i := len(meta) - 1; i >= 0; i-- {
		if meta[i].key == key {
			return meta[i].value, true
		}
	}
	return "", false
}

// build returns the error of reason: of a set's definition when one has it, else of
// a definition made from what the status said.
func build(reason, domain string, code uint32, message string, meta []pair, sets []*errcat.Set) *errcat.Error {
	for _, s := range sets {
		if s == nil || domain != "" && s.Name() != domain {
			continue
		}
		d := lookupReason(s, reason)
		if d == nil {
			continue
		}
		var argBuf [8]errcat.Value
		args := argBuf[:0]
		if n := len(d.Params()); n > len(argBuf) {
			args = make([]errcat.Value, 0, n)
		}
		args = args[:len(d.Params())]
		complete := true
		for i, p := range d.Params() {
			if text, ok := lookup(meta, p.Name); ok {
				args[i] = value(p.Kind, text)
			}
			complete = complete && !args[i].IsZero()
		}
		if complete || message == "" {
			return d.New(args...)
		}
		return remote(d.Code(), d.Name(), s.Name(), d.Status(), message, nil)
	}
	return remote(reason, "", domain, StatusForCode(code), message, meta)
}

// remote returns an error of a one-code set made from a status, whose message is
// message literally and whose params are meta's, as strings, in key order.
func remote(code, name, domain string, status int, message string, meta []pair) *errcat.Error {
	byKey := make(map[string]string, len(meta))
	for _, m := range meta {
		if validParam(m.key) {
			byKey[m.key] = m.value
		}
	}
	keys := slices.Sorted(maps.Keys(byKey))
	params := make([]errcat.Param, len(keys))
	args := make([]errcat.Value, len(keys))
	for i, k := range keys {
		params[i] = errcat.Param{Name: k, Kind: errcat.KindString}
		args[i] = errcat.String(byKey[k])
	}
	if message == "" {
		message = "(no message)"
	}
	if code == "" {
		code = "UNKNOWN"
	}
	set, err := errcat.NewSet(errcat.SetSpec{Name: domain, Errors: []errcat.Spec{{
		Code: code, Name: name, Status: status, Params: params,
		Texts: errcat.Texts{Message: literal(message)},
	}}})
	if err != nil {
		// A code or name the runtime refuses: keep the message under a neutral code.
		set = errcat.MustNewSet(errcat.SetSpec{Name: domain, Errors: []errcat.Spec{{
			Code: "UNKNOWN", Status: status, Texts: errcat.Texts{Message: literal(message)},
		}}})
		return set.Lookup("UNKNOWN").New()
	}
	return set.Lookup(code).New(args...)
}

// value parses text as a value of kind k; a text that does not parse stays a string,
// so that nothing the server said is lost.
func value(k errcat.Kind, text string) errcat.Value {
	v, err := errcat.ParseValue(k, text)
	if err != nil {
		return errcat.String(text)
	}
	return v
}

// literal escapes text as a template that renders as itself.
func literal(text string) string {
	return strings.NewReplacer("{", "{{", "}", "}}").Replace(text)
}

// validParam reports whether k can be a param name: [A-Za-z_][A-Za-z0-9_]*.
func validParam(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c == '_' || isUpper(c) || isLower(c) || i > 0 && isDigit(c)) {
			return false
		}
	}
	return true
}
