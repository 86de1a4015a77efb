package catalog

import (
	"bytes"
	"strconv"

	"github.com/errcat/errcat"
	"github.com/goccy/go-yaml/ast"
)

// fileContent is what one file contributes to a catalog.
type fileContent struct {
	header      map[string]string
	headerPos   map[string]Pos
	errors      []*Entry
	operations  []*Operation
	ranges      []*Range
	translation *Translation
	response    *Response
	over        *Problem // the limit a JSON file went over, when it was not read
}

// decodeJSON decodes a JSON catalog or translation file, streaming the entries of its
// errors so that only one entry's tree is held at a time.
//
// Whether the file is a translation (it has a top-level locale) decides how its
// entries read, and the locale may come after the errors. Rather than read the file
// twice, the first entry is taken as the file's kind says when its locale came first,
// else as its shape says (a translation's errors are a mapping, a catalog's a list);
// a file that turns out to be of the other kind is decoded again, knowing.
//
// The grammar is checked in the same pass; a file that is not valid JSON gets one
// problem, encoding/json's message at the place it names, and contributes nothing.
func decodeJSON(name string, data []byte, probs *Problems) *fileContent {
	fc, over, ok := readJSON(name, data, probs)
	switch {
	case ok:
		return fc
	case over != nil:
		over.Pos.File = name
		*probs = append(*probs, *over)
	default:
		*probs = append(*probs, jsonSyntax(name, data))
	}
	return nil
}

// readJSON is decodeJSON that reports false, having recorded nothing, when data is
// not valid JSON within the limits, with the limit it went over if any.
func readJSON(name string, data []byte, probs *Problems) (*fileContent, *Problem, bool) {
	var first Problems
	fc, ok, guessed, translation := decodeJSONAs(name, data, &first, nil)
	if !ok {
		return nil, fc.over, false
	}
	if !guessed || translation == (fc.translation != nil) {
		*probs = append(*probs, first...)
		return fc, nil, true
	}
	translation = fc.translation != nil
	fc, _, _, _ = decodeJSONAs(name, data, probs, &translation)
	return fc, nil, true
}

// yamlAsJSON reads a YAML file that holds JSON, which YAML's flow style includes and
// tools that write JSON write on one line, with the JSON scanner: it streams the
// entries, where the YAML parser would hold the whole file. It reports false, having
// recorded nothing, when data does not start as an object or is not JSON within the
// limits, for the YAML parser to read and report.
func yamlAsJSON(name string, data []byte, probs *Problems) (*fileContent, bool) {
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return nil, false
	}
	fc, _, ok := readJSON(name, data, probs)
	return fc, ok
}

// decodeJSONAs is decodeJSON with the file's kind given, or guessed when kind is nil;
// it reports whether data is valid JSON within the limits, whether it guessed, and
// what. When data is not, fc holds only the limit it went over, if any.
func decodeJSONAs(name string, data []byte, probs *Problems, kind *bool) (fc *fileContent, ok, guessed, translation bool) {
	d := &decoder{file: name, probs: probs}
	decided := kind != nil
	if decided {
		translation = *kind
	}
	var sawLocale bool
	var errs []*Entry
	var trs []*TranslatedEntry
	root, ok, over := jsonStream(data, &sawLocale, func(key, v ast.Node) {
		if !decided {
			translation, guessed, decided = sawLocale || key != nil, true, true
		}
		if d.nprobs > MaxProblems {
			return // the file is not a catalog: what is reported is enough
		}
		// Entries of the wrong shape are left out: decodeFile reports the errors
		// field once, as it does for YAML.
		switch {
		case translation && key != nil:
			trs = append(trs, d.translatedError(&ast.MappingValueNode{BaseNode: &ast.BaseNode{}, Key: key.(ast.MapKeyNode), Value: v}))
		case !translation && key == nil:
			if e := d.decodeError(v, nil); e != nil {
				errs = append(errs, e)
			}
		}
	})
	if !ok {
		return &fileContent{over: over}, false, false, false
	}
	return d.decodeFileWith(root, errs, trs), true, guessed, translation
}

// decodeFileWith is decodeFile for a file whose entries of errors were read apart from
// its top level (streamed, or in parts): they join the file as its kind wants them.
func (d *decoder) decodeFileWith(root ast.Node, errs []*Entry, trs []*TranslatedEntry) *fileContent {
	fc := d.decodeFile(root)
	if fc.translation != nil {
		fc.translation.Errors = append(fc.translation.Errors, trs...)
	} else {
		fc.errors = append(fc.errors, errs...)
	}
	return fc
}

