package openapi

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
)

// entry is one code's part of a document: its example and schema components, and
// the operations that answer with it. Everything errcat writes about a code is made
// from its entry, so that documents merged in any order come out the same.
type entry struct {
	code, catalog string
	status        int // the status the code is answered with: its own, or 500
	example       any // the components.examples value
	schema        any // the components.schemas value; nil for envelopes without a top-level code
	forms         []form
	returns       []returned
}

// returned is a status an operation answers a code with: the operation named, every
// operation ("*"), or every operation that takes a request body (body).
type returned struct {
	op     string
	body   bool
	status int
}

// metaOf is what an example records of its code under x-errcat, so that a later
// merge can rebuild the responses that list it.
func metaOf(catalog, code string, status int, env httperr.Envelope) obj {
	return obj{"catalog": catalog, "code": code, "status": status, "envelope": env.Name()}
}

// catalogEntries returns an entry for each code of c, rendered in env.
func catalogEntries(c *catalog.Catalog, env httperr.Envelope, locale string) ([]*entry, error) {
	set := c.Set()
	if set == nil {
		return nil, fmt.Errorf("catalog %s has problems; run errcat validate", c.Name)
	}
	if locale != "" {
		locale = set.MatchLocale(locale)
	}
	defs := set.Definitions()
	out := make([]*entry, len(defs))
	var jobs []func() error
	for start := 0; start < len(defs); start += chunk {
		jobs = append(jobs, func() error {
			for i := start; i < min(start+chunk, len(defs)); i++ {
				e, err := catalogEntry(c, defs[i], env, locale)
				if err != nil {
					return err
				}
				out[i] = e
			}
			return nil
		})
	}
	if err := runAll(jobs); err != nil {
		return nil, err
	}
	return out, nil
}

// catalogEntry returns the entry of d, a definition of c's set, rendered in env.
func catalogEntry(c *catalog.Catalog, d *errcat.Definition, env httperr.Envelope, locale string) (*entry, error) {
	e, err := c.Example(d)
	if err != nil {
		return nil, err
	}
	body := env.AppendBody(nil, e, &httperr.Context{Locale: locale})
	fixed := c.FixedStatus()
	forms, err := formsOf(c, d, e, env, locale, statusOf(d, fixed))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", d.Code(), err)
	}
	return &entry{
		code:    d.Code(),
		catalog: c.Name,
		status:  statusOf(d, fixed),
		example: obj{
			"summary": d.Code() + ": " + e.Title(locale),
			"value":   json.RawMessage(body),
			mark:      metaOf(c.Name, d.Code(), statusOf(d, fixed), env),
		},
		schema:  codeSchema(env, d, c.Set().NumericCodes()),
		forms:   forms,
		returns: returnsOf(d, fixed),
	}, nil
}

// returnsOf lists the operations d's returned_by (and its variants') name, with the
// status each answers it with.
func returnsOf(d *errcat.Definition, fixed int) []returned {
	var out []returned
	for _, op := range d.ReturnedBy() {
		out = append(out, returned{op: op, status: statusOf(d, fixed)})
	}
	for _, v := range d.Variants() {
		for _, op := range v.ReturnedBy() {
			out = append(out, returned{op: op, status: statusOf(v, fixed)})
		}
	}
	return out
}

// statusOf is the status a code is answered with, as httperr answers it: the
// catalog's fixed transport status when it declares one, else the code's own, else
// 500.
func statusOf(d *errcat.Definition, fixed int) int {
	if fixed != 0 {
		return fixed
	}
	if d.Status() == 0 {
		return http.StatusInternalServerError
	}
	return d.Status()
}

// union adds the entries of add to have, by code: an entry of the same catalog
// replaces the one there; the same code from another catalog is an error, as clients
// could not tell the two apart. A code's returns are the union of both. Two codes
// whose examples would have the same name, a code's or one of its forms', are an
// error too.
func union(have map[string]*entry, add []*entry) error {
	names := map[string]string{}
	claim := func(e *entry) error {
		for _, name := range exampleNames(e) {
			if other, ok := names[name]; ok && other != e.code {
				return fmt.Errorf("codes %q and %q have examples of the same component name %s; rename one", other, e.code, name)
			}
			names[name] = e.code
		}
		return nil
	}
	for _, e := range have {
		for _, name := range exampleNames(e) {
			names[name] = e.code
		}
	}
	for _, e := range add {
		old, ok := have[e.code]
		if !ok {
			if err := claim(e); err != nil {
				return err
			}
			have[e.code] = e
			continue
		}
		if old.catalog != e.catalog {
			return fmt.Errorf("code %q is defined by catalogs %s and %s; the codes of one API must be unique (remap or leave out the HTTP layer's codes if they collide with yours)", e.code, old.catalog, e.catalog)
		}
		returns := append(old.returns, e.returns...)
		if e.example == nil { // an entry for the HTTP layer only
			old.returns = returns
			continue
		}
		e.returns = returns
		if err := claim(e); err != nil {
			return err
		}
		have[e.code] = e
	}
	return nil
}

// exampleNames returns the names of e's examples in components.examples.
func exampleNames(e *entry) []string {
	names := []string{componentName(e.code)}
	for _, f := range e.forms {
		names = append(names, formName(e.code, f.suffix))
	}
	return names
}

// sortedEntries returns the entries of m in code order.
func sortedEntries(m map[string]*entry) []*entry {
	out := make([]*entry, 0, len(m))
	for _, e := range m {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *entry) int { return compareCodes(a.code, b.code) })
	return out
}

// compareCodes orders codes as people read them: numbers by value, others as text.
func compareCodes(a, b string) int {
	x, errA := strconv.ParseUint(a, 10, 64)
	y, errB := strconv.ParseUint(b, 10, 64)
	if errA == nil && errB == nil && x != y {
		return cmp.Compare(x, y)
	}
	return cmp.Compare(a, b)
}
