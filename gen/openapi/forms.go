package openapi

import (
	"encoding/json"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
)

// form is the example of one form of a code's texts, named by suffix after the code
// ("one" for E123-one; "count-one" when the texts choose by several parameters).
type form struct {
	suffix  string
	example any
}

// formName is the name of a code's form in components.examples.
func formName(code, suffix string) string { return componentName(code + "-" + suffix) }

// formsOf returns the examples of the forms of ex's texts in locale ([catalog.Forms]),
// ex being d's example, each rendered in env as the server writes it.
func formsOf(c *catalog.Catalog, d *errcat.Definition, ex *errcat.Error, env httperr.Envelope, locale string, status int) ([]form, error) {
	fs, err := catalog.Forms(d, ex, locale)
	if err != nil {
		return nil, err
	}
	out := make([]form, 0, len(fs))
	for _, f := range fs {
		meta := metaOf(c.Name, d.Code(), status, env)
		meta["form"] = f.Name
		out = append(out, form{suffix: f.Name, example: obj{
			"summary": d.Code() + " (" + f.Param + " " + f.Key + "): " + f.Error.Title(locale),
			"value":   json.RawMessage(env.AppendBody(nil, f.Error, &httperr.Context{Locale: locale})),
			mark:      meta,
		}})
	}
	return out, nil
}
