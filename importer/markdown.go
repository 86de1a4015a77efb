package importer

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var (
	detailHeadRE = regexp.MustCompile(`^\s*#*\s*([A-Z0-9][A-Z0-9_-]*\d)(\[(\d+)\])?\s*$`)
	sections     = map[string]string{"message": "message", "description": "description", "root cause": "causes", "root causes": "causes", "cause": "causes", "causes": "causes", "possible causes": "causes", "resolution": "resolutions", "resolutions": "resolutions", "solution": "resolutions", "returned by": "operations"}
)

// Markdown imports tables (a header row naming Code and texts, then a row a code;
// leading and trailing pipes optional) and per-code sections (a line with the code,
// then Message, Description, Root Cause and Resolution headings): an overview table
// with a details section per code, either alone, or a table whose cells hold example
// responses. When a code has both, the table's texts become its title and summary
// and the section's its message and description.
func Markdown(name string, data []byte) *Draft {
	r := &mdReader{d: &Draft{Name: name}, details: map[string]*Entry{}, tableCodes: map[string]bool{}, body: map[string]bool{}, notes: map[string]string{}}
	for i, line := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		r.line(i, strings.TrimSpace(line))
	}
	return r.finish()
}

// mdReader reads a Markdown page a line at a time.
type mdReader struct {
	d          *Draft
	cols       []string        // the table's header, lower-cased; nil before one
	table      []*Entry        // the table's rows
	tableCodes map[string]bool // the codes of table
	details    map[string]*Entry
	order      []string          // the ids of details, in order
	cur        *Entry            // the details section being read
	section    string            // the heading being read in it
	body       map[string]bool   // the fields of a response body shown before the table
	notes      map[string]string // the footnotes under the table, by mark
	statuses   bool              // whether the table has a column of HTTP statuses
}

// line reads one trimmed line, the i-th of the page.
func (r *mdReader) line(i int, trimmed string) {
	if i == 0 || r.d.Title == "" && strings.HasPrefix(trimmed, "# ") {
		if r.d.Title == "" && trimmed != "" && !strings.Contains(trimmed, "|") {
			r.d.Title = strings.TrimLeft(trimmed, "# ")
		}
	}
	if strings.Contains(trimmed, "|") {
		r.row(trimmed)
		return
	}
	if r.cols == nil {
		r.bodyField(trimmed)
	}
	if mark, text, ok := r.footnote(trimmed); ok {
		r.notes[mark] = text
		return
	}
	if m := detailHeadRE.FindStringSubmatch(trimmed); m != nil && (r.cols == nil || r.tableCodes[m[1]]) {
		id := m[1] + m[2]
		r.cur = &Entry{Code: m[1]}
		r.details[id] = r.cur
		r.order = append(r.order, id)
		r.section = ""
		return
	}
	if r.cur == nil {
		return
	}
	if s, ok := sections[strings.ToLower(strings.TrimSuffix(strings.TrimLeft(trimmed, "# "), ":"))]; ok {
		r.section = s
		if s != "operations" {
			r.d.heading(s, trimmed)
		}
		return
	}
	if trimmed != "" && !(r.section == "" && r.opening(trimmed)) {
		r.text(trimmed)
	}
}

var (
	boldRE  = regexp.MustCompile(`^\*\*(.+)\*\*$`)
	factsRE = regexp.MustCompile("^(?:Name `([A-Za-z][A-Za-z0-9]*)`|HTTP ([1-5][0-9][0-9])\\b)")
	httpRE  = regexp.MustCompile(`(?:^| · )HTTP ([1-5][0-9][0-9])\b`)
)

// opening reads a line that opens a code's section before any heading, as docs
// markdown writes them: the title in bold, or the facts line (Name `X` · HTTP 404
// Not Found · … · Not public). It reports whether the line was one; any other line there is the
// description.
func (r *mdReader) opening(trimmed string) bool {
	cur := r.cur
	if m := boldRE.FindStringSubmatch(trimmed); m != nil && cur.Title == "" && cur.Description == "" {
		cur.Title = m[1]
		return true
	}
	m := factsRE.FindStringSubmatch(trimmed)
	if m == nil {
		return false
	}
	if m[1] != "" {
		cur.Name = m[1]
	}
	if s := httpRE.FindStringSubmatch(trimmed); s != nil {
		cur.Status, _ = strconv.Atoi(s[1])
	}
	cur.Private = strings.Contains(trimmed+" · ", " · Not public · ")
	return true
}

