package otelerr_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"slices"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/otelerr"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
)

// This example exposes the error counts on a Prometheus endpoint through the
// OpenTelemetry Prometheus exporter, then scrapes it as Prometheus would. In a
// service, give rec.Record to grpcerr.Server.Observe or connecterr.Server.Observe,
// or rec.SlogHandler to the logger of httperr.Handler, and serve /metrics.
func Example_prometheus() {
	reg := prometheus.NewRegistry()
	exporter, err := otelprom.New(otelprom.WithRegisterer(reg))
	if err != nil {
		log.Fatal(err)
	}
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(exporter))
	defer mp.Shutdown(context.Background())
	rec, err := otelerr.New(mp)
	if err != nil {
		log.Fatal(err)
	}

	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	srv := httptest.NewServer(mux) // a loopback listener
	defer srv.Close()

	ctx := context.Background()
	rec.Record(ctx, "GET /projects/{id}", common.UnableToLocate("project", "42"))
	rec.Record(ctx, "GET /projects/{id}", common.UnableToLocate("project", "7"))
	rec.Record(ctx, "/projects.v1.Projects/Delete", common.ErrMissingPrivilege.New())

	res, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		log.Fatal(err)
	}
	defer res.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(res.Body)
	if err != nil {
		log.Fatal(err)
	}
	var lines []string
	for _, m := range families["errcat_errors_total"].GetMetric() {
		l := map[string]string{}
		for _, p := range m.GetLabel() {
			l[p.GetName()] = p.GetValue()
		}
		lines = append(lines, fmt.Sprintf("%s %s %s %s: %v", l["errcat_catalog"], l["errcat_code"], l["errcat_status_class"], l["errcat_route"], m.GetCounter().GetValue()))
	}
	slices.Sort(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	// Output:
	// common 000008 4xx /projects.v1.Projects/Delete: 1
	// common 000012 4xx GET /projects/{id}: 2
}
