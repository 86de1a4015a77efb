package cli

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/importer"
	"github.com/spf13/cobra"
)

// importFlags are the import command's flags.
type importFlags struct {
	from, out, name string
	mapping         []string
}

func newImport() *cobra.Command {
	var f importFlags
	cmd := &cobra.Command{
		Use:   "import --from FORMAT FILE... -o DIR",
		Short: "Build a catalog from existing docs: Markdown, text, CSV, properties or JSON",
		Long: `import builds a catalog from what a team already has and writes it to DIR
(errors.yaml, and errors.<locale>.yaml per translation). FORMAT is:

  markdown    tables (Code | Message | Description …) and per-code Message,
              Description, Root Cause and Resolution sections
  text        pages of AREA-STATUS codes with a title, a description,
              "Possible Causes:" and "Resolution:"; or, under a header naming
              "Returned By", rows of code, status, message, operations and
              description separated by spaces only
  csv         a header row: code, status, title, message, summary, description,
              causes, resolutions (items separated by " | ")
  properties  Java messages.properties and its _locale siblings
  json        an array of objects; --map code=errorCode names their fields

It infers params from {0} placeholders, names from titles and missing statuses from
the text (and says so), turns a code listed several times into one code with variants,
and reports on stderr what it inferred or could not map. The catalog it writes passes
errcat validate; errcat lint then shows the source's own mistakes.`,
		Example: `  errcat import --from markdown doc/sample-errors.md -o /tmp/shop
  errcat import --from properties messages.properties messages_vi.properties -o errors
  errcat import --from json errors.json --map code=errorCode --map message=text -o errors`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := f.check(); err != nil {
				return err
			}
			d, err := runImport(a, f)
			if err != nil {
				return err
			}
			for _, n := range d.Notes {
				fmt.Fprintln(cmd.ErrOrStderr(), "note: "+printable(n))
			}
			if len(d.Errors) == 0 {
				return findingsErrorf("no codes found in %s as %s", strings.Join(a, ", "), f.from)
			}
			return writeImport(cmd, d, f.out)
		},
	}
	cmd.Flags().StringVar(&f.from, "from", "", "source format: markdown, text, csv, properties or json")
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "directory to write the catalog to")
	cmd.Flags().StringVar(&f.name, "name", "", "catalog name (default: the output directory's name)")
	cmd.Flags().StringArrayVar(&f.mapping, "map", nil, "json: FIELD=SOURCE, the source field of a catalog field; repeat")
	return cmd
}

// check reports a usage error in the flags, and names the catalog after the output
// directory when --name is not given.
func (f *importFlags) check() error {
	if f.out == "" {
		return usageErrorf("import: -o DIR is required")
	}
	if !slices.Contains([]string{"markdown", "md", "text", "txt", "csv", "properties", "json"}, f.from) {
		return usageErrorf("--from %q: want markdown, text, csv, properties or json", f.from)
	}
	for _, kv := range f.mapping {
		if !strings.Contains(kv, "=") {
			return usageErrorf("--map %q: want FIELD=SOURCE, such as code=errorCode", kv)
		}
	}
	if f.name == "" {
		f.name = strings.ToLower(strings.TrimSuffix(filepath.Base(f.out), filepath.Ext(f.out)))
	}
	return nil
}

// runImport reads the files and builds the draft catalog of their format.
func runImport(paths []string, f importFlags) (*importer.Draft, error) {
	files := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, ioErrorf("%v", err)
		}
		files[p] = data
	}
	var d *importer.Draft
	var err error
	switch f.from {
	case "markdown", "md":
		d = importer.Markdown(f.name, concat(paths, files))
	case "text", "txt":
		d = importer.Text(f.name, concat(paths, files))
	case "csv":
		d, err = importer.CSV(f.name, concat(paths, files))
	case "properties":
		d, err = importer.Properties(f.name, files)
	case "json":
		m := map[string]string{}
		for _, kv := range f.mapping {
			k, v, _ := strings.Cut(kv, "=")
			m[k] = v
		}
		d, err = importer.JSON(f.name, concat(paths, files), m)
	}
	if err != nil {
		return nil, findingsErrorf("%v", err)
	}
	return d, nil
}

// writeImport writes the draft's files into dir, in name order, then loads them back
// to check that the catalog errcat wrote is valid.
func writeImport(cmd *cobra.Command, d *importer.Draft, dir string) error {
	written, err := d.Files()
	if err != nil {
		return findingsErrorf("%v", err)
	}
	for _, n := range slices.Sorted(maps.Keys(written)) {
		if err := writeOutput(cmd.OutOrStdout(), filepath.Join(dir, n), written[n]); err != nil {
			return err
		}
	}
	c, err := catalog.LoadFiles(dir)
	var probs catalog.Problems
	if errors.As(err, &probs) {
		printError(cmd.ErrOrStderr(), probs)
		return findingsErrorf("the imported catalog has problems (a bug in errcat's importer): see above")
	}
	if err != nil {
		return ioErrorf("%s: %v", dir, err)
	}
	fmt.Fprintf(cmd.OutOrStdout(), "%s: catalog %s, %s; run errcat lint %s for the source's mistakes\n", printable(dir), printable(c.Name), count(len(c.Errors), "code"), printable(dir))
	return nil
}

// concat joins the files in argument order, for formats read as one document.
func concat(order []string, files map[string][]byte) []byte {
	var b []byte
	for _, f := range order {
		b = append(b, files[f]...)
		b = append(b, '\n')
	}
	return b
}
