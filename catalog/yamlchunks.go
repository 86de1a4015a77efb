package catalog

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"

	"github.com/errcat/errcat/internal/parallel"
	"github.com/goccy/go-yaml/ast"
)

// The YAML parser takes time that grows faster than the file on the long mappings and
// lists of a large catalog (50,000 codes in five locales took a minute and 3.8 GB),
// and holds the whole tree. parseYAMLChunks reads such a file in parts instead: the
// top-level fields with the errors block blanked out, then the entries of errors a
// few hundred at a time, each part parsed on its own and decoded with its lines
// shifted to where they are in the file. It reads only files whose layout it can cut
// without changing their meaning, and any part that does not parse sends the whole
// file to the ordinary path, so that every problem is reported as it always was.

// yamlChunkMin is the size from which a YAML file is read in parts; tests lower it.
var yamlChunkMin = 256 << 10

// yamlChunkEntries is how many entries of errors one part holds at most; tests
// lower it.
var yamlChunkEntries = 256

// yamlChunkBytes bounds the bytes of a part of more than one entry: with the entry
// read after it, a part then holds fewer than MaxTokens tokens however dense they
// are (one a byte at most), unless one entry alone is that large, so a catalog of
// large entries is read in parts as one of small entries is.
const yamlChunkBytes = MaxTokens / 2

// part is the entries starts[first:first+n] of the errors block, read together.
type part struct{ first, n int }

// line is one line of a file: where it starts and ends (before the newline), the
// column of its first character other than a space, and whether it holds YAML rather
// than only white space or a comment.
type line struct {
	start, end, indent int
	content            bool
}

func splitLines(data []byte) []line {
	out := make([]line, 0, bytes.Count(data, []byte{'\n'})+1)
	for start := 0; start < len(data); {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		l := line{start: start, end: end}
		for l.start+l.indent < end && data[l.start+l.indent] == ' ' {
			l.indent++
		}
		text := bytes.TrimRight(data[l.start+l.indent:end], "\r")
		l.content = len(text) > 0 && text[0] != '#'
		out = append(out, l)
		start = end + 1
	}
	return out
}

// parseYAMLChunks reads a large YAML file in parts, as described above. It reports
// false, having recorded nothing, when the file is small, or not of a layout it cuts:
// one that is indirect (holds anchors, aliases, tags or merge keys, which could make
// one part depend on another or mean something else alone) is not.
func parseYAMLChunks(name string, data []byte, indirect bool, probs *Problems) (*fileContent, bool) {
	if len(data) < yamlChunkMin || indirect || bytes.IndexByte(data, '\t') >= 0 {
		return nil, false
	}
	c := &chunker{name: name, data: data, lines: splitLines(data)}
	if !c.findErrors() {
		return nil, false
	}
	root, ok := c.parseHeader()
	if !ok {
		return nil, false
	}
	if !c.decodeParts() {
		return nil, false
	}
	c.d.lines = 0
	fc := c.d.decodeFileWith(root, c.errs, c.trs)
	*probs = append(*probs, c.local...)
	return fc, true
}

// chunker holds what parseYAMLChunks learns of a file as it goes.
type chunker struct {
	name  string
	data  []byte
	lines []line

	// The errors block: its lines are lines[first:end]; its entries start at the
	// lines of starts, indented by ind; list tells a catalog's list of entries
	// from a translation's mapping of codes.
	first, end, ind int
	starts          []int
	list            bool

	d     *decoder
	local Problems
	tail  []string // the top-level keys after the block, with their lines
	errs  []*Entry
	trs   []*TranslatedEntry
	keys  map[string]bool // a key repeated across parts is the parser's to report
}

// isItem reports whether l is a list item: "-" then a space or the end of the line.
func (c *chunker) isItem(l line) bool {
	t := c.data[l.start+l.indent : l.end]
	return t[0] == '-' && (len(t) == 1 || t[1] == ' ' || t[1] == '\r')
}

