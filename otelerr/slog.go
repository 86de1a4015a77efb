package otelerr

import (
	"context"
	"log/slog"

	"github.com/errcat/errcat"
)

// SlogHandler returns a slog.Handler that records, through r, the catalog error of
// every record that carries one as its "error" attribute (as httperr.Handler and
// the grpcerr and connecterr servers log each error they answer), then passes the
// record to next when next is enabled for its level. The route of a record with
// "method" and "path" attributes (an HTTP request's) is named as [WithHTTPRoute]
// says; of one with a "method" or "procedure" attribute alone (an RPC's), that
// attribute. Use it as the handler of the logger given to httperr.Handler:
//
//	h := &httperr.Handler{Logger: slog.New(rec.SlogHandler(slog.Default().Handler()))}
//
// It reports itself enabled at every level, so that no error record is dropped
// before it is counted; give it only to loggers of error records.
func (r *Recorder) SlogHandler(next slog.Handler) slog.Handler {
	return &slogHandler{r: r, next: next}
}

type slogHandler struct {
	r    *Recorder
	next slog.Handler
}

func (h *slogHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h *slogHandler) Handle(ctx context.Context, rec slog.Record) error {
	var e *errcat.Error
	var method, path, procedure string
	rec.Attrs(func(a slog.Attr) bool {
		switch a.Key {
		case "error":
			e, _ = a.Value.Any().(*errcat.Error)
		case "method":
			method = a.Value.String()
		case "path":
			path = a.Value.String()
		case "procedure":
			procedure = a.Value.String()
		}
		return true
	})
	if e != nil {
		route := procedure
		switch {
		case path != "" && h.r.route != nil:
			route = h.r.route(method, path)
		case method != "":
			route = method
		}
		h.r.Record(ctx, route, e)
	}
	if h.next.Enabled(ctx, rec.Level) {
		return h.next.Handle(ctx, rec)
	}
	return nil
}

func (h *slogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &slogHandler{r: h.r, next: h.next.WithAttrs(attrs)}
}

func (h *slogHandler) WithGroup(name string) slog.Handler {
	return &slogHandler{r: h.r, next: h.next.WithGroup(name)}
}
