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