// findErrors finds the errors block: from the line after the only top-level
// "errors:" to the next top-level line that is not an entry of a list written at
// column 0. It reports false when the file has no such block, or one it cannot cut.
func (c *chunker) findErrors() bool {
	at := c.errorsKey()
	if at < 0 {
		return false
	}
	lines, data := c.lines, c.data
	c.first = at + 1
	for c.first < len(lines) && !lines[c.first].content {
		c.first++
	}
	if c.first == len(lines) {
		return false
	}
	c.ind = lines[c.first].indent
	c.list = c.isItem(lines[c.first])
	if !c.list && (c.ind == 0 || data[lines[c.first].start+c.ind] == '?') {
		return false
	}
	if !c.findEntries() {
		return false
	}
	for c.end > c.first && !lines[c.end-1].content {
		c.end-- // comments and blank lines after the block belong to the top level
	}
	return c.end == len(lines) || lines[c.end].indent == 0
}

// errorsKey returns the index of the line of the only top-level "errors:" with
// nothing after it, or -1.
func (c *chunker) errorsKey() int {
	at := -1
	for i, l := range c.lines {
		text := c.data[l.start:l.end]
		if bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("...")) {
			return -1 // documents: the ordinary path says what to do
		}
		if l.indent == 0 && bytes.HasPrefix(text, []byte("errors:")) {
			if at >= 0 {
				return -1
			}
			rest := bytes.TrimSpace(text[len("errors:"):])
			if len(rest) > 0 && rest[0] != '#' {
				return -1 // errors: [] and the like
			}
			at = i
		}
	}
	return at
}

// findEntries sets starts, the lines where entries start, and end, the line after
// the block. It reports false on a line it cannot place.
func (c *chunker) findEntries() bool {
	c.end = len(c.lines)
	for i := c.first; i < len(c.lines); i++ {
		l := c.lines[i]
		if !l.content {
			continue
		}
		if l.indent < c.ind || l.indent == 0 && !(c.list && c.isItem(l)) {
			c.end = i
			break
		}
		if l.indent == c.ind {
			if c.list != c.isItem(l) || c.data[l.start+c.ind] == '?' {
				return false
			}
			if rest := bytes.TrimSpace(c.data[l.start+c.ind+1 : l.end]); c.list && (len(rest) == 0 || rest[0] == '#') {
				return false // an item whose value starts below: the parser reads those loosely
			}
			c.starts = append(c.starts, i)
		}
	}
	return true
}

// parseHeader parses the top level, with the block blanked out so that its lines
// keep their numbers, and checks that it reads as the file's top level does.
func (c *chunker) parseHeader() (ast.Node, bool) {
	lines, data := c.lines, c.data
	header := make([]byte, 0, len(data)-(lines[c.end-1].end-lines[c.first].start)+(c.end-c.first))
	header = append(header, data[:lines[c.first].start]...)
	header = append(header, bytes.Repeat([]byte("\n"), c.end-c.first)...)
	if c.end < len(lines) {
		header = append(header, data[lines[c.end].start:]...)
	}
	root, p := parseYAML(c.name, header)
	if p != nil {
		return nil, false
	}
	c.d = &decoder{file: c.name, probs: &c.local, anchors: map[string]ast.Node{}}
	kvs, ok := c.d.entries(root, "file")
	if !ok {
		return nil, false
	}
	translation, blanked := false, false
	for _, kv := range kvs {
		k, _ := c.d.scalar(kv.Key)
		switch k {
		case "locale":
			translation = true
		case "errors":
			blanked = isNull(kv.Value)
		}
		if p := c.d.pos(kv.Key); p.Line > c.end {
			c.tail = append(c.tail, fmt.Sprint(k, "@", p.Line))
		}
	}
	// Not blanked: the cut changed what the top level reads as. The wrong shape
	// for the kind of file: the ordinary path reports it once.
	return root, blanked && translation != c.list
}

// decodeParts parses the parts on every core, a window at a time so that only a
// few trees are held at once, and decodes them in order. It reports false when a
// part does not read as the same lines of the whole file would.
func (c *chunker) decodeParts() bool {
	c.keys = map[string]bool{}
	parts := c.parts()
	parsed := make([]ast.Node, len(parts))
	window := 2 * runtime.GOMAXPROCS(0)
	for i, pt := range parts {
		if i%window == 0 {
			if !parseParts(c.name, c.data, c.lines, c.starts, c.end, parts[i:min(i+window, len(parts))], parsed[i:]) {
				return false
			}
		}
		tree := parsed[i]
		parsed[i] = nil
		if !c.decodePart(tree, pt) {
			return false
		}
	}
	return true
}

