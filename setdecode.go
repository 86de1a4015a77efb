package errcat

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// DecodeSet returns the Set that data, in the set data format [EncodeSetSpec] writes,
// describes. It reads only the header and the index of codes, so that it costs one
// short pass however large the catalog: each code is compiled from its record the
// first time the program uses it (any method of its [Definition] but Code, Name, Key,
// ID, Set and Parent, or an error of it), once, safely for concurrent use.
//
// defs, when not nil, must have one element per code and be zero: the set's
// definitions are its elements, in catalog order, so that generated code can declare
// them as an array and take its sentinels' addresses without code at initialization.
// When defs is nil, DecodeSet allocates them.
//
// DecodeSet checks the header and the index. It does not compile every code, nor
// index them by code until the first [Set.Lookup]: data must be what EncodeSetSpec
// wrote for a spec that [NewSet] accepts, as it is in generated code. A record that
// does not decode or compile makes the first use of its definition panic with the
// reason; of two codes the same, Lookup finds the first. [DecodeSetSpec] and NewSet
// check all of data.
func DecodeSet(data string, defs []Definition) (*Set, error) {
	h, err := readSetHeader(data)
	if err != nil {
		return nil, err
	}
	n := len(h.index)
	switch {
	case defs == nil:
		defs = make([]Definition, n)
	case len(defs) != n:
		return nil, fmt.Errorf("errcat: set data has %d codes, but %d definitions were given", n, len(defs))
	}
	s := newSet(h.spec)
	s.lazy = new(sync.Once)
	s.defs = make([]*Definition, n)
	pending := make([]pendingDef, n)
	for i, e := range h.index {
		d := &defs[i]
		if d.set != nil {
			return nil, fmt.Errorf("errcat: definition %d given to DecodeSet already belongs to a set", i)
		}
		d.set, d.code, d.name, d.id = s, e.code, e.name, e.code
		pending[i].record = e.record
		d.pending = &pending[i]
		s.defs[i] = d
	}
	return s, nil
}

// MustDecodeSet is like [DecodeSet] but panics on error. It is meant for generated
// code, whose data errcat wrote.
func MustDecodeSet(data string, defs []Definition) *Set {
	s, err := DecodeSet(data, defs)
	if err != nil {
		panic(err.Error())
	}
	return s
}

// DecodeSetSpec decodes all of data, in the set data format, into the spec
// [EncodeSetSpec] encoded. It reports the first problem with the line it is on.
func DecodeSetSpec(data string) (SetSpec, error) {
	h, err := readSetHeader(data)
	if err != nil {
		return SetSpec{}, err
	}
	spec := h.spec
	spec.Errors = make([]Spec, len(h.index))
	for i, e := range h.index {
		sp, err := decodeRecord(e.record)
		if err == nil && (sp.Code != e.code || sp.Name != e.name) {
			err = fmt.Errorf("record is of %s %s, the index says %s %s", sp.Name, sp.Code, e.name, e.code)
		}
		if err != nil {
			return SetSpec{}, fmt.Errorf("errcat: set data: code %d: %w", i+1, err)
		}
		spec.Errors[i] = sp
	}
	return spec, nil
}

// pendingDef is a code of a lazy set not compiled yet.
type pendingDef struct {
	once   sync.Once
	record string
	err    error
}

// load compiles d from its record if d belongs to a lazy set and was not compiled
// yet. Every method that reads more than d's identity calls it first; it is small
// enough that those accessors stay inlinable, and costs a load and a branch once d is
// compiled.
func (d *Definition) load() {
	if !d.ready.Load() {
		d.compilePending()
	}
}

// compilePending compiles d from its pending record, once, and panics if the record
// does not decode or compile.
//
//go:noinline
func (d *Definition) compilePending() {
	p := d.pending
	if p == nil {
		return // not in a set, or compiled by NewSet without a problem
	}
	p.once.Do(func() {
		sp, err := decodeRecord(p.record)
		if err == nil && (sp.Code != d.code || sp.Name != d.name) {
			err = fmt.Errorf("record is of %s %s", sp.Name, sp.Code)
		}
		if err == nil {
			err = d.set.compile(d, &sp, nil)
		}
		p.err = err
	})
	if p.err != nil {
		panic("errcat: set data of " + d.set.name + " code " + d.code + " is corrupt; regenerate it: " + p.err.Error())
	}
}

