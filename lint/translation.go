package lint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/internal/icu"
)

// The rules for translators read every text as ICU MessageFormat (package icu), the
// syntax translation tools understand: plurals follow the CLDR rules of the text's
// locale, and a translation shows the same placeholders as the text it translates.
// A text that does not parse is a load problem, which these rules leave to loading.

// pluralCategories reports plurals and selectordinals whose arms do not fit the CLDR
// rules of their locale: the default locale for the catalog's own texts, the
// translation's for a translation.
func pluralCategories(c *catalog.Catalog, r report) {
	all(c, func(e *catalog.Entry) {
		eachText(&e.Texts, func(field, src string) {
			checkPlurals(src, c.DefaultLocale, e.PosOf(field), e.ID()+" "+field, r)
		})
	})
	for _, tr := range c.Translations {
		for _, t := range tr.Errors {
			eachText(&t.Texts, func(field, src string) {
				checkPlurals(src, tr.Locale, t.PosOf(field), t.ID+" "+field+" in "+tr.Locale, r)
			})
		}
	}
}

func checkPlurals(src, locale string, pos catalog.Pos, what string, r report) {
	if !strings.Contains(src, ",") {
		return // no choice without a comma; most texts stop here
	}
	m, err := icu.Parse(src)
	if err != nil {
		return
	}
	for _, e := range icu.CheckLocale(m, locale) {
		r(TextPos(src, pos, e.Offset), what+": "+e.Msg)
	}
}

// translationPlaceholders reports translated texts that leave out a placeholder of
// the default text or show one it does not. Both texts are read as ICU messages, so
// an argument used only inside a plural's arms counts.
func translationPlaceholders(c *catalog.Catalog, r report) {
	for _, tr := range c.Translations {
		for _, t := range tr.Errors {
			e := c.Lookup(t.ID)
			if e == nil {
				continue
			}
			params := e.EffectiveParams()
			eachText(&t.Texts, func(field, src string) {
				base := Field(&e.Texts, field)
				if base == "" {
					return
				}
				got, ok1 := Arguments(src, params)
				want, ok2 := Arguments(base, params)
				if !ok1 || !ok2 || slices.Equal(got, want) {
					return
				}
				r(t.PosOf(field), fmt.Sprintf("%s in %s: the %s uses %s but the default text uses %s", t.ID, tr.Locale, field, braces(got), braces(want)))
			})
		}
	}
}

// eachText calls f for every non-empty text of t with its field name: "title",
// "message", "summary", "description", "causes[i]", "resolutions[i]".
func eachText(t *errcat.Texts, f func(field, src string)) {
	for _, p := range [...]struct{ field, src string }{{"title", t.Title}, {"message", t.Message}, {"summary", t.Summary}, {"description", t.Description}} {
		if p.src != "" {
			f(p.field, p.src)
		}
	}
	for i, s := range t.Causes {
		if s != "" {
			f("causes["+strconv.Itoa(i)+"]", s)
		}
	}
	for i, s := range t.Resolutions {
		if s != "" {
			f("resolutions["+strconv.Itoa(i)+"]", s)
		}
	}
}

// Field returns the text of t a field name ("message", "causes[1]") names, or "" when
// t has none there.
func Field(t *errcat.Texts, field string) string {
	switch field {
	case "title":
		return t.Title
	case "message":
		return t.Message
	case "summary":
		return t.Summary
	case "description":
		return t.Description
	}
	name, i, ok := splitIndex(field)
	var list []string
	switch {
	case !ok:
		return ""
	case name == "causes":
		list = t.Causes
	case name == "resolutions":
		list = t.Resolutions
	}
	if i < len(list) {
		return list[i]
	}
	return ""
}

// splitIndex splits "causes[1]" into "causes" and 1.
func splitIndex(field string) (string, int, bool) {
	open := strings.IndexByte(field, '[')
	if open < 0 || !strings.HasSuffix(field, "]") {
		return "", 0, false
	}
	i, err := strconv.Atoi(field[open+1 : len(field)-1])
	if err != nil || i < 0 {
		return "", 0, false
	}
	return field[:open], i, true
}

// Arguments returns the names of the params src uses, sorted and each once, reading
// src as an ICU message: {0} and {kind} name the same param when kind is the first.
// It reports false when src does not parse. An index or name that is not a param is
// returned as written.
func Arguments(src string, params []*catalog.Param) ([]string, bool) {
	if !strings.Contains(src, "{") {
		return nil, true
	}
	m, err := icu.Parse(src)
	if err != nil {
		return nil, false
	}
	var out []string
	for _, u := range m.Uses() {
		name := u.Name
		if n, err := strconv.Atoi(name); err == nil && n >= 0 && n < len(params) {
			name = params[n].Name
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out, true
}

// TextPos returns the position of byte offset off of text, which starts at start.
// A block string's later lines are placed at the first line's column; columns count
// characters.
func TextPos(text string, start catalog.Pos, off int) catalog.Pos {
	off = min(max(off, 0), len(text))
	before := text[:off]
	if nl := strings.LastIndexByte(before, '\n'); nl >= 0 {
		start.Line += strings.Count(before, "\n")
		before = before[nl+1:]
	}
	if start.Line > 0 {
		start.Col += utf8.RuneCountInString(before)
	}
	return start
}
