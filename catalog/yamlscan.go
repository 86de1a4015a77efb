package catalog

import (
	"bytes"
	"unicode/utf8"
)

const yamlTokensAdvice = `split the file, or write its errors as a block list ("- code: …" entries, one after another), which is read a few hundred entries at a time`

// yamlScan is a linear pass over a YAML file that finds where it goes over
// MaxNesting, MaxTokens or MaxKeyLength before the parser sees it: the parser's
// memory grows with the square of the nesting and by a kilobyte or two a token, so
// a small file could otherwise take gigabytes.
//
// It reads the layout, not the grammar: the indentation of each line (a column
// deeper than the enclosing one opens a level, as does each "- " or "? " that
// starts a line's content), flow brackets outside quotes and comments, quoted
// strings across lines, and block strings (| and >), whose lines it skips. It may
// count a level or a token more than the parser would (a continued plain string
// reads as one more level) but never fewer, and the limits leave room for that.
type yamlScan struct {
	data   []byte
	line   int   // 1-based line of lineAt
	lineAt int   // offset of the line being read
	indent int   // its indentation
	stack  []int // the columns of the enclosing block levels
	flow   int   // depth of flow brackets
	// dashes counts the "- " indicators inside flow brackets, which the parser
	// takes for block lists nested in them, for each bracket open (in inside) and
	// in all.
	inside []int
	dashes int
	quote  byte // the quote of a string running across lines, or 0
	block  int  // the indentation of the line that opened a block string, or -1
	tokens int  // how many were read
	count  bool // whether to hold them to MaxTokens
	prob   *Problem

	// indirect is set by an anchor, alias, tag or merge key: what could make one
	// part of the file depend on another, or mean something else alone.
	indirect bool
}

// yamlSummary is what scanYAML learnt of a file within the limits.
type yamlSummary struct {
	tokens   int  // how many tokens the file holds
	indirect bool // whether it has anchors, aliases, tags or merge keys
}

// scanYAML reports the first place where data goes over a limit, as a problem in
// name; nil when it is within them. MaxTokens applies when countTokens is set: it
// bounds one parse, and a large file is parsed in parts. It returns how many tokens
// data holds (as far as it read), and whether it has anchors, aliases, tags or merge
// keys.
func scanYAML(name string, data []byte, countTokens bool) (yamlSummary, *Problem) {
	s := &yamlScan{data: data, block: -1, count: countTokens}
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
	return yamlSummary{tokens: s.tokens, indirect: s.indirect}, s.prob
}

// fail records the first limit reached, at offset i of the line.
func (s *yamlScan) fail(i int, p func(Pos) Problem) {
	if s.prob == nil {
		pr := p(Pos{Line: s.line, Col: utf8.RuneCount(s.data[s.lineAt:s.lineAt+i]) + 1})
		s.prob = &pr
	}
}

// token counts one token at offset i of the line.
func (s *yamlScan) token(i int) {
	if s.tokens++; s.count && s.tokens > MaxTokens {
		s.fail(i, func(p Pos) Problem { return tokensProblem(p, "tokens in one YAML document", yamlTokensAdvice) })
	}
}

// depth checks the nesting at offset i of the line.
func (s *yamlScan) depth(i int) {
	if len(s.stack)+s.flow+s.dashes > MaxNesting {
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
		s.token(0) // the parser holds each line of a quoted string
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
			s.token(i)
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
			s.token(i) // the parser keeps comments
			return
		case start && (c == '"' || c == '\''):
			s.token(i)
			keyAt, s.quote = i, c
			if i = s.skipQuote(l, i+1); i < 0 {
				return
			}
			i--
			start = false
		case (start || s.flow > 0) && (c == '[' || c == '{'):
			// In brackets, every bracket counts: the parser may take one inside a
			// word for a list.
			s.token(i)
			s.flow++
			s.inside = append(s.inside, 0)
			s.depth(i)
		case s.flow > 0 && (c == ']' || c == '}'):
			s.token(i)
			s.flow--
			s.dashes -= s.inside[len(s.inside)-1]
			s.inside = s.inside[:len(s.inside)-1]
			start = false
		case s.flow > 0 && c == ',':
			s.token(i)
			start, keyAt = true, -1
		case c == ':' && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t' || l[i+1] == '\r' || s.flow > 0):
			if keyAt >= 0 && i-keyAt > MaxKeyLength {
				s.fail(keyAt, keyProblem)
			}
			s.token(i)
			start, keyAt = true, -1
		case start && (c == '|' || c == '>') && s.flow == 0:
			s.token(i)
			s.block = s.indent
			return
		case start && (c == '&' || c == '*' || c == '!'):
			s.indirect = true
			s.token(i) // the anchor, alias or tag, then its value
			for i+1 < len(l) && !bytes.ContainsRune([]byte(" \t\r,[]{}"), rune(l[i+1])) {
				i++
			}
		case start && (c == '-' || c == '?') && s.flow > 0 && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\r'):
			s.inside[len(s.inside)-1]++
			s.dashes++
			s.depth(i)
			s.token(i)
		case start && (c == '-' || c == '?') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\r'):
			// An indicator after a tag or an anchor opens a level, as at the start of
			// the line (after a key, it is a syntax error; counted all the same).
			if n := len(s.stack); n == 0 || s.stack[n-1] < i {
				s.stack = append(s.stack, i)
				s.depth(i)
			}
			s.token(i)
		case start:
			if c == '<' && isMergeKey(l[i:]) {
				s.indirect = true
			}
			s.token(i)
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
