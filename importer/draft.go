// Package importer builds a catalog from what teams already have: Markdown tables and
// per-code sections, plain-text pages, CSV, Java messages.properties files and JSON.
// It infers params from placeholders, names from titles and, where the source has
// none, HTTP statuses from the text; it turns a code that appears several times into
// one code with variants; it keeps every text; and it reports what it inferred and
// what it could not map.
package importer

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/lint"
)

// Draft is an imported catalog, ready to be written as catalog files.
type Draft struct {
	Name         string
	Title        string
	Description  string
	WireCode     string
	Operations   []*Operation
	Errors       []*Entry
	Translations map[string][]*Entry // locale → texts by code
	// Notes report what was inferred and what could not be mapped, one a line.
	Notes []string

	// codeInBody reports whether the source shows the code travelling in the
	// response body with no HTTP status (a {message, code, data} body): statuses
	// are then not inferred, since the transport status is not per code.
	codeInBody bool

	byCode   map[string]*Entry // the entries of Errors by code, for add
	headings map[string]bool   // the sections whose headings were noted
	ops      map[string]bool   // the ids of Operations, for operation
}

// Entry is one imported code (or variant).
type Entry struct {
	Code string
	// Key is the variant key a table row gave as CODE[key]; empty for a code.
	Key    string
	Name   string
	Status int
	// Texts are the title, message, summary, description, causes and resolutions.
	errcat.Texts
	ExampleField string
	ReturnedBy   []string
	Variants     []*Entry
	// Params are the names of the named placeholders ({min}) the texts use, in
	// order; positional ones ({0}) are found in the texts. A name the texts use
	// that is not here is literal text.
	Params []string
	// ParamExamples holds example values of Params by name, where the source
	// shows one.
	ParamExamples map[string]string
	// Private reports whether the source says clients must not see the code's
	// texts (public: false).
	Private bool

	fromExample bool     // the message is an example response's, with values in it
	opPhrases   []string // the operations a table cell names, resolved once its footnotes are read
}

// Operation is an operation the source names as returning errors.
type Operation struct {
	ID, Title, Description string
	Group                  bool
}

func (d *Draft) note(format string, args ...any) {
	d.Notes = append(d.Notes, fmt.Sprintf(format, args...))
}

// add appends e, or makes it a variant of the code it repeats.
func (d *Draft) add(e *Entry) {
	if d.byCode == nil {
		d.byCode = map[string]*Entry{}
		for _, prev := range d.Errors {
			if d.byCode[prev.Code] == nil {
				d.byCode[prev.Code] = prev
			}
		}
	}
	if prev := d.byCode[e.Code]; prev != nil {
		d.note("%s appears %d times: the later texts became variants %s[%d]", e.Code, len(prev.Variants)+2, e.Code, len(prev.Variants))
		prev.Variants = append(prev.Variants, e)
		return
	}
	d.byCode[e.Code] = e
	d.Errors = append(d.Errors, e)
}

// placeholderRE matches the positional placeholders imported texts may use: {0} to
// {99}; anything else in braces is literal text.
var placeholderRE = regexp.MustCompile(`\{(\d{1,2})\}`)

// params returns the positional params the texts, which are templates, use: {0} →
// p0, up to the highest.
func params(texts ...string) []string {
	high := -1
	for _, t := range texts {
		tmpl, err := errcat.ParseTemplate(t)
		if err != nil {
			continue // not a template: the catalog will say where
		}
		for _, p := range tmpl.Placeholders() {
			if p.Index <= 99 { // bounded, as the catalog bounds params
				high = max(high, p.Index) // {{0}} is literal text, no placeholder
			}
		}
	}
	out := make([]string, high+1)
	for i := range out {
		out[i] = fmt.Sprintf("p%d", i)
	}
	return out
}

// finish names every entry and, when the source gives no status at all, infers them
// from the text. A source that gives statuses but leaves some out keeps the gaps, for
// lint to report as the source's mistakes.
func (d *Draft) finish() {
	kept := d.Errors[:0]
	for _, e := range d.Errors {
		switch why := codeProblem(e.Code); {
		case e.Code == "":
			d.note("an entry without a code was skipped (message %q)", e.Message)
			continue
		case why != "":
			d.note("%q: skipped: %s", e.Code, why)
			continue
		}
		d.checkStatus(e, e.Code)
		for i, v := range e.Variants {
			d.checkStatus(v, fmt.Sprintf("%s[%d]", e.Code, i))
		}
		kept = append(kept, e)
	}
	d.Errors = kept
	for _, loc := range slices.Sorted(maps.Keys(d.Translations)) {
		d.Translations[loc] = slices.DeleteFunc(d.Translations[loc], func(e *Entry) bool {
			why := codeProblem(e.Code)
			if why != "" {
				d.note("%s translation of %q: skipped: %s", loc, e.Code, why)
			}
			return why != ""
		})
	}
	infer := !d.codeInBody && !slices.ContainsFunc(d.Errors, func(e *Entry) bool { return e.Status != 0 })
	if d.codeInBody {
		d.note("the source shows the code in the response body and gives no HTTP statuses: none were inferred; declare the status the API answers with")
	}
	used := map[string]bool{}
	for _, e := range d.Errors {
		d.ensureMessage(e)
		for _, v := range e.Variants {
			d.ensureMessage(v)
		}
		base := e.Title
		if base == "" {
			base = e.Message
		}
		if e.Name != "" { // named by the importer: kept, made distinct
			e.Name = identifier(e.Name, e.Code, used)
		} else {
			e.Name = identifier(base, e.Code, used)
		}
		if e.Status == 0 && infer {
			if s, why := lint.SuggestStatus(e.Title + " " + e.Message); s != 0 {
				e.Status = s
				d.note("%s: status %d inferred from the text (%s): check it", e.Code, s, why)
			} else {
				d.note("%s: no status in the source, none inferred: lint will report it", e.Code)
			}
		} else if e.Status == 0 && !d.codeInBody {
			d.note("%s: the source gives no status for this code: lint will report it", e.Code)
		}
	}
}

