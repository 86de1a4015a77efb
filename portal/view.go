package portal

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// site is what the pages of one site share: its catalogs, in the order given.
type site struct {
	Title    string
	Catalogs []*catalogView
	// Multi reports whether the site holds several catalogs, each under catalogs/NAME/.
	Multi bool
	// env is the envelope of the example responses; nil for each catalog's own.
	env httperr.Envelope

	mu      sync.Mutex
	indexes map[string]*Index // by the catalogs and the locales they match
}

// catalogView is one catalog of a site, prepared for its pages.
type catalogView struct {
	c   *catalog.Catalog
	set *errcat.Set
	// Dir is the catalog's directory in the site: "" or "catalogs/NAME/".
	Dir           string
	Name, Title   string
	Description   string
	Version       string
	DefaultLocale string
	Locales       []string
	// defs are the catalog's codes in catalog order (variants are reached through them).
	defs []*errcat.Definition
	// replaces maps a code to the deprecated codes that name it as replacement.
	replaces map[string][]string
	// index maps a code to its position in defs, for previous and next links.
	index map[string]int
	// localeNames are the locales' names in their own languages, for the switcher.
	localeNames map[string]string
	// own holds the translated texts by locale and code or variant id.
	own map[string]map[string]*catalog.TranslatedEntry
	// marks are the footnote marks of the groups of operations, by operation id.
	marks map[string]string
	// chrome is the layout of the code pages, by locale.
	chrome map[string]*codeChrome
	// handler writes the example responses of the code pages (see exampleHandler).
	handler *httperr.Handler
	// untranslated is the state of a code's translation that gives none of its texts.
	untranslated string
}

func newCatalogView(c *catalog.Catalog, multi bool) (*catalogView, error) {
	set, err := c.Compile()
	if err != nil {
		return nil, err
	}
	v := &catalogView{
		c: c, set: set,
		Name: c.Name, Title: c.Title, Description: c.Description, Version: c.Version,
		DefaultLocale: set.DefaultLocale(), Locales: set.Locales(),
		replaces:    map[string][]string{},
		index:       map[string]int{},
		own:         map[string]map[string]*catalog.TranslatedEntry{},
		localeNames: map[string]string{},
	}
	for _, loc := range v.Locales {
		v.localeNames[loc] = localeName(loc)
	}
	v.untranslated = "not translated, shown in " + v.DefaultLocale
	v.marks = v.footnoteMarksOf()
	for _, tr := range c.Translations {
		m := v.own[tr.Locale]
		if m == nil {
			m = map[string]*catalog.TranslatedEntry{}
			v.own[tr.Locale] = m
		}
		for _, te := range tr.Errors {
			m[te.ID] = te
		}
	}
	if v.Title == "" {
		v.Title = c.Name + " errors"
	}
	if multi {
		v.Dir = "catalogs/" + segment(c.Name) + "/"
	}
	for _, d := range set.Definitions() {
		if d.Parent() != nil {
			continue
		}
		v.index[d.Code()] = len(v.defs)
		v.defs = append(v.defs, d)
		if dep := d.Deprecated(); dep != nil && dep.ReplacedBy != "" {
			v.replaces[dep.ReplacedBy] = append(v.replaces[dep.ReplacedBy], d.Code())
		}
	}
	return v, nil
}

// matchLocale is the catalog's locale for a requested one: the default for "", else
// the closest the runtime falls back to.
func (v *catalogView) matchLocale(locale string) string {
	if locale == "" {
		return v.DefaultLocale
	}
	return v.set.MatchLocale(locale)
}

// localeDir is the directory of a locale's pages within the catalog's: "" for the
// default locale, "vi/" for vi.
func (v *catalogView) localeDir(locale string) string {
	if locale == v.DefaultLocale {
		return ""
	}
	return segment(locale) + "/"
}

// codePath is the path of a code's page relative to the catalog's locale directory.
func codePath(code string) string { return "errors/" + segment(code) + "/" }

// href is the link to a definition from a locale's directory: its page, or the
// section of its parent's page for a variant.
func href(d *errcat.Definition) string {
	if p := d.Parent(); p != nil {
		return codePath(p.Code()) + "#" + variantAnchor(d)
	}
	return codePath(d.Code())
}

