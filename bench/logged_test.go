package bench

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"testing"
)

// jsonLogger is the logger of the logged rows: slog's JSON handler at its default
// level (Info), writing to io.Discard, as a service logs to a pipe.
var jsonLogger = slog.New(slog.NewJSONHandler(io.Discard, nil))

// BenchmarkLogged runs every contender's path with the error logged once through
// jsonLogger: errcat by its Handler, the others as their idiomatic code logs an error
// (the error as an attribute, with the request id).
func BenchmarkLogged(b *testing.B) {
	for _, c := range contenders {
		b.Run(c.name, func(b *testing.B) {
			w, r := setup(b)
			run := c.path(jsonLogger)
			for b.Loop() {
				w.reset()
				run(w, r)
			}
		})
	}
}

// logError is how the peers log an error: once, with the request's id and route.
func logError(l *slog.Logger, r *http.Request, err error) {
	l.LogAttrs(context.Background(), slog.LevelInfo, "request failed", slog.Any("error", err),
		slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("request_id", requestID(r)))
}

// requestID returns the request's X-Request-Id as the peers read it.
func requestID(r *http.Request) string {
	if v := r.Header["X-Request-Id"]; len(v) > 0 {
		return v[0]
	}
	return ""
}
