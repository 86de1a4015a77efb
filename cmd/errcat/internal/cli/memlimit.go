package cli

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// minHeapLimit is the least soft memory limit boundHeap sets.
const minHeapLimit = 896 << 20

// boundHeap sets the collector's soft memory limit, unless GOMEMLIMIT sets one, to
// three times the heap live now or minHeapLimit, whichever is more. A documentation
// build holds its catalogs while it makes garbage fast, on every processor: left to
// the default pacing, the heap grows to twice what the collector finds live, and
// what is allocated while it marks counts as live too. Under the limit the collector
// runs earlier instead, at some processor time, when the heap nears it; a catalog
// small enough never meets it.
func boundHeap() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	limit := int64(minHeapLimit)
	if s[0].Value.Kind() == metrics.KindUint64 {
		limit = max(limit, 3*int64(s[0].Value.Uint64()))
	}
	debug.SetMemoryLimit(limit)
}
