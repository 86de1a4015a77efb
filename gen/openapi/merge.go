package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
	"github.com/goccy/go-yaml"
)

var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// Merge adds the error responses of cats (and, unless opts leaves them out, of the
// HTTP layer) to the OpenAPI document doc (YAML or JSON): the components, and to every
// operation a response per status with the codes it can answer with: those whose
// returned_by names its operationId (or "*"), and the HTTP layer's (those of request
// bodies for operations that take one).
//
// A document errcat has merged into already keeps the codes of other catalogs: the
// code lists are merged, and a catalog merged again replaces what it wrote before, so
// that merging A then B, B then A, or A and B at once give the same document, and
// merging twice gives what merging once does. A status an operation answers itself
// is left as it is, as is the rest of the document: key order and comments are kept.
// The result, in doc's format (YAML read alike by YAML 1.1 and 1.2 parsers),
// validates as [Validate] checks.
func Merge(cats []*catalog.Catalog, opts Options, doc []byte) ([]byte, error) {
	out, err := merge(cats, opts, doc)
	if err != nil {
		return nil, err
	}
	if err := Validate(out); err != nil {
		return nil, fmt.Errorf("the merged document does not validate: %w", err)
	}
	return out, nil
}

func merge(cats []*catalog.Catalog, opts Options, doc []byte) ([]byte, error) {
	opts, err := opts.withEnvelope(cats)
	if err != nil {
		return nil, err
	}
	env := opts.envelope()
	fresh, err := entries(cats, opts)
	if err != nil {
		return nil, err
	}
	isJSON := json.Valid(doc)
	cm := yaml.CommentMap{}
	var root yaml.MapSlice
	if err := yaml.UnmarshalWithOptions(doc, &root, yaml.UseOrderedMap(), yaml.CommentToMap(cm)); err != nil {
		return nil, fmt.Errorf("reading the OpenAPI document: %v", err)
	}
	if root == nil {
		return nil, fmt.Errorf("the OpenAPI document is empty")
	}
	comp := child(&root, "components")
	old, err := existingEntries(*comp, env)
	if err != nil {
		return nil, err
	}
	// The catalogs given replace what they wrote before; the built-in codes of the
	// HTTP layer add to the common catalog's, as merging it whole would.
	replaced := map[string]bool{}
	for _, c := range cats {
		replaced[c.Name] = true
	}
	all := map[string]*entry{}
	for code, e := range old {
		if !replaced[e.catalog] {
			all[code] = e
		}
	}
	if err := union(all, sortedEntries(fresh)); err != nil {
		return nil, err
	}
	comps := components(sortedEntries(all), env)
	for _, section := range []string{"schemas", "examples", "responses"} {
		dst := child(comp, section)
		*dst = slices.DeleteFunc(*dst, func(it yaml.MapItem) bool { return marked(it.Value) })
		own := map[string]bool{} // what the document defines itself
		for _, it := range *dst {
			own[fmt.Sprint(it.Key)] = true
		}
		src := comps[section].(obj)
		for _, name := range sortedKeys(src) {
			if own[name] {
				return nil, fmt.Errorf("components.%s.%s is already defined by the document; rename it, or remove it to let errcat write it", section, name)
			}
			*dst = append(*dst, yaml.MapItem{Key: name, Value: ordered(src[name])})
		}
	}
	if paths, ok := asMap(lookup(root, "paths")); ok {
		for _, p := range paths {
			item, ok := asMap(p.Value)
			if !ok {
				continue
			}
			for i := range item {
				if !slices.Contains(methods, fmt.Sprint(item[i].Key)) {
					continue
				}
				if op, ok := asMap(item[i].Value); ok {
					item[i].Value = mergeOperation(op, all, replaced, env)
				}
			}
		}
	}
	if isJSON {
		return append(appendJSON(nil, root, ""), '\n'), nil
	}
	return encodeYAML(root, cm)
}

