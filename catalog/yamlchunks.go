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

// yamlChunkEntries is how many entries of errors one part holds; tests lower it.
var yamlChunkEntries = 256

// line is one line of a file: where it starts and ends (before the newline), the
// column of its first character other than a space, and whether it holds YAML rather
// than only white space or a comment.
type line struct {
	start, end, indent int
	content            bool
}

func splitLines(data []byte) []line {
	var out []line
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
	lines := splitLines(data)
	// The errors block: from the line after the only top-level "errors:" to the next
	// top-level line that is not an entry of a list written at column 0.
	at := -1
	for i, l := range lines {
		text := data[l.start:l.end]
		if bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("...")) {
			return nil, false // documents: the ordinary path says what to do
		}
		if l.indent == 0 && bytes.HasPrefix(text, []byte("errors:")) {
			if at >= 0 {
				return nil, false
			}
			rest := bytes.TrimSpace(text[len("errors:"):])
			if len(rest) > 0 && rest[0] != '#' {
				return nil, false // errors: [] and the like
			}
			at = i
		}
	}
	if at < 0 {
		return nil, false
	}
	first := at + 1
	for first < len(lines) && !lines[first].content {
		first++
	}
	if first == len(lines) {
		return nil, false
	}
	ind := lines[first].indent
	isItem := func(l line) bool {
		t := data[l.start+l.indent : l.end]
		return t[0] == '-' && (len(t) == 1 || t[1] == ' ' || t[1] == '\r')
	}
	list := isItem(lines[first])
	if !list && (ind == 0 || data[lines[first].start+ind] == '?') {
		return nil, false
	}
	var starts []int // line indexes where entries start
	end := len(lines)
	for i := first; i < len(lines); i++ {
		l := lines[i]
		if !l.content {
			continue
		}
		if l.indent < ind || l.indent == 0 && !(list && isItem(l)) {
			end = i
			break
		}
		if l.indent == ind {
			if list != isItem(l) || data[l.start+ind] == '?' {
				return nil, false
			}
			if rest := bytes.TrimSpace(data[l.start+ind+1 : l.end]); list && (len(rest) == 0 || rest[0] == '#') {
				return nil, false // an item whose value starts below: the parser reads those loosely
			}
			starts = append(starts, i)
		}
	}
	for end > first && !lines[end-1].content {
		end-- // comments and blank lines after the block belong to the top level
	}
	if end < len(lines) && lines[end].indent > 0 {
		return nil, false
	}

	// The top level, with the block blanked out so that its lines keep their numbers.
	header := make([]byte, 0, len(data)-(lines[end-1].end-lines[first].start)+(end-first))
	header = append(header, data[:lines[first].start]...)
	header = append(header, bytes.Repeat([]byte("\n"), end-first)...)
	if end < len(lines) {
		header = append(header, data[lines[end].start:]...)
	}
	root, p := parseYAML(name, header)
	if p != nil {
		return nil, false
	}
	var local Problems
	d := &decoder{file: name, probs: &local, anchors: map[string]ast.Node{}}
	translation, blanked := false, false
	kvs, ok := d.entries(root, "file")
	if !ok {
		return nil, false
	}
	var tail []string // the keys after the block, with their lines
	for _, kv := range kvs {
		k, _ := d.scalar(kv.Key)
		switch k {
		case "locale":
			translation = true
		case "errors":
			blanked = isNull(kv.Value)
		}
		if p := d.pos(kv.Key); p.Line > end {
			tail = append(tail, fmt.Sprint(k, "@", p.Line))
		}
	}
	if !blanked {
		return nil, false // the cut changed what the top level reads as
	}
	if translation == list {
		return nil, false // the wrong shape: the ordinary path reports it once
	}

	var errs []*Entry
	var trs []*TranslatedEntry
	keys := map[string]bool{} // a key repeated across parts is the parser's to report
	// Parts are parsed on every core, a window at a time so that only a few trees
	// are held at once, and decoded in order.
	var parts []int // the index in starts of each part's first entry
	for c := 0; c < len(starts); c += yamlChunkEntries {
		parts = append(parts, c)
	}
	parsed := make([]ast.Node, len(parts))
	window := 2 * runtime.GOMAXPROCS(0)
	for i, c := range parts {
		if i%window == 0 {
			if !parseParts(name, data, lines, starts, end, parts[i:min(i+window, len(parts))], parsed[i:]) {
				return nil, false
			}
		}
		part := parsed[i]
		parsed[i] = nil
		n := min(yamlChunkEntries, len(starts)-c)
		from := starts[c]
		d.lines = from - 1 // the part's line 2 is the file's line from+1
		kvs, ok := d.entries(part, "part")
		if !ok || len(kvs) == 0 {
			return nil, false
		}
		if k, _ := d.scalar(kvs[0].Key); k != "errors" {
			return nil, false
		}
		// The part must read as the file does: its entries where the cut put them
		// (one more, read ahead, but the last), and after the last part, the same
		// top-level keys as the top level had — else a text ran across a cut.
		want := n
		if c+n < len(starts) {
			want++
		} else {
			var got []string
			for _, kv := range kvs[1:] {
				k, _ := d.scalar(kv.Key)
				got = append(got, fmt.Sprint(k, "@", d.pos(kv.Key).Line))
			}
			if !slices.Equal(got, tail) {
				return nil, false
			}
		}
		var items []ast.Node
		if list {
			seq, ok := kvs[0].Value.(*ast.SequenceNode)
			if !ok {
				return nil, false
			}
			items = seq.Values
		} else {
			entries, ok := d.entries(kvs[0].Value, "errors")
			if !ok {
				return nil, false
			}
			for _, kv := range entries {
				items = append(items, kv)
			}
		}
		if len(items) != want {
			return nil, false
		}
		for i, item := range items[:n] {
			if d.pos(item).Line != starts[c+i]+1 {
				return nil, false
			}
			if !list {
				kv := item.(*ast.MappingValueNode)
				k, _ := d.scalar(kv.Key)
				if keys[k] || !isMapping(kv.Value) {
					return nil, false
				}
				keys[k] = true
				trs = append(trs, d.translatedError(kv))
				continue
			}
			if !isMapping(item) {
				return nil, false // a wrong entry: reported the ordinary way
			}
			if e := d.decodeError(item, nil); e != nil {
				errs = append(errs, e)
			}
		}
	}
	d.lines = 0
	fc := d.decodeFileWith(root, errs, trs)
	*probs = append(*probs, local...)
	return fc, true
}

// isMapping reports whether n is a mapping, as every entry of errors should be.
func isMapping(n ast.Node) bool {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return true
	}
	return false
}

// parseParts parses the parts whose first entries are at starts[c] for each c of
// parts into out, concurrently, and reports whether every one parsed. A part is its
// entries under an "errors:" of its own, and then what follows them in the file — the
// next entry, or for the last part the rest of the file — read but not decoded: the
// parser places a value by what comes after it, so each entry is read in the same
// surroundings as in the whole file.
func parseParts(name string, data []byte, lines []line, starts []int, end int, parts []int, out []ast.Node) bool {
	ok := make([]bool, len(parts))
	parallel.Each(len(parts), func(i int) {
		c := parts[i]
		n := min(yamlChunkEntries, len(starts)-c)
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