// setHeader is what the header and index of set data hold.
type setHeader struct {
	spec  SetSpec // without Errors
	index []indexEntry
}

type indexEntry struct{ name, code, record string }

// lineReader reads set data a line at a time.
type lineReader struct {
	rest string
	line int
}

// next returns the next line's tag and unescaped value; ok is false at the end.
func (r *lineReader) next() (tag, value string, ok bool, err error) {
	if r.rest == "" {
		return "", "", false, nil
	}
	r.line++
	i := strings.IndexByte(r.rest, '\n')
	if i < 0 {
		return "", "", false, r.errorf("line does not end with a newline")
	}
	line := r.rest[:i]
	r.rest = r.rest[i+1:]
	tag, raw, _ := strings.Cut(line, " ")
	value, err = unescape(raw)
	if err != nil {
		return "", "", false, r.errorf("%v", err)
	}
	return tag, value, true, nil
}

func (r *lineReader) errorf(format string, args ...any) error {
	return fmt.Errorf("line %d: "+format, append([]any{r.line}, args...)...)
}

// readSetHeader reads the header and the index of data.
func readSetHeader(data string) (setHeader, error) {
	var h setHeader
	first, rest, _ := strings.Cut(data, "\n")
	if first != setDataMagic && first != setDataMagic2 && first != setDataMagic1 {
		if v, ok := strings.CutPrefix(first, "errcat-set "); ok {
			return h, fmt.Errorf("errcat: set data version %q is not supported by this errcat runtime (it reads versions 1 to 3); regenerate the code or update errcat", v)
		}
		return h, fmt.Errorf("errcat: set data must start with %q", setDataMagic)
	}
	r := &lineReader{rest: rest, line: 1}
	n, err := readHeaderFields(r, &h.spec)
	if err != nil {
		return h, fmt.Errorf("errcat: set data: %w", err)
	}
	h.index = make([]indexEntry, 0, min(n, len(r.rest)/6))
	sizes := make([]int, 0, cap(h.index))
	total := 0
	for range n {
		r.line++
		line, rest, ok := strings.Cut(r.rest, "\n")
		if !ok {
			return h, fmt.Errorf("errcat: set data: %w", r.errorf("want %d index lines", n))
		}
		r.rest = rest
		e, size, err := indexLine(line)
		if err != nil || size > len(data)-total {
			return h, fmt.Errorf("errcat: set data: %w", r.errorf("index line %q is not LENGTH NAME CODE", line))
		}
		h.index = append(h.index, e)
		sizes = append(sizes, size)
		total += size
	}
	if total != len(r.rest) {
		return h, fmt.Errorf("errcat: set data: records hold %d bytes, the index says %d", len(r.rest), total)
	}
	for i, size := range sizes {
		h.index[i].record, r.rest = r.rest[:size], r.rest[size:]
	}
	return h, nil
}

// readHeaderFields reads the catalog's fields up to "codes N" and returns N.
func readHeaderFields(r *lineReader, spec *SetSpec) (int, error) {
	for {
		tag, value, ok, err := r.next()
		if err != nil {
			return 0, err
		}
		if !ok {
			return 0, r.errorf("header does not end with codes N")
		}
		switch tag {
		case "catalog":
			spec.Name = value
		case "title":
			spec.Title = value
		case "version":
			spec.Version = value
		case "docs_url":
			spec.DocsURL = value
		case "default_locale":
			spec.DefaultLocale = value
		case "numeric_codes":
			spec.NumericCodes = true
		case "locale":
			spec.Locales = append(spec.Locales, value)
		case "envelope":
			spec.Response.Envelope = value
		case "transport_status":
			spec.Response.Status, err = strconv.Atoi(value)
		case "bulk_status_code":
			spec.Response.BulkStatusCode, err = strconv.Atoi(value)
		case "omit_field_message":
			spec.Response.OmitFieldMessage = true
		case "codes":
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 {
				return 0, r.errorf("codes %q is not a count", value)
			}
			return n, nil
		default:
			return 0, r.errorf("unknown header field %q", tag)
		}
		if err != nil {
			return 0, r.errorf("%s %q is not a number", tag, value)
		}
	}
}

