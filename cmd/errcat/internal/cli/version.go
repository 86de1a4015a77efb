package cli

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

func newVersion() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print errcat's module version, VCS revision and Go version",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), version())
			return err
		},
	}
}

// version describes the running binary from its build information.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "errcat (no build information)"
	}
	return describeBuild(info)
}

// describeBuild returns "errcat VERSION (REVISION, TIME[, modified]) GOVERSION": the
// main module's version as go install stamps it ("(devel)" for a build in a work
// tree without a version tag), then the VCS revision (12 digits) and commit time the
// go command records for a build in a repository, with "modified" when the work tree
// had changes.
func describeBuild(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var vcs []string
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			vcs = append([]string{s.Value[:min(len(s.Value), 12)]}, vcs...)
		case "vcs.time":
			vcs = append(vcs, s.Value)
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified {
		vcs = append(vcs, "modified")
	}
	out := "errcat " + v
	if len(vcs) > 0 {
		out += " (" + strings.Join(vcs, ", ") + ")"
	}
	return out + " " + info.GoVersion
}