func variantAnchor(d *errcat.Definition) string { return "variant-" + segment(d.Key()) }

// segment makes s safe as one path segment and HTML id, and is injective: two
// different strings never share a segment, so two codes never share a page. A
// string of letters, digits, '-' and '.' (other than "." and "..") is kept as it is;
// any other has each byte that is not a letter, digit or '-' written as _XX in
// upper-case hex, '_' and '.' included; "" is "_". A kept string holds no '_' and
// every '_' of an escaped one starts an _XX, so [unsegment] reads each back.
func segment(s string) string {
	safe := s != "" && s != "." && s != ".."
	for i := 0; i < len(s) && safe; i++ {
		safe = isSegmentByte(s[i]) && s[i] != '_'
	}
	if safe {
		return s
	}
	if s == "" {
		return "_"
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		if c := s[i]; isSegmentByte(c) && c != '.' && c != '_' {
			b = append(b, c)
		} else {
			b = append(b, '_', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

// unsegment is the string whose segment is seg, and whether seg is a segment at all:
// it is the inverse of [segment].
func unsegment(seg string) (string, bool) {
	if seg == "_" {
		return "", true
	}
	if !strings.Contains(seg, "_") {
		return seg, segment(seg) == seg
	}
	b := make([]byte, 0, len(seg))
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		if c != '_' {
			b = append(b, c)
			continue
		}
		if i+2 >= len(seg) {
			return "", false
		}
		n, err := strconv.ParseUint(seg[i+1:i+3], 16, 8)
		if err != nil || strings.ToUpper(seg[i+1:i+3]) != seg[i+1:i+3] {
			return "", false
		}
		b = append(b, byte(n))
		i += 2
	}
	s := string(b)
	return s, segment(s) == seg
}

func isSegmentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}

// localeName is a locale's name in its own language, "Tiếng Việt" for vi, for the
// language switcher; the tag itself when x/text has no name for it.
func localeName(locale string) string {
	tag, err := language.Parse(locale)
	if err != nil {
		return locale
	}
	if name := display.Self.Name(tag); name != "" {
		return name
	}
	return locale
}

// statusText is "404 Not Found", or "" for no status.
func statusText(status int) string {
	if status == 0 {
		return ""
	}
	return strings.TrimSpace(strconv.Itoa(status) + " " + http.StatusText(status))
}

// group is one section of the overview table: a category, a range of codes, or all.
type group struct {
	Title string
	ID    string
	Rows  []row
}

// row is one line of the overview table.
type row struct {
	ID, Href, Title, Summary string
	Status                   int
	Variant, Deprecated      bool
	// TitleFallback and SummaryFallback report whether the texts are shown in the
	// default locale.
	TitleFallback, SummaryFallback bool
	// ReturnedBy are the operations that return the code, by their titles.
	ReturnedBy []operationView
}

// groups sorts the catalog's codes into the overview's sections: by category in the
// order categories first appear, else by the catalog's ranges, else one section.
func (v *catalogView) groups(locale string) []group {
	key := func(d *errcat.Definition) string { return d.Category() }
	useRanges := true
	for _, d := range v.defs {
		if d.Category() != "" {
			useRanges = false
			break
		}
	}
	if useRanges && len(v.c.Ranges) > 0 {
		key = func(d *errcat.Definition) string {
			n, err := strconv.Atoi(d.Code())
			if err != nil {
				return ""
			}
			for _, r := range v.c.Ranges {
				if n >= r.From && n <= r.To {
					return fmt.Sprintf("%d–%d %s", r.From, r.To, r.Title)
				}
			}
			return ""
		}
	}
	var out []group
	at := map[string]int{}
	for _, d := range v.defs {
		k := key(d)
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, group{Title: groupTitle(k, useRanges), ID: "group-" + segment(k)})
		}
		out[i].Rows = append(out[i].Rows, v.row(d, locale))
		for _, vd := range d.Variants() {
			out[i].Rows = append(out[i].Rows, v.row(vd, locale))
		}
	}
	// Codes without a group go last, under "Other" when there are other groups.
	if i, ok := at[""]; ok {
		g := out[i]
		out = append(out[:i], out[i+1:]...)
		if len(out) > 0 {
			g.Title = "Other"
			g.ID = "group-other"
		}
		out = append(out, g)
	}
	return out
}