// codeProblem says why code cannot be a catalog code, or returns "" when it can.
func codeProblem(code string) string {
	switch {
	case code == "":
		return "the entry has no code"
	case !catalog.CodeSyntaxOK(code):
		return "a catalog code cannot hold brackets, braces or white space; rename it in the source"
	case !utf8.ValidString(code):
		return "the code is not valid UTF-8; convert the source to UTF-8 (iconv -t UTF-8)"
	case len(code) > catalog.MaxKeyLength:
		return fmt.Sprintf("the code is longer than %d bytes, the longest key a catalog file holds; shorten it in the source", catalog.MaxKeyLength)
	}
	return ""
}

// checkStatus drops a status that is not an HTTP status (100 to 599), which the
// catalog would refuse, and says so: the source's number is kept in the note.
func (d *Draft) checkStatus(e *Entry, where string) {
	if e.Status != 0 && (e.Status < 100 || e.Status > 599) {
		d.note("%s: status %d in the source is not an HTTP status (100 to 599): dropped", where, e.Status)
		e.Status = 0
	}
}

// identifier makes an UpperCamelCase name of at most five words of text.
func identifier(text, code string, used map[string]bool) string {
	text = placeholderRE.ReplaceAllString(text, " ")
	var words []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if slices.Contains([]string{"a", "an", "the", "of", "to", "is", "be", "for", "with", "and", "or", "in", "please"}, strings.ToLower(w)) {
			continue
		}
		words = append(words, strings.ToUpper(w[:1])+w[1:])
		if len(words) == 5 {
			break
		}
	}
	name := strings.Join(words, "")
	if name == "" || !unicode.IsLetter(rune(name[0])) || name[0] >= 0x80 {
		name = "Code" + name
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return -1
	}, name)
	if used[name] {
		name += strings.Map(func(r rune) rune {
			if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return r
			}
			return -1
		}, code)
	}
	for base, n := name, 2; used[name]; n++ {
		name = base + "N" + strconv.Itoa(n)
	}
	used[name] = true
	return name
}

// escape makes text a template that renders as itself, but for {N} placeholders and
// those named by names.
func escape(text string, names ...string) string {
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	formats := formatSpans(text)
	for _, loc := range anyPlaceholderRE.FindAllStringSubmatchIndex(text, -1) {
		if slices.ContainsFunc(formats, func(s [2]int) bool { return loc[0] > s[0] && loc[0] < s[1] }) {
			continue // inside a MessageFormat construct, which stays literal as a whole
		}
		name := text[loc[2]:loc[3]]
		if name[0] < '0' || name[0] > '9' {
			if !slices.Contains(names, name) || loc[0] > 0 && strings.ContainsRune("${", rune(text[loc[0]-1])) ||
				loc[1] < len(text) && text[loc[1]] == '}' {
				continue // literal: not a param, an expression's, or in doubled braces
			}
		}
		escapeBraces(&b, text[last:loc[0]])
		b.WriteString(text[loc[0]:loc[1]])
		last = loc[1]
	}
	escapeBraces(&b, text[last:])
	return b.String()
}

// formatSpans returns where text holds MessageFormat constructs with a format,
// {0,number,integer} or {0,choice,0#none|1<{0} items}: from the opening brace to
// past its matching closing one, nested braces included. A construct left open runs
// to the end of text.
func formatSpans(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); i++ {
		if text[i] != '{' || !formatStart(text[i+1:]) {
			continue
		}
		depth, j := 0, i
		for ; j < len(text); j++ {
			if text[j] == '{' {
				depth++
			} else if text[j] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		end := min(j+1, len(text))
		out = append(out, [2]int{i, end})
		i = end - 1
	}
	return out
}

// formatStart reports whether s, the text after an opening brace, starts a
// MessageFormat construct with a format: an argument number, then a comma.
func formatStart(s string) bool {
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n > 0 && n < len(s) && s[n] == ','
}

// anyPlaceholderRE matches what may be a placeholder: {0} to {99}, or {name}.
var anyPlaceholderRE = regexp.MustCompile(`\{(\d{1,2}|[A-Za-z_][A-Za-z0-9_]*)\}`)

// escapeBraces writes s with its braces doubled.
func escapeBraces(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			b.WriteString("{{")
		case '}':
			b.WriteString("}}")
		default:
			b.WriteByte(s[i])
		}
	}
}

// clean trims and escapes a text for the catalog, and drops control characters,
// which no doc means and which YAML cannot hold unquoted. Placeholders {N} and
// those named by names stay placeholders.
func clean(text string, names ...string) string { return escape(plainText(text), names...) }

// plainText folds white space and drops control characters.
func plainText(text string) string {
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text)
	return strings.Join(strings.Fields(text), " ")
}

// ensureMessage gives an entry without a message the best text it has, and says so.
func (d *Draft) ensureMessage(e *Entry) {
	if e.Message != "" {
		return
	}
	for _, t := range []string{e.Title, e.Summary, e.Description} {
		if t != "" {
			e.Message = t
			d.note("%s: no message in the source; its other text became the message", e.Code)
			return
		}
	}
	e.Message = "Error " + e.Code + "."
	d.note("%s: no text at all in the source; the message is a placeholder: write one", e.Code)
}