// mergeOperation returns op with errcat's responses rebuilt: the codes its responses
// listed, but those of the catalogs merged now, and the codes those catalogs (and the
// HTTP layer) answer op with.
func mergeOperation(op yaml.MapSlice, all map[string]*entry, replaced map[string]bool, env httperr.Envelope) yaml.MapSlice {
	id, _ := lookup(op, "operationId").(string)
	hasBody := lookup(op, "requestBody") != nil
	codes := map[int]map[string]bool{}
	add := func(status int, code string) {
		if codes[status] == nil {
			codes[status] = map[string]bool{}
		}
		codes[status][code] = true
	}
	responses, _ := asMap(lookup(op, "responses"))
	for _, r := range responses {
		status, err := strconv.Atoi(fmt.Sprint(r.Key))
		if err != nil || !marked(r.Value) {
			continue
		}
		for _, code := range listedCodes(r.Value) {
			if e, ok := all[code]; ok && !replaced[e.catalog] {
				add(status, code)
			}
		}
	}
	for _, e := range all {
		for _, r := range e.returns {
			if r.op == id && id != "" || r.op == "*" && (!r.body || hasBody) {
				add(cmpOr(r.status, e.status), e.code)
			}
		}
	}
	if len(codes) == 0 && responses == nil {
		return op
	}
	rs := child(&op, "responses")
	*rs = slices.DeleteFunc(*rs, func(it yaml.MapItem) bool { return marked(it.Value) })
	for _, s := range slices.Sorted(maps.Keys(codes)) {
		es := make([]*entry, 0, len(codes[s]))
		for code := range codes[s] {
			es = append(es, all[code])
		}
		slices.SortFunc(es, func(a, b *entry) int { return compareCodes(a.code, b.code) })
		setIfFree(rs, statusKey(s), ordered(response(env, s, es)))
	}
	return op
}

// listedCodes returns the codes an errcat response lists: the keys of the examples
// of its first media type.
func listedCodes(response any) []string {
	m, _ := asMap(response)
	content, _ := asMap(lookup(m, "content"))
	if len(content) == 0 {
		return nil
	}
	mt, _ := asMap(content[0].Value)
	examples, _ := asMap(lookup(mt, "examples"))
	out := make([]string, 0, len(examples))
	for _, ex := range examples {
		out = append(out, fmt.Sprint(ex.Key))
	}
	return out
}

// existingEntries returns the entries of the codes errcat wrote into components
// before, from what each example records (an example of a form of a code's texts
// records the form too); their responses are rebuilt.
func existingEntries(components yaml.MapSlice, env httperr.Envelope) (map[string]*entry, error) {
	out := map[string]*entry{}
	examples, _ := asMap(lookup(components, "examples"))
	schemas := map[string]any{}
	if m, ok := asMap(lookup(components, "schemas")); ok {
		for _, it := range m {
			schemas[fmt.Sprint(it.Key)] = it.Value
		}
	}
	forms := map[string][]form{} // the examples of the forms of each code
	for _, it := range examples {
		ex, _ := asMap(it.Value)
		m, ok := asMap(lookup(ex, mark))
		if !ok {
			continue
		}
		code := fmt.Sprint(lookup(m, "code"))
		if envName := fmt.Sprint(lookup(m, "envelope")); envName != env.Name() {
			return nil, fmt.Errorf("the document's error responses are in the %s envelope; merge with that envelope, or remove errcat's components first", envName)
		}
		status, err := strconv.Atoi(fmt.Sprint(lookup(m, "status")))
		if err != nil {
			return nil, fmt.Errorf("components.examples.%v: x-errcat has no status", it.Key)
		}
		if suffix := lookup(m, "form"); suffix != nil {
			forms[code] = append(forms[code], form{suffix: fmt.Sprint(suffix), example: ex})
			continue
		}
		e := &entry{code: code, catalog: fmt.Sprint(lookup(m, "catalog")), status: status, example: ex}
		if s := schemas[componentName(code)]; marked(s) {
			e.schema = s
		}
		out[code] = e
	}
	for code, fs := range forms {
		if e := out[code]; e != nil {
			e.forms = fs
		}
	}
	return out, nil
}

func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