// parts cuts the entries into parts of at most yamlChunkEntries entries and, but
// for a part of one entry, yamlChunkBytes bytes.
func (c *chunker) parts() []part {
	var parts []part
	for first := 0; first < len(c.starts); {
		n := 1
		for n < yamlChunkEntries && first+n < len(c.starts) &&
			c.lines[c.starts[first+n]].start-c.lines[c.starts[first]].start < yamlChunkBytes {
			n++
		}
		parts = append(parts, part{first, n})
		first += n
	}
	return parts
}

// decodePart decodes the tree of part pt.
func (c *chunker) decodePart(tree ast.Node, pt part) bool {
	d := c.d
	first, n := pt.first, pt.n
	d.lines = c.starts[first] - 1 // the part's line 2 is the file's line starts[first]+1
	kvs, ok := d.entries(tree, "part")
	if !ok || len(kvs) == 0 {
		return false
	}
	if k, _ := d.scalar(kvs[0].Key); k != "errors" {
		return false
	}
	// The part must read as the file does: its entries where the cut put them (one
	// more, read ahead, but the last), and after the last part, the same top-level
	// keys as the top level had — else a text ran across a cut.
	want := n
	if first+n < len(c.starts) {
		want++
	} else {
		var got []string
		for _, kv := range kvs[1:] {
			k, _ := d.scalar(kv.Key)
			got = append(got, fmt.Sprint(k, "@", d.pos(kv.Key).Line))
		}
		if !slices.Equal(got, c.tail) {
			return false
		}
	}
	items, ok := c.items(kvs[0].Value)
	if !ok || len(items) != want {
		return false
	}
	for i, item := range items[:n] {
		if d.pos(item).Line != c.starts[first+i]+1 || !c.decodeEntry(item) {
			return false
		}
	}
	return true
}

// items returns the entries of a part's errors.
func (c *chunker) items(errors ast.Node) ([]ast.Node, bool) {
	if c.list {
		seq, ok := errors.(*ast.SequenceNode)
		if !ok {
			return nil, false
		}
		return seq.Values, true
	}
	entries, ok := c.d.entries(errors, "errors")
	if !ok {
		return nil, false
	}
	items := make([]ast.Node, len(entries))
	for i, kv := range entries {
		items[i] = kv
	}
	return items, true
}

// decodeEntry decodes one entry of errors, and reports false when it must be read
// the ordinary way: not a mapping, or a code repeated.
func (c *chunker) decodeEntry(item ast.Node) bool {
	if c.list {
		if !isMapping(item) {
			return false // a wrong entry: reported the ordinary way
		}
		if e := c.d.decodeError(item, nil); e != nil {
			c.errs = append(c.errs, e)
		}
		return true
	}
	kv := item.(*ast.MappingValueNode)
	k, _ := c.d.scalar(kv.Key)
	if c.keys[k] || !isMapping(kv.Value) {
		return false
	}
	c.keys[k] = true
	c.trs = append(c.trs, c.d.translatedError(kv))
	return true
}

// isMapping reports whether n is a mapping, as every entry of errors should be.
func isMapping(n ast.Node) bool {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return true
	}
	return false
}

// parseParts parses parts into out, concurrently, and reports whether every one
// parsed. A part is its
// entries under an "errors:" of its own, and then what follows them in the file — the
// next entry, or for the last part the rest of the file — read but not decoded: the
// parser places a value by what comes after it, so each entry is read in the same
// surroundings as in the whole file.
func parseParts(name string, data []byte, lines []line, starts []int, end int, parts []part, out []ast.Node) bool {
	ok := make([]bool, len(parts))
	parallel.Each(len(parts), func(i int) {
		c, n := parts[i].first, parts[i].n
		stop := len(data)
		if c+n < len(starts) {
			next := end
			if c+n+1 < len(starts) {
				next = starts[c+n+1]
			}
			stop = min(lines[next-1].end+1, len(data))
		}
		var p *Problem
		out[i], p = parseYAML(name, append([]byte("errors:\n"), data[lines[starts[c]].start:stop]...))
		ok[i] = p == nil
	})
	return !slices.Contains(ok, false)
}
