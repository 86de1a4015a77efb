package catalog

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/errcat/errcat/internal/edit"
)

// Pos is a position in a catalog file. Line and Col count from 1; a zero Line means
// the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String returns "file:line:col", or just the file name when the line is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return p.File + ":" + strconv.Itoa(p.Line)
	}
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// Problem is one thing wrong with a catalog, at a position.
type Problem struct {
	Pos Pos
	Msg string
}

// Error returns "file:line:col: message".
func (p Problem) Error() string { return p.Pos.String() + ": " + p.Msg }

// Problems is every problem found while loading a catalog, in file and line order.
// It is the error type [Load] returns.
type Problems []Problem

// Error returns one problem a line.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// sort orders problems by file, line and column, keeping the order of equal ones.
func (ps Problems) sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}

// suggest returns ` (did you mean "x"?)` for the candidate closest to s, or "".
func suggest(s string, candidates []string) string {
	best, bestD := "", len(s)/2+2
	for _, c := range candidates {
		if d := edit.Distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return ` (did you mean "` + best + `"?)`
}
