package errcat

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The set data format is how generated Go code stores a catalog: text, one field a
// line, so that the Go compiler sees one string constant whatever the catalog's size
// (build time and memory stay linear in its bytes) and a reader or a diff of the
// generated file sees one field a line. Its first line names the format and its
// version:
//
//	errcat-set 1
//	catalog petstore
//	title Petstore API errors
//	locale vi
//	codes 2
//	135 PetNotFound P001
//	48 OutOfStock P002
//	code P001
//	name PetNotFound
//	status 404
//	message Pet {id} was not found.
//	param id
//	type int
//	message@vi Không tìm thấy thú cưng {id}.
//	code P002
//	name OutOfStock
//	message Out of stock.
//
// The header (catalog, title, version, docs_url, default_locale, numeric_codes, one
// locale line each, and the declared wire shape: envelope, transport_status,
// bulk_status_code, omit_field_message) ends with "codes N" and N index lines, "LENGTH NAME CODE", one
// per code: the byte length of the code's record, which follow in the same order.
// A record starts with "code CODE" and holds one field a line, "tag value" or "tag"
// alone (a flag, or an empty list that differs from none); "variant KEY" starts a
// variant, whose fields follow it. Tags are the field names of the catalog format. A text in another
// locale carries the locale after "@" in its tag. A value is escaped so that it holds
// no line break, no backquote and nothing a Go raw string or Go source cannot hold:
// "\\" for a backslash, "\n" for a newline and "\xHH" for any other such byte.
//
// Version 2 adds the wire shape's header fields and a code's omit_message flag;
// version 3 adds a param's param_sensitive flag. Set data is written in the lowest
// version that holds it, so that data using neither is version 1, which every
// runtime reads.
//
// The index lets [DecodeSet] make a Set of placeholders in one pass over the
// index lines, and compile each code from its record when it is first used.

// setDataMagic is the first line of set data, with the format's version;
// setDataMagic1 and setDataMagic2 are the first lines of data that needs nothing of
// the versions after them.
const (
	setDataMagic  = "errcat-set 3"
	setDataMagic2 = "errcat-set 2"
	setDataMagic1 = "errcat-set 1"
)

// EncodeSetSpec returns spec in the set data format that [DecodeSet] and
// [DecodeSetSpec] read. Every string of spec is kept exactly, whatever bytes it holds;
// the result is valid UTF-8 without NUL, carriage return or backquote, so that it fits
// a Go raw string literal; only a code's empty Params decode as nil, which means the
// same. It reports an error for what the format cannot hold: a variant with variants
// of its own.
func EncodeSetSpec(spec SetSpec) ([]byte, error) {
	var b []byte
	switch {
	case needsVersion3(&spec):
		b = append(b, setDataMagic...)
	case needsVersion2(&spec):
		b = append(b, setDataMagic2...)
	default:
		b = append(b, setDataMagic1...)
	}
	b = append(b, '\n')
	b = dataField(b, "catalog", spec.Name)
	b = dataField(b, "title", spec.Title)
	b = dataField(b, "version", spec.Version)
	b = dataField(b, "docs_url", spec.DocsURL)
	b = dataField(b, "default_locale", spec.DefaultLocale)
	if spec.NumericCodes {
		b = append(b, "numeric_codes\n"...)
	}
	for _, l := range spec.Locales {
		b = dataLine(b, "locale", l)
	}
	b = appendResponse(b, spec.Response)
	records := make([][]byte, len(spec.Errors))
	for i := range spec.Errors {
		r, err := appendRecord(nil, &spec.Errors[i])
		if err != nil {
			return nil, err
		}
		records[i] = r
	}
	b = append(b, "codes "...)
	b = strconv.AppendInt(b, int64(len(records)), 10)
	b = append(b, '\n')
	for i, r := range records {
		b = strconv.AppendInt(b, int64(len(r)), 10)
		b = append(b, ' ')
		b = appendEscaped(b, spec.Errors[i].Name, true)
		b = append(b, ' ')
		b = appendEscaped(b, spec.Errors[i].Code, false)
		b = append(b, '\n')
	}
	for _, r := range records {
		b = append(b, r...)
	}
	return b, nil
}

