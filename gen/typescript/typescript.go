// Package typescript generates a TypeScript module from a catalog: a union type of its
// codes, a params type per code, type guards for each envelope errcat's HTTP layer
// writes, and message and title functions that render the catalog's texts and
// translations exactly as the Go runtime does, so that a front end shows the text the
// server would.
//
// Numbers, dates, times and durations in formats ({n, number}, #, {t, date},
// {d, duration}) are rendered from the Go runtime's CLDR tables (package cldr), which
// the module carries for the locales whose messages format values, not through Intl:
// browsers and Node.js ship other ICU and CLDR versions than the tables, and even
// where the version is close they differ (Node.js 20 with ICU 78.2 writes a plain
// space where CLDR 48 has U+202F before "PM" and U+00A0 in Russian dates, and names
// zones where the runtime writes "GMT+1"), so only the same tables give the same bytes.
//
// Plural and selectordinal arms are chosen by the Go runtime's plural rules (package
// plural, CLDR 48.2), which the module carries for the locales of messages that
// choose. Node.js 20.20's Intl.PluralRules (ICU 78.2, CLDR 48) selects the same
// categories for every language both know (a test compares them), but other engines
// ship other CLDR versions, in which French and Hebrew "many" differ, and Intl
// reads numbers as doubles, which cannot hold the operands of an int64 past 2^53: the
// carried rules select the same arm as the server for every value.
package typescript

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"text/template"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
)

//go:embed runtime.ts
var runtimeTS string

// messagesTS renders messages with plurals, selects and formats, writing values in
// a locale's forms with formatsTS; a module whose catalog has none gets nomessagesTS,
// the declarations runtimeTS needs, instead.
var (
	//go:embed messages.ts
	messagesOnlyTS string
	//go:embed formats.ts
	formatsTS  string
	messagesTS = messagesOnlyTS + "\n" + formatsTS
	//go:embed nomessages.ts
	nomessagesTS string
)

