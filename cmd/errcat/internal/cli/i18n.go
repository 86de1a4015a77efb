package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/translation"
	"github.com/spf13/cobra"
)

func newI18n() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "i18n",
		Short: "Hand a catalog's texts to translators as XLIFF or PO, merge their work back, report coverage",
		Long: `i18n exchanges a catalog's texts with translation tools (Crowdin, Weblate, Lokalise,
Poedit…). export writes what a locale still needs, new texts and texts whose source
changed since they were translated; import checks a translated file as lint would and
merges it into errors.LOCALE.yaml, keeping its comments and order; status prints each
locale's coverage.`,
	}
	cmd.AddCommand(newI18nExport(), newI18nImport(), newI18nStatus())
	return cmd
}

func newI18nExport() *cobra.Command {
	var locale, format, output string
	var all bool
	cmd := &cobra.Command{
		Use:   "export CATALOG --locale L [--format xliff|po] [-o FILE]",
		Short: "Write the texts a locale still needs as XLIFF 2.0 or gettext PO",
		Example: `  errcat i18n export ./errors --locale vi -o errors.vi.xlf
  errcat i18n export ./errors --locale de --format po -o de.po`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if locale == "" {
				return usageErrorf("i18n export: name the target locale with --locale, as --locale vi")
			}
			if format == "" {
				format = formatOf(output)
			}
			if format != "xliff" && format != "po" {
				return usageErrorf("--format %q: want xliff or po", format)
			}
			c, err := loadForI18n(cmd.ErrOrStderr(), a[0])
			if err != nil {
				return err
			}
			units, err := translation.Units(c, hostFS{}, locale)
			if err != nil {
				return ioErrorf("%v", err)
			}
			if !all {
				units = translation.Pending(units)
			}
			h := translation.Header{Catalog: c.Name, Version: c.Version, SourceLocale: c.DefaultLocale, Locale: locale, Revised: revised()}
			var b bytes.Buffer
			if format == "po" {
				err = translation.WritePO(&b, h, units)
			} else {
				err = translation.WriteXLIFF(&b, h, units)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s to translate into %s\n", count(len(units), "text"), locale)
			if output == "" {
				_, err = cmd.OutOrStdout().Write(b.Bytes())
				return err
			}
			if err := os.WriteFile(output, b.Bytes(), 0o644); err != nil {
				return ioErrorf("%v", err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&locale, "locale", "", "target locale, as vi or pt-BR")
	cmd.Flags().StringVar(&format, "format", "", "xliff or po (default: from the -o file's extension, else xliff)")
	cmd.Flags().StringVarP(&output, "output", "o", "", "file to write (default: standard output)")
	cmd.Flags().BoolVar(&all, "all", false, "write every text, translated ones with their translation, not only those that need work")
	return cmd
}

// formatOf returns the format a file name's extension implies.
func formatOf(name string) string {
	if strings.EqualFold(filepath.Ext(name), ".po") || strings.EqualFold(filepath.Ext(name), ".pot") {
		return "po"
	}
	return "xliff"
}

func newI18nImport() *cobra.Command {
	return &cobra.Command{
		Use:   "import CATALOG FILE",
		Short: "Check a translated XLIFF or PO file and merge it into the catalog's translation file",
		Long: `import reads FILE (XLIFF 2.0, or PO when it ends in .po), reports at FILE:line:col
every text lint would reject (unknown code, broken syntax, placeholders other than the
source's, plural arms the locale does not use or lacks) and then writes nothing;
otherwise it merges the texts into the locale's translation file, recording the
source each was translated from. Texts still fuzzy (PO) or in the initial state
(XLIFF) are left out.`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			c, err := loadForI18n(cmd.ErrOrStderr(), a[0])
			if err != nil {
				return err
			}
			data, err := readBounded(a[1])
			if err != nil {
				return err
			}
			var f *translation.File
			if formatOf(a[1]) == "po" {
				f, err = translation.ReadPO(a[1], data)
			} else {
				f, err = translation.ReadXLIFF(a[1], data)
			}
			if err != nil {
				return findingsErrorf("%v", err)
			}
			dir := a[0]
			if info, err := os.Stat(dir); err == nil && !info.IsDir() {
				dir = filepath.Dir(dir)
			}
			files, err := translation.Merge(c, hostFS{}, filepath.ToSlash(dir), f)
			var probs catalog.Problems
			if errors.As(err, &probs) {
				printError(cmd.ErrOrStderr(), probs)
				return errSilent
			}
			if err != nil {
				return findingsErrorf("%v", err)
			}
			for name, data := range files {
				if err := os.WriteFile(name, data, 0o644); err != nil {
					return ioErrorf("%v", err)
				}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "merged %s into %s\n", count(len(f.Texts), "text"), f.Locale)
			return nil
		},
	}
}

func newI18nStatus() *cobra.Command {
	var min float64
	var locales []string
	cmd := &cobra.Command{
		Use:   "status CATALOG [--min-coverage N]",
		Short: "Print each locale's translation coverage; fail below a threshold",
		Example: `  errcat i18n status ./errors
  errcat i18n status ./errors --min-coverage 95 --locale ja`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if min < 0 || min > 100 {
				return usageErrorf("--min-coverage %v: want a percentage from 0 to 100", min)
			}
			c, err := loadForI18n(cmd.ErrOrStderr(), a[0])
			if err != nil {
				return err
			}
			cov, err := translation.Status(c, hostFS{}, locales...)
			if err != nil {
				return ioErrorf("%v", err)
			}
			return writeCoverage(cmd.OutOrStdout(), cov, min)
		},
	}
	cmd.Flags().Float64Var(&min, "min-coverage", 0, "percentage of current translations every locale needs; below it the exit status is 1")
	cmd.Flags().StringArrayVar(&locales, "locale", nil, "also report a locale that has no translation file yet; repeat for several")
	return cmd
}

// writeCoverage prints one line a locale and fails when one is below min.
func writeCoverage(w io.Writer, cov []translation.Coverage, min float64) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "locale\tcurrent\tchanged\tmissing\tcoverage\t")
	var below []string
	for _, c := range cov {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f%%\t\n", printable(c.Locale), c.Current, c.Changed, c.Missing, c.Percent())
		if c.Percent() < min {
			below = append(below, c.Locale)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(below) > 0 {
		return findingsErrorf("coverage below %v%%: %s", min, strings.Join(below, ", "))
	}
	return nil
}

// loadForI18n loads the catalog at path; load problems are findings.
func loadForI18n(stderr io.Writer, path string) (*catalog.Catalog, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, ioErrorf("%s: %v", path, unwrapPath(err))
	}
	c, err := catalog.LoadFiles(path)
	if err != nil {
		printError(stderr, err)
		return nil, errSilent
	}
	return c, nil
}

// readBounded reads a file of at most translation.MaxFileSize bytes.
func readBounded(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, ioErrorf("%s: %v", name, unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, translation.MaxFileSize+1))
	if err != nil {
		return nil, ioErrorf("%s: %v", name, err)
	}
	return data, nil
}

// hostFS opens operating-system paths as given, as catalog.LoadFiles names them.
type hostFS struct{}

func (hostFS) Open(name string) (fs.File, error) { return os.Open(name) }

// revised returns the time an export is stamped with: SOURCE_DATE_EPOCH when set, for
// reproducible files, else now.
func revised() time.Time {
	if s, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		return time.Unix(s, 0).UTC()
	}
	return time.Now().UTC()
}
