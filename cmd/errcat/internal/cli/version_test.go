package cli

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	tests := []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"installed", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/errcat/errcat", Version: "v1.2.0"}},
			"errcat v1.2.0 go1.26.8"},
		{"work tree", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.1-0.20261201144012-5b52afe1c0de+dirty"}, Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "5b52afe1c0de7c7a90c4e09b3d79d9c8171a61f0"},
			{Key: "vcs.time", Value: "2026-12-01T14:40:12Z"},
			{Key: "vcs.modified", Value: "true"},
		}}, "errcat v1.2.1-0.20261201144012-5b52afe1c0de+dirty (5b52afe1c0de, 2026-12-01T14:40:12Z, modified) go1.26.8"},
		{"no version", debug.BuildInfo{GoVersion: "go1.26.8"}, "errcat (devel) go1.26.8"},
	}
	for _, tt := range tests {
		if got := describeBuild(&tt.info); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestVersionCommand holds that errcat version and errcat --version print the same
// line, the running binary's.
func TestVersionCommand(t *testing.T) {
	var a, b, stderr bytes.Buffer
	if code := Main([]string{"version"}, &a, &stderr); code != 0 {
		t.Fatalf("version: exit %d: %s", code, stderr.String())
	}
	if code := Main([]string{"--version"}, &b, &stderr); code != 0 {
		t.Fatalf("--version: exit %d: %s", code, stderr.String())
	}
	if a.String() != b.String() || a.String() != version()+"\n" || !strings.HasPrefix(a.String(), "errcat ") {
		t.Errorf("version printed %q, --version %q; want both %q", a.String(), b.String(), version()+"\n")
	}
}
