package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/portal"
	"github.com/spf13/cobra"
)

func newDocs() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "Generate the documentation of catalogs: a static site or a Markdown document",
	}
	cmd.AddCommand(newDocsBuild(), newDocsMarkdown())
	return cmd
}

func newDocsBuild() *cobra.Command {
	var out, title, envelope string
	var force bool
	cmd := &cobra.Command{
		Use:   "build [PATH...] -o DIR",
		Short: "Write the static documentation site of catalogs into a directory",
		Long: `build writes the documentation site of each catalog PATH (a catalog file, a
directory of them, or dir/... for every catalog below dir; the built-in common catalog
without PATH) into DIR: an index with
the overview table and search, one page per code in every locale, example responses
in the envelope each catalog declares (its response field; problem when none), or the
one --envelope names. Several catalogs each get catalogs/NAME/. The site is written
beside DIR and moved into place when complete. DIR must be new, empty, or a site an
earlier build wrote (it holds the marker file .errcat-site); --force replaces any DIR
whole.`,
		Example: `  errcat docs build ./errors -o public/errors
  errcat docs build examples/seeds/001-devdocs examples/seeds/003-identity -o /tmp/site`,
		RunE: func(cmd *cobra.Command, a []string) error {
			if out == "" {
				return usageErrorf("docs build: give the site's directory with -o DIR")
			}
			env, err := envelopeFlag(envelope)
			if err != nil {
				return usageErrorf("docs build: %v", err)
			}
			cats, err := loadCatalogs(cmd.ErrOrStderr(), a)
			if err != nil {
				return err
			}
			boundHeap()
			start := time.Now()
			stats, err := portal.WriteDir(cats, portal.Options{Title: title, Force: force, Envelope: env}, out)
			if err != nil {
				return findingsErrorf("docs build: %v", err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "errcat: wrote %s: %d files, %.1f MiB in %s\n", out, stats.Files, float64(stats.Bytes)/(1<<20), time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "directory of the site (required)")
	cmd.Flags().StringVar(&title, "title", "", `title of a site of several catalogs (default "Error catalogs")`)
	cmd.Flags().BoolVar(&force, "force", false, "replace DIR even if an errcat build did not write it (everything in it is lost)")
	cmd.Flags().StringVar(&envelope, "envelope", "", "envelope of the example response on each page: "+envelopeNames()+" (default: each catalog's declared envelope, else problem)")
	return cmd
}

// envelopeFlag is the envelope an --envelope flag names; nil when it names none, for
// each catalog's declared envelope.
func envelopeFlag(name string) (httperr.Envelope, error) {
	if name == "" {
		return nil, nil
	}
	if env := httperr.EnvelopeByName(name); env != nil {
		return env, nil
	}
	return nil, fmt.Errorf("--envelope %q: use one of %s", name, envelopeNames())
}

// envelopeNames lists the names of httperr's envelopes, separated by ", ".
func envelopeNames() string {
	var names []string
	for _, e := range httperr.Envelopes {
		names = append(names, e.Name())
	}
	return strings.Join(names, ", ")
}

func newDocsMarkdown() *cobra.Command {
	var out, locale, envelope string
	var sections []string
	cmd := &cobra.Command{
		Use:   "markdown [PATH...] [-o FILE]",
		Short: "Write catalogs as one Markdown document, for wikis and repositories",
		Long: `markdown writes each catalog PATH (as for build; the built-in common catalog without PATH) as
Markdown, laid out by what the catalog holds: an overview table whose columns are the
ones some code fills (HTTP status, Returned By with operation titles and footnotes for
groups of operations, Description, Example response when the catalog gives examples),
then a section for each code that says more than its row (Message, Description, Root
Cause, Resolution). A catalog whose every code has causes or resolutions and none a
summary is written as sections alone, each opening with the code's title. Without -o
it prints the document.`,
		Example: `  errcat docs markdown ./errors -o ERRORS.md
  errcat docs markdown --locale vi examples/petstore/errors
  errcat docs markdown --section causes="Possible Causes:" --section resolutions="Resolution:" ./errors`,
		RunE: func(cmd *cobra.Command, a []string) error {
			opts := portal.MarkdownOptions{Locale: locale, Sections: map[string]string{}}
			for _, s := range sections {
				key, name, ok := strings.Cut(s, "=")
				if !ok || !slices.Contains(markdownSections, key) || name == "" {
					return usageErrorf("docs markdown: --section %q: want SECTION=HEADING, SECTION one of %s", s, strings.Join(markdownSections, ", "))
				}
				opts.Sections[key] = name
			}
			if envelope != "" {
				if opts.Envelope = httperr.EnvelopeByName(envelope); opts.Envelope == nil {
					return usageErrorf("docs markdown: --envelope %q: want one of %s", envelope, envelopeNames())
				}
			}
			cats, err := loadCatalogs(cmd.ErrOrStderr(), a)
			if err != nil {
				return err
			}
			md, err := portal.MarkdownWith(cats, opts)
			if err != nil {
				return findingsErrorf("docs markdown: %v", err)
			}
			return writeOutput(cmd.OutOrStdout(), out, md)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	cmd.Flags().StringVarP(&locale, "locale", "l", "", "locale of the texts (default: each catalog's default locale)")
	cmd.Flags().StringArrayVar(&sections, "section", nil, "SECTION=HEADING: the heading of a code's section (message, description, causes, resolutions, returned_by); repeatable")
	cmd.Flags().StringVar(&envelope, "envelope", "", "envelope of the example responses: "+envelopeNames()+" (default: each catalog's declared envelope, else problem)")
	return cmd
}

// markdownSections are the sections whose headings docs markdown --section renames.
var markdownSections = []string{"message", "description", "causes", "resolutions", "returned_by"}

// loadCatalogs loads each catalog the paths name (a file, a directory, or dir/... for
// every catalog below dir), or the built-in common catalog when there is none.
// Problems are printed to w, all of them, and reported as findings.
func loadCatalogs(w io.Writer, paths []string) ([]*catalog.Catalog, error) {
	if len(paths) == 0 {
		c, err := source.Load()
		if err != nil {
			return nil, findingsErrorf("%v", err)
		}
		return []*catalog.Catalog{c}, nil
	}
	if _, err := findCatalogs(paths); err != nil {
		return nil, err
	}
	cats, err := loadEach(paths)
	if err != nil {
		printError(w, err)
		return nil, errSilent
	}
	return cats, nil
}

// loadEach loads each catalog the paths name, expanding dir/... patterns; the error
// joins the problems of every catalog that failed.
func loadEach(paths []string) ([]*catalog.Catalog, error) {
	expanded, err := catalog.FindFiles(paths...)
	if err != nil {
		return nil, err
	}
	var cats []*catalog.Catalog
	var errs []error
	for _, p := range expanded {
		c, err := catalog.LoadFiles(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cats = append(cats, c)
	}
	return cats, errors.Join(errs...)
}