// decodeFile decodes the top-level mapping of a catalog or translation file. A file
// with a locale field is a translation file.
func (d *decoder) decodeFile(root ast.Node) *fileContent {
	fc := &fileContent{header: map[string]string{}, headerPos: map[string]Pos{}}
	if kvs, ok := d.entries(root, "file"); ok {
		for _, kv := range kvs {
			if k, _ := d.scalar(kv.Key); k == "locale" {
				fc.translation = &Translation{File: d.file}
			}
		}
	} else {
		return fc
	}
	header := func(field string) func(ast.Node) {
		return func(v ast.Node) {
			fc.header[field] = d.str(v, field)
			fc.headerPos[field] = d.textPos(v)
		}
	}
	if fc.translation != nil {
		tr := fc.translation
		d.object(root, "translation file", map[string]func(ast.Node){
			"catalog": header("catalog"),
			"locale": func(v ast.Node) {
				tr.Locale, tr.Pos = d.str(v, "locale"), d.textPos(v)
			},
			"errors": func(v ast.Node) { tr.Errors = d.translatedErrors(v) },
		})
		return fc
	}
	fields := map[string]func(ast.Node){
		"errors": func(v ast.Node) {
			d.list(v, "errors", func(_ int, n ast.Node) {
				if e := d.decodeError(n, nil); e != nil {
					fc.errors = append(fc.errors, e)
				}
			})
		},
		"operations": func(v ast.Node) { fc.operations = d.operations(v) },
		"response":   func(v ast.Node) { fc.response = d.response(v) },
		"ranges": func(v ast.Node) {
			d.list(v, "ranges", func(_ int, n ast.Node) {
				r := &Range{Pos: d.pos(n)}
				has := map[string]bool{}
				d.object(n, "range", map[string]func(ast.Node){
					"from":        func(v ast.Node) { r.From, has["from"] = d.integer(v, "from") },
					"to":          func(v ast.Node) { r.To, has["to"] = d.integer(v, "to") },
					"title":       func(v ast.Node) { r.Title = d.str(v, "title") },
					"description": func(v ast.Node) { r.Description = d.str(v, "description") },
				})
				switch {
				case !has["from"] || !has["to"]:
					d.problem(r.Pos, "range needs from and to")
				case r.From > r.To:
					d.problem(r.Pos, "range from %d is after to %d", r.From, r.To)
				}
				fc.ranges = append(fc.ranges, r)
			})
		},
	}
	for _, f := range headerFields {
		fields[f] = header(f)
	}
	d.object(root, "catalog file", fields)
	return fc
}

// text decodes key into t when it is one of the six text fields, recording where,
// and reports whether it was: the fields errors and translations share.
func (d *decoder) text(t *errcat.Texts, pos *fieldPositions, key string, v ast.Node) bool {
	var dst *string
	switch key {
	case "title":
		dst = &t.Title
	case "message":
		dst = &t.Message
	case "summary":
		dst = &t.Summary
	case "description":
		dst = &t.Description
	case "causes", "resolutions":
		pos.set(key, d.textPos(v))
		list := d.strings(v, key, pos)
		if key == "causes" {
			t.Causes = list
		} else {
			t.Resolutions = list
		}
		return true
	default:
		return false
	}
	*dst = d.str(v, key)
	pos.set(key, d.textPos(v))
	return true
}

// errorFields and variantFields are the fields of an error and of a variant, sorted.
var (
	errorFields = []string{"category", "causes", "code", "deprecated", "description", "examples", "grpc", "log_level", "message", "name",
		"omit_message", "params", "public", "resolutions", "retryable", "returned_by", "status", "summary", "title", "variants"}
	variantFields = []string{"causes", "description", "examples", "grpc", "key", "message", "omit_message", "params", "resolutions", "returned_by",
		"status", "summary", "title"}
	paramFields = []string{"description", "example", "name", "sensitive", "type"}
	textFields  = []string{"causes", "description", "message", "resolutions", "summary", "title"}
	// headerFields are the top-level text fields of a catalog file.
	headerFields = []string{"catalog", "title", "description", "version", "docs_url", "default_locale", "code_pattern", "wire_code"}
)

