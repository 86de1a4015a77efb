package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/errcat/errcat/internal/parallel"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Load reads the catalog made of the files at paths in fsys and merges them into one
// catalog. A path is a file or a directory; a directory stands for every .yaml, .yml
// and .json file below it. A file with a top-level locale field is a translation file.
//
// Load reports every problem it finds, not just the first, as a [Problems] error whose
// lines read "file:line:col: message". It returns the catalog as far as it could be
// read even then, so that lint can go on; [Catalog.Set] is nil when there were
// problems.
func Load(fsys fs.FS, paths ...string) (*Catalog, error) {
	var probs Problems
	files, err := expand(fsys, paths, &probs)
	if err != nil {
		return nil, err
	}
	c := &Catalog{Pos: map[string]Pos{}}
	// Files are independent until merged: parse them on every core, keeping each
	// file's results in its place so that the outcome is the same as in order.
	type result struct {
		fc    *fileContent
		probs Problems
		read  bool
	}
	results := make([]result, len(files))
	parallel.Each(len(files), func(i int) {
		r, f := &results[i], files[i]
		data, err := readFile(fsys, f)
		if err != nil {
			r.probs = append(r.probs, Problem{Pos: Pos{File: f}, Msg: "cannot read file: " + unwrapPathError(err)})
			return
		}
		r.read = true
		r.fc = parseFile(f, data, &r.probs)
	})
	var contents []*fileContent
	unread := false
	for i, r := range results {
		probs = append(probs, r.probs...)
		if !r.read {
			continue
		}
		c.Files = append(c.Files, files[i])
		if r.fc != nil {
			contents = append(contents, r.fc)
		} else {
			unread = true
		}
	}
	c.merge(contents, &probs)
	c.check(&probs, unread)
	if len(probs) > 0 {
		probs.sort()
		return c, probs
	}
	c.ok = true
	return c, nil
}

// LoadFiles is [Load] for paths of the operating system's file system, relative to the
// working directory or absolute. Problems name the paths as given.
func LoadFiles(paths ...string) (*Catalog, error) {
	return Load(osFS{}, paths...)
}

