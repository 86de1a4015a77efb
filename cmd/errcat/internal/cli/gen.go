package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/gen/golang"
	"github.com/errcat/errcat/gen/openapi"
	"github.com/errcat/errcat/gen/typescript"
	"github.com/errcat/errcat/httperr"
	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"
)

func newGen() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Generate Go, TypeScript or OpenAPI from a catalog",
	}
	cmd.AddCommand(newGenGo(), newGenTS(), newGenOpenAPI())
	return cmd
}

func newGenTS() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "ts [PATH...]",
		Short: "Generate TypeScript types, envelope type guards and message functions",
		Long: `gen ts writes one TypeScript module for the catalog at PATH (the built-in common
catalog when there is none): a union type of its codes, a params type per code, type
guards for each envelope body, and message(code, params, locale) and title(...) that
render the catalog's texts and translations exactly as the Go runtime does.`,
		Example: `  errcat gen ts ./errors -o web/src/errors.ts`,
		RunE: func(cmd *cobra.Command, a []string) error {
			c, err := loadPaths(cmd, a)
			if err != nil {
				return err
			}
			src, err := typescript.Generate(c)
			if err != nil {
				return findingsErrorf("%v", err)
			}
			return writeOutput(cmd.OutOrStdout(), out, src)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	return cmd
}

// loadPaths loads the catalog at paths (merged), or the built-in one when there are
// none; problems are printed and reported as findings.
func loadPaths(cmd *cobra.Command, paths []string) (*catalog.Catalog, error) {
	cf := catalogFlag{paths: paths}
	return cf.load(cmd.ErrOrStderr())
}

func newGenGo() *cobra.Command {
	var out, pkg string
	cmd := &cobra.Command{
		Use:   "go [PATH...]",
		Short: "Generate typed Go constructors, sentinels and the compiled catalog",
		Long: `gen go writes one Go file for the catalog at PATH (files and directories, merged;
the built-in common catalog when there is none): a constructor per code with typed
parameters in catalog order, a sentinel per code for errors.Is, constants for codes,
and the catalog with its translations as one string constant, whose index is read at
start-up and each code compiled when first used. Use it from go:generate:

  //go:generate go run github.com/errcat/errcat/cmd/errcat gen go ../errors -o errors.go --package apierr`,
		Example: `  errcat gen go ./errors -o internal/apierr/errors.go --package apierr`,
		RunE: func(cmd *cobra.Command, a []string) error {
			c, err := loadPaths(cmd, a)
			if err != nil {
				return err
			}
			src, err := golang.Generate(c, golang.Options{Package: pkg, Source: sourceOf(c, a)})
			if err != nil {
				return findingsErrorf("%v", err)
			}
			return writeOutput(cmd.OutOrStdout(), out, src)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	cmd.Flags().StringVar(&pkg, "package", "", "Go package name (default: the catalog's name)")
	return cmd
}

// sourceOf describes where a catalog came from for generated headers.
func sourceOf(c *catalog.Catalog, paths []string) string {
	if len(paths) == 0 {
		return "errcat built-in catalog " + c.Name
	}
	return strings.Join(paths, " ")
}

func newGenOpenAPI() *cobra.Command {
	var out, envelope, merge, locale string
	cmd := &cobra.Command{
		Use:   "openapi [PATH...]",
		Short: "Generate OpenAPI 3.1 error components, or add them to an API document",
		Long: `gen openapi writes OpenAPI 3.1 components for the catalog at PATH (the built-in
common catalog when there is none): a schema per envelope, an example per code as the
server would write it, and a response per HTTP status listing its codes. With --merge,
it adds them to an existing document instead: every operation whose operationId a
code's returned_by names (or every operation, for "*") gets a response per status with
the codes it returns; statuses the operation already answers, and the rest of the
document, are left as they are. The output is validated with kin-openapi.`,
		Example: `  errcat gen openapi ./errors -o errors.openapi.json
  errcat gen openapi ./errors --merge api.yaml -o api.yaml
  errcat gen openapi examples/seeds/003-identity --envelope simple`,
		RunE: func(cmd *cobra.Command, a []string) error {
			env := httperr.EnvelopeByName(envelope)
			if env == nil {
				return usageErrorf("--envelope %q: want problem, simple, bulk or google", envelope)
			}
			c, err := loadPaths(cmd, a)
			if err != nil {
				return err
			}
			opts := openapi.Options{Envelope: env, Locale: locale}
			var doc []byte
			if merge != "" {
				src, err := os.ReadFile(merge)
				if err != nil {
					return findingsErrorf("--merge: %v", err)
				}
				if doc, err = openapi.Merge(c, opts, src); err != nil {
					return findingsErrorf("%s: %v", merge, err)
				}
			} else {
				if doc, err = openapi.Generate(c, opts); err != nil {
					return findingsErrorf("%v", err)
				}
				if ext := filepath.Ext(out); ext == ".yaml" || ext == ".yml" {
					if doc, err = yaml.JSONToYAML(doc); err != nil {
						return findingsErrorf("%v", err)
					}
				}
			}
			return writeOutput(cmd.OutOrStdout(), out, doc)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write; .yaml or .yml writes YAML (default: JSON on standard output)")
	cmd.Flags().StringVar(&envelope, "envelope", "problem", "envelope of the error responses: problem, simple, bulk or google")
	cmd.Flags().StringVar(&merge, "merge", "", "OpenAPI document (YAML or JSON) to add the responses to")
	cmd.Flags().StringVar(&locale, "locale", "", "locale of the examples' texts")
	return cmd
}