// decodeError decodes one entry of errors, or a variant of parent. It is one case per
// field of an entry, kept as a single switch so that every field's decoding reads in
// one place, as the format reference lists them.
func (d *decoder) decodeError(n ast.Node, parent *Entry) *Entry {
	e := &Entry{Parent: parent, Pos: d.pos(n), pos: make(fieldPositions, 0, 12)}
	what, names := "error", errorFields
	if parent != nil {
		what, names = "variant of "+parent.Code, variantFields
	} else if kvs, _ := d.entries(n, "error"); kvs != nil {
		for _, kv := range kvs {
			if k, _ := d.scalar(kv.Key); k == "code" {
				c, _ := d.scalar(kv.Value)
				what = "error " + c
			}
		}
	}
	at := func(field string, v ast.Node) { e.pos.set(field, d.textPos(v)) }
	text := func(dst *string, field string, v ast.Node) { *dst = d.str(v, field); at(field, v) }
	ok := d.fields(n, what, names, func(key string, v ast.Node) {
		if d.text(&e.Texts, &e.pos, key, v) {
			return
		}
		switch key {
		case "status":
			at(key, v)
			if s, ok := d.integer(v, key); ok {
				if s < 100 || s > 599 {
					d.problem(d.pos(v), "status %d is not an HTTP status: want 100 to 599", s)
				}
				e.Status = s
			}
		case "grpc":
			text(&e.GRPC, key, v)
		case "params":
			at(key, v)
			e.ParamsSet = true
			e.Params = []*Param{}
			d.list(v, key, func(_ int, n ast.Node) { e.Params = append(e.Params, d.param(n)) })
		case "returned_by":
			at(key, v)
			e.ReturnedBy = d.strings(v, key, &e.pos)
		case "examples":
			d.list(v, key, func(_ int, n ast.Node) { e.Examples = append(e.Examples, d.example(n)) })
		case "code":
			text(&e.Code, key, v)
		case "name":
			text(&e.Name, key, v)
		case "key":
			text(&e.Key, key, v)
		case "category":
			text(&e.Category, key, v)
		case "retryable":
			at(key, v)
			e.Retryable = d.boolean(v, key)
		case "log_level":
			text(&e.LogLevel, key, v)
		case "public":
			at(key, v)
			b := d.boolean(v, key)
			e.Public = &b
		case "omit_message":
			at(key, v)
			if parent != nil {
				d.problem(d.pos(v), "omit_message is set on a code, and its variants follow it: move it to code %s", parent.Code)
				break
			}
			e.OmitMessage = d.boolean(v, key)
		case "deprecated":
			at(key, v)
			dep := &Deprecation{Pos: d.pos(v)}
			d.object(v, "deprecated", map[string]func(ast.Node){
				"since":       func(v ast.Node) { dep.Since = d.str(v, "since") },
				"replaced_by": func(v ast.Node) { dep.ReplacedBy = d.str(v, "replaced_by"); at("deprecated.replaced_by", v) },
				"note":        func(v ast.Node) { dep.Note = d.str(v, "note") },
			})
			e.Deprecated = dep
		case "variants":
			d.list(v, key, func(_ int, n ast.Node) {
				if ve := d.decodeError(n, e); ve != nil {
					e.Variants = append(e.Variants, ve)
				}
			})
		}
	})
	if !ok {
		return nil
	}
	return e
}

func (d *decoder) param(n ast.Node) *Param {
	p := &Param{Pos: d.pos(n)}
	d.fields(n, "param", paramFields, func(key string, v ast.Node) {
		switch key {
		case "name":
			p.Name = d.str(v, key)
		case "type":
			p.Type = d.str(v, key)
		case "description":
			p.Description = d.str(v, key)
		case "example":
			p.Example = d.str(v, key)
		case "sensitive":
			p.Sensitive = d.boolean(v, key)
		}
	})
	return p
}

func (d *decoder) example(n ast.Node) *Example {
	x := &Example{Pos: d.pos(n)}
	d.object(n, "example", map[string]func(ast.Node){
		"description": func(v ast.Node) { x.Description = d.str(v, "description") },
		"field":       func(v ast.Node) { x.Field = d.str(v, "field") },
		"params": func(v ast.Node) {
			kvs, _ := d.entries(v, "params")
			x.Params = make(map[string]string, len(kvs))
			for _, kv := range kvs {
				k, _ := d.scalar(kv.Key)
				x.Params[k] = d.str(kv.Value, "params."+k)
			}
		},
	})
	return x
}

// operations decodes the operations mapping: id → title, or id → {title, description,
// group}.
func (d *decoder) operations(n ast.Node) []*Operation {
	kvs, _ := d.entries(n, "operations")
	ops := make([]*Operation, 0, len(kvs))
	for _, kv := range kvs {
		op := &Operation{Pos: d.pos(kv.Key)}
		op.ID, _ = d.scalar(kv.Key)
		if s, ok := d.scalar(kv.Value); ok {
			op.Title = s
		} else {
			d.object(kv.Value, "operation "+op.ID, map[string]func(ast.Node){
				"title":       func(v ast.Node) { op.Title = d.str(v, "title") },
				"description": func(v ast.Node) { op.Description = d.str(v, "description") },
				"group":       func(v ast.Node) { op.Group = d.boolean(v, "group") },
			})
		}
		ops = append(ops, op)
	}
	return ops
}

// translatedErrors decodes a translation file's errors mapping: id → texts.
func (d *decoder) translatedErrors(n ast.Node) []*TranslatedEntry {
	kvs, _ := d.entries(n, "errors")
	out := make([]*TranslatedEntry, 0, len(kvs))
	for _, kv := range kvs {
		out = append(out, d.translatedError(kv))
	}
	return out
}

// translatedError decodes one entry of a translation file's errors.
func (d *decoder) translatedError(kv *ast.MappingValueNode) *TranslatedEntry {
	t := &TranslatedEntry{Pos: d.pos(kv.Key)}
	t.ID, _ = d.scalar(kv.Key)
	d.fields(kv.Value, "translation of "+strconv.Quote(t.ID), textFields, func(key string, v ast.Node) {
		d.text(&t.Texts, &t.pos, key, v)
	})
	return t
}
