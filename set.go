package errcat

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/errcat/errcat/internal/jsontext"
	"github.com/errcat/errcat/internal/parallel"
)

// Set is a compiled catalog: every [Definition] of one API, its locales and metadata.
// Build one with [NewSet] from the catalog loader's output or from generated code. A
// Set is immutable and safe for concurrent use.
type Set struct {
	name, title, version string
	docsURL              string
	numeric              bool
	response             ResponseSpec
	locales              []string // locales[0] is the default locale
	defs                 []*Definition
	byID                 map[string]*Definition // codes, and variants unless lazy
	// lazy is set when definitions are compiled on first use; byID, which then holds
	// codes only, is made on the first Lookup.
	lazy *sync.Once
}

// Name returns the catalog's name, the domain of its errors.
func (s *Set) Name() string { return s.name }

// Title returns the catalog's human title.
func (s *Set) Title() string { return s.title }

// Version returns the catalog's version.
func (s *Set) Version() string { return s.version }

// DocsURL returns the catalog's documentation URL template, with "{code}" in it.
func (s *Set) DocsURL() string { return s.docsURL }

// NumericCodes reports whether codes are written as JSON numbers on the wire.
func (s *Set) NumericCodes() bool { return s.numeric }

// Response returns the wire shape the catalog declares: the envelope its API answers
// with and its options, or the zero ResponseSpec when it declares none. HTTP layers
// answer with it unless the program configures an envelope of its own.
func (s *Set) Response() ResponseSpec { return s.response }

// DefaultLocale returns the locale of the catalog's own texts.
func (s *Set) DefaultLocale() string { return s.locales[0] }

// Locales returns every locale of the set, the default first. The slice must not be
// modified.
func (s *Set) Locales() []string { return s.locales }

// Definitions returns the set's codes in catalog order, without their variants (see
// [Definition.Variants]). The slice must not be modified.
func (s *Set) Definitions() []*Definition { return s.defs }

// Lookup returns the definition of a code ("000012") or of a variant ("000037[0]"),
// or nil when the set has none.
func (s *Set) Lookup(id string) *Definition {
	if s == nil {
		return nil
	}
	if s.lazy != nil {
		return s.lookupLazy(id)
	}
	return s.byID[id]
}

// lookupLazy is Lookup for a lazy set: it indexes the codes on the first call, and
// finds a variant ("000037[0]") among its code's.
func (s *Set) lookupLazy(id string) *Definition {
	s.lazy.Do(func() {
		byID := make(map[string]*Definition, len(s.defs))
		for _, d := range s.defs {
			if _, dup := byID[d.code]; !dup {
				byID[d.code] = d
			}
		}
		s.byID = byID
	})
	if d := s.byID[id]; d != nil {
		return d
	}
	i := strings.IndexByte(id, '[')
	if i < 0 {
		return nil
	}
	d := s.byID[id[:i]]
	if d == nil {
		return nil
	}
	for _, v := range d.Variants() {
		if v.id == id {
			return v
		}
	}
	return nil
}

// MatchLocale returns the set's locale that tag falls back to: tag itself, then tag
// with its last subtag removed ("pt-BR" → "pt"), and so on, then the default locale.
// Matching ignores case and treats "_" as "-".
func (s *Set) MatchLocale(tag string) string { return s.locales[s.localeIndex(tag)] }

// localeIndex returns the index in s.locales of the locale tag falls back to.
// It allocates nothing.
func (s *Set) localeIndex(tag string) int {
	i, _ := s.localeMatch(tag)
	return i
}

// localeMatch is localeIndex that also reports whether tag matched a locale of the set
// rather than falling back to the default for want of any.
func (s *Set) localeMatch(tag string) (int, bool) {
	// A tag the set itself gave out, as negotiation returns, is found without
	// folding case.
	for i, l := range s.locales {
		if l == tag {
			return i, true
		}
	}
	for tag != "" {
		for i, l := range s.locales {
			if sameTag(l, tag) {
				return i, true
			}
		}
		j := strings.LastIndexAny(tag, "-_")
		if j < 0 {
			break
		}
		tag = tag[:j]
	}
	return 0, false
}

