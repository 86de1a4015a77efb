package errcat

import (
	"log/slog"
	"strconv"
)

// LogValue implements [slog.LogValuer]: the error logs as a group with its code, HTTP
// status, message (in the default locale), parameters by name, per-field details and
// cause. The cause logs as its own group when it is an *Error, else as its text, so
// the whole chain is in the record. Nothing is formatted unless a handler asks.
func (e *Error) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 6)
	attrs = append(attrs, slog.String("code", e.def.code))
	if s := e.Status(); s != 0 {
		attrs = append(attrs, slog.Int("status", s))
	}
	attrs = append(attrs, slog.String("message", e.Message("")))
	if args := e.args(); len(args) > 0 {
		ps := make([]slog.Attr, 0, len(args))
		for i, v := range args {
			if v.IsZero() {
				continue
			}
			name := "p" + strconv.Itoa(i)
			if i < len(e.def.params) {
				name = e.def.params[i].Name
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
