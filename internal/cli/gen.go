package cli

import (
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/gen/golang"
	"github.com/errcat/errcat/gen/typescript"
	"github.com/spf13/cobra"
)

func newGen() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Generate Go, TypeScript or OpenAPI from a catalog",
	}
	cmd.AddCommand(newGenGo(), newGenTS())
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
and the catalog with its translations as Go data. Use it from go:generate:

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