// needsVersion2 reports whether spec uses what only version 2 of the format holds.
func needsVersion2(spec *SetSpec) bool {
	if !spec.Response.IsZero() {
		return true
	}
	for i := range spec.Errors {
		if spec.Errors[i].OmitMessage {
			return true
		}
		for _, v := range spec.Errors[i].Variants {
			if v.OmitMessage {
				return true
			}
		}
	}
	return false
}

// needsVersion3 reports whether spec uses what only version 3 of the format holds: a
// sensitive param.
func needsVersion3(spec *SetSpec) bool {
	sensitive := func(ps []Param) bool {
		return slices.ContainsFunc(ps, func(p Param) bool { return p.Sensitive })
	}
	for i := range spec.Errors {
		if sensitive(spec.Errors[i].Params) {
			return true
		}
		for _, v := range spec.Errors[i].Variants {
			if sensitive(v.Params) {
				return true
			}
		}
	}
	return false
}

// appendResponse appends the header fields of the declared wire shape.
func appendResponse(b []byte, r ResponseSpec) []byte {
	b = dataField(b, "envelope", r.Envelope)
	if r.Status != 0 {
		b = dataLine(b, "transport_status", strconv.Itoa(r.Status))
	}
	if r.BulkStatusCode != 0 {
		b = dataLine(b, "bulk_status_code", strconv.Itoa(r.BulkStatusCode))
	}
	if r.OmitFieldMessage {
		b = append(b, "omit_field_message\n"...)
	}
	return b
}

// appendRecord appends the record of a code.
func appendRecord(b []byte, s *Spec) ([]byte, error) {
	b = dataLine(b, "code", s.Code)
	if s.Params != nil && len(s.Params) == 0 {
		// Only a variant's empty params differ from none: a variant with none
		// inherits its code's.
		c := *s
		c.Params = nil
		s = &c
	}
	b = appendSpecFields(b, s)
	for i := range s.Variants {
		v := &s.Variants[i]
		if len(v.Variants) > 0 {
			return nil, fmt.Errorf("%s[%s]: a variant cannot have variants", s.Code, v.Key)
		}
		b = dataLine(b, "variant", v.Key)
		b = dataField(b, "code", v.Code)
		b = appendSpecFields(b, v)
	}
	return b, nil
}

// appendSpecFields appends the fields of s but its code, key and variants.
func appendSpecFields(b []byte, s *Spec) []byte {
	b = dataField(b, "name", s.Name)
	if s.Status != 0 {
		b = dataLine(b, "status", strconv.Itoa(s.Status))
	}
	b = dataField(b, "grpc", s.GRPC)
	b = appendTexts(b, &s.Texts, "")
	if s.Params != nil && len(s.Params) == 0 {
		b = append(b, "params\n"...)
	}
	for _, p := range s.Params {
		b = dataLine(b, "param", p.Name)
		if p.Kind != KindString && p.Kind != KindInvalid {
			b = dataLine(b, "type", p.Kind.String())
		}
		b = dataField(b, "param_description", p.Description)
		b = dataField(b, "param_example", p.Example)
		if p.Sensitive {
			b = append(b, "param_sensitive\n"...)
		}
	}
	b = appendList(b, "operation", "operations", s.ReturnedBy)
	b = dataField(b, "category", s.Category)
	if s.Retryable {
		b = append(b, "retryable\n"...)
	}
	if s.LogLevel != 0 {
		b = dataLine(b, "log_level", s.LogLevel.String())
	}
	if s.NotPublic {
		b = append(b, "not_public\n"...)
	}
	if s.OmitMessage {
		b = append(b, "omit_message\n"...)
	}
	if d := s.Deprecated; d != nil {
		b = append(b, "deprecated\n"...)
		b = dataField(b, "since", d.Since)
		b = dataField(b, "replaced_by", d.ReplacedBy)
		b = dataField(b, "note", d.Note)
	}
	for _, l := range slices.Sorted(maps.Keys(s.Translations)) {
		n := len(b)
		t := s.Translations[l]
		b = appendTexts(b, &t, "@"+string(appendEscaped(nil, l, true)))
		if len(b) == n {
			b = dataLine(b, "locale@"+string(appendEscaped(nil, l, true)), "")
		}
	}
	return b
}

