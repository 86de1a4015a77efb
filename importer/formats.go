package importer

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
)

var textCodeRE = regexp.MustCompile(`^([A-Z][A-Z0-9]*-(\d{3}))$`)

// Text imports plain-text pages of per-code blocks: a line with a symbolic code
// (AREA-STATUS), the title, the description, then "Possible Causes:" with bullet lines
// and "Resolution:" with a paragraph. A code's three-digit suffix gives its status.
//
// A page whose header names "Returned By" is read as a table of codes, statuses,
// messages, operations and descriptions instead, its columns separated by spaces
// alone.
func Text(name string, data []byte) *Draft {
	if isTableText(string(data)) {
		return tableText(name, data)
	}
	d := &Draft{Name: name}
	var cur *Entry
	section := "title"
	for _, line := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if m := textCodeRE.FindStringSubmatch(t); m != nil {
			if cur != nil {
				finishEntry(cur)
				d.add(cur)
			}
			cur = &Entry{Code: m[1]}
			cur.Status, _ = strconv.Atoi(m[2])
			if cur.Status < 100 || cur.Status > 599 {
				cur.Status = 0
			}
			section = "title"
			continue
		}
		if cur == nil {
			if d.Title == "" {
				d.Title = t
			}
			continue
		}
		switch strings.ToLower(strings.TrimSuffix(t, ":")) {
		case "possible causes", "causes", "root cause":
			section = "causes"
			d.heading(section, t)
			continue
		case "resolution", "resolutions", "solution":
			section = "resolutions"
			d.heading(section, t)
			continue
		}
		switch section {
		case "title":
			cur.Title = t
			section = "description"
		case "description":
			cur.Description = join(cur.Description, t)
		case "causes":
			cur.Causes = append(cur.Causes, strings.TrimSpace(strings.TrimLeft(t, "•-* ")))
		case "resolutions":
			if strings.HasPrefix(t, "No errors found") {
				continue // the page's empty search state, not a resolution
			}
			cur.Resolutions = append(cur.Resolutions, strings.TrimLeft(t, "•-* "))
		}
	}
	if cur != nil {
		finishEntry(cur)
		d.add(cur)
	}
	for _, e := range d.Errors {
		d.note("%s: status %d read from the code's suffix", e.Code, e.Status)
	}
	d.finish()
	return d
}

// defaultHeadings are the headings docs markdown gives a code's sections unless told
// otherwise.
var defaultHeadings = map[string]string{"causes": "Root Cause", "resolutions": "Resolution", "message": "Message", "description": "Description"}

// heading notes, once for each section, a heading that the source gives a code's
// section and docs markdown would not: a catalog holds no headings, so the note says
// how to write them again.
func (d *Draft) heading(section, text string) {
	text = strings.TrimLeft(text, "# ")
	if text == defaultHeadings[section] || d.headings[section] {
		return
	}
	if d.headings == nil {
		d.headings = map[string]bool{}
	}
	d.headings[section] = true
	d.note("the source heads the %s sections %q, which a catalog does not hold: write them so with errcat docs markdown --section %s=%q", section, text, section, text)
}

// CSV imports a table with a header row: code, and any of name, status, title,
// message, summary, description, causes and resolutions (several items separated by
// " | "), returned by (operation titles separated by commas or " | "; "All" is every
// operation) and public ("false", "no", "internal" or "private" for a code whose
// texts clients must not see).
func CSV(name string, data []byte) (*Draft, error) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("want a header row and at least one row")
	}
	d := &Draft{Name: name}
	head := lower(rows[0])
	for _, row := range rows[1:] {
		e := &Entry{}
		var ops []string
		for i, cell := range row {
			if i >= len(head) {
				break
			}
			switch head[i] {
			case "code":
				e.Code = strings.TrimSpace(cell)
			case "status", "http status", "http":
				e.Status, _ = strconv.Atoi(strings.TrimSpace(cell))
			case "title":
				e.Title = cell
			case "message":
				e.Message = cell
			case "summary":
				e.Summary = cell
			case "description":
				e.Description = cell
			case "public", "visibility":
				e.Private = private(cell)
			case "returned by", "returned_by", "operations":
				ops = append(ops, operationPhrases(strings.ReplaceAll(cell, " | ", ","))...)
			case "causes", "root cause":
				e.Causes = items(cell)
			case "resolutions", "resolution":
				e.Resolutions = items(cell)
			case "": // a column noted as not mapped
			default:
				d.note("column %q is not mapped", head[i])
				head[i] = ""
			}
		}
		if e.Code == "" {
			d.note("row %q has no code: skipped", strings.Join(row, ","))
			continue
		}
		e.ReturnedBy = d.operations(ops, nil)
		finishEntry(e)
		d.add(e)
	}
	d.finish()
	return d, nil
}

// private reports whether a public or visibility cell says the code is not public.
func private(cell string) bool {
	switch strings.ToLower(strings.TrimSpace(cell)) {
	case "false", "no", "0", "internal", "private":
		return true
	}
	return false
}

func items(cell string) []string {
	var out []string
	for _, it := range strings.Split(cell, " | ") {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// JSON imports an array of objects whose fields a mapping names: catalog field →
// source field, such as {"code": "errorCode", "message": "text"}. Unmapped catalog
// fields are read from the fields of the same name.
func JSON(name string, data []byte, mapping map[string]string) (*Draft, error) {
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil {
		var wrapped map[string][]map[string]any
		if json.Unmarshal(data, &wrapped) != nil {
			return nil, fmt.Errorf("want an array of objects, or an object holding one: %v", err)
		}
		for _, v := range wrapped {
			rows = v
		}
	}
	field := func(row map[string]any, f string) string {
		src := f
		if m, ok := mapping[f]; ok {
			src = m
		}
		switch v := row[src].(type) {
		case string:
			return v
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
		return ""
	}
	d := &Draft{Name: name}
	for _, row := range rows {
		e := &Entry{Code: field(row, "code"), Texts: errcat.Texts{Title: field(row, "title"), Message: field(row, "message"), Description: field(row, "description")}}
		e.Status, _ = strconv.Atoi(field(row, "status"))
		if e.Code == "" {
			d.note("an object has no %s: skipped", cmpOr(mapping["code"], "code"))
			continue
		}
		finishEntry(e)
		d.add(e)
	}
	d.finish()
	return d, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