// bodyFieldRE matches a line of a response body's example that names one of its
// fields: code: 1000, or "message": "…".
var bodyFieldRE = regexp.MustCompile(`^"?(code|message)"?\s*:\s*\S`)

// bodyField notes the fields of a response body the page shows before its table:
// one with both a code and a message carries the code in the body.
func (r *mdReader) bodyField(trimmed string) {
	if m := bodyFieldRE.FindStringSubmatch(trimmed); m != nil {
		r.body[m[1]] = true
		r.d.codeInBody = r.body["code"] && r.body["message"] && !r.statuses
	}
}

// footnote reads a footnote of operation groups: a line that starts with a mark,
// † ‡ § or an escaped \*, or an unescaped * under a table and outside any code's
// section (where it is a list's bullet).
func (r *mdReader) footnote(trimmed string) (mark, text string, ok bool) {
	escaped := strings.HasPrefix(trimmed, `\*`)
	if !escaped && (strings.HasPrefix(trimmed, "*") && (r.cols == nil || r.cur != nil) || strings.HasPrefix(trimmed, "-")) {
		return "", "", false
	}
	m := footnoteRE.FindStringSubmatch(strings.TrimPrefix(trimmed, `\`))
	if m == nil {
		return "", "", false
	}
	return m[1], mdEscapeRE.ReplaceAllString(m[2], "$1"), true
}

// row reads a line of a table: its header, a separator or a row.
func (r *mdReader) row(trimmed string) {
	cells := splitRow(trimmed)
	switch {
	case isSeparator(cells):
	case r.cols == nil || headerRow(cells):
		r.cols = lower(cells)
		if slices.ContainsFunc(r.cols, func(c string) bool { return strings.Contains(c, "http") }) {
			r.statuses, r.d.codeInBody = true, false
		}
	default:
		if e := fromRow(r.d, r.cols, cells); e != nil {
			r.table = append(r.table, e)
			r.tableCodes[e.Code] = true
		}
	}
}

// text reads a line of text under the current section of a details section.
func (r *mdReader) text(trimmed string) {
	cur := r.cur
	switch r.section {
	case "":
		cur.Description = join(cur.Description, trimmed)
	case "message":
		cur.Message = join(cur.Message, trimmed)
	case "description":
		cur.Description = join(cur.Description, trimmed)
	case "operations":
		cur.opPhrases = append(cur.opPhrases, operationPhrases(trimmed)...)
	case "causes", "resolutions":
		list := &cur.Causes
		if r.section == "resolutions" {
			list = &cur.Resolutions
		}
		if item, ok := strings.CutPrefix(trimmed, "- "); ok || len(*list) == 0 {
			if !ok {
				item = strings.TrimLeft(trimmed, "-•* ")
			}
			*list = append(*list, item)
		} else {
			(*list)[len(*list)-1] = join((*list)[len(*list)-1], trimmed)
		}
	}
}

// finish joins the table's rows with their details sections, or takes the sections
// alone when there is no table.
func (r *mdReader) finish() *Draft {
	d := r.d
	// Items that a page scrape ran together (" - " inside a line) are split again.
	for _, e := range r.details {
		e.Causes, e.Resolutions = splitItems(e.Causes), splitItems(e.Resolutions)
	}
	if len(r.table) == 0 {
		for _, id := range r.order {
			e := r.details[id]
			e.ReturnedBy = d.operations(e.opPhrases, r.notes)
			finishEntry(e)
			d.add(e)
		}
	}
	exampleParams(r.table)
	for _, row := range r.table {
		row.ReturnedBy = d.operations(row.opPhrases, r.notes)
		id := row.Code
		if row.Key != "" {
			id += "[" + row.Key + "]"
		}
		if det, ok := r.details[id]; ok {
			row.Title = row.Message
			if det.Message != "" { // else the row's text is the message as well
				row.Message = det.Message
			}
			row.Description = det.Description
			row.Causes, row.Resolutions = det.Causes, det.Resolutions
			if det.Status != 0 && row.Status == 0 {
				row.Status = det.Status
			}
			if det.Name != "" {
				row.Name = det.Name
			}
			row.Private = det.Private
		} else if row.Description == "" {
			// A row without a section: its second text is its description, not a
			// summary of one.
			row.Description, row.Summary = row.Summary, ""
		}
		finishEntry(row)
		d.add(row)
	}
	if len(d.Errors) == 0 {
		d.note("no table of codes and no per-code sections found")
	}
	d.finish()
	return d
}

func finishEntry(e *Entry) {
	cleanMD := func(s string) string { return clean(mdEscapeRE.ReplaceAllString(s, "$1"), e.Params...) }
	e.Title, e.Message, e.Summary, e.Description = cleanMD(e.Title), cleanMD(e.Message), cleanMD(e.Summary), cleanMD(e.Description)
	for i := range e.Causes {
		e.Causes[i] = cleanMD(e.Causes[i])
	}
	for i := range e.Resolutions {
		e.Resolutions[i] = cleanMD(e.Resolutions[i])
	}
	if e.Message == "" {
		e.Message = e.Title
	}
}

// mdEscapeRE matches a Markdown backslash escape of ASCII punctuation, which
// finishEntry undoes (\* for *).
var mdEscapeRE = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

func splitItems(items []string) []string {
	var out []string
	for _, it := range items {
		out = append(out, strings.Split(it, " - ")...)
	}
	return out
}

func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	// A pipe escaped as \| is text of its cell, not a column border.
	var cells []string
	start := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(line[start:i]))
			start = i + 1
		}
	}
	return append(cells, strings.TrimSpace(line[start:]))
}

func isSeparator(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-: ") != "" {
			return false
		}
	}
	return true
}

func headerRow(cells []string) bool {
	return slices.ContainsFunc(cells, func(c string) bool { return strings.EqualFold(c, "code") })
}

func lower(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.ToLower(c)
	}
	return out
}

var codeCellRE = regexp.MustCompile(`^([A-Za-z0-9_-]+)(\[(\d+)\])?$`)

// fromRow reads one table row by the header's column names.
func fromRow(d *Draft, cols, cells []string) *Entry {
	e := &Entry{}
	var texts []string
	for i, c := range cells {
		if i >= len(cols) {
			break
		}
		switch col := cols[i]; {
		case col == "code" || col == "error code":
			m := codeCellRE.FindStringSubmatch(c)
			if m == nil {
				d.note("row %q: code %q is not a code", strings.Join(cells, " | "), c)
				return nil
			}
			e.Code, e.Key = m[1], m[3]
		case strings.Contains(col, "http"):
			e.Status, _ = strconv.Atoi(c)
		case strings.Contains(col, "example"):
			readExample(e, c)
		case strings.Contains(col, "returned by") || col == "operations":
			e.opPhrases = operationPhrases(c)
		case col == "message" || col == "error message" || col == "error scenario" || col == "title" || col == "description":
			texts = append(texts, c)
		}
	}
	if e.Code == "" {
		return nil
	}
	switch len(texts) {
	case 0:
	case 1:
		e.Message = texts[0]
	default:
		e.Message, e.Summary = texts[0], texts[1]
	}
	if header := strings.Join(cols, " "); (strings.Contains(header, "error scenario") || strings.Contains(header, "example")) && e.Message != "" {
		// A table of error scenarios or with example responses: the row's text is
		// the title; the example's message, if any, the message.
		scenario := e.Message
		e.Title = scenario
		if e.Description != "" {
			e.Message, e.Description = e.Description, ""
			e.fromExample = true
		}
	}
	return e
}

var failedRE = regexp.MustCompile(`"failed"\d+`)

// readExample reads an example response cell: a message and a field, whatever the
// envelope (the JSON may be a little broken, as a published "failed"4 is).
func readExample(e *Entry, cell string) {
	cell = strings.ReplaceAll(strings.Trim(cell, "` "), `\|`, "|") // a code span, as docs markdown writes one
	fix := failedRE.ReplaceAllString(cell, `"failed"`)
	var v any
	if json.Unmarshal([]byte(fix), &v) != nil {
		return
	}
	var walk func(any)
	walk = func(x any) {
		switch t := x.(type) {
		case map[string]any:
			if m, ok := t["message"].(string); ok && e.Description == "" {
				e.Description = m // moved to Message when the scenario is the title
			}
			if f, ok := t["field"].(string); ok && e.ExampleField == "" {
				e.ExampleField = f
			}
			for _, y := range t {
				walk(y)
			}
		case []any:
			for _, y := range t {
				walk(y)
			}
		}
	}
	walk(v)
}
