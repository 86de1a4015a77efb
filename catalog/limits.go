package catalog

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"
)

// The limits of what Load reads. A catalog is data from people, so every file is
// bounded before a parser builds anything from it: the cost of loading a file grows
// with its size and never faster, whatever its shape. Each limit is far above what a
// catalog needs; a file over one gets a problem that names the limit and where it
// was reached, and contributes nothing.
const (
	// MaxFileSize is the largest file Load reads, in bytes.
	MaxFileSize = 64 << 20

	// MaxNesting is how deeply mappings and lists may nest in a file, counting the
	// top-level mapping as one: a catalog needs 8 (errors, an entry, its variants, a
	// variant, its params, a param). YAML's cost grows with the square of the depth.
	MaxNesting = 32

	// MaxValues is how many values (scalars, mappings, lists, anchors, aliases and
	// tags) one YAML document may hold, and one entry of a JSON file's errors or
	// the rest of that file. A large YAML catalog in the usual block layout is read
	// in parts of a few hundred entries, each counted on its own, so the limit
	// bounds what the YAML parser holds (about 2 KiB a value) rather than the size
	// of a catalog; JSON is streamed an entry at a time.
	MaxValues = 50_000

	// MaxKeyLength is the longest key of a mapping, in bytes: field names, codes
	// and operation ids are short.
	MaxKeyLength = 1024

	// MaxProblems is how many problems Load reports of the decoding of one file
	// before it stops reporting them: a file with more is not a catalog, and its
	// problems would cost more than its values.
	MaxProblems = 1000
)

// aliasSlack is how many values a YAML file's aliases may make the decoder read
// beyond twice the values the file holds: room for a small file to name a list
// many times.
const aliasSlack = 10_000

// readFile reads the file name of fsys, or as much of it as shows that it is larger
// than MaxFileSize.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(512)
	if info, err := f.Stat(); err == nil && info.Size() > 0 {
		size = min(info.Size(), MaxFileSize) + 1 // room to see the end, or one byte too many
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	_, err = b.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	return b.Bytes(), err
}

// tooLarge is the problem of a file larger than MaxFileSize.
func tooLarge(name string) Problem {
	return Problem{Pos: Pos{File: name}, Msg: fmt.Sprintf("file is larger than %d MiB (limit MaxFileSize): is it a catalog? split a large catalog into several files", MaxFileSize>>20)}
}

func nestingProblem(p Pos) Problem {
	return Problem{Pos: p, Msg: fmt.Sprintf("nesting deeper than %d levels (limit MaxNesting): a catalog nests 8 at most; check the indentation and brackets that lead here", MaxNesting)}
}

func valuesProblem(p Pos, what, advice string) Problem {
	return Problem{Pos: p, Msg: fmt.Sprintf("more than %d values in %s (limit MaxValues): %s", MaxValues, what, advice)}
}

func keyProblem(p Pos) Problem {
	return Problem{Pos: p, Msg: fmt.Sprintf("key longer than %d bytes (limit MaxKeyLength): field names and codes are short; look for a missing newline, colon or quote", MaxKeyLength)}
}

const yamlValuesAdvice = `split the file, or write its errors as a block list ("- code: …" entries, one after another), which is read a few hundred entries at a time`

// yamlScan is a linear pass over a YAML file that finds where it goes over
// MaxNesting, MaxValues or MaxKeyLength before the parser sees it: the parser's
// memory grows with the square of the nesting and by kilobytes a value, so a small
// file could otherwise take gigabytes.
//
// It reads the layout, not the grammar: the indentation of each line (a column
// deeper than the enclosing one opens a level, as does each "- " or "? " that
// starts a line's content), flow brackets outside quotes and comments, quoted
// strings across lines, and block strings (| and >), whose lines it skips. It may
// count a level or a value more than the parser would (a continued plain string
// reads as one more level) but never fewer, and the limits leave room for that.
type yamlScan struct {
	data   []byte
	line   int   // 1-based line of lineAt
	lineAt int   // offset of the line being read
	indent int   // its indentation
	stack  []int // the columns of the enclosing block levels
	flow   int   // depth of flow brackets
	quote  byte  // the quote of a string running across lines, or 0
	block  int   // the indentation of the line that opened a block string, or -1
	values int   // how many were read
	count  bool  // whether to count values
	prob   *Problem

	// indirect is set by an anchor, alias, tag or merge key: what could make one
	// part of the file depend on another, or mean something else alone.
	indirect bool
}

// yamlSummary is what scanYAML learnt of a file within the limits.
type yamlSummary struct {
	values   int  // how many values the file holds
	indirect bool // whether it has anchors, aliases, tags or merge keys
}

// scanYAML reports the first place where data goes over a limit, as a problem in
// name; nil when it is within them. MaxValues applies when countValues is set: it
// bounds one parse, and a large file is parsed in parts. It returns how many values
// data holds (as far as it read), and whether it has anchors, aliases, tags or merge
// keys.
func scanYAML(name string, data []byte, countValues bool) (yamlSummary, *Problem) {
	s := &yamlScan{data: data, block: -1, count: countValues}
	for at := 0; at < len(data) && s.prob == nil; {
		end := at
		for end < len(data) && data[end] != '\n' {
			end++
		}
		s.line++
		s.lineAt = at
		s.scanLine(data[at:end])
		at = end + 1
	}
	if s.prob != nil {
		s.prob.Pos.File = name
	}
	return yamlSummary{values: s.values, indirect: s.indirect}, s.prob
}

