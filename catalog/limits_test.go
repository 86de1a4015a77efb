package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// hostile builds inputs of about size bytes that go over one of the loader's limits.
var hostile = []struct {
	name string
	file string
	data func(size int) string
	want string // the first problem
}{
	{"deep block nesting", "errors.yaml", func(size int) string {
		var b strings.Builder
		b.WriteString("catalog: x\nerrors:\n")
		for i := 1; b.Len() < size; i++ {
			b.WriteString(strings.Repeat("  ", i%1000) + "a:\n")
		}
		return b.String()
	}, "errors.yaml:34:65: nesting deeper than 32 levels (limit MaxNesting): a catalog nests 8 at most; check the indentation and brackets that lead here"},
	{"deep dashes", "errors.yaml", func(size int) string {
		return "catalog: x\nerrors:\n" + strings.Repeat("- ", size/2) + "x\n"
	}, "errors.yaml:3:65: nesting deeper than 32 levels (limit MaxNesting): a catalog nests 8 at most; check the indentation and brackets that lead here"},
	{"deep flow lists", "errors.yaml", func(size int) string {
		return "catalog: x\nerrors: " + strings.Repeat("[", size/2) + strings.Repeat("]", size/2) + "\n"
	}, "errors.yaml:2:40: nesting deeper than 32 levels (limit MaxNesting): a catalog nests 8 at most; check the indentation and brackets that lead here"},
	{"deep flow mappings", "errors.yaml", func(size int) string {
		return "catalog: x\nerrors: [" + strings.Repeat("{a: ", size/5) + strings.Repeat("}", size/5) + "]\n"
	}, "errors.yaml:2:130: nesting deeper than 32 levels (limit MaxNesting): a catalog nests 8 at most; check the indentation and brackets that lead here"},
	{"deep translation", "errors.vi.yaml", func(size int) string {
		return "locale: vi\nerrors:\n  E1:\n    title: " + strings.Repeat("[", size/2) + strings.Repeat("]", size/2) + "\n"
	}, "errors.vi.yaml:4:41: nesting deeper than 32 levels (limit MaxNesting): a catalog nests 8 at most; check the indentation and brackets that lead here"},
	{"many flow values", "errors.yaml", func(size int) string {
		return "catalog: x\nerrors: [" + strings.Repeat("1,", size/2) + "1]\n"
	}, "errors.yaml:2:100004: more than 100000 tokens in one YAML document (limit MaxTokens): split the file, or write its errors as a block list (\"- code: …\" entries, one after another), which is read a few hundred entries at a time"},
	{"many block values", "errors.yaml", func(size int) string {
		return "catalog: x\nerrors:\n" + strings.Repeat("- 1\n", size/4)
	}, "errors.yaml:50000:3: more than 100000 tokens in one YAML document (limit MaxTokens): split the file, or write its errors as a block list (\"- code: …\" entries, one after another), which is read a few hundred entries at a time"},
	{"many anchors", "errors.yaml", func(size int) string {
		return "catalog: x\nerrors:\n" + strings.Repeat("- &a 1\n", size/7)
	}, "errors.yaml:33334:6: more than 100000 tokens in one YAML document (limit MaxTokens): split the file, or write its errors as a block list (\"- code: …\" entries, one after another), which is read a few hundred entries at a time"},
	{"alias expansion", "errors.yaml", func(size int) string {
		var b strings.Builder
		b.WriteString("catalog: x\nerrors:\n- {code: '0', name: A, message: m, causes: &c [" + strings.Repeat("c,", 2000) + "c]}\n")
		for b.Len() < size {
			b.WriteString("- {code: '1', name: A, message: " + strings.Repeat("m", 400) + ", causes: *c}\n")
		}
		return b.String()
	}, "errors.yaml:52:443: aliases expand to more values than the file could hold written out (at most twice its tokens and 10000 more): use fewer aliases"},
	{"long key", "errors.yaml", func(size int) string {
		return "catalog: x\n" + strings.Repeat("k", size) + ": 1\n"
	}, "errors.yaml:2:1: key longer than 1024 bytes (limit MaxKeyLength): field names and codes are short; look for a missing newline, colon or quote"},
	{"long quoted key", "errors.yaml", func(size int) string {
		return "catalog: x\nerrors:\n- {code: '1', name: A, message: m, '" + strings.Repeat("k", size) + "': 1}\n"
	}, "errors.yaml:3:36: key longer than 1024 bytes (limit MaxKeyLength): field names and codes are short; look for a missing newline, colon or quote"},
	{"deep JSON", "errors.json", func(size int) string {
		return `{"catalog": "x", "errors": ` + strings.Repeat("[", size/2) + strings.Repeat("]", size/2) + "}"
	}, "errors.json:1:59: nesting deeper than 32 levels (limit MaxNesting): a catalog nests 8 at most; check the indentation and brackets that lead here"},
	{"many JSON values", "errors.json", func(size int) string {
		return `{"catalog": "x", "x": [` + strings.Repeat("1,", size/2) + "1]}"
	}, "errors.json:1:200014: more than 100000 values in one entry of errors, or in the rest of the file (limit MaxTokens): an entry holds a few dozen; look for a runaway list here"},
	{"long JSON key", "errors.json", func(size int) string {
		return `{"catalog": "x", "` + strings.Repeat("k", size) + `": 1}`
	}, "errors.json:1:18: key longer than 1024 bytes (limit MaxKeyLength): field names and codes are short; look for a missing newline, colon or quote"},
	{"many JSON problems", "errors.json", func(size int) string {
		return `{"catalog": "x", "errors": [` + strings.Repeat("1,", size/2) + "1]}"
	}, "errors.json:1:29: error: want a mapping, got the number 1"},
}

