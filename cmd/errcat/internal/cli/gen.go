package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/gen/golang"
	"github.com/errcat/errcat/gen/openapi"
	"github.com/errcat/errcat/gen/typescript"
	"github.com/errcat/errcat/httperr"
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
	var httpCodes bool
	var remaps []string
	cmd := &cobra.Command{
		Use:   "openapi [PATH...]",
		Short: "Generate OpenAPI 3.1 error responses, or add them to an API document",
		Long: `gen openapi writes OpenAPI 3.1 components describing every error response of a
service: a schema per envelope and per code (the code fixed, its params typed), an
example per code as the server writes it (and per plural form or select arm of its
texts, as E123-one and E123-other, with a number CLDR gives for each category), and a
response per HTTP status listing its
codes, in each media type the server answers errors in (problem details also as
application/json). Each PATH is a catalog (a file or a directory, with its
translations), or dir/... for every catalog below dir; they are described together,
and a code may be in one of them only. With no PATH, the built-in common catalog.

By default the codes errcat's HTTP layer (httperr.Handler) answers with are described
too: an unknown route, a wrong method, a malformed or oversized body, a timeout, rate
limits and maintenance, with the built-in common catalog's codes. A server that remaps
them with httperr.Codes declares the same remaps with --http-code (as
--http-code NotFound=PET-404, the code from one of the catalogs given);
--http-codes=false leaves them out.

With --merge, it adds them to an existing document instead: every operation gets a
response per status with the codes it can answer with (those whose returned_by names its
operationId or "*", and the HTTP layer's; those of request bodies only where the
operation takes one). Statuses the operation already answers, and the rest of the
document, are left as they are. Merging into a document errcat merged into before
merges the code lists: the catalogs merged now replace what they wrote, other catalogs'
codes stay. The output is validated with kin-openapi.`,
		Example: `  errcat gen openapi ./errors -o errors.openapi.json
  errcat gen openapi ./errors --merge api.yaml -o api.yaml
  errcat gen openapi ./errors --http-code MalformedJSON=E0400 --merge api.yaml -o api.yaml
  errcat gen openapi examples/seeds/003-identity --envelope simple`,
		RunE: func(cmd *cobra.Command, a []string) error {
			env := httperr.EnvelopeByName(envelope)
			if env == nil && envelope != "" {
				return usageErrorf("--envelope %q: want problem, simple, bulk or google", envelope)
			}
			opts := openapi.Options{Envelope: env, Locale: locale, OmitHTTPCodes: !httpCodes}
			for _, r := range remaps {
				field, code, ok := strings.Cut(r, "=")
				if !ok || code == "" || !slices.Contains(openapi.HTTPFailures(), field) {
					return usageErrorf("--http-code %q: want FAILURE=CODE, FAILURE one of %s", r, strings.Join(openapi.HTTPFailures(), ", "))
				}
				if opts.HTTPCodes == nil {
					opts.HTTPCodes = map[string]string{}
				}
				opts.HTTPCodes[field] = code
			}
			cats, err := loadCatalogs(cmd.ErrOrStderr(), a)
			if err != nil {
				return err
			}
			doc, err := genOpenAPI(cats, opts, merge, out)
			if err != nil {
				return err
			}
			return writeOutput(cmd.OutOrStdout(), out, doc)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write; .yaml or .yml writes YAML (default: JSON on standard output)")
	cmd.Flags().StringVar(&envelope, "envelope", "", "envelope of the error responses: problem, simple, bulk or google (default: the one the catalogs declare in their response field, with its options, else problem)")
	cmd.Flags().StringVar(&merge, "merge", "", "OpenAPI document (YAML or JSON) to add the responses to")
	cmd.Flags().StringVar(&locale, "locale", "", "locale of the examples' texts")
	cmd.Flags().BoolVar(&httpCodes, "http-codes", true, "describe the codes the HTTP layer answers with (an unknown route, a malformed body…)")
	cmd.Flags().StringArrayVar(&remaps, "http-code", nil, "FAILURE=CODE: the HTTP layer answers FAILURE (a field of httperr.Codes, such as NotFound) with CODE; repeatable")
	return cmd
}

// genOpenAPI returns the document gen openapi writes: generated, or merged into the
// document at merge; YAML when out names a .yaml or .yml file and nothing is merged.
func genOpenAPI(cats []*catalog.Catalog, opts openapi.Options, merge, out string) ([]byte, error) {
	if merge != "" {
		src, err := os.ReadFile(merge)
		if err != nil {
			return nil, findingsErrorf("--merge: %v", err)
		}
		doc, err := openapi.Merge(cats, opts, src)
		if err != nil {
			return nil, findingsErrorf("%s: %v", merge, err)
		}
		return doc, nil
	}
	doc, err := openapi.Generate(cats, opts)
	if err != nil {
		return nil, findingsErrorf("%v", err)
	}
	if ext := filepath.Ext(out); ext == ".yaml" || ext == ".yml" {
		if doc, err = openapi.YAML(doc); err != nil {
			return nil, findingsErrorf("%v", err)
		}
	}
	return doc, nil
}
