package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/importer"
	"github.com/spf13/cobra"
)

func newImport() *cobra.Command {
	var from, out, name string
	var mapping []string
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
		Example: `  errcat import --from markdown docs/errors.md -o errors
  errcat import --from properties messages.properties messages_vi.properties -o errors
  errcat import --from json errors.json --map code=errorCode --map message=text -o errors`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if out == "" {
				return usageErrorf("import: -o DIR is required")
			}
			if !slices.Contains([]string{"markdown", "md", "text", "txt", "csv", "properties", "json"}, from) {
				return usageErrorf("--from %q: want markdown, text, csv, properties or json", from)
			}
			if name == "" {
				name = strings.ToLower(strings.TrimSuffix(filepath.Base(out), filepath.Ext(out)))
			}
			files := map[string][]byte{}
			for _, f := range a {
				data, err := os.ReadFile(f)
				if err != nil {
					return findingsErrorf("%v", err)
				}
				files[f] = data
			}
			var d *importer.Draft
			var err error
			switch from {
			case "markdown", "md":
				d = importer.Markdown(name, concat(a, files))
			case "text", "txt":
				d = importer.Text(name, concat(a, files))
			case "csv":
				d, err = importer.CSV(name, concat(a, files))
			case "properties":
				d, err = importer.Properties(name, files)
			case "json":
				m := map[string]string{}
				for _, kv := range mapping {
					k, v, ok := strings.Cut(kv, "=")
					if !ok {
						return usageErrorf("--map %q: want FIELD=SOURCE, such as code=errorCode", kv)
					}
					m[k] = v
				}
				d, err = importer.JSON(name, concat(a, files), m)
			default:
				return usageErrorf("--from %q: want markdown, text, csv, properties or json", from)
			}
			if err != nil {
				return findingsErrorf("%v", err)
			}
			for _, n := range d.Notes {
				fmt.Fprintln(cmd.ErrOrStderr(), "note: "+n)
			}
			if len(d.Errors) == 0 {
				return findingsErrorf("no codes found in %s as %s", strings.Join(a, ", "), from)
			}
			written, err := d.Files()
			if err != nil {
				return findingsErrorf("%v", err)
			}
			names := make([]string, 0, len(written))
			for n := range written {
				names = append(names, n)
			}
			slices.Sort(names)
			for _, n := range names {
				if err := writeOutput(cmd.OutOrStdout(), filepath.Join(out, n), written[n]); err != nil {
					return err
				}
			}
			c, err := catalog.LoadFiles(out)
			var probs catalog.Problems
			if errors.As(err, &probs) {
				fmt.Fprintln(cmd.ErrOrStderr(), probs)
				return findingsErrorf("the imported catalog has problems (a bug in errcat's importer): see above")
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: catalog %s, %d codes; run errcat lint %s for the source's mistakes\n", out, c.Name, len(c.Errors), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "source format: markdown, text, csv, properties or json")
	cmd.Flags().StringVarP(&out, "output", "o", "", "directory to write the catalog to")
	cmd.Flags().StringVar(&name, "name", "", "catalog name (default: the output directory's name)")
	cmd.Flags().StringArrayVar(&mapping, "map", nil, "json: FIELD=SOURCE, the source field of a catalog field; repeat")
	return cmd
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