// TestLoadLimits loads hostile files of 1 MiB: each is refused with a problem that
// names the limit it went over and where, and costs less than 256 MiB of allocation.
func TestLoadLimits(t *testing.T) {
	for _, tt := range hostile {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data(1 << 20))
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := Load(fstest.MapFS{tt.file: {Data: data}}, tt.file)
			runtime.ReadMemStats(&after)
			var probs Problems
			if !errors.As(err, &probs) {
				t.Fatalf("Load = %v, want problems", err)
			}
			if got := probs[0].Error(); got != tt.want {
				t.Errorf("first problem:\n%s\nwant\n%s", got, tt.want)
			}
			if len(probs) > MaxProblems+1 {
				t.Errorf("%d problems, want at most %d", len(probs), MaxProblems+1)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			if alloc > 256<<20 {
				t.Errorf("allocated %d MiB, want under 256 MiB", alloc>>20)
			}
			t.Logf("%d KiB: %d MiB allocated", len(data)>>10, alloc>>20)
		})
	}
}

// TestLoadWithinLimits loads files that stay just within the limits, so that the
// parsers read them whole, and holds each to the same allocation bound.
func TestLoadWithinLimits(t *testing.T) {
	// fill repeats unit after head as many times as MaxTokens allows, and closes.
	fill := func(head, unit, tail string) string {
		one, _ := scanYAML("", []byte(head+unit), false)
		two, _ := scanYAML("", []byte(head+unit+unit), false)
		return head + strings.Repeat(unit, (MaxTokens-20-one.tokens)/(two.tokens-one.tokens)) + tail
	}
	for _, tt := range []struct{ name, file, data string }{
		{"flow values", "errors.yaml", fill("catalog: x\nerrors: [", "1,", "1]\n")},
		{"anchors", "errors.yaml", fill("catalog: x\nerrors:\n", "- &a 1\n", "")},
		{"null keys", "errors.yaml", fill("", ": \n", "")},
		{"flow comments", "errors.yaml", fill("catalog: x\nerrors: [", "#c\n", "]\n")},
		{"quoted lines", "errors.yaml", fill("catalog: x\nerrors: '", "a\n", "'\n")},
		{"deep dashes", "errors.yaml", fill("catalog: x\nerrors:\n", strings.Repeat("- ", MaxNesting-2)+"x\n", "")},
		{"deep flow", "errors.yaml", fill("catalog: x\nerrors:\n", "- "+strings.Repeat("{a: ", MaxNesting-3)+strings.Repeat("}", MaxNesting-3)+"\n", "")},
		{"long values", "errors.yaml", "catalog: x\nerrors:\n- {code: '1', name: A, message: " + strings.Repeat("m", 1<<20) + "}\n"},
		{"deep JSON", "errors.json", `{"catalog": "x", "errors": [` + strings.Repeat(strings.Repeat("[", MaxNesting-2)+strings.Repeat("]", MaxNesting-2)+",", 1<<20/64) + "1]}"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := Load(fstest.MapFS{tt.file: {Data: []byte(tt.data)}}, tt.file)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			if alloc > 256<<20 {
				t.Errorf("%d bytes: allocated %d MiB, want under 256 MiB", len(tt.data), alloc>>20)
			}
			t.Logf("%d KiB: %d MiB allocated (%.80v)", len(tt.data)>>10, alloc>>20, err)
		})
	}
}

