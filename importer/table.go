package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/errcat/errcat"
)

var (
	rowRE      = regexp.MustCompile(`^(\d+) (?:([1-5]\d\d) )?(.+)$`)
	footnoteRE = regexp.MustCompile(`^([*†‡§])\s*(.+)$`)
)

// isTableText reports whether data is a table whose header names "Returned By", with
// rows of code, status, message, operations and description.
func isTableText(data string) bool {
	return strings.Contains(strings.ToLower(data), "returned by")
}

// tableText imports rows "CODE [STATUS] MESSAGE OPERATIONS DESCRIPTION" whose columns
// only spaces separate. Operations are comma-separated short phrases; "All" is every
// operation and "N/A" none; a phrase marked * or † names a group its footnote
// describes.
func tableText(name string, data []byte) *Draft {
	d := &Draft{Name: name}
	var rows [][3]string // code, status, rest
	notes := map[string]string{}
	for _, line := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		if m := footnoteRE.FindStringSubmatch(t); m != nil {
			notes[m[1]] = m[2]
			continue
		}
		if m := rowRE.FindStringSubmatch(t); m != nil && !strings.Contains(m[3], "lines (") {
			rows = append(rows, [3]string{m[1], m[2], m[3]})
		} else if d.Description == "" && t != "" && !strings.Contains(strings.ToLower(t), "returned by") && strings.HasSuffix(t, ".") {
			d.Description = t
		}
	}
	// Every plausible split of every row is a candidate; phrases are counted across
	// the document, and each row takes the split whose rarest phrase is most common:
	// "All" is in dozens of rows, a misread "Please specify a valid" in one.
	cands := make([][]*tableRow, len(rows))
	count := map[string]int{}
	for i, r := range rows {
		cands[i] = splits(r[2], nil)
		for _, c := range cands[i] {
			for _, op := range c.ops {
				count[op]++
			}
		}
	}
	for i, r := range rows {
		if len(cands[i]) == 0 { // no message ends with a period: use known phrases
			cands[i] = splits(r[2], count)
		}
		var p *tableRow
		best := 0
		for _, c := range cands[i] {
			score := 1 << 30
			for _, op := range c.ops {
				score = min(score, count[op])
			}
			if score > best {
				p, best = c, score
			}
		}
		if p == nil {
			d.note("row %s: could not tell its message, operations and description apart: skipped", r[0])
			continue
		}
		e := &Entry{Code: r[0], Texts: errcat.Texts{Message: clean(p.message()), Description: clean(p.description())}}
		e.Status, _ = strconv.Atoi(r[1])
		e.ReturnedBy = d.operations(p.ops, notes)
		d.add(e)
	}
	d.finish()
	return d
}

// tableRow is one way to split a row: its message is words[:end], then its
// operations, then its description from words[desc:].
type tableRow struct {
	words     []string
	end, desc int
	ops       []string
}

func (r *tableRow) message() string     { return strings.Join(r.words[:r.end], " ") }
func (r *tableRow) description() string { return strings.Join(r.words[r.desc:], " ") }

// maxMessageWords bounds the message of a table row: a row's splits are tried at
// every word up to it, so that a row costs time in proportion to its length.
const maxMessageWords = 100

// splits returns the ways the rest of a row splits into message, operations and
// description. With known nil, the message must end with a period and a phrase ends
// where a sentence begins; with known, a phrase may also end wherever it is a known
// one followed by a capitalized word.
func splits(rest string, known map[string]int) []*tableRow {
	words := strings.Fields(rest)
	var out []*tableRow
	for end := 1; end < min(len(words), maxMessageWords+1); end++ {
		if known == nil && !strings.HasSuffix(words[end-1], ".") {
			continue
		}
		if ops, desc, ok := phrases(words[end:], known); ok {
			out = append(out, &tableRow{words: words, end: end, desc: end + desc, ops: ops})
		}
	}
	return out
}

// phrases reads comma-separated operation phrases at the start of words, each of one
// to six words, and returns them and where the description starts.
func phrases(words []string, known map[string]int) ([]string, int, bool) {
	var ops []string
	i := 0
	for i < len(words) {
		start := i
		if !startsPhrase(words[i]) {
			return nil, 0, false
		}
		for ; ; i++ {
			if i >= len(words) || i-start > 6 {
				return nil, 0, false
			}
			w := words[i]
			if strings.HasSuffix(w, ",") {
				ops = append(ops, strings.Join(append(append([]string{}, words[start:i]...), strings.TrimSuffix(w, ",")), " "))
				i++
				break
			}
			if i > start && (sentenceStart(words, i) || known != nil && known[strings.Join(words[start:i], " ")] > 0 && startsPhrase(w)) {
				return append(ops, strings.Join(words[start:i], " ")), i, true
			}
		}
	}
	return nil, 0, false
}

func startsPhrase(w string) bool {
	r := []rune(w)
	return w == "N/A" || len(r) > 0 && unicode.IsUpper(r[0])
}

// sentenceStart reports whether words[i] can begin a sentence: capitalized and not an
// acronym (as ID and FS are; "A" is a word), with a word after it. Misreadings it
// allows lose to the common phrases when splits are scored.
func sentenceStart(words []string, i int) bool {
	w := []rune(words[i])
	if len(w) == 0 || !unicode.IsUpper(w[0]) || i+1 >= len(words) {
		return false
	}
	if len(w) > 1 && strings.ToUpper(words[i]) == words[i] {
		return false
	}
	return true
}

// operations returns the ids of the operations phrases name: "All" is every
// operation ("*"), "N/A" none, any other phrase one operation (see operation).
func (d *Draft) operations(phrases []string, notes map[string]string) []string {
	var ids []string
	for _, op := range phrases {
		switch op {
		case "All":
			ids = append(ids, "*")
		case "N/A", "":
		default:
			ids = append(ids, d.operation(op, notes))
		}
	}
	return ids
}

// operationPhrases splits a cell of operations, separated by commas, undoing
// Markdown's escapes.
func operationPhrases(cell string) []string {
	var out []string
	for _, p := range strings.Split(mdEscapeRE.ReplaceAllString(cell, "$1"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// operation returns the id of an operation phrase, declaring it once; a phrase with a
// footnote mark is a group whose description is the footnote.
func (d *Draft) operation(phrase string, notes map[string]string) string {
	title, mark := phrase, ""
	for m := range notes {
		if before, after, ok := strings.Cut(phrase, m); ok {
			title, mark = strings.TrimSpace(before+after), m
		}
	}
	var id strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		id.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	if id.Len() == 0 { // a phrase of punctuation alone
		id.WriteString("Operation" + strconv.Itoa(len(d.Operations)+1))
	}
	if d.ops == nil {
		d.ops = map[string]bool{}
		for _, op := range d.Operations {
			d.ops[op.ID] = true
		}
	}
	if !d.ops[id.String()] {
		d.ops[id.String()] = true
		d.Operations = append(d.Operations, &Operation{ID: id.String(), Title: title, Group: mark != "", Description: notes[mark]})
	}
	return id.String()
}
