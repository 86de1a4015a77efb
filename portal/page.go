package portal

import (
	"html"
	"strings"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/httperr"
)

// page is what the layout shows of any page.
type page struct {
	Lang  string
	Title string
	// Root is the relative link from the page to the site's root ("../../").
	Root string
	// Home is the relative link to the index of the page's catalog and locale.
	Home      string
	Site      *site
	Cat       *catalogView
	Languages []languageLink
	// SearchAction is where the search form goes; SearchIndex, set on index pages,
	// is the script holding the search index.
	SearchAction, SearchIndex string
	// SearchKeys lists the keys of the index's terms files, so that the browser asks
	// only for files there are.
	SearchKeys string

	// Description is the page's summary for search engines.
	Description string
	// Entries is the number of entries of the search index: codes and variants.
	Entries int
	// Count is the number of codes and variants in words: "51 codes, 3 variants".
	Count     string
	Groups    []group
	Columns   columns
	Footnotes []footnote
	Catalogs  []catalogSummary
	Code      *codePage
}

// languageLink is one entry of the language switcher: the same page in a locale.
type languageLink struct {
	Locale, Name, Href string
	Current            bool
}

// catalogSummary is one row of a site's list of catalogs.
type catalogSummary struct {
	Name, Title, Description, Href string
	Count                          string
	Locales                        []string
}

// text is a catalog text rendered for a page, marked when shown in the default locale.
type text struct {
	HTML     markup
	Fallback bool
	Lang     string
}

// list is a list of catalog texts (causes, resolutions), marked as text is.
type list struct {
	Items    []markup
	Fallback bool
	Lang     string
}

// link is a link with its text.
type link struct{ Href, Text string }

// codePage is what the page of one code shows.
type codePage struct {
	ID, Name, GRPC, Category, DocsURL, LogLevel string
	Status                                      int
	Retryable, Internal                         bool
	Title, Summary, Message, Description        text
	Causes, Resolutions                         list
	// Forms are the forms of the message, by its choices (see messageForms).
	Forms          []formTable
	Params         []paramView
	ReturnedBy     []operationView
	Variants       []variantView
	Deprecated     *deprecationView
	Replaces       []link
	Translations   []translationView
	Responses      []responseView
	OtherEnvelopes []string
	ExampleNote    string
	GRPCExample    string
	Prev, Next     *link
	// Heading is what the page's heading shows after the code: its title, else its
	// message, else its name read as words.
	Heading text
	// heading is Heading as plain text; description the page's summary.
	heading, description string
}

type paramView struct {
	Index                   int
	Name, Kind, Description string
	Example                 string
	// Sensitive reports whether logs and telemetry show the value redacted.
	Sensitive bool
}

type operationView struct {
	ID, Title, Description string
	// Mark is the footnote mark of a group of operations with a note.
	Mark string
	All  bool
}

type variantView struct {
	ID, Anchor, When            string
	Status                      int
	Title, Message, Description text
	Causes, Resolutions         list
	Forms                       []formTable
	ReturnedBy                  []operationView
}

type deprecationView struct {
	Since, ReplacedBy, ReplacedByHref, Note string
}

type translationView struct {
	Locale, Name, Href, State string
	Current                   bool
}

type responseView struct {
	Envelope, ContentType, Text string
	Open                        bool
}

// textOf renders one text of l for a page.
func (v *catalogView) textOf(l localized, f field) text {
	t, fb := l.text(f)
	return text{HTML: textHTML(t), Fallback: fb, Lang: v.DefaultLocale}
}

// listOf renders one list of texts of l for a page.
func (v *catalogView) listOf(l localized, f field) list {
	ts, fb := l.list(f)
	out := list{Fallback: fb, Lang: v.DefaultLocale, Items: make([]markup, len(ts))}
	for i, t := range ts {
		out.Items[i] = textHTML(t)
	}
	return out
}

// forms returns the forms of l's message, rendered with the catalog's example values
// (see messageForms).
func (v *catalogView) forms(l localized) []formTable {
	t, _ := l.text(fieldMessage)
	if t.Plain() {
		return nil
	}
	return messageForms(l.d.Params(), t, v.exampleArgs(l.d))
}

// exampleArgs returns the values of d's example ([catalog.Catalog.Example]); when it
// has none, each parameter's own example where it parses, else the zero Value.
func (v *catalogView) exampleArgs(d *errcat.Definition) []errcat.Value {
	if e, err := v.c.Example(d); err == nil {
		return e.Args()
	}
	args := make([]errcat.Value, len(d.Params()))
	for i, p := range d.Params() {
		args[i], _ = errcat.ParseValue(p.Kind, p.Example)
	}
	return args
}