// Generate returns the TypeScript module for c, the same bytes for the same catalog.
// c must have loaded without problems. The module has no dependencies and passes
// tsc --strict.
func Generate(c *catalog.Catalog) ([]byte, error) {
	set := c.Set()
	if set == nil {
		return nil, fmt.Errorf("catalog %s has problems; run errcat validate", c.Name)
	}
	data := catalogData{Name: set.Name(), DefaultLocale: set.DefaultLocale(), Locales: set.Locales(), Codes: map[string]definition{}}
	g := &generator{set: set, plurals: map[string]pluralRules{}, formats: map[string]formats{}}
	header := "Catalog: " + c.Name
	if c.Version != "" {
		header += " " + c.Version
	}
	v := view{
		Header: "// " + tsComment(header), CodesDoc: "/** " + tsComment("Every code of the "+c.Name+" catalog.") + " */",
		Numeric: set.NumericCodes(), Runtime: runtimeTS, Wire: wireOf(set.Response()),
	}
	for _, d := range set.Definitions() {
		def, err := g.define(d)
		if err != nil {
			return nil, fmt.Errorf("code %s: %w", d.Code(), err)
		}
		data.Codes[d.Code()] = def
		p := codeParams{Literal: tsString(d.Code())}
		if v.Numeric {
			if !isInteger(d.Code()) {
				return nil, fmt.Errorf("code %s is not a number, but the catalog's codes are numbers", tsString(d.Code()))
			}
			p.Literal = d.Code()
		}
		for _, prm := range d.Params() {
			p.Fields = append(p.Fields, field{Name: tsString(prm.Name), Type: tsType(prm.Kind)})
		}
		v.Codes = append(v.Codes, p)
	}
	v.Messages = nomessagesTS
	if len(g.plurals) > 0 {
		data.Plurals = g.plurals
		v.Messages = messagesTS
		if len(g.formats) > 0 {
			data.Formats = g.formats
		}
	}
	js, err := json.Marshal(data) // map keys are sorted: deterministic
	if err != nil {
		return nil, err
	}
	v.Data = tsString(string(js))
	var buf bytes.Buffer
	if err := fileTmpl.Execute(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// catalogData is the catalog as the TypeScript runtime reads it.
type catalogData struct {
	Name          string                `json:"name"`
	DefaultLocale string                `json:"defaultLocale"`
	Locales       []string              `json:"locales"`
	Codes         map[string]definition `json:"codes"`
	// Plurals holds the plural rules of every locale a message with plurals is in.
	Plurals map[string]pluralRules `json:"plurals,omitempty"`
	// Formats holds the number, date and duration formats of every locale a message
	// that formats values is in.
	Formats map[string]formats `json:"formats,omitempty"`
}

type definition struct {
	Key      string           `json:"key,omitempty"`
	Status   int              `json:"status"`
	Params   [][2]string      `json:"params"`
	Texts    map[string]texts `json:"texts"`
	Variants []definition     `json:"variants,omitempty"`
}

// texts holds a title and a message, each a template as parts returns it.
type texts struct {
	Title   any `json:"title,omitempty"`
	Message any `json:"message,omitempty"`
}

// generator describes a set's definitions, noting the locales whose plural rules
// and formats their messages need.
type generator struct {
	set     *errcat.Set
	plurals map[string]pluralRules
	formats map[string]formats
}

// define describes d (and its variants) for the runtime: its params, and its title and
// message in every locale it has texts of its own in.
func (g *generator) define(d *errcat.Definition) (definition, error) {
	out := definition{Key: d.Key(), Status: d.Status(), Params: [][2]string{}, Texts: map[string]texts{}}
	for _, p := range d.Params() {
		out.Params = append(out.Params, [2]string{p.Name, p.Kind.String()})
	}
	def := g.set.DefaultLocale()
	for i, loc := range g.set.Locales() {
		if i > 0 && !ownTexts(d, loc) {
			continue
		}
		var t texts
		var err error
		// A translation that leaves a text out falls back to the default text, which
		// the runtime finds itself.
		if title := d.Title(loc); i == 0 || !sameText(title, d.Title(def)) {
			if t.Title, err = g.parts(title, d.Params()); err != nil {
				return out, err
			}
		}
		if message := d.Message(loc); i == 0 || !sameText(message, d.Message(def)) {
			if t.Message, err = g.parts(message, d.Params()); err != nil {
				return out, err
			}
		}
		out.Texts[loc] = t
	}
	for _, v := range d.Variants() {
		vd, err := g.define(v)
		if err != nil {
			return out, err
		}
		out.Variants = append(out.Variants, vd)
	}
	return out, nil
}

// sameText reports whether t renders as fb does: the same source and, when plural
// rules may choose its words, the same locale.
func sameText(t, fb errcat.Template) bool {
	return t.String() == fb.String() && (t.Plain() || t.Locale() == fb.Locale())
}

// ownTexts reports whether d is translated into loc itself.
func ownTexts(d *errcat.Definition, loc string) bool {
	return d.Translated(loc) && d.Set().MatchLocale(loc) == loc
}

// parts returns a template as the runtime's string array: literals at even indexes,
// parameter names at odd ones; or, for a template that is not plain, as a message.
func (g *generator) parts(t errcat.Template, params []errcat.Param) (any, error) {
	if t.IsZero() {
		return nil, nil
	}
	if !t.Plain() {
		if _, ok := g.plurals[t.Locale()]; !ok {
			g.plurals[t.Locale()] = rulesOf(t.Locale())
		}
		m, formatted, err := messageOf(t, params)
		if _, ok := g.formats[t.Locale()]; formatted && !ok {
			g.formats[t.Locale()] = formatsOf(t.Locale())
		}
		return m, err
	}
	out := []string{""}
	for _, p := range t.Parts() {
		if p.Param < 0 {
			out[len(out)-1] += p.Text
			continue
		}
		out = append(out, p.Text, "")
	}
	return out, nil
}

func tsType(k errcat.Kind) string {
	switch k {
	case errcat.KindInt:
		return "number | bigint"
	case errcat.KindFloat:
		return "number"
	case errcat.KindBool:
		return "boolean"
	case errcat.KindTime:
		return "Date | string"
	case errcat.KindDuration:
		return "number | string"
	}
	return "string"
}

// view is what the template renders. Its strings are TypeScript source: catalog text
// in them went through tsString or tsComment.
type view struct {
	Header   string // a // comment
	CodesDoc string // a /** */ comment
	Numeric  bool
	Codes    []codeParams
	Data     string // the catalog data as JSON, in a string literal
	Messages string // messagesTS or nomessagesTS
	Runtime  string
	Wire     wire
}

// wire is the declared wire shape as the module states it.
type wire struct {
	Envelope string // a string literal: the declared envelope, else "problem"
	Body     string // the TypeScript type of its bodies
	Guard    string // the runtime's type guard of its bodies
	Status   int    // the declared transport status, or 0
}

// wireOf returns the wire shape r declares, problem+json when it declares none.
func wireOf(r errcat.ResponseSpec) wire {
	w := wire{Envelope: r.Envelope, Status: r.Status}
	if w.Envelope == "" {
		w.Envelope = "problem"
	}
	switch w.Envelope {
	case "simple":
		w.Body, w.Guard = "SimpleBody", "isSimpleBody"
	case "bulk":
		w.Body, w.Guard = "BulkBody", "isBulkBody"
	case "google":
		w.Body, w.Guard = "GoogleBody", "isGoogleBody"
	default:
		w.Envelope, w.Body, w.Guard = "problem", "ProblemBody", "isProblemBody"
	}
	w.Envelope = tsString(w.Envelope)
	return w
}

// codeParams is one code's member of the Params interface.
type codeParams struct {
	Literal string // the code as a literal: a string, or a number when codes are numbers
	Fields  []field
}

// field is one parameter: its name as a string literal and its TypeScript type.
type field struct{ Name, Type string }

var fileTmpl = template.Must(template.New("ts").Parse(`// Code generated by errcat; DO NOT EDIT.
{{.Header}}

{{.CodesDoc}}
export type Code ={{range .Codes}}
  | {{.Literal}}{{end}};

/** The parameters of each code; a parameter left out renders as {name?}, or selects
 * the variant written for its absence. */
export interface Params {
{{- range .Codes}}
  {{.Literal}}: { {{- range $i, $f := .Fields}}{{if $i}};{{end}} {{$f.Name}}?: {{$f.Type}}{{end}}{{if .Fields}} {{end -}} };
{{- end}}
}

/** Whether codes are JSON numbers on the wire. */
export const numericCodes = {{.Numeric}};

// ---- the wire shape the catalog declares ----

/** The envelope the API answers errors in: the catalog's declared one, else problem. */
export const envelope = {{.Wire.Envelope}};

/** The HTTP status of every error response when the API answers one (the code
 * travels in the body), else 0: each code has its own. */
export const transportStatus = {{.Wire.Status}};

/** The body of an error response in the declared envelope. */
export type ErrorBody = {{.Wire.Body}};

/** isErrorBody reports whether x is an error body in the declared envelope. */
export function isErrorBody(x: unknown): x is ErrorBody {
  return {{.Wire.Guard}}(x);
}

// The catalog is parsed from JSON, which engines read faster than an object literal
// and in which a code such as "__proto__" is a key like any other.
const catalog: CatalogData = JSON.parse({{.Data}});

{{.Messages}}{{.Runtime}}`))
