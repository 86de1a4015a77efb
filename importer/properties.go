package importer

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Properties imports Java message bundles (messages.properties, ValidationMessages
// and the like): key = message. Each key is one code, and the code's name is made of
// the key's last words (jakarta.validation.constraints.Max.message is Max); a
// ".title" or ".description" suffix sets that text of the code the rest of the key
// names. A file named name_vi.properties holds the Vietnamese texts; one for the
// catalog's own locale (English) adds the codes the base file lacks. A file that is
// not UTF-8 is read as ISO-8859-1, the encoding Java used for them before version 9
// (with \uXXXX escapes for everything else), and the report says so.
//
// Placeholders {0} and named ones such as {min} become params. What errcat's
// templates cannot express is kept as literal text, with a note: Expression Language
// (${…}), references to other messages ({a.b.message}) and MessageFormat's formats
// ({0,number}) and ChoiceFormat ({0,choice,0#none|1#one|1<{0} items}), each kept whole,
// nested placeholders included.
func Properties(name string, files map[string][]byte) (*Draft, error) {
	d := &Draft{Name: name, Translations: map[string][]*Entry{}}
	var base string
	for f := range files {
		if !strings.Contains(strings.TrimSuffix(filepath.Base(f), ".properties"), "_") {
			base = f
		}
	}
	if base == "" {
		return nil, fmt.Errorf("no base file (messages.properties) among the files")
	}
	codes := map[string]*Entry{}
	entries := readBundle(d, base, files[base], true)
	nameByKey(entries)
	for _, e := range entries {
		codes[e.Code] = e
		finishEntry(e)
		d.add(e)
	}
	for _, f := range slices.Sorted(maps.Keys(files)) {
		if f == base {
			continue
		}
		stem := strings.TrimSuffix(filepath.Base(f), ".properties")
		locale := strings.ReplaceAll(stem[strings.Index(stem, "_")+1:], "_", "-")
		trs := readBundle(d, f, files[f], locale == defaultLocale)
		if locale == defaultLocale {
			d.addDefault(filepath.Base(f), trs, codes)
			continue
		}
		for _, e := range trs {
			if b := codes[e.Code]; b != nil {
				e.Params = slices.DeleteFunc(e.Params, func(p string) bool { return !slices.Contains(b.Params, p) })
			}
		}
		d.Translations[locale] = trs
	}
	d.finish()
	return d, nil
}

// defaultLocale is the locale of an imported catalog's own texts.
const defaultLocale = "en"

// addDefault takes a bundle in the catalog's own locale: its codes that the base
// file lacks are added; its texts for codes the base file has are left out, with a
// note where they differ, since the catalog holds one text per code for its locale.
func (d *Draft) addDefault(file string, entries []*Entry, codes map[string]*Entry) {
	differ := 0
	var added []*Entry
	for _, e := range entries {
		b := codes[e.Code]
		if b == nil {
			added = append(added, e)
			continue
		}
		if b.Message != clean(e.Message, e.Params...) || e.Title != "" && b.Title != clean(e.Title, e.Params...) {
			differ++
		}
	}
	nameByKey(added)
	for _, e := range added {
		codes[e.Code] = e
		finishEntry(e)
		d.add(e)
	}
	if len(added) > 0 {
		d.note("%s: %d codes the base file lacks were added from it", file, len(added))
	}
	if differ > 0 {
		d.note("%s: %d texts differ from the base file's, which the catalog keeps as its %s texts: compare them", file, differ, defaultLocale)
	}
}

// readBundle reads one .properties file into entries, one a code; notes says
// whether to note what its texts hold that errcat cannot express (once for a code:
// not for its translations).
func readBundle(d *Draft, file string, data []byte, notes bool) []*Entry {
	var out []*Entry
	byCode := map[string]*Entry{}
	text := string(data)
	if !utf8.Valid(data) {
		text = latin1(data)
		d.note("%s is not UTF-8: read as ISO-8859-1, as Java reads .properties files; check its accented letters", filepath.Base(file))
	}
	for _, kv := range parseProperties(text) {
		code, field := kv[0], "message"
		for _, f := range []string{"title", "description"} {
			if c, ok := strings.CutSuffix(kv[0], "."+f); ok && c != "" {
				code, field = c, f
			}
		}
		e := byCode[code]
		if e == nil {
			e = &Entry{Code: code}
			byCode[code] = e
			out = append(out, e)
		}
		text := d.placeholders(e, javaFormat(kv[1]), notes)
		switch field {
		case "title":
			e.Title = text
		case "description":
			e.Description = text
		default:
			e.Message = text
		}
	}
	return out
}

// placeholders records the named placeholders of text as params of e, and notes
// what errcat cannot express when notes is set. It returns the text.
func (d *Draft) placeholders(e *Entry, text string, notes bool) string {
	var el, ref, format, choice bool
	for i := 0; i < len(text); i++ {
		if text[i] != '{' {
			continue
		}
		end := strings.IndexByte(text[i:], '}')
		if end < 0 {
			break
		}
		inner := text[i+1 : i+end]
		switch {
		case i > 0 && text[i-1] == '$':
			el = true
		case i > 0 && text[i-1] == '{' || i+end+1 < len(text) && text[i+end+1] == '}':
			// {{x}}: literal braces
		case isParamName(inner):
			if !slices.Contains(e.Params, inner) {
				e.Params = append(e.Params, inner)
			}
		case formatStart(text[i+1:]):
			if strings.HasPrefix(strings.TrimLeft(inner[strings.IndexByte(inner, ',')+1:], " "), "choice") {
				choice = true
			} else {
				format = true
			}
			if s := formatSpans(text[i:]); len(s) > 0 {
				end = s[0][1] - 1 // past the construct's nested braces
			}
		case strings.Contains(inner, ".") && !strings.ContainsAny(inner, " \t"):
			ref = true
		}
		i += end
	}
	if !notes {
		return text
	}
	if el {
		d.note("%s: an Expression Language expression ${…} is kept as literal text: errcat's templates do not evaluate expressions", e.Code)
	}
	if ref {
		d.note("%s: a reference to another message {…} is kept as literal text: write the text out", e.Code)
	}
	if format {
		d.note("%s: a MessageFormat format {N,…} is kept as literal text: errcat's templates insert values as they are", e.Code)
	}
	if choice {
		d.note("%s: a ChoiceFormat {N,choice,…} is kept as literal text: errcat's templates choose no text by number; write one text, or one code or variant per case", e.Code)
	}
	return text
}

// isParamName reports whether s is a named placeholder: a letter or underscore, then
// letters, digits or underscores.
func isParamName(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) || r >= utf8.RuneSelf {
			return false
		}
	}
	return s != ""
}