// FuzzYAMLScan holds the limit scan to what the YAML parser builds: on any input the
// scan accepts and the parser reads, the tree nests no deeper than the scan allows,
// so that the scan never lets through what it is there to stop.
func FuzzYAMLScan(f *testing.F) {
	for _, h := range hostile {
		if strings.HasSuffix(h.file, ".yaml") {
			f.Add([]byte(h.data(200)))
		}
	}
	f.Add([]byte("a:\n  - - b: |\n      [[[\n    c: 'x\n  [[' \n  d: \"[{\\\"\"\n"))
	f.Add([]byte("? - a\n  - b\n: - c\n"))
	f.Add([]byte("a: >-\n  folded\n\n  text\nb: [c, {d: e}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4<<10 {
			t.Skip()
		}
		if _, p := scanYAML("f.yaml", data, true); p != nil {
			return
		}
		file, err := parser.ParseBytes(data, 0)
		if err != nil {
			return
		}
		for _, doc := range file.Docs {
			if depth := nesting(doc.Body); depth > MaxNesting {
				t.Fatalf("the scan let through a document nested %d levels deep", depth)
			}
		}
	})
}

// nesting returns how deeply mappings and lists nest in n.
func nesting(n ast.Node) int {
	switch t := n.(type) {
	case *ast.MappingNode:
		d := 0
		for _, kv := range t.Values {
			d = max(d, nesting(kv.Key), nesting(kv.Value))
		}
		return d + 1
	case *ast.MappingValueNode:
		return max(nesting(t.Key), nesting(t.Value)) + 1
	case *ast.SequenceNode:
		d := 0
		for _, v := range t.Values {
			d = max(d, nesting(v))
		}
		return d + 1
	case *ast.AnchorNode:
		return nesting(t.Value)
	case *ast.TagNode:
		return nesting(t.Value)
	}
	return 0
}

// endless is a file system of one file, big.yaml, that never ends.
type endless struct{}

func (endless) Open(name string) (fs.File, error) {
	if name != "big.yaml" {
		return nil, fs.ErrNotExist
	}
	return endless{}, nil
}
func (endless) Stat() (fs.FileInfo, error) { return endless{}, nil }
func (endless) Close() error               { return nil }
func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	return len(p), nil
}
func (endless) Name() string       { return "big.yaml" }
func (endless) Size() int64        { return 1 << 62 }
func (endless) Mode() fs.FileMode  { return 0o444 }
func (endless) ModTime() time.Time { return time.Time{} }
func (endless) IsDir() bool        { return false }
func (endless) Sys() any           { return nil }

// TestLoadFileSize: a file is read no further than shows it is larger than
// MaxFileSize.
func TestLoadFileSize(t *testing.T) {
	_, err := Load(endless{}, "big.yaml")
	want := "big.yaml: file is larger than 64 MiB (limit MaxFileSize): is it a catalog? split a large catalog into several files"
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v, want %s", err, want)
	}
}

// TestLoadLargeEntries: a large catalog of large entries (300 causes each, 3 MB) is
// read in parts small enough to stay within MaxTokens, as one of small entries is.
func TestLoadLargeEntries(t *testing.T) {
	var b strings.Builder
	b.WriteString("catalog: x\nerrors:\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  - code: E%d\n    name: N%d\n    message: m\n    causes:\n%s", i, i, strings.Repeat("      - c\n", 300))
	}
	c, err := Load(fstest.MapFS{"errors.yaml": {Data: []byte(b.String())}}, "errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Errors) != 1000 || len(c.Errors[999].Causes) != 300 {
		t.Errorf("read %d codes, want 1000 of 300 causes", len(c.Errors))
	}
}
