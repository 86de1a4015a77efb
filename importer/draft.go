// Package importer builds a catalog from what teams already have: Markdown tables and
// per-code sections, plain-text pages, CSV, Java messages.properties files and JSON.
// It infers params from placeholders, names from titles and, where the source has
// none, HTTP statuses from the text; it turns a code that appears several times into
// one code with variants; it keeps every text; and it reports what it inferred and
// what it could not map.
package importer

import (
	"encoding/json"
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
	"github.com/goccy/go-yaml"
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
	for _, prev := range d.Errors {
		if prev.Code == e.Code {
			d.note("%s appears %d times: the later texts became variants %s[%d]", e.Code, len(prev.Variants)+2, e.Code, len(prev.Variants))
			prev.Variants = append(prev.Variants, e)
			return
		}
	}
	d.Errors = append(d.Errors, e)
}

// placeholderRE matches the positional placeholders imported texts may use: {0} to
// {99}; anything else in braces is literal text.
var placeholderRE = regexp.MustCompile(`\{(\d{1,2})\}`)

// params returns the positional params the texts use: {0} → p0, up to the highest.
func params(texts ...string) []string {
	high := -1
	for _, t := range texts {
		for _, m := range placeholderRE.FindAllStringSubmatch(t, -1) {
			n, _ := strconv.Atoi(m[1]) // decimal: {010} is ten, not octal eight
			high = max(high, n)
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
	infer := !slices.ContainsFunc(d.Errors, func(e *Entry) bool { return e.Status != 0 })
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
		e.Name = identifier(base, e.Code, used)
		if e.Status == 0 && infer {
			if s, why := lint.SuggestStatus(e.Title + " " + e.Message); s != 0 {
				e.Status = s
				d.note("%s: status %d inferred from the text (%s): check it", e.Code, s, why)
			} else {
				d.note("%s: no status in the source, none inferred: lint will report it", e.Code)
			}
		} else if e.Status == 0 {
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

// q is a string that marshals as a double-quoted YAML scalar (JSON's quoting, which
// YAML reads), whatever it holds: the YAML encoder's own choice of quoting misses some
// strings that start with an indicator.
type q string

// MarshalYAML returns the string JSON-quoted.
func (s q) MarshalYAML() ([]byte, error) { return json.Marshal(string(s)) }

func qs(ss []string) []q {
	out := make([]q, len(ss))
	for i, s := range ss {
		out[i] = q(s)
	}
	return out
}

// YAML writes the draft's catalog file.
func (d *Draft) YAML() ([]byte, error) {
	type param struct {
		Name q `yaml:"name"`
	}
	type example struct {
		Field q `yaml:"field"`
	}
	type variant struct {
		Key         q   `yaml:"key"`
		Status      int `yaml:"status,omitempty"`
		Title       q   `yaml:"title,omitempty"`
		Message     q   `yaml:"message"`
		Summary     q   `yaml:"summary,omitempty"`
		Description q   `yaml:"description,omitempty"`
		Causes      []q `yaml:"causes,omitempty"`
		Resolutions []q `yaml:"resolutions,omitempty"`
	}
	type entry struct {
		Code        q         `yaml:"code"`
		Name        q         `yaml:"name"`
		Status      int       `yaml:"status,omitempty"`
		Title       q         `yaml:"title,omitempty"`
		Message     q         `yaml:"message"`
		Summary     q         `yaml:"summary,omitempty"`
		Params      []param   `yaml:"params,omitempty"`
		Description q         `yaml:"description,omitempty"`
		Causes      []q       `yaml:"causes,omitempty"`
		Resolutions []q       `yaml:"resolutions,omitempty"`
		ReturnedBy  []q       `yaml:"returned_by,omitempty"`
		Examples    []example `yaml:"examples,omitempty"`
		Variants    []variant `yaml:"variants,omitempty"`
	}
	type operation struct {
		Title       q    `yaml:"title"`
		Description q    `yaml:"description,omitempty"`
		Group       bool `yaml:"group,omitempty"`
	}
	type file struct {
		Catalog     q             `yaml:"catalog"`
		Title       q             `yaml:"title,omitempty"`
		Description q             `yaml:"description,omitempty"`
		WireCode    q             `yaml:"wire_code,omitempty"`
		Operations  yaml.MapSlice `yaml:"operations,omitempty"`
		Errors      []entry       `yaml:"errors"`
	}
	f := file{Catalog: q(d.Name), Title: q(plainText(d.Title)), Description: q(plainText(d.Description)), WireCode: q(d.WireCode)}
	for _, op := range d.Operations {
		f.Operations = append(f.Operations, yaml.MapItem{Key: op.ID, Value: operation{Title: q(op.Title), Description: q(op.Description), Group: op.Group}})
	}
	for _, e := range d.Errors {
		texts := []string{e.Title, e.Message, e.Summary, e.Description}
		texts = append(append(texts, e.Causes...), e.Resolutions...)
		out := entry{Code: q(e.Code), Name: q(e.Name), Status: e.Status, Title: q(e.Title), Message: q(e.Message), Summary: q(e.Summary),
			Description: q(e.Description), Causes: qs(e.Causes), Resolutions: qs(e.Resolutions), ReturnedBy: qs(e.ReturnedBy)}
		for i, v := range e.Variants {
			texts = append(texts, v.Title, v.Message, v.Description)
			out.Variants = append(out.Variants, variant{Key: q(fmt.Sprint(i)), Status: v.Status, Title: q(v.Title), Message: q(v.Message),
				Summary: q(v.Summary), Description: q(v.Description), Causes: qs(v.Causes), Resolutions: qs(v.Resolutions)})
		}
		for _, p := range params(texts...) {
			out.Params = append(out.Params, param{Name: q(p)})
		}
		if e.ExampleField != "" {
			out.Examples = []example{{Field: q(e.ExampleField)}}
		}
		f.Errors = append(f.Errors, out)
	}
	return yaml.MarshalWithOptions(f, yaml.IndentSequence(true))
}

// escape makes text a template that renders as itself, but for {N} placeholders.
func escape(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if loc := placeholderRE.FindStringIndex(text[i:]); loc != nil && loc[0] == 0 {
			b.WriteString(text[i : i+loc[1]])
			i += loc[1] - 1
			continue
		}
		switch text[i] {
		case '{':
			b.WriteString("{{")
		case '}':
			b.WriteString("}}")
		default:
			b.WriteByte(text[i])
		}
	}
	return b.String()
}

// clean trims and escapes a text for the catalog, and drops control characters,
// which no doc means and which YAML cannot hold unquoted.
func clean(text string) string { return escape(plainText(text)) }

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

// Files returns the catalog's files by name: errors.yaml and, for each translated
// locale, errors.<locale>.yaml.
func (d *Draft) Files() (map[string][]byte, error) {
	main, err := d.YAML()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{"errors.yaml": main}
	for loc, entries := range d.Translations {
		// A short, fixed shape: written directly, every scalar JSON-quoted.
		quote := func(s string) string { b, _ := json.Marshal(s); return string(b) }
		var b strings.Builder
		b.WriteString("locale: " + quote(loc) + "\nerrors:\n")
		for _, e := range entries {
			b.WriteString("  " + quote(e.Code) + ":\n")
			for _, f := range [][2]string{{"title", e.Title}, {"message", e.Message}, {"description", e.Description}} {
				if t := clean(f[1]); t != "" {
					b.WriteString("    " + f[0] + ": " + quote(t) + "\n")
				}
			}
		}
		out["errors."+loc+".yaml"] = []byte(b.String())
	}
	return out, nil
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
