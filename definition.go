package errcat

import (
	"log/slog"
	"sync"
	"sync/atomic"
)

// Definition is one compiled code (or variant of a code) of a [Set]: its identity,
// statuses, parameters and texts in every locale. A Definition constructs [Error]
// values with [Definition.New] and [Definition.Wrap].
//
// A *Definition is also an error value that stands for its code, so that
// errors.Is(err, def) reports whether err carries def's code. Definitions are
// immutable and safe for concurrent use. A definition of a set made by [DecodeSet] is
// compiled the first time it is used, as that function describes; the zero
// Definition is only a placeholder for DecodeSet to fill.
type Definition struct {
	set        *Set
	parent     *Definition
	code, name string
	key        string
	id         string // code, or code[key] for a variant
	docsURL    string
	codeJSON   string // the code as a JSON value, as the set writes codes on the wire
	urlJSON    string // docsURL as a JSON string
	status     int
	grpc       string
	params     []Param
	paramKeys  []string // each param's name as a JSON object key, with the colon
	// locs holds d's compiled texts: the default locale's from the start, and each
	// other locale's from the first time d is used in it until ReleaseTranslations.
	locs atomic.Pointer[localeTexts]
	// trans holds the sources of d's translations, by locale index (nil when d has
	// none), from which locs is compiled; transMu orders the compilations and
	// releases of locs.
	trans       []pendingTexts
	transMu     sync.Mutex
	returnedBy  []string
	category    string
	retryable   bool
	level       slog.Level
	notPublic   bool
	omitMessage bool
	deprecated  *Deprecation
	variants    []*Definition
	// ready reports whether d is compiled; a lazy set's code is compiled from pending
	// on first use.
	ready   atomic.Bool
	pending *pendingDef
}

// localeTexts are the compiled texts of one definition: of the default locale only,
// every slice of length 1, or of some or all locales of its set, every slice of the
// set's number of locales. A locale is compiled when own[i].message is set.
type localeTexts struct {
	// texts are by locale index; texts[0] is the default locale's, and a locale
	// without texts of its own, or not compiled, has nil.
	texts     []*localized
	own       []shownTexts // what an error of the definition renders
	asVariant []shownTexts // what an error of its code shown as this variant renders
}

// has reports whether the locale at index i is compiled.
func (lt *localeTexts) has(i int) bool { return i < len(lt.own) && lt.own[i].message != nil }

// pendingTexts is a translation not compiled yet.
type pendingTexts struct {
	tx Texts
	ok bool // the locale has a translation, perhaps of empty texts
}

// localized holds the parsed texts of one definition in one locale.
type localized struct {
	title, message, summary, description Template
	causes, resolutions                  []Template
}

// shownTexts is the title and message an error renders in one locale, every fallback
// applied once, when the set is compiled: the locale's text, else the default
// locale's, and the message where there is no title; and the values Memos keep for
// them.
type shownTexts struct {
	title, message *Template
	memo           atomic.Pointer[memoSlots]
}

// resolveTexts sets out[i], for each locale i that done reports compiled, to the
// texts it shows; texts may be nil where a locale has no texts of its own, and
// texts[0] is the default locale's.
func resolveTexts(out []shownTexts, texts []*localized, done func(int) bool) {
	fb := texts[0]
	for i, l := range texts {
		if !done(i) {
			continue
		}
		if l == nil {
			l = fb
		}
		r := &out[i]
		r.message = &l.message
		if l.message.IsZero() {
			r.message = &fb.message
		}
		switch {
		case !l.title.IsZero():
			r.title = &l.title
		case !fb.title.IsZero():
			r.title = &fb.title
		default:
			r.title = r.message
		}
	}
}

// Code returns the wire code, such as "000012"; a variant returns its code's.
func (d *Definition) Code() string { return d.code }

// Name returns the UpperCamelCase identifier of the code.
func (d *Definition) Name() string { return d.name }

// Key returns the variant key ("0" for 000037[0]), or "" for a code.
func (d *Definition) Key() string { return d.key }

// ID returns the code for a code and code[key] for a variant, as documentation shows it.
func (d *Definition) ID() string { return d.id }

