package httperr

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// maxPathDepth bounds the nesting jsonpath follows; encoding/json itself refuses
// deeper input.
const maxPathDepth = 10000

// pathScanner walks a JSON document token by token, knowing the key path of the
// value it reads, to find where encoding/json failed: its errors name fields by a
// dotted path without map keys or array indexes, or not at all.
type pathScanner struct {
	dec   *json.Decoder
	stack []pathFrame
}

type pathFrame struct {
	object  bool
	wantKey bool   // in an object, the next token is a key
	key     string // the current key, or the current index
	index   int
}

func newPathScanner(data []byte) *pathScanner {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return &pathScanner{dec: dec}
}

// path returns the keys of the value being read.
func (s *pathScanner) path() []string {
	out := make([]string, len(s.stack))
	for i, f := range s.stack {
		out[i] = f.key
	}
	return out
}

// next reads a token. It reports a value's start with the value's path (isValue), a
// key with key set, and ok false at the end or on a syntax error.
func (s *pathScanner) next() (path []string, key string, isKey, isValue, ok bool) {
	tok, err := s.dec.Token()
	if err != nil || len(s.stack) > maxPathDepth {
		return nil, "", false, false, false
	}
	var top *pathFrame
	if n := len(s.stack); n > 0 {
		top = &s.stack[n-1]
	}
	if d, isDelim := tok.(json.Delim); isDelim && (d == '}' || d == ']') {
		s.stack = s.stack[:len(s.stack)-1]
		if n := len(s.stack); n > 0 && s.stack[n-1].object {
			s.stack[n-1].wantKey = true
		}
		return nil, "", false, false, true
	}
	if top != nil && top.object && top.wantKey {
		k, _ := tok.(string)
		top.key, top.wantKey = k, false
		return nil, k, true, false, true
	}
	if top != nil && !top.object {
		top.key = strconv.Itoa(top.index)
		top.index++
	}
	path = s.path()
	if d, isDelim := tok.(json.Delim); isDelim {
		s.stack = append(s.stack, pathFrame{object: d == '{', wantKey: d == '{'})
	} else if top != nil && top.object {
		top.wantKey = true
	}
	return path, "", false, true, true
}

// valuePathAt returns the path of the value encoding/json was reading when it failed
// after offset bytes of data, or nil when it cannot tell.
func valuePathAt(data []byte, offset int64) []string {
	s := newPathScanner(data)
	var last []string
	for {
		path, _, _, isValue, ok := s.next()
		if !ok {
			return last
		}
		if isValue {
			last = path
			if s.dec.InputOffset() >= offset {
				return path
			}
		}
	}
}

// unknownKeyPath returns the path of the first key named name that no field of the
// struct t describes at that place, as encoding/json reports with DisallowUnknownFields;
// ok is false when there is none.
func unknownKeyPath(data []byte, t reflect.Type, name string) (path []string, ok bool) {
	s := newPathScanner(data)
	for {
		_, key, isKey, _, more := s.next()
		if !more {
			return nil, false
		}
		if !isKey || key != name {
			continue
		}
		p := s.path()
		if st := typeAt(t, p[:len(p)-1]); st != nil && st.Kind() == reflect.Struct && !hasJSONField(st, key, 0) {
			return p, true
		}
	}
}

// typeAt returns the type of the value at path in a value of type t, or nil.
func typeAt(t reflect.Type, path []string) reflect.Type {
	for _, key := range path {
		t = indirect(t)
		if t == nil {
			return nil
		}
		switch t.Kind() {
		case reflect.Map, reflect.Slice, reflect.Array:
			t = t.Elem()
		case reflect.Struct:
			if t = fieldType(t, key, 0); t == nil {
				return nil
			}
		default:
			return nil
		}
	}
	return indirect(t)
}

func indirect(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldType returns the type of the field of struct t that encoding/json decodes key
// into (its name matched without regard to case), or nil.
func fieldType(t reflect.Type, key string, depth int) reflect.Type {
	if depth > 16 {
		return nil
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, skip := jsonName(f)
		if skip {
			continue
		}
		if f.Anonymous && name == "" {
			if et := indirect(f.Type); et != nil && et.Kind() == reflect.Struct {
				if ft := fieldType(et, key, depth+1); ft != nil {
					return ft
				}
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		if strings.EqualFold(name, key) {
			return f.Type
		}
	}
	return nil
}

// hasJSONField reports whether struct t has a field encoding/json decodes key into.
func hasJSONField(t reflect.Type, key string, depth int) bool {
	return fieldType(t, key, depth) != nil
}
