package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestBoundHeap holds that a docs build sets a soft memory limit of at least
// minHeapLimit, and leaves the limit GOMEMLIMIT sets alone.
func TestBoundHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)

	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "")
	boundHeap()
	if got := debug.SetMemoryLimit(-1); got < minHeapLimit || got == math.MaxInt64 {
		t.Errorf("limit %d after boundHeap, want at least %d", got, minHeapLimit)
	}

	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "1GiB")
	boundHeap()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("boundHeap changed the limit to %d though GOMEMLIMIT is set", got)
	}
}