// indexLine parses "LENGTH NAME CODE".
func indexLine(line string) (indexEntry, int, error) {
	size, rest, _ := strings.Cut(line, " ")
	name, code, ok := strings.Cut(rest, " ")
	n, err := strconv.Atoi(size)
	if !ok || err != nil || n <= 0 {
		return indexEntry{}, 0, errSetData
	}
	var e indexEntry
	if e.name, err = unescape(name); err != nil {
		return e, 0, err
	}
	e.code, err = unescape(code)
	return e, n, err
}

// decodeRecord decodes the record of one code and its variants.
func decodeRecord(record string) (Spec, error) {
	r := &lineReader{rest: record}
	tag, code, ok, err := r.next()
	if err != nil {
		return Spec{}, err
	}
	if !ok || tag != "code" {
		return Spec{}, r.errorf("record does not start with code")
	}
	s := Spec{Code: code}
	cur := &s
	for {
		tag, value, ok, err := r.next()
		if err != nil {
			return Spec{}, err
		}
		if !ok {
			return s, nil
		}
		if tag == "variant" {
			s.Variants = append(s.Variants, Spec{Key: value})
			cur = &s.Variants[len(s.Variants)-1]
			continue
		}
		if err := setField(cur, tag, value); err != nil {
			return Spec{}, r.errorf("%v", err)
		}
	}
}

// setField sets the field of s that tag names to value.
func setField(s *Spec, tag, value string) error {
	base, locale, translated := strings.Cut(tag, "@")
	if translated {
		if s.Translations == nil {
			s.Translations = map[string]Texts{}
		}
		if locale, err := unescape(locale); err == nil {
			t := s.Translations[locale]
			if base == "locale" && value == "" {
				s.Translations[locale] = t
				return nil
			}
			err := setText(&t, base, value)
			s.Translations[locale] = t
			return err
		}
		return fmt.Errorf("bad locale in %q", tag)
	}
	if setText(&s.Texts, tag, value) == nil {
		return nil
	}
	var err error
	switch tag {
	case "code":
		s.Code = value
	case "name":
		s.Name = value
	case "status":
		s.Status, err = strconv.Atoi(value)
	case "grpc":
		s.GRPC = value
	case "params":
		s.Params = []Param{}
	case "param":
		s.Params = append(s.Params, Param{Name: value, Kind: KindString})
	case "type", "param_description", "param_example", "param_sensitive":
		return setParamField(s.Params, tag, value)
	case "operation":
		s.ReturnedBy = append(s.ReturnedBy, value)
	case "operations":
		s.ReturnedBy = []string{}
	case "category":
		s.Category = value
	case "retryable":
		s.Retryable = true
	case "log_level":
		err = s.LogLevel.UnmarshalText([]byte(value))
	case "not_public":
		s.NotPublic = true
	case "omit_message":
		s.OmitMessage = true
	case "deprecated":
		s.Deprecated = &Deprecation{}
	case "since", "replaced_by", "note":
		return setDeprecationField(s.Deprecated, tag, value)
	default:
		return fmt.Errorf("unknown field %q", tag)
	}
	return err
}

// setParamField sets a field of the last of params.
func setParamField(params []Param, tag, value string) error {
	if len(params) == 0 {
		return fmt.Errorf("%s before any param", tag)
	}
	p := &params[len(params)-1]
	switch tag {
	case "type":
		var ok bool
		if p.Kind, ok = ParseKind(value); !ok {
			return fmt.Errorf("unknown param type %q", value)
		}
	case "param_description":
		p.Description = value
	case "param_sensitive":
		p.Sensitive = true
	default:
		p.Example = value
	}
	return nil
}

// setDeprecationField sets a field of d.
func setDeprecationField(d *Deprecation, tag, value string) error {
	if d == nil {
		return fmt.Errorf("%s before deprecated", tag)
	}
	switch tag {
	case "since":
		d.Since = value
	case "replaced_by":
		d.ReplacedBy = value
	default:
		d.Note = value
	}
	return nil
}

// setText sets the text field of t that tag names; it reports an error for a tag
// that names no text field.
func setText(t *Texts, tag, value string) error {
	switch tag {
	case "title":
		t.Title = value
	case "message":
		t.Message = value
	case "summary":
		t.Summary = value
	case "description":
		t.Description = value
	case "cause":
		t.Causes = append(t.Causes, value)
	case "causes":
		t.Causes = []string{}
	case "resolution":
		t.Resolutions = append(t.Resolutions, value)
	case "resolutions":
		t.Resolutions = []string{}
	default:
		return errSetData
	}
	return nil
}
