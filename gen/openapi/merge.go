package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
	"github.com/goccy/go-yaml"
)

// mark is set on everything Merge adds, so that merging again replaces errcat's parts
// and never the document's own.
const mark = "x-errcat"

var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// Merge adds c's error responses to the OpenAPI document doc (YAML or JSON): the
// components, and to every operation whose operationId a code's returned_by names (or
// every operation, for "*"), a response per status with the codes that operation
// returns. A status the operation already answers is left as it is, as is the rest of
// the document: key order and comments are kept. The result, in doc's format,
// validates with kin-openapi.
func Merge(c *catalog.Catalog, opts Options, doc []byte) ([]byte, error) {
	out, err := mergeNoValidate(c, opts, doc)
	if err != nil {
		return nil, err
	}
	if err := Validate(out); err != nil {
		return nil, fmt.Errorf("the merged document does not validate: %w", err)
	}
	return out, nil
}

func mergeNoValidate(c *catalog.Catalog, opts Options, doc []byte) ([]byte, error) {
	env := opts.Envelope
	if env == nil {
		env = httperr.Problem
	}
	comps, err := Components(c, opts)
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
	components := child(&root, "components")
	for _, section := range []string{"schemas", "examples", "responses"} {
		dst := child(components, section)
		src := comps[section].(obj)
		for _, name := range sortedKeys(src) {
			v := ordered(src[name])
			if m, ok := v.(yaml.MapSlice); ok {
				v = append(m, yaml.MapItem{Key: mark, Value: true})
			}
			if err := put(dst, name, v, "components."+section); err != nil {
				return nil, err
			}
		}
	}
	added := 0
	if paths, ok := lookup(root, "paths").(yaml.MapSlice); ok {
		for _, p := range paths {
			item, ok := p.Value.(yaml.MapSlice)
			if !ok {
				continue
			}
			for i := range item {
				if !slices.Contains(methods, fmt.Sprint(item[i].Key)) {
					continue
				}
				op, ok := item[i].Value.(yaml.MapSlice)
				if !ok {
					continue
				}
				id, _ := lookup(op, "operationId").(string)
				byStatus := operationCodes(c.Set(), id)
				if id == "" || len(byStatus) == 0 {
					continue
				}
				responses := child(&op, "responses")
				for _, s := range sortedStatuses(byStatus) {
					r := ordered(response(env, s, byStatus[s], c.Set().NumericCodes())).(yaml.MapSlice)
					r = append(r, yaml.MapItem{Key: mark, Value: true})
					if setIfFree(responses, strconv.Itoa(s), r) {
						added++
					}
				}
				item[i].Value = op
			}
		}
	}
	var out []byte
	if isJSON {
		out = appendJSON(nil, root, "")
		out = append(out, '\n')
	} else {
		out, err = yaml.MarshalWithOptions(root, yaml.WithComment(cm), yaml.IndentSequence(true))
		if err != nil {
			return nil, err
		}
	}
	return out, nil
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

// put sets name in m to v; an entry the document made itself is an error.
func put(m *yaml.MapSlice, name string, v any, where string) error {
	for i := range *m {
		if fmt.Sprint((*m)[i].Key) != name {
			continue
		}
		if !marked((*m)[i].Value) {
			return fmt.Errorf("%s.%s is already defined by the document; rename it, or remove it to let errcat write it", where, name)
		}
		(*m)[i].Value = v
		return nil
	}
	*m = append(*m, yaml.MapItem{Key: name, Value: v})
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

func marked(v any) bool {
	switch m := v.(type) {
	case yaml.MapSlice:
		return lookup(m, mark) == true
	case *yaml.MapSlice:
		return lookup(*m, mark) == true
	}
	return false
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

func sortedStatuses(m map[int][]*errcat.Definition) []int {
	out := make([]int, 0, len(m))
	for s := range m {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
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
