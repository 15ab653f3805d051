package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X github.com/awsmap/awsmap/internal/cli.Version=…";
// without it the version comes from the build information (versionString).
var Version = "dev"

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print awsmap's version and build information",
		Long: `Print the version: the -ldflags version of a release build, else the module
version that 'go install' recorded, with the source revision, its time and
whether the tree had local changes, and the Go version. Same as --version.`,
		Example: `  awsmap version`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "awsmap version %s\n", cmd.Root().Version)
			return nil
		},
	}
}

// buildVersion is the version of this binary.
func buildVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionString(Version, info)
}

// versionString combines the -ldflags version with the build information:
// "v1.2.0 (a1b2c3d4e5f6, 2026-12-06T02:00:00Z, modified; go1.26.0)".
func versionString(ldflags string, info *debug.BuildInfo) string {
	v := ldflags
	if info == nil {
		return v
	}
	if v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	var rev, at, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	switch {
	case rev != "":
		return fmt.Sprintf("%s (%s, %s%s; %s)", v, rev, at, modified, info.GoVersion)
	case info.GoVersion != "":
		return fmt.Sprintf("%s (%s)", v, info.GoVersion)
	}
	return v
}
