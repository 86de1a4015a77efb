package golang

import (
	"slices"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
)

// The spec literals are the bulk of a generated file: one line per code. They are
// written by appending rather than by the file's template, which spent 3 s of CPU on
// 50,000 codes; every text goes through strconv.AppendQuote, and TestCanonical and the
// golden files pin the layout.

// appendSpec appends the single-line Go literal of s.
func appendSpec(b []byte, s *errcat.Spec) []byte {
	b = append(b, "{Code: "...)
	b = strconv.AppendQuote(b, s.Code)
	b = field(b, "Name", s.Name)
	b = field(b, "Key", s.Key)
	if s.Status != 0 {
		b = append(b, ", Status: "...)
		b = strconv.AppendInt(b, int64(s.Status), 10)
	}
	b = field(b, "GRPC", s.GRPC)
	b = append(b, ", Texts: "...)
	b = appendTexts(b, &s.Texts)
	switch {
	case len(s.Params) > 0:
		b = append(b, ", Params: []errcat.Param{"...)
		for i, p := range s.Params {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, "{Name: "...)
			b = strconv.AppendQuote(b, p.Name)
			b = append(b, ", Kind: "...)
			b = append(b, kindIdent(p.Kind)...)
			b = field(b, "Description", p.Description)
			b = field(b, "Example", p.Example)
			b = append(b, '}')
		}
		b = append(b, '}')
	case s.Params != nil:
		b = append(b, ", Params: []errcat.Param{}"...)
	}
	if len(s.ReturnedBy) > 0 {
		b = append(b, ", ReturnedBy: "...)
		b = appendStrings(b, s.ReturnedBy)
	}
	b = field(b, "Category", s.Category)
	if s.Retryable {
		b = append(b, ", Retryable: true"...)
	}
	if s.LogLevel != 0 {
		b = append(b, ", LogLevel: "...)
		b = append(b, levelIdent(s.LogLevel)...)
	}
	if s.NotPublic {
		b = append(b, ", NotPublic: true"...)
	}
	if d := s.Deprecated; d != nil {
		b = append(b, ", Deprecated: &errcat.Deprecation{Since: "...)
		b = strconv.AppendQuote(b, d.Since)
		b = append(b, ", ReplacedBy: "...)
		b = strconv.AppendQuote(b, d.ReplacedBy)
		b = append(b, ", Note: "...)
		b = strconv.AppendQuote(b, d.Note)
		b = append(b, '}')
	}
	if len(s.Variants) > 0 {
		b = append(b, ", Variants: []errcat.Spec{"...)
		for i := range s.Variants {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendSpec(b, &s.Variants[i])
		}
		b = append(b, '}')
	}
	if len(s.Translations) > 0 {
		locales := make([]string, 0, len(s.Translations))
		for l := range s.Translations {
			locales = append(locales, l)
		}
		slices.Sort(locales)
		b = append(b, ", Translations: map[string]errcat.Texts{"...)
		for i, l := range locales {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = strconv.AppendQuote(b, l)
			b = append(b, ": "...)
			t := s.Translations[l]
			b = appendTexts(b, &t)
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

// appendTexts appends an errcat.Texts literal with the fields that are set.
func appendTexts(b []byte, t *errcat.Texts) []byte {
	b = append(b, "errcat.Texts{"...)
	start := len(b)
	sep := func() {
		if len(b) > start {
			b = append(b, ", "...)
		}
	}
	for _, f := range [...]struct{ name, value string }{{"Title", t.Title}, {"Message", t.Message}, {"Summary", t.Summary}, {"Description", t.Description}} {
		if f.value != "" {
			sep()
			b = append(b, f.name...)
			b = append(b, ": "...)
			b = strconv.AppendQuote(b, f.value)
		}
	}
	if len(t.Causes) > 0 {
		sep()
		b = append(b, "Causes: "...)
		b = appendStrings(b, t.Causes)
	}
	if len(t.Resolutions) > 0 {
		sep()
		b = append(b, "Resolutions: "...)
		b = appendStrings(b, t.Resolutions)
	}
	return append(b, '}')
}

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, "[]string{"...)
	for i, s := range ss {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, s)
	}
	return append(b, '}')
}

// field appends ", Name: "value"" when value is set.
func field(b []byte, name, value string) []byte {
	if value == "" {
		return b
	}
	b = append(b, ", "...)
	b = append(b, name...)
	b = append(b, ": "...)
	return strconv.AppendQuote(b, value)
}

func kindIdent(k errcat.Kind) string {
	s := k.String()
	return "errcat.Kind" + string(s[0]-'a'+'A') + s[1:]
}

func levelIdent(l interface{ String() string }) string {
	s := l.String()
	return "slog.Level" + s[:1] + strings.ToLower(s[1:])
}
