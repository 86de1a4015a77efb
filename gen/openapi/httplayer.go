package openapi

import (
	"fmt"
	"slices"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/httperr"
)

// httpFailure is a failure httperr.Handler answers with a catalog code of its own: a
// field of httperr.Codes, its default code in the built-in common catalog, and which
// operations can meet it.
type httpFailure struct {
	field string
	code  string
	scope scope
}

// scope says which operations of a document can answer with an HTTP layer failure.
type scope int

const (
	everyOp scope = iota // any request
	bodyOps              // a request with a body: decoding and its limits
	noOp                 // a request that matches no operation: unknown route or method
)

// httpFailures lists the failures of httperr.Codes that answer a request; the codes
// of field errors (UnknownField, MissingField) appear only inside those answers.
var httpFailures = []httpFailure{
	{"Internal", common.CodeInternalServerError, everyOp},
	{"NotFound", common.CodeEndpointNotFound, noOp},
	{"MethodNotAllowed", common.CodeMethodNotSupported, noOp},
	{"NotAcceptable", common.CodeUnsupportedAcceptType, everyOp},
	{"PayloadTooLarge", common.CodePayloadTooLarge, bodyOps},
	{"UnsupportedContentType", common.CodeUnsupportedContentType, bodyOps},
	{"MalformedJSON", common.CodeInvalidRequest, bodyOps},
	{"WrongJSONType", common.CodeInvalidJSONFieldType, bodyOps},
	{"RateLimited", common.CodeTooManyRequests, everyOp},
	{"Timeout", common.CodeUpstreamTimeout, everyOp},
	{"Maintenance", common.CodeDeploymentInProgress, everyOp},
}

// fieldFailures are the fields of httperr.Codes for field errors, which no response
// answers with on its own.
var fieldFailures = []string{"UnknownField", "MissingField"}

// HTTPFailures returns the names of the httperr.Codes fields Options.HTTPCodes may
// remap, in the order httperr documents them.
func HTTPFailures() []string {
	out := make([]string, len(httpFailures))
	for i, f := range httpFailures {
		out[i] = f.field
	}
	return out
}

// httpEntries returns the entries of the HTTP layer's failures: the codes remapped
// by opts.HTTPCodes, found among cats, and the common catalog's for the others, with
// the operations each can answer. The common catalog is one of cats when given,
// else the built-in one.
func httpEntries(cats []*catalog.Catalog, opts Options, env httperr.Envelope) ([]*entry, error) {
	if opts.OmitHTTPCodes {
		return nil, nil
	}
	for field := range opts.HTTPCodes {
		if !slices.Contains(HTTPFailures(), field) && !slices.Contains(fieldFailures, field) {
			return nil, fmt.Errorf("no HTTP layer failure %q: want one of %s", field, strings.Join(HTTPFailures(), ", "))
		}
	}
	var out []*entry
	for _, f := range httpFailures {
		code, remapped := opts.HTTPCodes[f.field]
		if !remapped {
			code = f.code
		}
		e := &entry{code: code, catalog: source.Name}
		if remapped {
			if e.catalog = catalogOf(cats, code); e.catalog == "" {
				return nil, fmt.Errorf("%s is remapped to code %q, which no catalog given defines", f.field, code)
			}
		} else if givesCommon(cats) && catalogOf(cats, code) != source.Name {
			return nil, fmt.Errorf("catalog %s has no code %s, which the HTTP layer answers %s with: declare the code the server's httperr.Codes answers it with", source.Name, code, f.field)
		}
		if f.scope == noOp {
			continue // in the components only, through the catalog's entry
		}
		e.returns = []returned{{op: "*", body: f.scope == bodyOps}}
		out = append(out, e)
	}
	// The common catalog's codes the layer answers with, as components.
	need := false
	for _, f := range httpFailures {
		if _, remapped := opts.HTTPCodes[f.field]; !remapped {
			need = true
		}
	}
	if !need || givesCommon(cats) {
		return out, nil
	}
	commonCat, err := source.Load()
	if err != nil {
		return nil, err
	}
	all, err := catalogEntries(commonCat, env, opts.Locale)
	if err != nil {
		return nil, err
	}
	for _, e := range all {
		for _, f := range httpFailures {
			if _, remapped := opts.HTTPCodes[f.field]; e.code == f.code && !remapped {
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// catalogOf returns the name of the catalog among cats that defines code, or "".
func catalogOf(cats []*catalog.Catalog, code string) string {
	for _, c := range cats {
		if c.Set() != nil && c.Set().Lookup(code) != nil {
			return c.Name
		}
	}
	return ""
}

// givesCommon reports whether one of cats is the common catalog (by its name).
func givesCommon(cats []*catalog.Catalog) bool {
	return slices.ContainsFunc(cats, func(c *catalog.Catalog) bool { return c.Name == source.Name })
}