// fail records the first limit reached, at offset i of the line.
func (s *yamlScan) fail(i int, p func(Pos) Problem) {
	if s.prob == nil {
		pr := p(Pos{Line: s.line, Col: utf8.RuneCount(s.data[s.lineAt:s.lineAt+i]) + 1})
		s.prob = &pr
	}
}

// value counts one value at offset i of the line.
func (s *yamlScan) value(i int) {
	if s.values++; s.count && s.values > MaxValues {
		s.fail(i, func(p Pos) Problem { return valuesProblem(p, "one YAML document", yamlValuesAdvice) })
	}
}

// depth checks the nesting at offset i of the line.
func (s *yamlScan) depth(i int) {
	if len(s.stack)+s.flow > MaxNesting {
		s.fail(i, nestingProblem)
	}
}

// scanLine reads one line (without its newline).
func (s *yamlScan) scanLine(l []byte) {
	indent := 0
	for indent < len(l) && l[indent] == ' ' {
		indent++
	}
	blank := indent == len(l) || l[indent] == '#' || l[indent] == '\r'
	if s.block >= 0 {
		if blank || indent > s.block {
			return // a line of a block string
		}
		s.block = -1
	}
	i := 0
	if s.quote != 0 {
		if i = s.skipQuote(l, 0); i < 0 {
			return
		}
	} else if s.flow == 0 {
		if blank {
			return
		}
		s.indent = indent
		i = s.levels(l, indent)
	}
	s.scanContent(l, i)
}

// levels opens the block levels of a line's indentation and of the "- " and "? "
// indicators that start its content, and returns the offset of what follows them.
func (s *yamlScan) levels(l []byte, indent int) int {
	for len(s.stack) > 0 && s.stack[len(s.stack)-1] > indent {
		s.stack = s.stack[:len(s.stack)-1]
	}
	i := indent
	for {
		if n := len(s.stack); n == 0 || s.stack[n-1] < i {
			s.stack = append(s.stack, i)
			s.depth(i)
		}
		if i+1 <= len(l) && (l[i] == '-' || l[i] == '?') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\r') {
			s.value(i)
			i++
			for i < len(l) && l[i] == ' ' {
				i++
			}
			if i < len(l) && l[i] != '#' && l[i] != '\r' {
				continue
			}
		}
		return i
	}
}

// skipQuote moves past the rest of a quoted string from offset i, and returns the
// offset after its closing quote, or -1 when it goes on to the next line.
func (s *yamlScan) skipQuote(l []byte, i int) int {
	for ; i < len(l); i++ {
		switch {
		case s.quote == '"' && l[i] == '\\':
			i++
		case l[i] == s.quote && s.quote == '\'' && i+1 < len(l) && l[i+1] == '\'':
			i++
		case l[i] == s.quote:
			s.quote = 0
			return i + 1
		}
	}
	return -1
}

// scanContent reads a line from offset i: values, flow brackets, quotes, comments,
// the start of a block string, and the length of keys.
func (s *yamlScan) scanContent(l []byte, i int) {
	start := true // at the start of a value: after an indicator, a bracket or a comma
	keyAt := -1   // where the scalar being read started
	for ; i < len(l) && s.prob == nil; i++ {
		c := l[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
			return
		case start && (c == '"' || c == '\''):
			s.value(i)
			keyAt, s.quote = i, c
			if i = s.skipQuote(l, i+1); i < 0 {
				return
			}
			i--
			start = false
		case start && (c == '[' || c == '{'):
			s.value(i)
			s.flow++
			s.depth(i)
		case s.flow > 0 && (c == ']' || c == '}'):
			s.flow--
			start = false
		case s.flow > 0 && c == ',':
			start, keyAt = true, -1
		case c == ':' && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t' || l[i+1] == '\r' || s.flow > 0):
			if keyAt >= 0 && i-keyAt > MaxKeyLength {
				s.fail(keyAt, keyProblem)
			}
			start, keyAt = true, -1
		case start && (c == '|' || c == '>') && s.flow == 0:
			s.value(i)
			s.block = s.indent
			return
		case start && (c == '&' || c == '*' || c == '!'):
			s.indirect = true
			s.value(i) // the anchor, alias or tag, then its value
			for i+1 < len(l) && l[i+1] != ' ' && l[i+1] != ',' && l[i+1] != ']' && l[i+1] != '}' {
				i++
			}
		case start && (c == '-' || c == '?') && s.flow == 0 && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\r'):
			// An indicator after a tag or an anchor opens a level, as at the start of
			// the line (after a key, it is a syntax error; counted all the same).
			if n := len(s.stack); n == 0 || s.stack[n-1] < i {
				s.stack = append(s.stack, i)
				s.depth(i)
			}
			s.value(i)
		case start:
			if c == '<' && isMergeKey(l[i:]) {
				s.indirect = true
			}
			s.value(i)
			start, keyAt = false, i
		}
	}
}

// isMergeKey reports whether l starts with the merge key "<<" and its colon.
func isMergeKey(l []byte) bool {
	if len(l) < 3 || l[1] != '<' {
		return false
	}
	l = bytes.TrimLeft(l[2:], " \t")
	return len(l) > 0 && l[0] == ':'
}
