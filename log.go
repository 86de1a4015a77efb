package errcat

import (
	"log/slog"
	"strconv"
	"unsafe"
)

// Redacted is what logs and telemetry show in place of a sensitive param's value
// (see [Param.Sensitive]).
const Redacted = "[REDACTED]"

// logRecord is what LogValue returns an error's group in: its attributes, its
// params' and its message, in one allocation.
type logRecord struct {
	attrs  [6]slog.Attr
	params [inlineArgs]slog.Attr
	msg    [112]byte
}

// LogValue implements [slog.LogValuer]: the error logs as a group with its code, HTTP
// status, message (in the default locale), parameters by name, per-field details and
// cause; a sensitive param's value is [Redacted], in the message too. The cause logs
// as its own group when it is an *Error, else as its text, so the whole chain is in
// the record. Nothing is formatted unless a handler asks; an error with at most two
// params, no field details and a message of up to 112 bytes costs one allocation.
func (e *Error) LogValue() slog.Value {
	rec := new(logRecord)
	attrs := rec.attrs[:0]
	attrs = append(attrs, slog.String("code", e.def.code))
	if s := e.Status(); s != 0 {
		attrs = append(attrs, slog.Int("status", s))
	}
	attrs = append(attrs, slog.String("message", rec.message(e)))
	if args := e.args(); len(args) > 0 {
		ps := rec.params[:0]
		for i, v := range args {
			if v.IsZero() {
				continue
			}
			var name string
			if i < len(e.def.params) {
				name = e.def.params[i].Name
			} else {
				name = "p" + strconv.Itoa(i)
			}
			if e.sensitive(i) {
				ps = append(ps, slog.String(name, Redacted))
				continue
			}
			ps = append(ps, slog.Attr{Key: name, Value: v.SlogValue()})
		}
		attrs = append(attrs, slog.Attr{Key: "params", Value: slog.GroupValue(ps...)})
	}
	if fields := e.Fields(); len(fields) > 0 {
		fs := make([]slog.Attr, 0, len(fields))
		for _, f := range fields {
			fs = append(fs, slog.Any(f.Field, f.Err))
		}
		attrs = append(attrs, slog.Attr{Key: "fields", Value: slog.GroupValue(fs...)})
	}
	if e.cause != nil {
		if c, ok := e.cause.(slog.LogValuer); ok {
			attrs = append(attrs, slog.Any("cause", c))
		} else {
			attrs = append(attrs, slog.String("cause", e.cause.Error()))
		}
	}
	return slog.GroupValue(attrs...)
}

// message returns e's message in the default locale, rendered into rec.msg when it
// fits: rec is not written again, so the string stays as it is.
func (rec *logRecord) message(e *Error) string {
	b := e.appendLogMessage(rec.msg[:0])
	if len(b) == 0 {
		return ""
	}
	if &b[0] != &rec.msg[0] {
		return string(b)
	}
	return unsafe.String(&b[0], len(b))
}
