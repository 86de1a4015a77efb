// Package openapi generates OpenAPI 3.1 descriptions of the error responses of an API
// from its catalogs: a schema per error envelope and per code (the code fixed, its
// params typed), an example per code rendered by the httperr package exactly as a
// server writes it, and a response per HTTP status listing the codes answered with it,
// in every media type httperr.Handler negotiates. A code whose title or message
// chooses by a plural, selectordinal or select has an example of each form too, named
// after the code and the form ("E123-one", "E123-other"; "E123-count-one" when the
// texts choose by several parameters): each plural category the locale's CLDR rules
// use, shown with a number CLDR gives as a sample of it, and each select arm (see
// [catalog.Forms]). By default the codes the HTTP layer itself answers with (an
// unknown route, a malformed body, a timeout…) are described too. [Merge] adds those
// responses to the operations of an existing document.
package openapi

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
)

// Options control the components.
type Options struct {
	// Envelope is the envelope of the error responses. When nil, it is the one the
	// catalogs declare, configured with its options ([httperr.Declared]), else
	// httperr.Problem; catalogs that declare different envelopes need one given.
	// The HTTP layer's failures are described in the same envelope, as a Handler
	// whose Envelope is httperr.Declared of the catalog's declaration answers them.
	Envelope httperr.Envelope
	// Locale is the locale of the examples' texts; each catalog's default when empty.
	Locale string
	// HTTPCodes declares the remaps of an httperr.Handler's Codes: the name of a
	// field of httperr.Codes (see [HTTPFailures]) to the code, of one of the catalogs
	// given, that the server answers that failure with. A failure not listed is
	// answered with the built-in common catalog's code, as httperr does. The codes
	// of field errors (UnknownField, MissingField) appear only inside responses
	// and need no remap here.
	HTTPCodes map[string]string
	// OmitHTTPCodes leaves out the failures of the HTTP layer: only the catalogs'
	// own codes are described, as for a server that does not use httperr.Handler.
	OmitHTTPCodes bool
}

// obj is a JSON object; encoding/json writes its keys sorted, so output is
// deterministic.
type obj = map[string]any

// mark is set on everything errcat writes (on examples, to what it records of the
// code), so that merging again rebuilds errcat's parts and never the document's own.
const mark = "x-errcat"

// withEnvelope returns o with Envelope set: o's own, else the one cats declare,
// else httperr.Problem. Catalogs that declare different wire shapes are an error.
func (o Options) withEnvelope(cats []*catalog.Catalog) (Options, error) {
	if o.Envelope != nil {
		return o, nil
	}
	var first *catalog.Catalog
	for _, c := range cats {
		if c.Set() == nil || c.Set().Response().Envelope == "" {
			continue
		}
		if first == nil {
			first = c
			o.Envelope = httperr.Declared(c.Set().Response())
		} else if c.Set().Response() != first.Set().Response() {
			return o, fmt.Errorf("catalogs %s and %s declare different wire shapes (response): give the envelope to describe", first.Name, c.Name)
		}
	}
	return o, nil
}

func (o Options) envelope() httperr.Envelope {
	if o.Envelope == nil {
		return httperr.Problem
	}
	return o.Envelope
}

// entries returns the entries of cats and of the HTTP layer, by code.
func entries(cats []*catalog.Catalog, opts Options) (map[string]*entry, error) {
	env := opts.envelope()
	all := map[string]*entry{}
	for _, c := range cats {
		es, err := catalogEntries(c, env, opts.Locale)
		if err != nil {
			return nil, err
		}
		if err := union(all, es); err != nil {
			return nil, err
		}
	}
	es, err := httpEntries(cats, opts, env)
	if err != nil {
		return nil, err
	}
	if err := union(all, es); err != nil {
		return nil, err
	}
	return all, nil
}

// components returns the components object of the entries: the envelope's schema and
// a schema per code, an example per code and per form of its texts, and a response
// per status.
func components(all []*entry, env httperr.Envelope) obj {
	env0 := envelopeSchemas()[schemaName(env)].(obj)
	env0[mark] = true
	schemas := obj{schemaName(env): env0}
	examples := obj{}
	byStatus := map[int][]*entry{}
	for _, e := range all {
		examples[componentName(e.code)] = e.example
		for _, f := range e.forms {
			examples[formName(e.code, f.suffix)] = f.example
		}
		if e.schema != nil {
			schemas[componentName(e.code)] = e.schema
		}
		byStatus[e.status] = append(byStatus[e.status], e)
	}
	responses := obj{}
	for s, es := range byStatus {
		responses[responseName(s)] = response(env, s, es)
	}
	return obj{"schemas": schemas, "examples": examples, "responses": responses}
}

