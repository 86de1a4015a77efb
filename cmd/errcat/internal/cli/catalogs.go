package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/internal/edit"
	"github.com/spf13/cobra"
)

// catalogFlag is the --catalog flag shared by the commands that read one catalog.
type catalogFlag struct{ paths []string }

func (f *catalogFlag) register(cmd *cobra.Command) {
	cmd.Flags().StringArrayVarP(&f.paths, "catalog", "c", nil, "catalog file or directory; repeat to merge several (default: the built-in common catalog)")
}

// load loads the catalog the flag names, or the built-in common catalog. Problems are
// printed one a line to stderr and reported as findings; a path that does not exist
// is an I/O error.
func (f *catalogFlag) load(stderr io.Writer) (*catalog.Catalog, error) {
	var c *catalog.Catalog
	var err error
	if len(f.paths) == 0 {
		c, err = source.Load()
	} else {
		for _, p := range f.paths {
			if _, err := os.Stat(p); err != nil {
				return nil, ioErrorf("--catalog %s: %v", p, unwrapPath(err))
			}
		}
		c, err = catalog.LoadFiles(f.paths...)
	}
	if err != nil {
		printError(stderr, err)
		return nil, errSilent
	}
	return c, nil
}

// lookup finds a code or variant in c, or returns a finding that suggests the codes
// closest to id (by prefix, by name, then by edit distance) and points to
// explain --search, which finds codes by their texts.
func lookup(c *catalog.Catalog, id string) (*errcat.Definition, error) {
	if d := c.Set().Lookup(id); d != nil {
		return d, nil
	}
	msg := fmt.Sprintf("catalog %s has no code %q", c.Name, id)
	if close := closeCodes(c.Set().Definitions(), id); len(close) > 0 {
		msg += "; did you mean " + strings.Join(close, ", ") + "?"
	}
	msg += " (errcat explain --search WORDS finds a code by its texts)"
	return nil, findingsErrorf("%s", msg)
}

// closeCodes returns up to five codes of defs near id: those it is a prefix of or
// whose name it is (ignoring case), else those within two edits of it (a typo, a
// digit too many or too few), nearest first.
func closeCodes(defs []*errcat.Definition, id string) []string {
	var close []string
	for _, d := range defs {
		if strings.HasPrefix(d.Code(), id) || strings.EqualFold(d.Name(), id) {
			close = append(close, d.Code())
		}
	}
	if len(close) == 0 {
		type near struct {
			code string
			dist int
		}
		var nears []near
		for _, d := range defs {
			if n := edit.Distance(strings.ToLower(id), strings.ToLower(d.Code())); n <= 2 && n < len(id) {
				nears = append(nears, near{d.Code(), n})
			}
		}
		slices.SortStableFunc(nears, func(a, b near) int { return a.dist - b.dist })
		for _, n := range nears {
			close = append(close, n.code)
		}
	}
	if len(close) > 5 {
		close = append(close[:5], "…")
	}
	return close
}

// localeNote returns a note when the catalog has no texts in locale, nor in a locale
// it falls back to other than the default; such a locale is shown in the default
// locale rather than refused, as a server would.
func localeNote(c *catalog.Catalog, locale string) string {
	if locale == "" {
		return ""
	}
	got := c.Set().MatchLocale(locale)
	tag := strings.ToLower(strings.ReplaceAll(locale, "_", "-")) + "-"
	if strings.HasPrefix(tag, strings.ToLower(got)+"-") {
		return ""
	}
	return fmt.Sprintf("catalog %s has no locale %s; showing %s (locales: %s)", c.Name, locale, got, strings.Join(c.Set().Locales(), ", "))
}

// definition loads the flag's catalog and finds id in it, noting on stderr a locale the
// catalog falls back from: the start of the commands that show one code.
func (f *catalogFlag) definition(cmd *cobra.Command, id, locale string) (*catalog.Catalog, *errcat.Definition, error) {
	c, err := f.load(cmd.ErrOrStderr())
	if err != nil {
		return nil, nil, err
	}
	d, err := lookup(c, id)
	if err != nil {
		return nil, nil, err
	}
	if note := localeNote(c, locale); note != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "errcat: "+note)
	}
	return c, d, nil
}

// findCatalogs expands the paths into catalogs, one path each (DIR/... stands for
// every catalog below DIR). A path that does not exist or cannot be read is an I/O
// error, not a finding.
func findCatalogs(paths []string) ([]string, error) {
	for _, p := range paths {
		if _, err := os.Stat(strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")); err != nil && p != "..." {
			return nil, ioErrorf("%s: %v", p, unwrapPath(err))
		}
	}
	found, err := catalog.FindFiles(paths...)
	if err != nil {
		return nil, ioErrorf("%v", err)
	}
	return found, nil
}

// unwrapPath returns the reason of a *fs.PathError without the path, which the
// caller names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// hintSubdirs writes a hint to w when dir, which loaded with problems as one catalog,
// holds catalogs in several sub-directories: dir/... was likely meant.
func hintSubdirs(w io.Writer, dir string) {
	if strings.HasSuffix(dir, "...") {
		return
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return
	}
	below, err := catalog.FindFiles(strings.TrimSuffix(dir, "/") + "/...")
	if err != nil || len(below) < 2 {
		return
	}
	fmt.Fprintf(w, "errcat: hint: %s holds %d catalogs in sub-directories and was loaded as one; %s/... loads each on its own\n",
		printable(dir), len(below), printable(strings.TrimSuffix(dir, "/")))
}

// count returns "1 code", "2 codes": n and the word, plural unless n is 1.
func count(n int, word string) string { return strconv.Itoa(n) + " " + plural(n, word) }

// plural returns word, with an s unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