// child returns the mapping under key in m, adding an empty one at the end if absent.
func child(m *yaml.MapSlice, key string) *yaml.MapSlice {
	for i := range *m {
		if fmt.Sprint((*m)[i].Key) == key {
			if sub, ok := (*m)[i].Value.(yaml.MapSlice); ok {
				p := &sub
				(*m)[i].Value = p
				return p
			}
			if p, ok := (*m)[i].Value.(*yaml.MapSlice); ok {
				return p
			}
			p := &yaml.MapSlice{}
			(*m)[i].Value = p
			return p
		}
	}
	p := &yaml.MapSlice{}
	*m = append(*m, yaml.MapItem{Key: key, Value: p})
	return p
}

func lookup(m yaml.MapSlice, key string) any {
	for _, it := range m {
		if fmt.Sprint(it.Key) == key {
			return it.Value
		}
	}
	return nil
}

// setIfFree sets key in m to v unless the document answers it itself; it reports
// whether it set it.
func setIfFree(m *yaml.MapSlice, key string, v any) bool {
	for i := range *m {
		if fmt.Sprint((*m)[i].Key) == key {
			if !marked((*m)[i].Value) {
				return false
			}
			(*m)[i].Value = v
			return true
		}
	}
	*m = append(*m, yaml.MapItem{Key: key, Value: v})
	return true
}

// marked reports whether errcat wrote v: a mapping with an x-errcat member that is
// true or, on examples, what errcat records of the code.
func marked(v any) bool {
	m, ok := asMap(v)
	if !ok {
		return false
	}
	switch x := lookup(m, mark).(type) {
	case bool:
		return x
	case yaml.MapSlice, *yaml.MapSlice:
		return true
	}
	return false
}

// asMap returns v as a mapping, and reports whether it is one.
func asMap(v any) (yaml.MapSlice, bool) {
	switch m := v.(type) {
	case yaml.MapSlice:
		return m, true
	case *yaml.MapSlice:
		return *m, true
	}
	return nil, false
}

// ordered turns the generator's values into ordered YAML values: objects with sorted
// keys, and example bodies with their keys in the order the envelope wrote them.
func ordered(v any) any {
	switch t := v.(type) {
	case obj:
		out := make(yaml.MapSlice, 0, len(t))
		for _, k := range sortedKeys(t) {
			out = append(out, yaml.MapItem{Key: k, Value: ordered(t[k])})
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = ordered(x)
		}
		return out
	case json.RawMessage:
		var m yaml.MapSlice
		if err := yaml.UnmarshalWithOptions(t, &m, yaml.UseOrderedMap()); err != nil {
			return string(t)
		}
		return m
	}
	return v
}

func sortedKeys(m obj) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// appendJSON writes an ordered value as indented JSON, keeping key order.
func appendJSON(dst []byte, v any, indent string) []byte {
	switch t := v.(type) {
	case *yaml.MapSlice:
		return appendJSON(dst, *t, indent)
	case yaml.MapSlice:
		if len(t) == 0 {
			return append(dst, "{}"...)
		}
		dst = append(dst, "{\n"...)
		for i, it := range t {
			dst = append(dst, indent+"  "...)
			k, _ := json.Marshal(fmt.Sprint(it.Key))
			dst = append(dst, k...)
			dst = append(dst, ": "...)
			dst = appendJSON(dst, it.Value, indent+"  ")
			if i < len(t)-1 {
				dst = append(dst, ',')
			}
			dst = append(dst, '\n')
		}
		return append(dst, indent+"}"...)
	case []any:
		if len(t) == 0 {
			return append(dst, "[]"...)
		}
		dst = append(dst, "[\n"...)
		for i, x := range t {
			dst = append(dst, indent+"  "...)
			dst = appendJSON(dst, x, indent+"  ")
			if i < len(t)-1 {
				dst = append(dst, ',')
			}
			dst = append(dst, '\n')
		}
		return append(dst, indent+"]"...)
	}
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(fmt.Sprint(v))
	}
	return append(dst, bytes.TrimSpace(b)...)
}
