package otelerr_test

import (
	"context"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/otelerr"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

// countsFromReader returns the counter's value by code, summed over the other
// attributes, as the in-memory reader collects it.
func countsFromReader(t *testing.T, r *sdkmetric.ManualReader) map[string]int64 {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := r.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name != otelerr.MetricName {
				continue
			}
			sum, ok := m.Data.(metricdata.Sum[int64])
			if !ok || !sum.IsMonotonic {
				t.Fatalf("%s is %T, want a monotonic int64 sum", m.Name, m.Data)
			}
			for _, dp := range sum.DataPoints {
				code, _ := dp.Attributes.Value(otelerr.CodeKey)
				out[code.AsString()] += dp.Value
			}
		}
	}
	return out
}

// scrape reads the Prometheus endpoint at url over HTTP, parses the text exposition
// with expfmt, and returns errcat_errors_total by code and the labels of one series.
func scrape(t *testing.T, url string) (map[string]int64, map[string]string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept", "text/plain; version=0.0.4")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/plain; version=0.0.4; charset=utf-8; escaping=underscores" && ct != "text/plain; version=0.0.4; charset=utf-8" {
		t.Fatalf("Content-Type %q, want the text exposition format", ct)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(res.Body)
	if err != nil {
		t.Fatalf("parsing the exposition: %v", err)
	}
	fam, ok := families["errcat_errors_total"]
	if !ok {
		t.Fatalf("no errcat_errors_total among %v", slicesKeys(families))
	}
	out := map[string]int64{}
	var labels map[string]string
	for _, m := range fam.GetMetric() {
		l := map[string]string{}
		for _, lp := range m.GetLabel() {
			l[lp.GetName()] = lp.GetValue()
		}
		labels = l
		out[l["errcat_code"]] += int64(m.GetCounter().GetValue())
	}
	return out, labels
}

func slicesKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestCounts records N errors of three codes and reads back exactly those counts by
// code from an in-memory reader and from the Prometheus endpoint, scraped over
// loopback.
func TestCounts(t *testing.T) {
	manual := sdkmetric.NewManualReader()
	reg := prometheus.NewRegistry()
	exp, err := otelprom.New(otelprom.WithRegisterer(reg), otelprom.WithoutTargetInfo())
	if err != nil {
		t.Fatal(err)
	}
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(manual), sdkmetric.WithReader(exp))
	t.Cleanup(func() { mp.Shutdown(context.Background()) })
	rec, err := otelerr.New(mp)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	want := map[string]int64{"000012": 7, "000001": 3, "000013": 5}
	for i := range want["000012"] {
		route := "/projects.v1.Projects/Get"
		if i%2 == 0 {
			route = "GET /projects/{id}"
		}
		rec.Record(ctx, route, common.UnableToLocate("project", "42"))
	}
	for range want["000001"] {
		rec.Record(ctx, "/projects.v1.Projects/Get", common.ErrInternalServerError.New())
	}
	for range want["000013"] {
		rec.Record(ctx, "GET /projects/{id}", common.ErrTooManyRequests.New())
	}
	rec.Record(ctx, "ignored", nil)

	if got := countsFromReader(t, manual); !maps.Equal(got, want) {
		t.Errorf("in-memory counts = %v, want %v", got, want)
	}
	srv := httptest.NewServer(promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	t.Cleanup(srv.Close)
	got, labels := scrape(t, srv.URL)
	if !maps.Equal(got, want) {
		t.Errorf("Prometheus counts = %v, want %v", got, want)
	}
	for _, k := range []string{"errcat_code", "errcat_catalog", "errcat_status_class", "errcat_route"} {
		if labels[k] == "" {
			t.Errorf("series labels %v lack %s", labels, k)
		}
	}
}

func TestSpan(t *testing.T) {
	sr := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sr))
	set := errcat.MustNewSet(errcat.SetSpec{Name: "auth", Errors: []errcat.Spec{{
		Code: "AUTH-401", Name: "BadToken", Status: 401,
		Texts:  errcat.Texts{Message: "Token {token} of {user} expired {n} times."},
		Params: []errcat.Param{{Name: "token"}, {Name: "user"}, {Name: "n", Kind: errcat.KindInt}},
	}}})
	rec, err := otelerr.New(sdkmetric.NewMeterProvider(), otelerr.WithRedaction(otelerr.RedactNames("token")))
	if err != nil {
		t.Fatal(err)
	}
	ctx, span := tp.Tracer("test").Start(context.Background(), "call")
	rec.Record(ctx, "POST /login", set.Lookup("AUTH-401").New(errcat.String("tok-secret"), errcat.String("ana"), errcat.Int(3)))
	span.End()

	s := sr.Ended()[0]
	if s.Status().Code != codes.Error || s.Status().Description != "AUTH-401" {
		t.Errorf("span status = %v, want Error AUTH-401", s.Status())
	}
	wantAttrs := []attribute.KeyValue{otelerr.CodeKey.String("AUTH-401"), otelerr.CatalogKey.String("auth")}
	gotAttrs, wantSet := attribute.NewSet(s.Attributes()...), attribute.NewSet(wantAttrs...)
	if !gotAttrs.Equals(&wantSet) {
		t.Errorf("span attributes = %v, want %v", gotAttrs.ToSlice(), wantAttrs)
	}
	if len(s.Events()) != 1 || s.Events()[0].Name != otelerr.EventName {
		t.Fatalf("events = %v, want one %s", s.Events(), otelerr.EventName)
	}
	got := attribute.NewSet(s.Events()[0].Attributes...)
	want := attribute.NewSet(
		otelerr.CodeKey.String("AUTH-401"),
		attribute.String("errcat.param.token", otelerr.Redacted),
		attribute.String("errcat.param.user", "ana"),
		attribute.Int64("errcat.param.n", 3),
	)
	if !got.Equals(&want) {
		t.Errorf("event attributes = %v, want %v", got.ToSlice(), want.ToSlice())
	}
}