// Generate returns a standalone OpenAPI 3.1 document (as JSON) holding only the
// components of cats, each catalog's codes and, unless opts leaves them out, the HTTP
// layer's. A code may be in one catalog only. The document is validated with
// kin-openapi and every example against its code's schema ([Validate]).
func Generate(cats []*catalog.Catalog, opts Options) ([]byte, error) {
	if len(cats) == 0 {
		return nil, fmt.Errorf("no catalog to generate from")
	}
	opts, err := opts.withEnvelope(cats)
	if err != nil {
		return nil, err
	}
	all, err := entries(cats, opts)
	if err != nil {
		return nil, err
	}
	// A document of several catalogs is named after all of them, in an order that
	// does not depend on the order they were given in; it has no version of its own.
	title, version := cats[0].Title, cats[0].Version
	var names []string
	for _, c := range cats {
		names = append(names, c.Name)
	}
	slices.Sort(names)
	if title == "" || len(cats) > 1 {
		title = strings.Join(names, ", ") + " errors"
	}
	if version == "" || len(cats) > 1 {
		version = "0.0.0"
	}
	comps := components(sortedEntries(all), opts.envelope())
	doc := obj{
		"openapi":    "3.1.0",
		"info":       obj{"title": title, "version": version, "description": "Error responses of the " + strings.Join(names, ", ") + " catalogs, generated by errcat."},
		"servers":    []any{obj{"url": "/"}},
		"paths":      obj{},
		"components": comps,
	}
	if err := validateGenerated(doc, comps); err != nil {
		return nil, fmt.Errorf("generated document does not validate (a bug in errcat): %w", err)
	}
	return marshalDocument(doc)
}

// validateGenerated validates doc as Validate does. kin-openapi loads it without the
// values of errcat's examples, which are validated from their bytes: its decoding
// rescans each object's bytes at every level of nesting, which made loading the
// example bodies most of the work.
func validateGenerated(doc, comps obj) error {
	// A response lists every code of its status, by reference: kin-openapi resolves
	// references one at a time, on one processor. Each reference is checked here to
	// name a component, every component is validated, and kin-openapi gets each
	// response with its first schema and example only.
	responses := comps["responses"].(obj)
	shallowResponses, err := shallowResponses(responses, comps)
	if err != nil {
		return err
	}
	comps["responses"] = shallowResponses
	defer func() { comps["responses"] = responses }()
	examples := comps["examples"].(obj)
	values := make(map[string]json.RawMessage, len(examples))
	shallow := make(obj, len(examples))
	for name, ex := range examples {
		ex := ex.(obj)
		if raw, ok := ex["value"].(json.RawMessage); ok {
			values[name] = raw
			ex = obj{"summary": ex["summary"], mark: ex[mark], "value": true}
		}
		shallow[name] = ex
	}
	comps["examples"] = shallow
	t, err := loadGenerated(doc, comps)
	comps["examples"] = examples
	if err != nil {
		return err
	}
	return validateLoaded(t, values)
}

// shallowResponses returns responses, errcat's, each media type's schema and examples
// cut to their first, once every reference they hold is found to name a component
// of comps.
func shallowResponses(responses, comps obj) (obj, error) {
	out := make(obj, len(responses))
	for name, r := range responses {
		r := r.(obj)
		content, ok := r["content"].(obj)
		if !ok {
			out[name] = r
			continue
		}
		cut := make(obj, len(content))
		for mt, m := range content {
			m := m.(obj)
			where := "components.responses." + name + ".content." + mt
			schema := m["schema"]
			if one, ok := schema.(obj)["oneOf"].([]any); ok {
				for _, ref := range one {
					if err := refNames(ref, "schemas", comps, where+".schema"); err != nil {
						return nil, err
					}
				}
				schema = one[0]
			}
			first := obj{}
			for _, k := range sortedKeys(m["examples"].(obj)) {
				ex := m["examples"].(obj)[k]
				if err := refNames(ex, "examples", comps, where+".examples."+k); err != nil {
					return nil, err
				}
				if len(first) == 0 {
					first[k] = ex
				}
			}
			cut[mt] = obj{"schema": schema, "examples": first}
		}
		c := make(obj, len(r))
		for k, v := range r {
			c[k] = v
		}
		c["content"] = cut
		out[name] = c
	}
	return out, nil
}

// refNames checks that ref, a reference object, names a component of section in comps.
func refNames(ref any, section string, comps obj, where string) error {
	r, _ := ref.(obj)["$ref"].(string)
	name, ok := strings.CutPrefix(r, "#/components/"+section+"/")
	if !ok {
		return fmt.Errorf("%s: %q is not a reference to components.%s", where, r, section)
	}
	if _, ok := comps[section].(obj)[name]; !ok {
		return fmt.Errorf("%s: %q names no component", where, r)
	}
	return nil
}

// componentName is a code's name in components.schemas and components.examples.
func componentName(code string) string { return "Error" + sanitize(code) }

func responseName(status int) string { return "Error" + strconv.Itoa(status) }

// sanitize makes a code usable in a component name ([A-Za-z0-9._-]).
func sanitize(code string) string {
	return strings.Map(func(r rune) rune {
		if r < 128 && (r == '.' || r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return r
		}
		return '_'
	}, code)
}

// numericCode is a numeric catalog's code as a JSON number.
func numericCode(code string) any {
	n, err := strconv.ParseInt(code, 10, 64)
	if err != nil {
		return code
	}
	return n
}
