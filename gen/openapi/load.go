package openapi

import (
	"encoding/json"
	"slices"
	"sync"

	"github.com/errcat/errcat/internal/parallel"
	"github.com/getkin/kin-openapi/openapi3"
)

// chunk is how many components one goroutine decodes at a time.
const chunk = 1024

// loadGenerated decodes a generated document as kin-openapi's loader decodes its
// JSON, and resolves its references as the loader does, but with the entries of the
// components' schemas, examples and responses decoded in parallel: decoding is most
// of the work of validating a large document.
func loadGenerated(doc, comps obj) (*openapi3.T, error) {
	doc["components"] = obj{}
	skeleton, err := json.Marshal(doc)
	doc["components"] = comps
	if err != nil {
		return nil, err
	}
	t := &openapi3.T{}
	if err := json.Unmarshal(skeleton, t); err != nil {
		return nil, err
	}
	c := &openapi3.Components{Schemas: openapi3.Schemas{}, Examples: openapi3.Examples{}, Responses: openapi3.ResponseBodies{}}
	t.Components = c
	var jobs []func() error
	var mu sync.Mutex
	jobs = appendJobs(jobs, comps["schemas"].(obj), &mu, func() openapi3.Schemas { return openapi3.Schemas{} }, c.Schemas)
	jobs = appendJobs(jobs, comps["examples"].(obj), &mu, func() openapi3.Examples { return openapi3.Examples{} }, c.Examples)
	jobs = appendJobs(jobs, comps["responses"].(obj), &mu, func() openapi3.ResponseBodies { return openapi3.ResponseBodies{} }, c.Responses)
	if err := runAll(jobs); err != nil {
		return nil, err
	}
	if err := openapi3.NewLoader().ResolveRefsIn(t, nil); err != nil {
		return nil, err
	}
	return t, nil
}

// appendJobs appends to jobs one job per chunk of section's entries: decoding them
// into a map made by fresh, then adding them to into.
func appendJobs[M ~map[string]V, V any](jobs []func() error, section obj, mu *sync.Mutex, fresh func() M, into M) []func() error {
	names := sortedKeys(section)
	for part := range slices.Chunk(names, chunk) {
		jobs = append(jobs, func() error {
			sub := make(obj, len(part))
			for _, name := range part {
				sub[name] = section[name]
			}
			b, err := json.Marshal(sub)
			if err != nil {
				return err
			}
			m := fresh()
			if err := json.Unmarshal(b, &m); err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			for k, v := range m {
				into[k] = v
			}
			return nil
		})
	}
	return jobs
}

// runAll runs jobs on every core and returns the error of the first job (in jobs'
// order) that failed.
func runAll(jobs []func() error) error {
	errs := make([]error, len(jobs))
	parallel.Each(len(jobs), func(i int) { errs[i] = jobs[i]() })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
