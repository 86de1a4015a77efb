package catalog

import (
	"fmt"
	"io"
	"io/fs"
	"slices"
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

	// MaxTokens is how many tokens one YAML document may hold: values (scalars,
	// mappings, lists), the punctuation between them (: - , and brackets),
	// comments, anchors, aliases and tags, which the parser holds at a kilobyte or
	// two each. A JSON file is held to it as the values of one entry of its errors,
	// and of the rest of the file. A large YAML catalog in the usual block layout is
	// read in parts of a few hundred entries, each counted on its own, so the limit
	// bounds what the parser holds at once rather than the size of a catalog; JSON
	// is streamed an entry at a time.
	MaxTokens = 100_000

	// MaxKeyLength is the longest key of a mapping, in bytes: field names, codes
	// and operation ids are short.
	MaxKeyLength = 1024

	// MaxProblems is how many problems Load reports of the decoding of one file
	// before it stops reporting them: a file with more is not a catalog, and its
	// problems would cost more than its values.
	MaxProblems = 1000
)

// aliasSlack is how many values a YAML file's aliases may make the decoder read
// beyond twice the tokens the file holds: room for a small file to name a list
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
	// Read into a buffer of the size the file reports (bytes.Buffer would double it
	// when the last read leaves it nearly full), growing only for a file that grew.
	b := make([]byte, 0, size)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		switch {
		case err == io.EOF:
			return b, nil
		case err != nil:
			return b, err
		case len(b) == cap(b):
			b = slices.Grow(b, 4096)
		}
	}
}

// tooLarge is the problem of a file larger than MaxFileSize.
func tooLarge(name string) Problem {
	return Problem{Pos: Pos{File: name}, Msg: fmt.Sprintf("file is larger than %d MiB (limit MaxFileSize): is it a catalog? split a large catalog into several files", MaxFileSize>>20)}
}

func nestingProblem(p Pos) Problem {
	return Problem{Pos: p, Msg: fmt.Sprintf("nesting deeper than %d levels (limit MaxNesting): a catalog nests 8 at most; check the indentation and brackets that lead here", MaxNesting)}
}

func tokensProblem(p Pos, what, advice string) Problem {
	return Problem{Pos: p, Msg: fmt.Sprintf("more than %d %s (limit MaxTokens): %s", MaxTokens, what, advice)}
}

func keyProblem(p Pos) Problem {
	return Problem{Pos: p, Msg: fmt.Sprintf("key longer than %d bytes (limit MaxKeyLength): field names and codes are short; look for a missing newline, colon or quote", MaxKeyLength)}
}
