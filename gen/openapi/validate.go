package openapi

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/internal/parallel"
	"github.com/getkin/kin-openapi/openapi3"
)

// Validate loads an OpenAPI document (JSON or YAML) with kin-openapi, validates it,
// and validates each example once: errcat's against the schema of their code, and
// the document's own against the schema of the media type or parameter that holds
// them. The work is linear in the document's size; kin-openapi's own example checks,
// which validate an example against a response listing every code of its status,
// would be quadratic.
func Validate(doc []byte) error {
	t, err := openapi3.NewLoader().LoadFromData(doc)
	if err != nil {
		return err
	}
	return validateLoaded(t, nil)
}

// validateLoaded validates t as Validate does, with the values of errcat's examples
// taken from values (by example name) when it is not nil, so that t may be loaded
// without them.
func validateLoaded(t *openapi3.T, values map[string]json.RawMessage) error {
	// The document's own validation and the examples' are independent reads of t:
	// they run at once.
	done := make(chan error, 1)
	go func() { done <- t.Validate(context.Background(), openapi3.DisableExamplesValidation()) }()
	v := &exampleValidator{t: t, errcat: map[string]bool{}, values: values}
	var exErr error
	if t.Components != nil {
		exErr = v.errcatExamples()
	}
	if err := <-done; err != nil {
		return err
	}
	if exErr != nil {
		return exErr
	}
	if t.Components != nil {
		for _, name := range sortedMapKeys(t.Components.Responses) {
			if r := t.Components.Responses[name]; r.Ref == "" && r.Value != nil {
				if err := v.content("components.responses."+name, r.Value.Content, true); err != nil {
					return err
				}
			}
		}
	}
	if t.Paths == nil {
		return nil
	}
	for _, path := range t.Paths.InMatchingOrder() {
		ops := t.Paths.Value(path).Operations()
		for _, method := range sortedMapKeys(ops) {
			if err := v.operation(method+" "+path, ops[method]); err != nil {
				return err
			}
		}
	}
	return nil
}

// exampleValidator validates the examples of a loaded document.
type exampleValidator struct {
	t      *openapi3.T
	errcat map[string]bool // the components.examples errcat wrote, validated
	values map[string]json.RawMessage
}

// errcatExamples validates each example errcat wrote against its code's schema (or
// its envelope's, for envelopes without a top-level code).
func (v *exampleValidator) errcatExamples() error {
	c := v.t.Components
	names := sortedMapKeys(c.Examples)
	errs := make([]error, len(names))
	checked := make([]bool, len(names))
	parallel.Chunks(len(names), 256, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			checked[i], errs[i] = v.errcatExample(names[i], c.Examples[names[i]])
		}
	})
	for i, name := range names {
		if errs[i] != nil {
			return errs[i]
		}
		if checked[i] {
			v.errcat[name] = true
		}
	}
	return nil
}

// errcatExample validates the example named name against its code's schema when
// errcat wrote it, and reports whether it did.
func (v *exampleValidator) errcatExample(name string, ex *openapi3.ExampleRef) (bool, error) {
	c := v.t.Components
	if ex.Value == nil {
		return false, nil
	}
	m, ok := ex.Value.Extensions[mark].(map[string]any)
	if !ok {
		return false, nil
	}
	code, _ := m["code"].(string)
	envName, _ := m["envelope"].(string)
	schema := c.Schemas[componentName(code)]
	if schema == nil {
		env := httperr.EnvelopeByName(envName)
		if env == nil {
			return false, fmt.Errorf("components.examples.%s: x-errcat names no envelope errcat knows (%q)", name, envName)
		}
		schema = c.Schemas[schemaName(env)]
	}
	if schema == nil || schema.Value == nil {
		return false, fmt.Errorf("components.examples.%s: no schema for code %q", name, code)
	}
	value := ex.Value.Value
	if raw, ok := v.values[name]; ok {
		if err := json.Unmarshal(raw, &value); err != nil {
			return false, fmt.Errorf("components.examples.%s: %v", name, err)
		}
	}
	if err := v.t.ValidateSchemaJSON(schema.Value, value, openapi3.VisitAsResponse()); err != nil {
		return false, fmt.Errorf("components.examples.%s does not fit its schema: %w", name, err)
	}
	return true, nil
}

// operation validates the examples of op's parameters, request body and responses.
func (v *exampleValidator) operation(where string, op *openapi3.Operation) error {
	for _, p := range op.Parameters {
		if p.Value == nil || p.Value.Schema == nil || p.Value.Schema.Value == nil {
			continue
		}
		if err := v.examples(where+" parameter "+p.Value.Name, p.Value.Schema.Value, p.Value.Example, p.Value.Examples, false); err != nil {
			return err
		}
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		if err := v.content(where+" requestBody", op.RequestBody.Value.Content, false); err != nil {
			return err
		}
	}
	if op.Responses == nil {
		return nil
	}
	responses := op.Responses.Map()
	for _, status := range sortedMapKeys(responses) {
		r := responses[status]
		if r.Ref != "" || r.Value == nil {
			continue
		}
		if err := v.content(where+" response "+status, r.Value.Content, true); err != nil {
			return err
		}
	}
	return nil
}

// content validates the examples of each media type of c against its schema.
func (v *exampleValidator) content(where string, c openapi3.Content, response bool) error {
	for _, name := range sortedMapKeys(c) {
		mt := c[name]
		if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
			continue
		}
		if err := v.examples(where+" "+name, mt.Schema.Value, mt.Example, mt.Examples, response); err != nil {
			return err
		}
	}
	return nil
}

// examples validates example and each of examples against schema, but for those
// errcat wrote, which errcatExamples has validated against their code's schema.
func (v *exampleValidator) examples(where string, schema *openapi3.Schema, example any, examples openapi3.Examples, response bool) error {
	opt := openapi3.VisitAsRequest()
	if response {
		opt = openapi3.VisitAsResponse()
	}
	if example != nil {
		if err := v.t.ValidateSchemaJSON(schema, example, opt); err != nil {
			return fmt.Errorf("%s: example does not fit the schema: %w", where, err)
		}
	}
	for _, name := range sortedMapKeys(examples) {
		ex := examples[name]
		if v.errcat[strings.TrimPrefix(ex.Ref, "#/components/examples/")] || ex.Value == nil || ex.Value.Value == nil {
			continue
		}
		if err := v.t.ValidateSchemaJSON(schema, ex.Value.Value, opt); err != nil {
			return fmt.Errorf("%s: example %s does not fit the schema: %w", where, name, err)
		}
	}
	return nil
}

func sortedMapKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
