package cli

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionString(t *testing.T) {
	t.Parallel()
	vcs := []debug.BuildSetting{{Key: "vcs.revision", Value: "8841631f0e2d9a1b2c3d4e5f60718293a4b5c6d7"},
		{Key: "vcs.time", Value: "2026-12-06T02:00:00Z"}, {Key: "vcs.modified", Value: "true"}}
	for _, tt := range []struct {
		name, ldflags string
		info          *debug.BuildInfo
		want          string
	}{
		{"no build info", "dev", nil, "dev"},
		{"local build from a clone", "dev", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: vcs},
			"dev (8841631f0e2d, 2026-12-06T02:00:00Z, modified; go1.26.0)"},
		{"go install module@version", "dev", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.4.0"}},
			"v1.4.0 (go1.26.0)"},
		{"-ldflags wins", "v2.0.0", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.4.0"}, Settings: vcs[:2]},
			"v2.0.0 (8841631f0e2d, 2026-12-06T02:00:00Z; go1.26.0)"},
	} {
		if got := versionString(tt.ldflags, tt.info); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	// The binary's own: the command and the flag agree and name the Go version.
	_, out, _ := awsmap(t, "version")
	_, flag, _ := awsmap(t, "--version")
	if out != flag || !strings.HasPrefix(out, "awsmap version ") || !strings.Contains(out, "go1.") {
		t.Errorf("version %q, --version %q", out, flag)
	}
}
