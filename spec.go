package errcat

import "log/slog"

// SupportPackageIsVersion1 is referenced by code that errcat generates, so that such
// code compiles only against a runtime that supports what it was generated for.
const SupportPackageIsVersion1 = true

// SupportPackageIsVersion2 is referenced by generated code that stores its catalog as
// set data read by [MustDecodeSet].
const SupportPackageIsVersion2 = true

// SupportPackageIsVersion3 is referenced by generated code whose set data declares a
// wire shape ([ResponseSpec]) or a code whose message the body leaves out: set data
// version 2, which runtimes before it do not read.
const SupportPackageIsVersion3 = true

// SupportPackageIsVersion4 is referenced by generated code whose set data marks a
// param sensitive: set data version 3, which runtimes before it do not read.
const SupportPackageIsVersion4 = true

// Param declares one parameter of an error's templates. Parameters are ordered: the
// placeholder {0} names the first, and {name} names the same parameter by its name.
type Param struct {
	// Name is the parameter's identifier, used as {name} and in logs and envelopes.
	Name string
	// Kind is the parameter's type; KindString when unset in a [Spec].
	Kind Kind
	// Description documents the parameter.
	Description string
	// Example is an example value, as text, for documentation.
	Example string
	// Sensitive reports whether the param's value must stay out of logs and
	// telemetry: [Error.Error], fmt's verbs and [Error.LogValue] write [Redacted] in
	// its place, in the message too, as the OpenTelemetry adapter does in span
	// events. What a client is answered keeps it ([Error.Message] renders it): a
	// catalog puts a param in a message to tell the client.
	Sensitive bool
}

// Texts holds the human texts of one code (or variant) in one locale. Every text is a
// template source that may use the code's placeholders.
type Texts struct {
	Title       string
	Message     string
	Summary     string
	Description string
	Causes      []string
	Resolutions []string
}

// Deprecation marks a code as deprecated.
type Deprecation struct {
	// Since is the catalog version that deprecated the code.
	Since string
	// ReplacedBy is the code to use instead, if any.
	ReplacedBy string
	// Note explains the deprecation.
	Note string
}

// Spec is the plain-data description of one code, from which [NewSet] builds a
// [Definition]. The catalog loader and generated Go code both describe codes as Specs.
type Spec struct {
	Code string
	Name string
	// Key identifies a variant of its code ("0" for 000037[0]); empty for a code.
	Key    string
	Status int
	// GRPC is the gRPC status code name, such as "NOT_FOUND".
	GRPC string
	// Texts are the texts in the set's default locale; Texts.Message is required.
	Texts
	Params     []Param
	ReturnedBy []string
	Category   string
	Retryable  bool
	// LogLevel is the level at which the error is logged.
	LogLevel slog.Level
	// NotPublic reports whether clients must see only the generic text of the status.
	NotPublic bool
	// OmitMessage reports whether response bodies leave the message out where their
	// envelope has room for that (the bulk envelope's entries): the code alone tells
	// the client. Unlike NotPublic, the texts stay public. A variant inherits true.
	OmitMessage bool
	Deprecated  *Deprecation
	// Variants are alternative texts of the same code. A variant with nil Params
	// inherits its code's params; zero fields (Status, GRPC, texts…) inherit too.
	Variants []Spec
	// Translations maps a locale to the texts in that locale.
	Translations map[string]Texts
}

// SetSpec is the plain-data description of a whole catalog, from which [NewSet] builds
// a [Set].
type SetSpec struct {
	// Name is the catalog's lower-case name; it is the domain of its errors.
	Name    string
	Title   string
	Version string
	// DocsURL is a URL template for a code's documentation page; "{code}" is replaced.
	DocsURL string
	// DefaultLocale is the locale of the Specs' own texts; "en" when empty.
	DefaultLocale string
	// NumericCodes reports whether codes are written as JSON numbers on the wire.
	NumericCodes bool
	// Locales lists further locales the Specs are translated into.
	Locales []string
	// Response is the wire shape the catalog declares; its zero value declares none.
	Response ResponseSpec
	Errors   []Spec
}

// ResponseSpec is the wire shape of a catalog's error responses, as the catalog
// declares it: which envelope its API answers with and that envelope's options. HTTP
// layers use it when the program configures no envelope of its own. The zero
// ResponseSpec declares nothing: each layer keeps its own default.
type ResponseSpec struct {
	// Envelope names the envelope: "problem", "simple", "bulk" or "google"; empty
	// when the catalog declares none.
	Envelope string
	// Status, when not zero, is the HTTP status of every error response: the API
	// answers one transport status and the code travels in the body. Zero means each
	// code's own status.
	Status int
	// BulkStatusCode is the bulk envelope's own code, response_status.status_code
	// (such as 4000); zero leaves the member out.
	BulkStatusCode int
	// OmitFieldMessage reports whether bulk entries that name a field leave the
	// message out: the field tells the machine, the code the human.
	OmitFieldMessage bool
}

// IsZero reports whether r declares nothing.
func (r ResponseSpec) IsZero() bool { return r == ResponseSpec{} }