func sameTag(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == '_' {
			x = '-'
		}
		if y == '_' {
			y = '-'
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// NewSet compiles spec into a Set: it parses every template, binds placeholders to
// parameters and checks that codes and names are unique. It reports every problem it
// finds, joined, each prefixed with the code it concerns.
//
// The set keeps the default locale's texts compiled. A code's translation, checked
// here, is compiled again the first time the code is used in its locale (rendered,
// or its texts read), once, safely for concurrent use: a set holds compiled only the
// locales its program uses.
func NewSet(spec SetSpec) (*Set, error) {
	s := newSet(spec)
	// The identity of every code is checked first, in order; the codes are then
	// compiled on every processor, each on its own, and their problems reported in
	// catalog order.
	type job struct {
		d    *Definition
		sp   *Spec
		errs []error // of its identity, then of its compilation
	}
	jobs := make([]job, len(spec.Errors))
	taken := make(map[string]bool, len(spec.Errors))
	names := make(map[string]string, len(spec.Errors))
	for i := range spec.Errors {
		sp, j := &spec.Errors[i], &jobs[i]
		if sp.Code == "" {
			j.errs = append(j.errs, fmt.Errorf("error #%d: code is empty", i+1))
			continue
		}
		if taken[sp.Code] {
			j.errs = append(j.errs, fmt.Errorf("%s: duplicate code", sp.Code))
			continue
		}
		if sp.Name != "" {
			if other, dup := names[sp.Name]; dup {
				j.errs = append(j.errs, fmt.Errorf("%s: name %s is already used by %s", sp.Code, sp.Name, other))
			}
			names[sp.Name] = sp.Code
		}
		taken[sp.Code] = true
		for _, v := range sp.Variants {
			taken[sp.Code+"["+v.Key+"]"] = true
		}
		j.d, j.sp = &Definition{}, sp
	}
	compile := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if j := &jobs[i]; j.d != nil {
				if err := s.compile(j.d, j.sp, nil); err != nil {
					j.errs = append(j.errs, err)
				}
			}
		}
	}
	if len(jobs) < parallelCodes {
		compile(0, len(jobs))
	} else {
		parallel.Chunks(len(jobs), 64, compile)
	}
	s.byID = make(map[string]*Definition, len(spec.Errors))
	var errs []error
	for _, j := range jobs {
		errs = append(errs, j.errs...)
		if j.d == nil {
			continue
		}
		s.byID[j.d.id] = j.d
		for _, v := range j.d.variants {
			s.byID[v.id] = v
		}
		if len(j.errs) == 0 {
			s.defs = append(s.defs, j.d)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// parallelCodes is the number of codes from which NewSet compiles on every processor.
const parallelCodes = 512

// ReleaseTranslations drops the compiled translations of every code of the set that
// has them; each is compiled again from its sources the next time it is used, as
// [NewSet] describes. Errors and templates obtained before stay valid. A program that
// goes through a large catalog's codes once in every locale, as a documentation build
// does, calls it as it goes, so that it holds compiled the translations of the codes
// at hand rather than of all. It is safe to call concurrently with any use of the
// set; on a set made by [DecodeSet] it releases only the codes compiled already.
func (s *Set) ReleaseTranslations() {
	for _, d := range s.defs {
		if !d.ready.Load() {
			continue
		}
		d.release()
		for _, v := range d.variants {
			v.release()
		}
	}
}

// newSet returns a Set of spec's catalog fields, without definitions.
func newSet(spec SetSpec) *Set {
	def := spec.DefaultLocale
	if def == "" {
		def = "en"
	}
	return &Set{
		name:     spec.Name,
		title:    spec.Title,
		version:  spec.Version,
		docsURL:  spec.DocsURL,
		numeric:  spec.NumericCodes,
		response: spec.Response,
		locales:  append([]string{def}, spec.Locales...),
	}
}

// MustNewSet is like [NewSet] but panics on error. It is meant for generated code,
// whose catalog was checked when it was generated.
func MustNewSet(spec SetSpec) *Set {
	s, err := NewSet(spec)
	if err != nil {
		panic("errcat: " + err.Error())
	}
	return s
}

// compile builds into d the definition of sp, a code when parent is nil, else a
// variant. The fields a lazy set's placeholder already holds (set, code, name, id) are
// written only when d has no set yet, so that readers of those fields never race with
// compile.
func (s *Set) compile(d *Definition, sp *Spec, parent *Definition) error {
	errs := s.compileFields(d, sp, parent)
	errs = append(errs, s.compileLocales(d, sp, parent)...)
	for i := range sp.Variants {
		v := &Definition{}
		err := s.compile(v, &sp.Variants[i], d)
		for _, w := range d.variants {
			if w.key == v.key {
				err = errors.Join(err, fmt.Errorf("%s: duplicate variant key", v.id))
			}
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		d.variants = append(d.variants, v)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	d.ready.Store(true)
	return nil
}

// compileFields sets d's fields other than its texts and variants, with the JSON
// forms of its code, docs URL and param names written once, and reports params whose
// names are not identifiers.
func (s *Set) compileFields(d *Definition, sp *Spec, parent *Definition) []error {
	if d.set == nil {
		d.set, d.code, d.name, d.id = s, sp.Code, sp.Name, sp.Code
		d.parent, d.key = parent, sp.Key
	}
	d.status, d.grpc, d.params, d.returnedBy = sp.Status, sp.GRPC, sp.Params, sp.ReturnedBy
	d.category, d.retryable, d.level = sp.Category, sp.Retryable, sp.LogLevel
	d.notPublic, d.omitMessage, d.deprecated = sp.NotPublic, sp.OmitMessage, sp.Deprecated
	if parent != nil {
		d.code, d.id = parent.code, parent.code+"["+sp.Key+"]"
		inherit(d, parent)
	}
	if s.docsURL != "" {
		d.docsURL = expandDocsURL(s.docsURL, d.code)
	}
	d.urlJSON = string(jsontext.AppendString(nil, d.docsURL))
	if s.numeric && isNumber(d.code) {
		d.codeJSON = d.code
	} else {
		d.codeJSON = string(jsontext.AppendString(nil, d.code))
	}
	d.paramKeys = make([]string, len(d.params))
	for i := range d.params {
		d.paramKeys[i] = string(jsontext.AppendString(nil, d.params[i].Name)) + ":"
		if d.params[i].Kind == KindInvalid {
			d.params[i].Kind = KindString
		}
	}
	var errs []error
	for _, p := range sp.Params {
		if !isIdentifier(p.Name) {
			errs = append(errs, fmt.Errorf("%s: param name %q must be an identifier: letters, digits and _, not starting with a digit", d.id, p.Name))
		}
	}
	return errs
}

// compileLocales parses d's texts in the default locale, and each translation to
// check it; it keeps the translations to compile again the first time d is used in
// their locale (see Definition.translate), so that a set holds compiled only the
// locales its program uses.
func (s *Set) compileLocales(d *Definition, sp *Spec, parent *Definition) []error {
	var errs []error
	fail := func(err error) { errs = append(errs, fmt.Errorf("%s: %w", d.id, err)) }
	var fb *localized
	if parent != nil {
		fb = parent.base()
	}
	l, err := compileTexts(sp.Texts, d.params, fb, s.locales[0])
	if err != nil {
		fail(err)
	} else if l.message.IsZero() {
		fail(errors.New("message is empty"))
	}
	var trans []pendingTexts
	for loc, tx := range sp.Translations {
		i := s.localeIndex(loc)
		if i == 0 || !sameTag(s.locales[i], loc) {
			fail(fmt.Errorf("translation locale %q is not a locale of the set", loc))
			continue
		}
		if _, err := compileTexts(tx, d.params, nil, s.locales[i]); err != nil {
			fail(fmt.Errorf("locale %s: %w", loc, err))
			continue
		}
		if trans == nil {
			trans = make([]pendingTexts, len(s.locales))
		}
		trans[i] = pendingTexts{tx: tx, ok: true}
	}
	if trans == nil {
		// Without translations every locale shows the default texts: compiled
		// already.
		texts := make([]*localized, len(s.locales))
		texts[0] = l
		d.locs.Store(s.resolveLocales(d, texts, nil))
		return errs
	}
	d.trans = trans
	d.locs.Store(s.resolveLocales(d, []*localized{l}, nil))
	return errs
}

// withLocale returns lt, d's compiled texts, with the locale at index i compiled
// too, from d's translation sources.
func (s *Set) withLocale(d *Definition, lt *localeTexts, i int) (*localeTexts, error) {
	texts := make([]*localized, len(s.locales))
	copy(texts, lt.texts)
	var err error
	if p := d.trans; p != nil && p[i].ok {
		if texts[i], err = compileTexts(p[i].tx, d.params, nil, s.locales[i]); err != nil {
			err = fmt.Errorf("locale %s: %w", s.locales[i], err)
		}
	}
	next := s.resolveLocales(d, texts, func(j int) bool { return j == 0 || j == i || lt.has(j) })
	carryMemos(next, lt)
	return next, err
}

// resolveLocales resolves the texts each locale of texts that done reports compiled
// (every one when done is nil) shows, falling back as a variant or a locale does.
func (s *Set) resolveLocales(d *Definition, texts []*localized, done func(int) bool) *localeTexts {
	if done == nil {
		done = func(int) bool { return true }
	}
	lt := &localeTexts{texts: texts, own: make([]shownTexts, len(texts))}
	resolveTexts(lt.own, texts, done)
	if p := d.parent; p != nil {
		lt.asVariant = make([]shownTexts, len(texts))
		if sameParams(d, p) {
			// The same texts, apart from own so that a Memo tells the two ways apart.
			resolveTexts(lt.asVariant, texts, done)
		} else {
			resolveTexts(lt.asVariant, remapAll(texts, d, p), done)
		}
	}
	return lt
}

// inherit fills a variant's unset fields from its code.
func inherit(v, p *Definition) {
	if v.name == "" {
		v.name = p.name
	}
	if v.status == 0 {
		v.status = p.status
	}
	if v.grpc == "" {
		v.grpc = p.grpc
	}
	if v.params == nil {
		v.params = p.params
	}
	if v.returnedBy == nil {
		v.returnedBy = p.returnedBy
	}
	if v.category == "" {
		v.category = p.category
	}
	if v.level == 0 {
		v.level = p.level
	}
	v.retryable = v.retryable || p.retryable
	v.notPublic = v.notPublic || p.notPublic
	v.omitMessage = v.omitMessage || p.omitMessage
	if v.deprecated == nil {
		v.deprecated = p.deprecated
	}
}

// compileTexts parses and binds every text of tx, in locale; empty texts take fb's,
// if any.
func compileTexts(tx Texts, params []Param, fb *localized, locale string) (*localized, error) {
	l := &localized{}
	var errs []error
	one := func(field, src string, fallback Template) Template {
		if src == "" {
			return fallback
		}
		t, err := ParseTemplate(src)
		t.locale = locale
		if t.msg != nil {
			t.msg.setLocale(locale)
		}
		if err == nil {
			err = t.bind(params)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", field, err))
		}
		return t
	}
	var zero localized
	if fb == nil {
		fb = &zero
	}
	l.title = one("title", tx.Title, fb.title)
	l.message = one("message", tx.Message, fb.message)
	l.summary = one("summary", tx.Summary, fb.summary)
	l.description = one("description", tx.Description, fb.description)
	l.causes = fb.causes
	if tx.Causes != nil {
		l.causes = make([]Template, len(tx.Causes))
		for i, c := range tx.Causes {
			l.causes[i] = one(fmt.Sprintf("causes[%d]", i), c, Template{})
		}
	}
	l.resolutions = fb.resolutions
	if tx.Resolutions != nil {
		l.resolutions = make([]Template, len(tx.Resolutions))
		for i, c := range tx.Resolutions {
			l.resolutions[i] = one(fmt.Sprintf("resolutions[%d]", i), c, Template{})
		}
	}
	return l, errors.Join(errs...)
}

// remapAll returns texts, v's, with placeholders renumbered to p's params by name, so
// a variant with params of its own can be rendered with its code's arguments. A param
// p does not have renders as missing.
func remapAll(texts []*localized, v, p *Definition) []*localized {
	m := make([]int, len(v.params))
	for i, vp := range v.params {
		m[i] = -1
		for j, pp := range p.params {
			if pp.Name == vp.Name {
				m[i] = j
			}
		}
	}
	re := func(t Template) Template {
		if t.msg != nil {
			return Template{src: t.src, msg: t.msg.remap(t.src, v.params, m), locale: t.locale}
		}
		segs := slices.Clone(t.segs)
		for i := range segs {
			if segs[i].ph && segs[i].arg >= 0 {
				segs[i].arg = m[segs[i].arg]
			}
		}
		return Template{src: t.src, segs: segs, locale: t.locale}
	}
	res := func(ts []Template) []Template {
		out := make([]Template, len(ts))
		for i, t := range ts {
			out[i] = re(t)
		}
		return out
	}
	out := make([]*localized, len(texts))
	for i, l := range texts {
		if l == nil {
			continue
		}
		out[i] = &localized{
			title: re(l.title), message: re(l.message), summary: re(l.summary),
			description: re(l.description), causes: res(l.causes), resolutions: res(l.resolutions),
		}
	}
	return out
}

// isNumber reports whether code is a JSON number as numeric wire codes are: decimal
// digits without leading zeros, or 0.
func isNumber(code string) bool {
	if code == "" || code[0] == '0' && len(code) > 1 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}

// isIdentifier reports whether name is [A-Za-z_][A-Za-z0-9_]*: a param name that
// needs no escaping in JSON, logs or generated code.
func isIdentifier(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// sameParams reports whether variant v has its code p's params, by name in order: then
// v's placeholders already number p's arguments.
func sameParams(v, p *Definition) bool {
	if len(v.params) != len(p.params) {
		return false
	}
	for i := range v.params {
		if v.params[i].Name != p.params[i].Name {
			return false
		}
	}
	return true
}
