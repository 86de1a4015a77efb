package richstatus

import (
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/errcat/errcat"
	"google.golang.org/protobuf/encoding/protowire"
)

// Detail is one detail of a status in wire form, as a google.protobuf.Any holds it.
type Detail struct {
	// TypeURL names the detail's message type: "type.googleapis.com/" and the
	// message's full name, as anypb.New writes it. Readers use what follows its last
	// "/", as protobuf's registry does, so a bare full name ("google.rpc.ErrorInfo",
	// as Connect reports a detail's type) reads the same.
	TypeURL string
	// Value is the message's protobuf wire form.
	Value []byte
}

// The type URLs of the details Encode makes.
const (
	URLErrorInfo        = "type.googleapis.com/google.rpc.ErrorInfo"
	URLLocalizedMessage = "type.googleapis.com/google.rpc.LocalizedMessage"
	URLBadRequest       = "type.googleapis.com/google.rpc.BadRequest"
	URLHelp             = "type.googleapis.com/google.rpc.Help"
	URLRetryInfo        = "type.googleapis.com/google.rpc.RetryInfo"
	URLRequestInfo      = "type.googleapis.com/google.rpc.RequestInfo"
)

// AppendEncoded returns what [Encode] returns for e and c, with the details in wire
// form: appended to details, their bytes appended to buf, each Value a slice of the
// returned buffer. The bytes are those proto.MarshalOptions{Deterministic: true}
// writes for the message Encode makes (map entries in key order). A detail holding
// text that is not valid UTF-8, which proto.Marshal refuses, is left out.
//
// It builds no protobuf message and allocates nothing but the message string and
// what buf and details need to grow: what transports call for every error answered.
// The caller owns both slices; reusing buf while a Value is in use corrupts it.
func AppendEncoded(buf []byte, details []Detail, e *errcat.Error, c *Context) (code uint32, message string, outBuf []byte, outDetails []Detail) {
	v := e.Variant()
	pub := v.Public()
	set := v.Set()
	w := detailWriter{buf: buf, details: details}

	w.start()
	w.errorInfo(e, v, set, pub)
	w.end(URLErrorInfo)
	if pub {
		locale := c.Locale
		if set != nil {
			locale = set.MatchLocale(c.Locale)
		}
		w.start()
		w.str(1, locale)
		message = w.message(e, c.Locale)
		w.end(URLLocalizedMessage)
		if fields := e.Fields(); len(fields) > 0 {
			w.start()
			w.badRequest(fields, c.Locale)
			w.end(URLBadRequest)
		}
	}
	if !pub {
		message = text(e, c.Locale)
	}
	if u := v.DocsURL(); u != "" {
		w.start()
		w.help(e.Code(), u)
		w.end(URLHelp)
	}
	if v.Retryable() {
		w.start()
		if c.RetryAfter > 0 {
			w.duration(1, c.RetryAfter)
		}
		w.end(URLRetryInfo)
	}
	if c.RequestID != "" {
		w.start()
		w.str(1, c.RequestID)
		w.end(URLRequestInfo)
	}
	return Code(v), message, w.buf, w.details
}

// detailWriter appends details one at a time: start, fields, end. A field holding
// text that is not valid UTF-8 marks the detail bad, and end then drops it.
type detailWriter struct {
	buf     []byte
	details []Detail
	from    int  // where the current detail's bytes begin
	bad     bool // whether the current detail holds invalid UTF-8
}

func (w *detailWriter) start() { w.from, w.bad = len(w.buf), false }

func (w *detailWriter) end(url string) {
	if w.bad {
		w.buf = w.buf[:w.from]
		return
	}
	w.details = append(w.details, Detail{TypeURL: url, Value: w.buf[w.from:len(w.buf):len(w.buf)]})
}

// str appends string field num, unless s is empty (proto3's zero value).
func (w *detailWriter) str(num protowire.Number, s string) {
	if s == "" {
		return
	}
	w.bad = w.bad || !utf8.ValidString(s)
	w.buf = protowire.AppendTag(w.buf, num, protowire.BytesType)
	w.buf = protowire.AppendString(w.buf, s)
}

// open appends the tag of message (or string) field num and returns where its
// contents begin; close then writes their length before them.
func (w *detailWriter) open(num protowire.Number) int {
	w.buf = protowire.AppendTag(w.buf, num, protowire.BytesType)
	return len(w.buf)
}

