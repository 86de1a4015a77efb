package catalog

import (
	"fmt"

	"github.com/errcat/errcat"
)

// placeholderValues are the example values of params that have none, by kind; a
// string's is its name.
var placeholderValues = map[errcat.Kind]string{
	errcat.KindInt: "1", errcat.KindFloat: "1.5", errcat.KindBool: "true",
	errcat.KindTime: "2026-01-02T15:04:05Z", errcat.KindDuration: "30s",
}

// Example returns an error of d, a definition of c's set, with example values for
// documentation: the catalog's first example of d's code, else each param's example,
// else a placeholder value of the param's kind (its name for a string). When the
// example names a field, the error carries one field error for it.
func (c *Catalog) Example(d *errcat.Definition) (*errcat.Error, error) {
	var given map[string]string
	var field string
	if ce := c.Lookup(d.Code()); ce != nil && len(ce.Examples) > 0 {
		given, field = ce.Examples[0].Params, ce.Examples[0].Field
	}
	args := make([]errcat.Value, len(d.Params()))
	for i, p := range d.Params() {
		text, ok := given[p.Name]
		if !ok {
			text = p.Example
		}
		if text == "" {
			text = placeholderValues[p.Kind]
			if text == "" {
				text = p.Name
			}
		}
		v, err := errcat.ParseValue(p.Kind, text)
		if err != nil {
			return nil, fmt.Errorf("%s: example of param %s: %v", d.Code(), p.Name, err)
		}
		args[i] = v
	}
	e := d.New(args...)
	if field != "" {
		e.AddField(field, d.New(args...))
	}
	return e, nil
}