// Set returns the set the definition belongs to.
func (d *Definition) Set() *Set { return d.set }

// Parent returns the code a variant belongs to, or nil for a code.
func (d *Definition) Parent() *Definition { return d.parent }

// Variants returns the variants of a code, in catalog order. The slice must not be
// modified.
func (d *Definition) Variants() []*Definition {
	d.load()
	return d.variants
}

// Status returns the HTTP status, or 0 when the catalog gives none.
func (d *Definition) Status() int {
	d.load()
	return d.status
}

// GRPC returns the gRPC status code name, such as "NOT_FOUND", or "" when unknown.
func (d *Definition) GRPC() string {
	d.load()
	return d.grpc
}

// Params returns the declared parameters in order. The slice must not be modified.
func (d *Definition) Params() []Param {
	d.load()
	return d.params
}

// ReturnedBy returns the ids of the operations that return the code.
func (d *Definition) ReturnedBy() []string {
	d.load()
	return d.returnedBy
}

// Category returns the code's category, such as "not_found", or "".
func (d *Definition) Category() string {
	d.load()
	return d.category
}

// Retryable reports whether a client may retry the failed request unchanged.
func (d *Definition) Retryable() bool {
	d.load()
	return d.retryable
}

// LogLevel returns the level at which errors of this code are logged.
func (d *Definition) LogLevel() slog.Level {
	d.load()
	return d.level
}

// Public reports whether clients may see this code's own texts and params. When it
// reports false, clients see only the generic text of the status; the texts and the
// cause still reach the log.
func (d *Definition) Public() bool {
	d.load()
	return !d.notPublic
}

// OmitMessage reports whether response bodies leave this code's message out where
// their envelope has room for that, as the bulk envelope's entries do: the code
// alone tells the client. The texts stay public (see [Definition.Public]): docs and
// envelopes that require a text still show them.
func (d *Definition) OmitMessage() bool {
	d.load()
	return d.omitMessage
}

// Deprecated returns the code's deprecation, or nil.
func (d *Definition) Deprecated() *Deprecation {
	d.load()
	return d.deprecated
}

// DocsURL returns the URL of the code's documentation page, or "" when the catalog
// gives no docs_url.
func (d *Definition) DocsURL() string {
	d.load()
	return d.docsURL
}

// AppendCodeJSON appends the code as a JSON value, as it goes on the wire: a number
// when the set's codes are numeric ([Set.NumericCodes]), else a string. It is written
// once, when the set is compiled, so this is a copy.
func (d *Definition) AppendCodeJSON(dst []byte) []byte {
	d.load()
	return append(dst, d.codeJSON...)
}

// AppendDocsURLJSON appends [Definition.DocsURL] as a JSON string, written once when
// the set is compiled.
func (d *Definition) AppendDocsURLJSON(dst []byte) []byte {
	d.load()
	return append(dst, d.urlJSON...)
}

func expandDocsURL(tmpl, code string) string {
	for i := 0; i+6 <= len(tmpl); i++ {
		if tmpl[i:i+6] == "{code}" {
			return tmpl[:i] + code + tmpl[i+6:]
		}
	}
	return tmpl
}

// base returns d's texts in the default locale.
func (d *Definition) base() *localized { return d.locs.Load().texts[0] }

// compiledFor returns d's compiled texts with those of the locale at index i,
// compiling them the first time they are asked for.
func (d *Definition) compiledFor(i int) *localeTexts {
	if lt := d.locs.Load(); lt.has(i) {
		return lt
	}
	return d.translate(i)
}

// translate compiles d's texts in the locale at index i, once, and returns d's
// compiled texts with them.
//
//go:noinline
func (d *Definition) translate(i int) *localeTexts {
	d.transMu.Lock()
	defer d.transMu.Unlock()
	lt := d.locs.Load()
	if lt.has(i) {
		return lt
	}
	next, err := d.set.withLocale(d, lt, i)
	if err != nil {
		// NewSet compiled every translation once before keeping it, and set data is
		// what EncodeSetSpec wrote for such a set.
		panic("errcat: translation of " + d.id + " in set " + d.set.name + " no longer compiles: " + err.Error())
	}
	d.locs.Store(next)
	return next
}

