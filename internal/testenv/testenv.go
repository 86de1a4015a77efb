// Package testenv decides what a test does when something it needs from outside the
// repository is missing: a tool, a browser, a document beside the checkout.
package testenv

import (
	"fmt"
	"os"
	"testing"
)

// CI reports whether the tests run in continuous integration (CI=true), where every
// test must run: what a test needs is installed by scripts/test.sh.
func CI() bool { return os.Getenv("CI") == "true" }

// Missing ends the test because what it needs is missing, described by the format and
// args. Under CI it fails the test, so that a gate never passes on a test that did not
// run; elsewhere it skips it.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if CI() {
		tb.Fatalf("%s (CI=true: a test that cannot run fails)", msg)
	}
	tb.Skip(msg)
}
