package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

func TestEach(t *testing.T) {
	var running, most atomic.Int32
	got := make([]int, 100)
	Each(len(got), func(i int) {
		r := running.Add(1)
		for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
		}
		got[i] = i * i
		runtime.Gosched()
		running.Add(-1)
	})
	for i, v := range got {
		if v != i*i {
			t.Fatalf("Each left item %d at %d", i, v)
		}
	}
	if m := most.Load(); m > int32(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d calls at once, more than GOMAXPROCS (%d)", m, runtime.GOMAXPROCS(0))
	}
	Each(0, func(int) { t.Fatal("called for n = 0") })
}

// TestChunks holds that Chunks covers every index once, in ranges of the size asked.
func TestChunks(t *testing.T) {
	for _, tc := range []struct{ n, size int }{{0, 4}, {1, 4}, {4, 4}, {10, 4}, {1000, 64}} {
		seen := make([]atomic.Int32, tc.n)
		var ranges atomic.Int32
		Chunks(tc.n, tc.size, func(lo, hi int) {
			ranges.Add(1)
			if hi-lo > tc.size || hi <= lo {
				t.Errorf("Chunks(%d, %d): range [%d, %d)", tc.n, tc.size, lo, hi)
			}
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
		})
		for i := range seen {
			if seen[i].Load() != 1 {
				t.Errorf("Chunks(%d, %d): index %d seen %d times", tc.n, tc.size, i, seen[i].Load())
			}
		}
		if want := (tc.n + tc.size - 1) / tc.size; int(ranges.Load()) != want {
			t.Errorf("Chunks(%d, %d): %d ranges, want %d", tc.n, tc.size, ranges.Load(), want)
		}
	}
}