// nameByKey names each entry after the last words of its key (the code), dropping a
// final "message": as few words as make the names of entries distinct.
func nameByKey(entries []*Entry) {
	words := make([][]string, len(entries))
	for i, e := range entries {
		ws := strings.FieldsFunc(e.Code, func(r rune) bool { return r == '.' || r == '_' || r == '-' || r == ' ' })
		if n := len(ws); n > 1 && strings.EqualFold(ws[n-1], "message") {
			ws = ws[:n-1]
		}
		words[i] = ws
	}
	count := func(n int) map[string]int {
		c := map[string]int{}
		for _, ws := range words {
			c[camel(ws[max(0, len(ws)-n):])]++
		}
		return c
	}
	counts := map[int]map[string]int{}
	for i, e := range entries {
		ws := words[i]
		for n := 1; n <= len(ws); n++ {
			if counts[n] == nil {
				counts[n] = count(n)
			}
			if name := camel(ws[len(ws)-n:]); counts[n][name] == 1 || n == len(ws) {
				e.Name = name
				break
			}
		}
	}
}

// camel joins words in UpperCamelCase, keeping ASCII letters and digits.
func camel(words []string) string {
	var b strings.Builder
	for _, w := range words {
		w = strings.Map(func(r rune) rune {
			if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return r
			}
			return -1
		}, w)
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// latin1 decodes ISO-8859-1: each byte is the code point of the same number.
func latin1(data []byte) string {
	r := make([]rune, len(data))
	for i, c := range data {
		r[i] = rune(c)
	}
	return string(r)
}

// parseProperties reads key=value (or key: value) lines, with # and ! comments,
// backslash line continuations and \uXXXX escapes.
func parseProperties(s string) [][2]string {
	var out [][2]string
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimLeft(lines[i], " \t")
		if line == "" || line[0] == '#' || line[0] == '!' {
			continue
		}
		if strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			var b strings.Builder // a builder, so that many continued lines cost their length
			for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
				b.WriteString(line[:len(line)-1])
				i++
				line = strings.TrimLeft(lines[i], " \t")
			}
			b.WriteString(line)
			line = b.String()
		}
		j := strings.IndexAny(line, "=:")
		if j < 0 {
			continue
		}
		key := strings.TrimSpace(line[:j])
		val := strings.TrimLeft(line[j+1:], " \t")
		if u, err := strconv.Unquote(`"` + strings.ReplaceAll(val, `"`, `\"`) + `"`); err == nil {
			val = u
		}
		out = append(out, [2]string{key, val})
	}
	return out
}

// javaFormat turns MessageFormat quoting (” for a quote) into plain text, outside
// Expression Language expressions ${…}, whose quotes are their own.
func javaFormat(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			break
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			break
		}
		b.WriteString(strings.ReplaceAll(s[:i], "''", "'"))
		b.WriteString(s[i : i+end+1])
		s = s[i+end+1:]
	}
	b.WriteString(strings.ReplaceAll(s, "''", "'"))
	return b.String()
}
