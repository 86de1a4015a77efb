package portal

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errcat/errcat"
)

// groupTitle is the heading of an overview group of key: a category id read as
// words ("not_found" is "Not found", "rateLimit" is "Rate limit"), a range's own
// title as it is, "Other" for codes in no group.
func groupTitle(key string, isRange bool) string {
	if key == "" {
		return ""
	}
	if isRange {
		return key
	}
	return humanize(key)
}

// humanize reads an identifier as words: "not_found" and "NotFound" are "Not found";
// a run of capitals such as "HTTP" stays one word in capitals.
func humanize(id string) string {
	var words []string
	var cur []rune
	rs := []rune(id)
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.' || unicode.IsSpace(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(cur[len(cur)-1]) || unicode.IsDigit(cur[len(cur)-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower && unicode.IsUpper(cur[len(cur)-1]) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	for i, w := range words {
		if strings.ToUpper(w) == w && utf8.RuneCountInString(w) > 1 {
			continue // an acronym
		}
		w = strings.ToLower(w)
		if i == 0 {
			r, n := utf8.DecodeRuneInString(w)
			w = string(unicode.ToUpper(r)) + w[n:]
		}
		words[i] = w
	}
	return strings.Join(words, " ")
}

// columns says which columns of the overview table have something to show in at
// least one row: a column empty for every code is left out.
type columns struct {
	Status, Summary, ReturnedBy bool
	// Span is the number of columns shown, for group heading rows.
	Span int
}

func columnsOf(groups []group) columns {
	var c columns
	for _, g := range groups {
		for _, r := range g.Rows {
			c.Status = c.Status || r.Status != 0
			c.Summary = c.Summary || r.Summary != ""
			c.ReturnedBy = c.ReturnedBy || len(r.ReturnedBy) > 0
		}
	}
	c.Span = 2
	for _, on := range []bool{c.Status, c.Summary, c.ReturnedBy} {
		if on {
			c.Span++
		}
	}
	return c
}

// footnote is the note of a group of operations, marked where the group is named.
type footnote struct {
	Mark, Title, Description string
}

// operations are the operations that return d, by title, with the footnote mark of
// a group; "*" is every operation.
func (v *catalogView) operations(d *errcat.Definition) []operationView {
	var out []operationView
	for _, id := range d.ReturnedBy() {
		if id == "*" {
			out = append(out, operationView{ID: id, Title: "All", All: true})
			continue
		}
		op := operationView{ID: id, Title: id}
		if o := v.c.Operation(id); o != nil {
			if o.Title != "" {
				op.Title = o.Title
			}
			op.Description = o.Description
			op.Mark = v.marks[id]
		}
		out = append(out, op)
	}
	return out
}

// footnotes are the notes of the catalog's groups of operations that a code returns.
func (v *catalogView) footnotes() []footnote {
	var out []footnote
	for _, o := range v.c.Operations {
		if m := v.marks[o.ID]; m != "" {
			out = append(out, footnote{Mark: m, Title: o.Title, Description: o.Description})
		}
	}
	return out
}

// footnoteMarksOf gives each group of operations with a note its mark, in the order
// the catalog declares them ([footnoteMarks], then numbers).
func (v *catalogView) footnoteMarksOf() map[string]string {
	marks := map[string]string{}
	for _, o := range v.c.Operations {
		if !o.Group || o.Description == "" {
			continue
		}
		n := len(marks)
		if n < len(footnoteMarks) {
			marks[o.ID] = footnoteMarks[n]
		} else {
			marks[o.ID] = strconv.Itoa(n + 1 - len(footnoteMarks))
		}
	}
	return marks
}

// counted is "1 code", "51 codes, 3 variants": the codes of a catalog and, when
// there are any, their variants, each with its own count.
func counted(codes, variants int) string {
	s := plural(codes, "code", "codes")
	if variants > 0 {
		s += ", " + plural(variants, "variant", "variants")
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
