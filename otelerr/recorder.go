// Package otelerr records catalog errors with OpenTelemetry: a counter of errors by
// code, catalog, status class and route, and, on the active span, an error status,
// the code as attributes and an event carrying the params, sensitive ones redacted.
//
// A [Recorder] is fed by the transports' hooks: its Record method is the Observe
// field of grpcerr.Server and connecterr.Server, and [Recorder.SlogHandler] watches
// the records httperr.Handler logs. It depends on the OpenTelemetry API only; the
// application chooses the SDK and exporters (the Prometheus exporter, for one).
package otelerr

import (
	"context"
	"sync"

	"github.com/errcat/errcat"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

// MetricName is the name of the counter of errors; the Prometheus exporter shows it
// as errcat_errors_total.
const MetricName = "errcat.errors"

// The attribute keys the Recorder writes.
const (
	// CodeKey is the error's wire code, as "000012".
	CodeKey = attribute.Key("errcat.code")
	// CatalogKey is the name of the code's catalog.
	CatalogKey = attribute.Key("errcat.catalog")
	// StatusClassKey is the class of the code's HTTP status, as "4xx"; a code
	// without a status counts as 5xx, as HTTP answers it with 500.
	StatusClassKey = attribute.Key("errcat.status_class")
	// RouteKey is the route or RPC method that answered with the error.
	RouteKey = attribute.Key("errcat.route")
	// ParamKeyPrefix starts the key of each param in the span event, as
	// "errcat.param.kind".
	ParamKeyPrefix = "errcat.param."
)

// EventName is the name of the span event that carries an error's params.
const EventName = "errcat.error"

// Redacted is the value a sensitive param has in span events: the text logs show in
// its place too.
const Redacted = errcat.Redacted

// Recorder counts catalog errors and marks the spans they end. It is safe for
// concurrent use.
type Recorder struct {
	counter metric.Int64Counter
	redact  func(d *errcat.Definition, p errcat.Param) bool
	route   func(method, path string) string
	opts    sync.Map // optKey → metric.AddOption, the attributes of one code and route
}

type optKey struct {
	def   *errcat.Definition
	route string
}

// Option configures a Recorder.
type Option func(*Recorder)

// WithRedaction marks more params sensitive than the catalog does: span events carry
// [Redacted] in place of the values of the params the catalog marks sensitive
// (errcat.Param.Sensitive), always, and of those sensitive reports true for. It adds
// to the catalog's marks and cannot lift them, so that no configuration sends what
// the catalog keeps out of telemetry.
func WithRedaction(sensitive func(d *errcat.Definition, p errcat.Param) bool) Option {
	return func(r *Recorder) { r.redact = sensitive }
}

// RedactNames returns a redaction function, for [WithRedaction], that marks params
// with any of names sensitive in every code.
func RedactNames(names ...string) func(d *errcat.Definition, p errcat.Param) bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return func(_ *errcat.Definition, p errcat.Param) bool { return set[p.Name] }
}

// WithHTTPRoute sets how [Recorder.SlogHandler] names the route of an HTTP request
// from its method and path; route should map paths to a bounded set of templates
// ("GET /projects/{id}"), as every distinct route is a time series. By default the
// route is the method alone.
func WithHTTPRoute(route func(method, path string) string) Option {
	return func(r *Recorder) { r.route = route }
}

// New returns a Recorder whose counter is made by mp's meter for this package.
func New(mp metric.MeterProvider, opts ...Option) (*Recorder, error) {
	r := &Recorder{}
	for _, o := range opts {
		o(r)
	}
	c, err := mp.Meter("github.com/errcat/errcat/otelerr").Int64Counter(MetricName,
		metric.WithDescription("Catalog errors answered, by code, catalog, status class and route."),
		metric.WithUnit("{error}"))
	if err != nil {
		return nil, err
	}
	r.counter = c
	return r, nil
}

// Record counts err, answered on route, and marks the span active in ctx, if it is
// recording: status Error with the code's id as description, the code and catalog
// as attributes, and an [EventName] event with the code and each param given (its
// text, or [Redacted] for one the catalog or [WithRedaction] marks sensitive). Nothing of err's message or cause is recorded: the message
// embeds params the redaction could not reach. A nil err is ignored. Record's
// signature is that of the Observe hooks of grpcerr.Server and connecterr.Server.
func (r *Recorder) Record(ctx context.Context, route string, err *errcat.Error) {
	if err == nil {
		return
	}
	r.counter.Add(ctx, 1, r.addOption(err.Variant(), route))
	span := trace.SpanFromContext(ctx)
	if !span.IsRecording() {
		return
	}
	d := err.Variant()
	span.SetStatus(codes.Error, d.ID())
	span.SetAttributes(CodeKey.String(d.Code()), CatalogKey.String(catalogOf(d)))
	span.AddEvent(EventName, trace.WithAttributes(r.eventAttrs(err)...))
}

// addOption returns the counter attributes of d on route, made once per pair.
func (r *Recorder) addOption(d *errcat.Definition, route string) metric.AddOption {
	k := optKey{d, route}
	if o, ok := r.opts.Load(k); ok {
		return o.(metric.AddOption)
	}
	o := metric.WithAttributeSet(attribute.NewSet(
		CodeKey.String(d.Code()),
		CatalogKey.String(catalogOf(d)),
		StatusClassKey.String(statusClass(d.Status())),
		RouteKey.String(route),
	))
	v, _ := r.opts.LoadOrStore(k, o)
	return v.(metric.AddOption)
}

// eventAttrs returns the attributes of err's span event.
func (r *Recorder) eventAttrs(err *errcat.Error) []attribute.KeyValue {
	params := err.Definition().Params()
	args := err.Args()
	attrs := make([]attribute.KeyValue, 0, 1+len(args))
	attrs = append(attrs, CodeKey.String(err.Variant().ID()))
	for i, a := range args {
		if a.IsZero() || i >= len(params) {
			continue
		}
		key := attribute.Key(ParamKeyPrefix + params[i].Name)
		if params[i].Sensitive || r.redact != nil && r.redact(err.Definition(), params[i]) {
			attrs = append(attrs, key.String(Redacted))
			continue
		}
		attrs = append(attrs, paramAttr(key, a))
	}
	return attrs
}

// paramAttr returns a param as an attribute of its kind: integers, floats and
// booleans as such, anything else as its text.
func paramAttr(key attribute.Key, v errcat.Value) attribute.KeyValue {
	switch v.Kind() {
	case errcat.KindInt:
		return key.Int64(v.Int64())
	case errcat.KindFloat:
		return key.Float64(v.Float64())
	case errcat.KindBool:
		return key.Bool(v.Bool())
	}
	return key.String(v.String())
}

func catalogOf(d *errcat.Definition) string {
	if s := d.Set(); s != nil {
		return s.Name()
	}
	return ""
}

// statusClass returns "1xx" to "5xx" for an HTTP status; 0 and anything outside
// 100–599 count as "5xx", as HTTP answers a code without a status with 500.
func statusClass(status int) string {
	if status < 100 || status > 599 {
		return "5xx"
	}
	return [...]string{"1xx", "2xx", "3xx", "4xx", "5xx"}[status/100-1]
}