// osFS opens operating-system paths as given, so that "../x" and "/abs/x" work and
// problems show the path the user typed. fs.ValidPath's rules do not apply to it.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// expand turns paths into the sorted list of catalog files they name.
func expand(fsys fs.FS, paths []string, probs *Problems) ([]string, error) {
	if len(paths) == 0 {
		return nil, errors.New("no catalog path given")
	}
	var files []string
	for _, p := range paths {
		p = strings.TrimSuffix(p, "/...")
		info, err := fs.Stat(fsys, p)
		if err != nil {
			*probs = append(*probs, Problem{Pos: Pos{File: p}, Msg: "cannot open catalog: " + unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = fs.WalkDir(fsys, p, func(name string, de fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if de.IsDir() && name != p && strings.HasPrefix(de.Name(), ".") {
				return fs.SkipDir
			}
			if !de.IsDir() && isCatalogFile(name) {
				found = append(found, name)
			}
			return nil
		})
		if err != nil {
			*probs = append(*probs, Problem{Pos: Pos{File: p}, Msg: "cannot read directory: " + unwrapPathError(err)})
			continue
		}
		if len(found) == 0 {
			*probs = append(*probs, Problem{Pos: Pos{File: p}, Msg: "directory has no catalog files (.yaml, .yml or .json)"})
		}
		slices.Sort(found)
		files = append(files, found...)
	}
	return slices.Compact(files), nil
}

func isCatalogFile(name string) bool {
	switch path.Ext(name) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Find expands patterns into catalogs, one path per catalog. A pattern ending in
// "/..." stands for every directory below it that directly holds catalog files (the
// topmost such directory of each branch, since a directory is loaded with everything
// below it); any other pattern is returned as it is.
func Find(fsys fs.FS, patterns ...string) ([]string, error) {
	var out []string
	for _, pat := range patterns {
		root, ok := strings.CutSuffix(pat, "...")
		if !ok {
			out = append(out, pat)
			continue
		}
		root = strings.TrimSuffix(root, "/")
		if root == "" {
			root = "."
		}
		var found []string
		err := fs.WalkDir(fsys, root, func(name string, de fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !de.IsDir() {
				return nil
			}
			if name != root && strings.HasPrefix(de.Name(), ".") {
				return fs.SkipDir
			}
			entries, err := fs.ReadDir(fsys, name)
			if err != nil {
				return err
			}
			for _, e := range entries {
				if !e.IsDir() && isCatalogFile(e.Name()) {
					found = append(found, name)
					return fs.SkipDir
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %s", pat, unwrapPathError(err))
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: matched no catalog: no directory below %s holds .yaml, .yml or .json files", pat, root)
		}
		out = append(out, found...)
	}
	return out, nil
}

// FindFiles is [Find] for paths of the operating system's file system.
func FindFiles(patterns ...string) ([]string, error) { return Find(osFS{}, patterns...) }

// parseFile parses one file into what it contributes; nil when it cannot be parsed.
// Every file is held to the limits (see [MaxFileSize]) before it is parsed. The YAML
// parser is not trusted to never panic or hang on hostile bytes: a panic or a parse
// that takes longer than parseLimit becomes a problem, so a bad file can never crash
// or stall a tool or a server.
func parseFile(name string, data []byte, probs *Problems) *fileContent {
	if len(data) > MaxFileSize {
		*probs = append(*probs, tooLarge(name))
		return nil
	}
	if path.Ext(name) == ".json" {
		return decodeJSON(name, data, probs)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		*probs = append(*probs, Problem{Pos: Pos{File: name}, Msg: "file is empty: write a catalog or a translation (see doc/format.md)"})
		return nil
	}
	if fc, ok := yamlAsJSON(name, data, probs); ok {
		return fc
	}
	shape, p := scanYAML(name, data, false)
	if p != nil {
		*probs = append(*probs, *p)
		return nil
	}
	if fc, ok := parseYAMLChunks(name, data, shape.indirect, probs); ok {
		return fc
	}
	root, p := parseYAML(name, data)
	if p != nil {
		*probs = append(*probs, *p)
		return nil
	}
	d := &decoder{file: name, probs: probs, anchors: map[string]ast.Node{}, budget: 2*shape.tokens + aliasSlack}
	fc := d.decodeFile(root)
	if d.spent {
		return nil
	}
	return fc
}

// parseYAML parses data, which must hold one YAML document, and returns its body, or
// the problem that stopped it. A document of more than MaxTokens values is not
// parsed.
func parseYAML(name string, data []byte) (ast.Node, *Problem) {
	if _, p := scanYAML(name, data, true); p != nil {
		return nil, p
	}
	done := make(chan struct{})
	var f *ast.File
	var err error
	go func() {
		defer close(done)
		defer func() {
			if r := recover(); r != nil {
				err = errParserPanic
			}
		}()
		f, err = parser.ParseBytes(data, 0)
	}()
	limit := parseLimit(len(data))
	select {
	case <-done:
	case <-time.After(limit):
		return nil, &Problem{Pos: Pos{File: name}, Msg: fmt.Sprintf("the YAML parser did not finish in %v; check the file's syntax", limit)}
	}
	if err != nil {
		p := yamlProblem(name, err)
		return nil, &p
	}
	var docs []ast.Node
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			docs = append(docs, doc.Body)
		}
	}
	switch len(docs) {
	case 0:
		return nil, &Problem{Pos: Pos{File: name}, Msg: "file is empty: write a catalog or a translation (see doc/format.md)"}
	case 1:
		return docs[0], nil
	}
	d := &decoder{file: name}
	return nil, &Problem{Pos: d.pos(docs[1]), Msg: "a file holds one YAML document: move this one to a file of its own"}
}

var errParserPanic = errors.New("parser panic")

// parseLimit is how long the YAML parser may take on size bytes before the file is
// reported rather than waited for: generous, since the parser reads a few MB/s and a
// busy machine is slower, but finite, so that no input can stall a server.
func parseLimit(size int) time.Duration {
	return 30*time.Second + time.Duration(size>>20)*4*time.Second
}

// yamlProblem converts a parser error into a positioned problem.
func yamlProblem(name string, err error) Problem {
	if errors.Is(err, errParserPanic) {
		return Problem{Pos: Pos{File: name}, Msg: "the YAML parser failed on this file; check its syntax"}
	}
	var te interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if errors.As(err, &te) {
		p := Pos{File: name}
		if tk := te.GetToken(); tk != nil && tk.Position != nil {
			p.Line, p.Col = tk.Position.Line, tk.Position.Column
		}
		return Problem{Pos: p, Msg: "YAML syntax: " + te.GetMessage()}
	}
	return Problem{Pos: Pos{File: name}, Msg: "YAML syntax: " + err.Error()}
}

// jsonSyntax returns the problem of a .json file that is not valid JSON: encoding/json's
// message, at the line and column of the offset it names, so that JSON files get
// JSON's rules and words rather than YAML's.
func jsonSyntax(name string, data []byte) Problem {
	var v any
	err := json.Unmarshal(data, &v)
	p := Pos{File: name}
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		p.Line, p.Col = lineCol(data, int(se.Offset))
		return Problem{Pos: p, Msg: "JSON syntax: " + se.Error()}
	case err != nil:
		return Problem{Pos: p, Msg: "JSON syntax: " + err.Error()}
	}
	// encoding/json reads the file: the scanner was stricter than it, which is a bug.
	return Problem{Pos: p, Msg: "JSON syntax: the file could not be read; please report this file to errcat"}
}

// lineCol returns the 1-based line and column (in characters) of byte offset off.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, len([]rune(string(data[start:off]))) + 1
}