// TestSlogHandlerCountsHTTPErrors checks the hook for httperr.Handler: the records
// it logs are counted, by the route WithHTTPRoute names, and still logged.
func TestSlogHandlerCountsHTTPErrors(t *testing.T) {
	manual := sdkmetric.NewManualReader()
	rec, err := otelerr.New(sdkmetric.NewMeterProvider(sdkmetric.WithReader(manual)),
		otelerr.WithHTTPRoute(func(method, path string) string { return method + " /projects/{id}" }))
	if err != nil {
		t.Fatal(err)
	}
	var logged int
	inner := slog.NewTextHandler(writerFunc(func(p []byte) (int, error) { logged++; return len(p), nil }), nil)
	h := &httperr.Handler{Logger: slog.New(rec.SlogHandler(inner))}
	srv := httptest.NewServer(h.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httperr.Write(w, r, common.UnableToLocate("project", r.URL.Path))
	})))
	t.Cleanup(srv.Close)
	for range 4 {
		res, err := http.Get(srv.URL + "/projects/42")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	if got := countsFromReader(t, manual); !maps.Equal(got, map[string]int64{"000012": 4}) {
		t.Errorf("counts = %v, want 000012: 4", got)
	}
	if logged != 4 {
		t.Errorf("%d records reached the inner handler, want 4", logged)
	}
	var rm metricdata.ResourceMetrics
	manual.Collect(context.Background(), &rm)
	dp := rm.ScopeMetrics[0].Metrics[0].Data.(metricdata.Sum[int64]).DataPoints[0]
	if v, _ := dp.Attributes.Value(otelerr.RouteKey); v.AsString() != "GET /projects/{id}" {
		t.Errorf("route = %q, want GET /projects/{id}", v.AsString())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestSpanRedactsCatalogSensitive checks that the params a catalog marks sensitive
// are redacted without any option, that WithRedaction adds to them and cannot lift
// them, and that the log record of the same error shows the same text.
func TestSpanRedactsCatalogSensitive(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "auth", Errors: []errcat.Spec{{
		Code: "AUTH-401", Name: "BadToken", Status: 401,
		Texts:  errcat.Texts{Message: "Token {token} of {user} expired {n} times."},
		Params: []errcat.Param{{Name: "token", Sensitive: true}, {Name: "user"}, {Name: "n", Kind: errcat.KindInt}},
	}}})
	e := set.Lookup("AUTH-401").New(errcat.String("tok-secret"), errcat.String("ana"), errcat.Int(3))
	for _, tc := range []struct {
		name string
		opts []otelerr.Option
		want []attribute.KeyValue
	}{
		{"catalog", nil, []attribute.KeyValue{
			attribute.String("errcat.param.token", "[REDACTED]"), attribute.String("errcat.param.user", "ana"), attribute.Int64("errcat.param.n", 3)}},
		{"added", []otelerr.Option{otelerr.WithRedaction(otelerr.RedactNames("user"))}, []attribute.KeyValue{
			attribute.String("errcat.param.token", "[REDACTED]"), attribute.String("errcat.param.user", "[REDACTED]"), attribute.Int64("errcat.param.n", 3)}},
		{"not lifted", []otelerr.Option{otelerr.WithRedaction(func(*errcat.Definition, errcat.Param) bool { return false })}, []attribute.KeyValue{
			attribute.String("errcat.param.token", "[REDACTED]"), attribute.String("errcat.param.user", "ana"), attribute.Int64("errcat.param.n", 3)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sr := tracetest.NewSpanRecorder()
			tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(sr))
			rec, err := otelerr.New(sdkmetric.NewMeterProvider(), tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			ctx, span := tp.Tracer("test").Start(context.Background(), "call")
			rec.Record(ctx, "POST /login", e)
			span.End()
			got := attribute.NewSet(sr.Ended()[0].Events()[0].Attributes...)
			want := attribute.NewSet(append([]attribute.KeyValue{otelerr.CodeKey.String("AUTH-401")}, tc.want...)...)
			if !got.Equals(&want) {
				t.Errorf("event attributes = %v, want %v", got.ToSlice(), want.ToSlice())
			}
		})
	}
	if got, want := e.Error(), "AUTH-401: Token "+otelerr.Redacted+" of ana expired 3 times."; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
