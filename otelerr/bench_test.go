package otelerr_test

import (
	"context"
	"testing"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/otelerr"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// BenchmarkRecord is the cost Record adds to a failing call: span=none counts the
// error only (no recording span); span=recording also marks a sampled span.
func BenchmarkRecord(b *testing.B) {
	rec, err := otelerr.New(sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader())))
	if err != nil {
		b.Fatal(err)
	}
	e := common.UnableToLocate("project", "42")
	b.Run("span=none", func(b *testing.B) {
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			rec.Record(ctx, "GET /projects/{id}", e)
		}
	})
	b.Run("span=recording", func(b *testing.B) {
		tp := sdktrace.NewTracerProvider()
		tracer := tp.Tracer("bench")
		b.ReportAllocs()
		for b.Loop() {
			ctx, span := tracer.Start(context.Background(), "call")
			rec.Record(ctx, "GET /projects/{id}", e)
			span.End()
		}
	})
}
