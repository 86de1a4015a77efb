package translation

import (
	"fmt"
	"io/fs"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/lint"
)

// Merge merges the texts of f into the translation files of f.Locale and returns the
// new content of each file it changed, by the names the catalog was loaded with
// (fsys holds them). It first runs [Check] and returns its problems, if any, writing
// nothing. An entry the locale has is rewritten in place, its comments kept above it;
// a new entry goes into the locale's errors.LOCALE.yaml (created in dir when the
// locale has no file) among the others in catalog order. Each merged entry gets the
// comment that records the hashes of its source texts.
func Merge(c *catalog.Catalog, fsys fs.FS, dir string, f *File) (map[string][]byte, error) {
	if ps := Check(c, f); len(ps) > 0 {
		return nil, ps
	}
	m := newMerger(c, fsys, dir, f.Locale)
	byID := map[string][]*Translated{}
	var ids []string
	for _, t := range f.Texts {
		id, _, _ := SplitKey(t.Key)
		if byID[id] == nil {
			ids = append(ids, id)
		}
		byID[id] = append(byID[id], t)
	}
	slices.SortFunc(ids, func(a, b string) int { return m.order[a] - m.order[b] })
	var probs catalog.Problems
	for _, id := range ids {
		if err := m.merge(c.Lookup(id), byID[id], &probs); err != nil {
			return nil, err
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	out := map[string][]byte{}
	for name, y := range m.files {
		out[name] = []byte(y.content())
	}
	return out, nil
}

// merger merges texts into the translation files of one locale.
type merger struct {
	c      *catalog.Catalog
	fsys   fs.FS
	locale string
	// home is the file new entries go to; created says it does not exist yet.
	home    string
	created bool
	files   map[string]*yamlFile
	// order is each id's place in the catalog.
	order map[string]int
	// existing is the locale's entry of each id, where the file that holds it.
	existing map[string]*catalog.TranslatedEntry
	where    map[string]string
}

func newMerger(c *catalog.Catalog, fsys fs.FS, dir, locale string) *merger {
	m := &merger{c: c, fsys: fsys, locale: locale, files: map[string]*yamlFile{}, order: map[string]int{},
		existing: map[string]*catalog.TranslatedEntry{}, where: map[string]string{}}
	each(c, func(e *catalog.Entry) { m.order[e.ID()] = len(m.order) })
	var trs []*catalog.Translation
	for _, tr := range c.Translations {
		if !SameLocale(tr.Locale, locale) {
			continue
		}
		trs = append(trs, tr)
		for _, t := range tr.Errors {
			if _, dup := m.existing[t.ID]; !dup {
				m.existing[t.ID], m.where[t.ID] = t, tr.File
			}
		}
	}
	name := "errors." + locale + ".yaml"
	m.home, m.created = path.Join(dir, name), len(trs) == 0
	if i := slices.IndexFunc(trs, func(tr *catalog.Translation) bool { return strings.EqualFold(path.Base(tr.File), name) }); i >= 0 {
		m.home = trs[i].File
	} else if len(trs) > 0 {
		m.home = trs[0].File
	}
	return m
}

// open returns the file name as read, or as created.
func (m *merger) open(name string) (*yamlFile, error) {
	if y := m.files[name]; y != nil {
		return y, nil
	}
	if !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml") {
		return nil, fmt.Errorf("%s: import writes YAML translation files; move this locale's texts into a .yaml file", name)
	}
	var data []byte
	var err error
	if name == m.home && m.created {
		data = []byte("locale: " + m.locale + "\nerrors:\n")
	} else if data, err = fs.ReadFile(m.fsys, name); err != nil {
		return nil, err
	}
	y := &yamlFile{name: name, lines: strings.Split(string(data), "\n")}
	m.files[name] = y
	return y, nil
}

// merge merges the texts of e into its entry, or a new one.
func (m *merger) merge(e *catalog.Entry, texts []*Translated, probs *catalog.Problems) error {
	id := e.ID()
	name := m.home
	if m.where[id] != "" {
		name = m.where[id]
	}
	y, err := m.open(name)
	if err != nil {
		return err
	}
	old := m.existing[id]
	block := mergeEntry(e, old, y, texts, probs)
	if old != nil {
		return y.replace(old, block)
	}
	return y.insert(m.order, id, block, m.c)
}

// mergeEntry returns the lines of the merged entry id: its recorded hashes, key and
// texts, indented for the file.
func mergeEntry(e *catalog.Entry, old *catalog.TranslatedEntry, y *yamlFile, texts []*Translated, probs *catalog.Problems) []string {
	var merged errcat.Texts
	hashes := map[string]string{}
	if old != nil {
		merged = old.Texts
		merged.Causes, merged.Resolutions = slices.Clone(old.Causes), slices.Clone(old.Resolutions)
		if l := old.Pos.Line - 2; l >= 0 && l < len(y.lines) {
			for k, v := range parseSourceComment(y.lines[l]) {
				hashes[k] = v
			}
		}
	}
	for _, t := range texts {
		_, field, _ := SplitKey(t.Key)
		setField(&merged, field, t.Text)
		hashes[field] = Hash(lint.Field(&e.Texts, field))
	}
	for _, l := range [...]struct {
		name      string
		got, want []string
	}{{"causes", merged.Causes, e.Causes}, {"resolutions", merged.Resolutions, e.Resolutions}} {
		for i, s := range l.got {
			if s == "" && i < len(l.want) {
				*probs = append(*probs, catalog.Problem{Pos: texts[0].Pos, Msg: fmt.Sprintf("%s: %s[%d] is not translated: a translation replaces the whole list, so translate every item", e.ID(), l.name, i)})
			}
		}
	}
	indent := y.entryIndent()
	pad, field := strings.Repeat(" ", indent), strings.Repeat(" ", indent+2)
	var keys []string
	for k := range hashes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	comment := pad + sourceComment
	for _, k := range keys {
		comment += " " + k + "=" + hashes[k]
	}
	block := []string{comment, pad + strconv.Quote(e.ID()) + ":"}
	for _, p := range [...]struct{ k, v string }{{"title", merged.Title}, {"message", merged.Message}, {"summary", merged.Summary}, {"description", merged.Description}} {
		if p.v != "" {
			block = append(block, field+p.k+": "+yamlQuote(p.v))
		}
	}
	for _, l := range [...]struct {
		k string
		v []string
	}{{"causes", merged.Causes}, {"resolutions", merged.Resolutions}} {
		if len(l.v) > 0 {
			block = append(block, field+l.k+":")
			for _, s := range l.v {
				block = append(block, field+"  - "+yamlQuote(s))
			}
		}
	}
	return block
}

// setField sets the text of t a field names, growing a list as needed.
func setField(t *errcat.Texts, field, s string) {
	switch field {
	case "title":
		t.Title = s
	case "message":
		t.Message = s
	case "summary":
		t.Summary = s
	case "description":
		t.Description = s
	default:
		open := strings.IndexByte(field, '[')
		i, _ := strconv.Atoi(field[open+1 : len(field)-1])
		list := &t.Causes
		if field[:open] == "resolutions" {
			list = &t.Resolutions
		}
		for len(*list) <= i {
			*list = append(*list, "")
		}
		(*list)[i] = s
	}
}

// yamlQuote writes s as a YAML double-quoted scalar. Go's escapes are YAML's for
// every character strconv.Quote escapes in valid UTF-8.
func yamlQuote(s string) string { return strconv.Quote(s) }

// yamlFile is a translation file edited line by line, so that everything the edits
// do not touch stays as written.
type yamlFile struct {
	name  string
	lines []string
	edits []edit
}

// edit replaces lines [start, end) with text.
type edit struct {
	start, end int
	text       []string
	order      int
}

var errorsLine = regexp.MustCompile(`^errors\s*:\s*(\{\s*\})?\s*(#.*)?$`)

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

func blankOrComment(s string) bool {
	t := strings.TrimSpace(s)
	return t == "" || t[0] == '#'
}

// entryIndent returns the indentation of the file's entries: the first line indented
// below "errors:", or 2.
func (y *yamlFile) entryIndent() int {
	for i, l := range y.lines {
		if errorsLine.MatchString(l) {
			for _, m := range y.lines[i+1:] {
				if !blankOrComment(m) {
					if n := indentOf(m); n > 0 {
						return n
					}
					break
				}
			}
		}
	}
	return 2
}

// span returns the lines [start, end) of the entry whose key is at line key (0-based):
// the recorded hashes above it, the key and the lines indented below it.
func (y *yamlFile) span(key int) (start, end int) {
	ind := indentOf(y.lines[key])
	start, end = key, key+1
	if key > 0 && strings.HasPrefix(strings.TrimSpace(y.lines[key-1]), sourceComment) {
		start = key - 1
	}
	for end < len(y.lines) && (blankOrComment(y.lines[end]) || indentOf(y.lines[end]) > ind) {
		end++
	}
	for end > key+1 && blankOrComment(y.lines[end-1]) {
		end--
	}
	return start, end
}

func (y *yamlFile) blockStyle(t *catalog.TranslatedEntry) error {
	l := t.Pos.Line - 1
	if l < 0 || l >= len(y.lines) || indentOf(y.lines[l]) == 0 || strings.HasPrefix(strings.TrimSpace(y.lines[l]), "errors") {
		return fmt.Errorf("%s: import edits translation files in block style, one entry a line; rewrite this file's errors so", t.Pos)
	}
	return nil
}

// replace rewrites the entry t, keeping the comments inside it above its key.
func (y *yamlFile) replace(t *catalog.TranslatedEntry, block []string) error {
	if err := y.blockStyle(t); err != nil {
		return err
	}
	start, end := y.span(t.Pos.Line - 1)
	var kept []string
	for _, l := range y.lines[start:end] {
		if blankOrComment(l) && strings.TrimSpace(l) != "" && !strings.HasPrefix(strings.TrimSpace(l), sourceComment) {
			kept = append(kept, strings.Repeat(" ", indentOf(block[1]))+strings.TrimSpace(l))
		}
	}
	y.edits = append(y.edits, edit{start: start, end: end, text: append(kept, block...), order: math.MaxInt})
	return nil
}

// insert adds the new entry id before the first entry of the file that comes after it
// in catalog order, or after the last.
func (y *yamlFile) insert(order map[string]int, id string, block []string, c *catalog.Catalog) error {
	var at = -1
	for _, tr := range c.Translations {
		if tr.File != y.name {
			continue
		}
		for _, t := range tr.Errors {
			if err := y.blockStyle(t); err != nil {
				return err
			}
			start, end := y.span(t.Pos.Line - 1)
			if o, ok := order[t.ID]; ok && o > order[id] {
				for start > 0 && blankOrComment(y.lines[start-1]) && strings.TrimSpace(y.lines[start-1]) != "" {
					start--
				}
				y.edits = append(y.edits, edit{start: start, end: start, text: block, order: order[id]})
				return nil
			}
			at = max(at, end)
		}
	}
	if at < 0 {
		for i, l := range y.lines {
			if errorsLine.MatchString(l) {
				y.lines[i] = "errors:"
				at = i + 1
			}
		}
	}
	if at < 0 {
		if n := len(y.lines); n > 0 && y.lines[n-1] == "" {
			y.lines = y.lines[:n-1]
		}
		y.lines = append(y.lines, "errors:", "")
		at = len(y.lines) - 1
	}
	y.edits = append(y.edits, edit{start: at, end: at, text: block, order: order[id]})
	return nil
}

// content applies the edits and returns the file.
func (y *yamlFile) content() string {
	slices.SortStableFunc(y.edits, func(a, b edit) int {
		if a.start != b.start {
			return b.start - a.start
		}
		return b.order - a.order
	})
	lines := y.lines
	for _, e := range y.edits {
		lines = slices.Concat(lines[:e.start], e.text, lines[e.end:])
	}
	s := strings.Join(lines, "\n")
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}