// appendTexts appends the fields of t, with suffix ("@vi") after each tag.
func appendTexts(b []byte, t *Texts, suffix string) []byte {
	b = dataField(b, "title"+suffix, t.Title)
	b = dataField(b, "message"+suffix, t.Message)
	b = dataField(b, "summary"+suffix, t.Summary)
	b = dataField(b, "description"+suffix, t.Description)
	b = appendList(b, "cause"+suffix, "causes"+suffix, t.Causes)
	return appendList(b, "resolution"+suffix, "resolutions"+suffix, t.Resolutions)
}

// appendList appends one line per item, or the empty tag alone for an empty list that
// is not nil (a variant's empty list overrides its code's).
func appendList(b []byte, item, empty string, list []string) []byte {
	if list != nil && len(list) == 0 {
		return append(append(b, empty...), '\n')
	}
	for _, s := range list {
		b = dataLine(b, item, s)
	}
	return b
}

// dataField appends the line "tag value" when value is not empty.
func dataField(b []byte, tag, value string) []byte {
	if value == "" {
		return b
	}
	return dataLine(b, tag, value)
}

// dataLine appends "tag value", or "tag" alone for the empty value, and a newline.
func dataLine(b []byte, tag, value string) []byte {
	b = append(b, tag...)
	if value != "" {
		b = append(b, ' ')
		b = appendEscaped(b, value, false)
	}
	return append(b, '\n')
}

// appendEscaped appends s escaped for set data: a backslash, a newline and every byte
// that is not part of a printable UTF-8 character (controls, tab, invalid encodings)
// is escaped, and so are a backquote and a space when inToken or last, which editors
// strip.
func appendEscaped(b []byte, s string, inToken bool) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			b = append(b, `\\`...)
			i++
			continue
		case c == '\n':
			b = append(b, `\n`...)
			i++
			continue
		case c == '`', c == ' ' && (inToken || i == len(s)-1):
			b = appendHex(b, c)
			i++
			continue
		case c >= 0x20 && c < 0x7f:
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !strconv.IsPrint(r) {
			for j := range size {
				b = appendHex(b, s[i+j])
			}
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

func appendHex(b []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	return append(b, '\\', 'x', hex[c>>4], hex[c&15])
}

// unescape reverses appendEscaped. It returns s itself when s holds no escape.
func unescape(s string) (string, error) {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	for ; i >= 0; i = strings.IndexByte(s, '\\') {
		b = append(b, s[:i]...)
		switch {
		case strings.HasPrefix(s[i:], `\\`):
			b, s = append(b, '\\'), s[i+2:]
		case strings.HasPrefix(s[i:], `\n`):
			b, s = append(b, '\n'), s[i+2:]
		case strings.HasPrefix(s[i:], `\x`) && len(s) >= i+4 && isHex(s[i+2]) && isHex(s[i+3]):
			b, s = append(b, unhex(s[i+2])<<4|unhex(s[i+3])), s[i+4:]
		default:
			return "", fmt.Errorf("bad escape %q", s[i:min(len(s), i+4)])
		}
	}
	return string(append(b, s...)), nil
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' }

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c - 'a' + 10
}

// errSetData is the error of data that is not in the set data format.
var errSetData = errors.New("not errcat set data")