// close prefixes the contents written since open returned at with their length,
// moving them to make room: the length is known only once they are written.
func (w *detailWriter) close(at int) {
	n := len(w.buf) - at
	k := protowire.SizeVarint(uint64(n))
	w.buf = append(w.buf, make([]byte, k)...)
	copy(w.buf[at+k:], w.buf[at:at+n])
	protowire.AppendVarint(w.buf[at:at], uint64(n))
}

// closeText is close for a string field whose text was appended since open.
func (w *detailWriter) closeText(at int) {
	w.bad = w.bad || !utf8.Valid(w.buf[at:])
	w.close(at)
}

// message writes string field 2, e's message in locale, unless it is empty, and
// returns it: rendered once, for the status and the detail.
func (w *detailWriter) message(e *errcat.Error, locale string) string {
	t := len(w.buf)
	at := w.open(2)
	w.buf = e.AppendMessage(w.buf, locale)
	if len(w.buf) == at {
		w.buf = w.buf[:t]
		return ""
	}
	n := len(w.buf) - at
	w.closeText(at)
	return string(w.buf[len(w.buf)-n:])
}

// errorInfo writes ErrorInfo: reason, domain and, when public, each param given by
// name (map entries always hold both key and value, in key order).
func (w *detailWriter) errorInfo(e *errcat.Error, v *errcat.Definition, set *errcat.Set, pub bool) {
	w.str(1, reasonOf(v))
	if set != nil {
		w.str(2, set.Name())
	}
	if !pub {
		return
	}
	args := e.Args()
	params := e.Definition().Params()
	var orderBuf [8]int
	order := paramOrder(orderBuf[:0], params, args)
	for j, i := range order {
		if j+1 < len(order) && params[order[j+1]].Name == params[i].Name {
			continue // a map holds the last value given of a name
		}
		entry := w.open(3)
		at := w.open(1)
		w.buf = append(w.buf, params[i].Name...)
		w.closeText(at)
		at = w.open(2)
		w.buf = args[i].AppendText(w.buf)
		w.closeText(at)
		w.close(entry)
	}
}

// paramOrder appends to order the indexes of the params given a value in args in
// the order of their names, as deterministic marshalling sorts map keys; params of
// the same name stay in their order.
func paramOrder(order []int, params []errcat.Param, args []errcat.Value) []int {
	for i := range min(len(args), len(params)) {
		if args[i].IsZero() {
			continue
		}
		j := len(order)
		order = append(order, i)
		for ; j > 0 && params[order[j-1]].Name > params[i].Name; j-- {
			order[j] = order[j-1]
		}
		order[j] = i
	}
	return order
}

// badRequest writes BadRequest: a violation per field error, with its reason and its
// text in locale when it has an error.
func (w *detailWriter) badRequest(fields []errcat.FieldError, locale string) {
	for _, f := range fields {
		at := w.open(1)
		w.str(1, f.Field)
		if f.Err != nil {
			t := len(w.buf)
			w.buf = protowire.AppendTag(w.buf, 2, protowire.BytesType)
			d := len(w.buf)
			w.buf = appendText(w.buf, f.Err, locale)
			if len(w.buf) == d {
				w.buf = w.buf[:t] // an empty description is left out
			} else {
				w.closeText(d)
			}
			w.str(3, reasonOf(f.Err.Variant()))
		}
		w.close(at)
	}
}

// help writes Help with the one link to the documentation of code at url.
func (w *detailWriter) help(code, url string) {
	at := w.open(1)
	d := w.open(1)
	w.buf = append(w.buf, "Error "...)
	w.buf = append(w.buf, code...)
	w.closeText(d)
	w.str(2, url)
	w.close(at)
}

// duration writes message field num as a google.protobuf.Duration of d, which is
// positive, as durationpb.New writes it.
func (w *detailWriter) duration(num protowire.Number, d time.Duration) {
	at := w.open(num)
	if s := int64(d / time.Second); s != 0 {
		w.buf = protowire.AppendTag(w.buf, 1, protowire.VarintType)
		w.buf = protowire.AppendVarint(w.buf, uint64(s))
	}
	if n := int32(d % time.Second); n != 0 {
		w.buf = protowire.AppendTag(w.buf, 2, protowire.VarintType)
		w.buf = protowire.AppendVarint(w.buf, uint64(int64(n)))
	}
	w.close(at)
}

// appendText appends what text returns.
func appendText(b []byte, e *errcat.Error, locale string) []byte {
	v := e.Variant()
	if v.Public() {
		return e.AppendMessage(b, locale)
	}
	s := v.Status()
	if s == 0 {
		s = http.StatusInternalServerError
	}
	return append(b, http.StatusText(s)...)
}