// release drops d's compiled translations, keeping its default locale's texts and
// their Memo values.
func (d *Definition) release() {
	if d.trans == nil {
		return // without translations every locale is the default's
	}
	d.transMu.Lock()
	defer d.transMu.Unlock()
	lt := d.locs.Load()
	if len(lt.texts) == 1 {
		return
	}
	// A slice of its own: lt.texts[:1] would keep the translations reachable.
	base := d.set.resolveLocales(d, []*localized{lt.texts[0]}, nil)
	carryMemos(base, lt)
	d.locs.Store(base)
}

// carryMemos gives next the Memo values of every locale lt and next both have
// compiled: their texts are the same.
func carryMemos(next, lt *localeTexts) {
	for j := range min(len(next.own), len(lt.own)) {
		if next.has(j) && lt.has(j) {
			next.own[j].memo.Store(lt.own[j].memo.Load())
			if lt.asVariant != nil {
				next.asVariant[j].memo.Store(lt.asVariant[j].memo.Load())
			}
		}
	}
}

// in returns d's texts for locale, falling back along the locale chain to the default.
func (d *Definition) in(locale string) *localized {
	if d.set != nil && len(d.set.locales) > 1 {
		if i := d.set.localeIndex(locale); i > 0 && d.trans != nil && d.trans[i].ok {
			return d.compiledFor(i).texts[i]
		}
	}
	return d.base()
}

// Translated reports whether d has texts of its own in locale (or in a locale that
// locale falls back to, other than the default locale).
func (d *Definition) Translated(locale string) bool {
	d.load()
	if d.set == nil {
		return false
	}
	i, ok := d.set.localeMatch(locale)
	if !ok || i == 0 {
		return ok
	}
	// Answered from the sources, without compiling: a documentation page asks it of
	// every locale.
	return d.trans != nil && d.trans[i].ok
}

// pick returns t, or the default locale's fb when t is empty, so that a translation
// that leaves a text out falls back to the default text.
func pick(t, fb Template) Template {
	if t.IsZero() {
		return fb
	}
	return t
}

// Title returns the title template in locale, with fallback to the default locale.
func (d *Definition) Title(locale string) Template {
	d.load()
	return pick(d.in(locale).title, d.base().title)
}

// Message returns the message template in locale, with fallback to the default locale.
func (d *Definition) Message(locale string) Template {
	d.load()
	return pick(d.in(locale).message, d.base().message)
}

// Summary returns the short description in locale, with fallback to the default locale.
func (d *Definition) Summary(locale string) Template {
	d.load()
	return pick(d.in(locale).summary, d.base().summary)
}

// Description returns the description in locale, with fallback to the default locale.
func (d *Definition) Description(locale string) Template {
	d.load()
	return pick(d.in(locale).description, d.base().description)
}

// Causes returns the root causes in locale, with fallback to the default locale. The
// slice must not be modified.
func (d *Definition) Causes(locale string) []Template {
	d.load()
	if l := d.in(locale); len(l.causes) > 0 {
		return l.causes
	}
	return d.base().causes
}

// Resolutions returns the resolutions in locale, with fallback to the default locale.
// The slice must not be modified.
func (d *Definition) Resolutions(locale string) []Template {
	d.load()
	if l := d.in(locale); len(l.resolutions) > 0 {
		return l.resolutions
	}
	return d.base().resolutions
}

// Error returns "code: title" so that a Definition reads well where it is used as a
// sentinel error.
func (d *Definition) Error() string {
	d.load()
	return d.id + ": " + d.base().title.String()
}

// New returns an error of this code with args as its parameter values, in the order of
// [Definition.Params]. Missing trailing values are treated as not given. New copies
// args and does no formatting; for up to two parameters it allocates only the Error.
func (d *Definition) New(args ...Value) *Error { return newError(d, nil, args) }

// Wrap is like [Definition.New] and records cause as the error's cause, returned by
// [Error.Unwrap].
func (d *Definition) Wrap(cause error, args ...Value) *Error { return newError(d, cause, args) }