func (v *catalogView) row(d *errcat.Definition, locale string) row {
	r := row{ID: d.ID(), Href: href(d), Status: d.Status(), Variant: d.Parent() != nil, Deprecated: d.Deprecated() != nil,
		ReturnedBy: v.operations(d)}
	title, fb := v.text(d, locale, fieldTitle)
	if title.IsZero() {
		title, fb = v.text(d, locale, fieldMessage)
	}
	summary, sfb := v.text(d, locale, fieldSummary)
	if summary.IsZero() {
		summary, sfb = v.text(d, locale, fieldDescription)
	}
	r.Title, r.Summary, r.TitleFallback, r.SummaryFallback = plain(title), plain(summary), fb, sfb
	return r
}

// field names one of the texts of a code.
type field int

const (
	fieldTitle field = iota
	fieldMessage
	fieldSummary
	fieldDescription
	fieldCauses
	fieldResolutions
)

// localized is a code's or variant's texts in a locale, with the fields its
// translations give, looked up once for all of its texts.
type localized struct {
	d      *errcat.Definition
	locale string
	own    fieldSet // the fields translated in locale; every field in the default locale
}

// fieldSet is a set of fields, one bit each.
type fieldSet uint8

func (f field) bit() fieldSet { return 1 << f }

const allFields fieldSet = 1<<(fieldResolutions+1) - 1

func (v *catalogView) localized(d *errcat.Definition, locale string) localized {
	return localized{d: d, locale: locale, own: v.ownFields(d, locale)}
}

// text returns one text of d in locale and whether it is shown in the default locale
// because no translation file of locale (nor of a locale it falls back to) gives it.
func (v *catalogView) text(d *errcat.Definition, locale string, f field) (errcat.Template, bool) {
	return v.localized(d, locale).text(f)
}

// text returns one text and whether it is shown in the default locale.
func (l localized) text(f field) (errcat.Template, bool) {
	var t errcat.Template
	switch f {
	case fieldTitle:
		t = l.d.Title(l.locale)
	case fieldMessage:
		t = l.d.Message(l.locale)
	case fieldSummary:
		t = l.d.Summary(l.locale)
	case fieldDescription:
		t = l.d.Description(l.locale)
	}
	return t, !t.IsZero() && l.own&f.bit() == 0
}

// list is text for the lists of texts: causes and resolutions.
func (l localized) list(f field) ([]errcat.Template, bool) {
	var ts []errcat.Template
	if f == fieldCauses {
		ts = l.d.Causes(l.locale)
	} else {
		ts = l.d.Resolutions(l.locale)
	}
	return ts, len(ts) > 0 && l.own&f.bit() == 0
}

// ownFields returns the fields of d that a translation file of locale, or of a
// locale it falls back to before the default, gives; every field in the default
// locale, whose texts are the catalog's own.
func (v *catalogView) ownFields(d *errcat.Definition, locale string) fieldSet {
	if locale == v.DefaultLocale {
		return allFields
	}
	var own fieldSet
	for loc := locale; loc != "" && loc != v.DefaultLocale; {
		if te := v.own[loc][d.ID()]; te != nil {
			for f := fieldTitle; f <= fieldResolutions; f++ {
				if has(&te.Texts, f) {
					own |= f.bit()
				}
			}
		}
		i := strings.LastIndexByte(loc, '-')
		if i < 0 {
			break
		}
		loc = loc[:i]
	}
	return own
}

func has(t *errcat.Texts, f field) bool {
	switch f {
	case fieldTitle:
		return t.Title != ""
	case fieldMessage:
		return t.Message != ""
	case fieldSummary:
		return t.Summary != ""
	case fieldDescription:
		return t.Description != ""
	case fieldCauses:
		return len(t.Causes) > 0
	default:
		return len(t.Resolutions) > 0
	}
}