// codePage prepares the page of d in locale, with its example response written by
// h, an exampleHandler; home is the relative link from the page to its catalog's
// index in that locale, langs the same page in every locale.
func (v *catalogView) codePage(d *errcat.Definition, locale, home string, langs []languageLink, h *httperr.Handler) *codePage {
	l := v.localized(d, locale)
	p := &codePage{
		ID: d.ID(), Name: d.Name(), GRPC: d.GRPC(), Category: humanize(d.Category()), DocsURL: d.DocsURL(),
		LogLevel: strings.ToLower(d.LogLevel().String()),
		Status:   d.Status(), Retryable: d.Retryable(), Internal: !d.Public(),
		Title:       v.textOf(l, fieldTitle),
		Summary:     v.textOf(l, fieldSummary),
		Message:     v.textOf(l, fieldMessage),
		Description: v.textOf(l, fieldDescription),
		Causes:      v.listOf(l, fieldCauses),
		Resolutions: v.listOf(l, fieldResolutions),
	}
	for i, prm := range d.Params() {
		p.Params = append(p.Params, paramView{Index: i, Name: prm.Name, Kind: prm.Kind.String(), Description: prm.Description, Example: prm.Example, Sensitive: prm.Sensitive})
	}
	p.Forms = v.forms(l)
	p.ReturnedBy = v.operations(d)
	p.Heading, p.heading = v.heading(l)
	p.description = plain(d.Summary(locale))
	if p.description == "" {
		p.description = plain(d.Message(locale))
	}
	p.description = d.Code() + ": " + p.description
	for _, vd := range d.Variants() {
		vl := v.localized(vd, locale)
		p.Variants = append(p.Variants, variantView{
			ID: vd.ID(), Anchor: variantAnchor(vd), When: when(d, vd), Status: vd.Status(),
			Title:       v.textOf(vl, fieldTitle),
			Message:     v.textOf(vl, fieldMessage),
			Description: v.textOf(vl, fieldDescription),
			Causes:      v.listOf(vl, fieldCauses),
			Resolutions: v.listOf(vl, fieldResolutions),
			Forms:       v.forms(vl),
			ReturnedBy:  v.operations(vd),
		})
	}
	if dep := d.Deprecated(); dep != nil {
		dv := &deprecationView{Since: dep.Since, ReplacedBy: dep.ReplacedBy, Note: dep.Note}
		if dep.ReplacedBy != "" {
			dv.ReplacedByHref = home + codePath(dep.ReplacedBy)
		}
		p.Deprecated = dv
	}
	for _, code := range v.replaces[d.Code()] {
		p.Replaces = append(p.Replaces, link{Href: home + codePath(code), Text: code})
	}
	if len(langs) > 1 {
		p.Translations = v.translations(d, langs)
	}
	v.examples(p, d, locale, h)
	if i, ok := v.index[d.Code()]; ok {
		if i > 0 {
			p.Prev = &link{Href: home + codePath(v.defs[i-1].Code()), Text: v.defs[i-1].Code()}
		}
		if i+1 < len(v.defs) {
			p.Next = &link{Href: home + codePath(v.defs[i+1].Code()), Text: v.defs[i+1].Code()}
		}
	}
	return p
}

// translations lists d's page in each locale of langs, with how far it is translated.
func (v *catalogView) translations(d *errcat.Definition, langs []languageLink) []translationView {
	out := make([]translationView, 0, len(langs))
	for _, l := range langs {
		tv := translationView{Locale: l.Locale, Name: l.Name, Href: l.Href, Current: l.Current}
		switch {
		case l.Locale == v.DefaultLocale:
			tv.State = "the catalog's own texts"
		case d.Translated(l.Locale):
			tv.State = "translated"
			if own := v.ownFields(d, l.Locale); own&fieldMessage.bit() == 0 || own&fieldTitle.bit() == 0 {
				tv.State = "partly translated"
			}
		default:
			tv.State = v.untranslated
		}
		out = append(out, tv)
	}
	return out
}

// examples fills p's example response, written by h, and its gRPC status, for d's
// example values; a code without an example has neither.
func (v *catalogView) examples(p *codePage, d *errcat.Definition, locale string, h *httperr.Handler) {
	e, err := v.c.Example(d)
	if err != nil {
		return
	}
	if vals := exampleValues(e); vals != "" {
		p.ExampleNote = "for " + vals
	}
	retry := time.Duration(0)
	if d.Retryable() {
		retry = exampleRetryAfter
	}
	r := render(h, e, locale, retry, exampleRequestID)
	env := h.Envelope
	p.GRPCExample = grpcExample(e, locale, retry)
	p.Responses = []responseView{{Envelope: r.Envelope, ContentType: r.ContentType(), Text: r.Text(), Open: true}}
	for _, other := range httperr.Envelopes {
		if other.Name() != env.Name() {
			p.OtherEnvelopes = append(p.OtherEnvelopes, other.Name())
		}
	}
}

// heading is what a code's heading shows after the code, as HTML and as plain text:
// its title, else its message, else its name read as words.
func (v *catalogView) heading(l localized) (text, string) {
	for _, f := range []field{fieldTitle, fieldMessage} {
		if t, fb := l.text(f); !t.IsZero() {
			return text{HTML: textHTML(t), Fallback: fb, Lang: v.DefaultLocale}, plain(t)
		}
	}
	if name := l.d.Name(); name != "" {
		h := humanize(name)
		return text{HTML: markup(strings.ReplaceAll(html.EscapeString(h), "\x00", "\uFFFD"))}, h
	}
	return text{}, ""
}

// when says when the runtime chooses variant vd of d: the parameters of d that the
// variant's texts leave out are not given.
func when(d, vd *errcat.Definition) string {
	used := map[int]bool{}
	for _, t := range []errcat.Template{vd.Title(""), vd.Message("")} {
		for _, p := range t.Parts() {
			used[p.Param] = true
		}
	}
	var missing []string
	for i, p := range d.Params() {
		if !used[i] {
			missing = append(missing, p.Name)
		}
	}
	if len(missing) == 0 {
		return "Chosen explicitly"
	}
	return "Used when " + strings.Join(missing, ", ") + " is not given"
}

// exampleValues lists the example's parameter values: "kind = project, id = 42".
func exampleValues(e *errcat.Error) string {
	var parts []string
	for i, p := range e.Definition().Params() {
		if a := e.Args(); i < len(a) {
			parts = append(parts, p.Name+" = "+a[i].String())
		}
	}
	return strings.Join(parts, ", ")
}
