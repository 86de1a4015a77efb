package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/common/source"
	"github.com/spf13/cobra"
)

// catalogFlag is the --catalog flag shared by the commands that read one catalog.
type catalogFlag struct{ paths []string }

func (f *catalogFlag) register(cmd *cobra.Command) {
	cmd.Flags().StringArrayVarP(&f.paths, "catalog", "c", nil, "catalog file or directory; repeat to merge several (default: the built-in common catalog)")
}

// load loads the catalog the flag names, or the built-in common catalog. Problems are
// printed one a line to stderr and reported as findings.
func (f *catalogFlag) load(stderr io.Writer) (*catalog.Catalog, error) {
	var c *catalog.Catalog
	var err error
	if len(f.paths) == 0 {
		c, err = source.Load()
	} else {
		c, err = catalog.LoadFiles(f.paths...)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, errSilent
	}
	return c, nil
}

// lookup finds a code or variant in c, or returns a finding that suggests close codes.
func lookup(c *catalog.Catalog, id string) (*errcat.Definition, error) {
	if d := c.Set().Lookup(id); d != nil {
		return d, nil
	}
	var close []string
	for _, d := range c.Set().Definitions() {
		if strings.HasPrefix(d.Code(), id) || strings.EqualFold(d.Name(), id) {
			close = append(close, d.Code())
		}
	}
	msg := fmt.Sprintf("catalog %s has no code %q", c.Name, id)
	if len(close) > 0 {
		if len(close) > 5 {
			close = append(close[:5], "…")
		}
		msg += "; did you mean " + strings.Join(close, ", ") + "?"
	}
	return nil, findingsErrorf("%s", msg)
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
