package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"strings"
	"testing/fstest"
	"text/tabwriter"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/diff"
	"github.com/spf13/cobra"
)

func newDiff() *cobra.Command {
	var format string
	var allowBreaking bool
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "List changes between two versions of a catalog; exit 1 on a breaking one, 2 on bad input",
		Long: `diff compares two versions of a catalog and classifies each change as breaking (a
code removed or renamed, a status or gRPC code changed, a param removed, retyped or
moved, the wire code type changed…) or compatible (a code, variant, param or
translation added, a text changed), then suggests a semantic-version bump. Each side is
a path, or git:REF:PATH to read it from git without a checkout. The exit status is 1
when a change is breaking (unless --allow-breaking), 2 when the arguments are wrong or
a side cannot be read or loaded: a script can tell a breaking change from a broken run.`,
		Example: `  errcat diff git:main:errors errors
  errcat diff git:v1.2.0:api/errors.yaml api/errors.yaml --format json`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if format != "text" && format != "json" {
				return usageErrorf("--format %q: want text or json", format)
			}
			old, err := loadSide(cmd, a[0])
			if err != nil {
				return err
			}
			new, err := loadSide(cmd, a[1])
			if err != nil {
				return err
			}
			r := diff.Compare(old, new)
			out := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(r); err != nil {
					return err
				}
			} else {
				tw := tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)
				for _, c := range r.Changes {
					kind := "compatible"
					if c.Breaking {
						kind = "breaking"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", kind, c.Kind, printable(c.ID), printable(c.What))
				}
				tw.Flush()
				line := "suggested version bump: " + r.Bump
				if r.Suggested != "" && r.Bump != "none" {
					line += " (" + r.OldVersion + " → " + r.Suggested + ")"
				}
				fmt.Fprintln(out, printable(line))
			}
			if r.Breaking() && !allowBreaking {
				return findingsErrorf("breaking changes: bump the major version, or pass --allow-breaking")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&allowBreaking, "allow-breaking", false, "exit 0 even when a change is breaking")
	return cmd
}

// loadSide loads one side of a diff: a path, or git:REF:PATH.
func loadSide(cmd *cobra.Command, spec string) (*catalog.Catalog, error) {
	rest, fromGit := strings.CutPrefix(spec, "git:")
	if !fromGit {
		if _, err := os.Stat(spec); err != nil {
			return nil, ioErrorf("%s: %v", spec, unwrapPath(err))
		}
		c, err := catalog.LoadFiles(spec)
		if err != nil {
			printError(cmd.ErrOrStderr(), err)
			return nil, ioErrorf("%s: cannot compare a catalog with problems; errcat validate %s lists them", spec, spec)
		}
		return c, nil
	}
	ref, p, ok := strings.Cut(rest, ":")
	if !ok || ref == "" || p == "" {
		return nil, usageErrorf("%q: want git:REF:PATH, as in git:main:errors", spec)
	}
	fsys, err := gitFS(ref, p)
	if err != nil {
		return nil, ioErrorf("%s: %v", spec, err)
	}
	c, err := catalog.Load(fsys, path.Clean(p))
	if err != nil {
		var probs catalog.Problems
		if errors.As(err, &probs) {
			for _, pr := range probs {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s:%s\n", printable(ref), printable(pr.Error()))
			}
		}
		return nil, ioErrorf("%s: cannot compare a catalog with problems", spec)
	}
	return c, nil
}

// gitFS reads the catalog files under p (relative to the working directory) at ref.
func gitFS(ref, p string) (fstest.MapFS, error) {
	run := func(args ...string) ([]byte, error) {
		var stderr bytes.Buffer
		c := exec.Command("git", args...)
		c.Stderr = &stderr
		out, err := c.Output()
		if err != nil {
			return nil, fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(stderr.String()))
		}
		return out, nil
	}
	list, err := run("ls-tree", "-r", "--name-only", ref, "--", p)
	if err != nil {
		return nil, err
	}
	fsys := fstest.MapFS{}
	for _, name := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		switch path.Ext(name) {
		case ".yaml", ".yml", ".json":
		default:
			continue
		}
		data, err := run("show", ref+":./"+name)
		if err != nil {
			return nil, err
		}
		fsys[path.Clean(name)] = &fstest.MapFile{Data: data}
	}
	if len(fsys) == 0 {
		return nil, fmt.Errorf("no catalog files at %s in %s", p, ref)
	}
	return fsys, nil
}
