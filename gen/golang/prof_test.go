package golang

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

func TestSplit50k(t *testing.T) {
	fsys := catalogtest.SyntheticJSON("big", 50000, 0)
	if os.Getenv("LIMIT") != "" {
		debug.SetMemoryLimit(768 << 20)
	}
	runtime.GC()
	s := time.Now()
	c, err := catalog.Load(fsys, "big")
	if err != nil {
		t.Fatal(err)
	}
	load := time.Since(s)
	s = time.Now()
	out, err := Generate(c, Options{Package: "big"})
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("json", len(fsys["big/errors.json"].Data)>>20, "MiB load", load, "generate", time.Since(s), "out", len(out)>>20, "MiB sys", ms.Sys>>20, "MiB heapInuse", ms.HeapInuse>>20)
}

