// Command synthetic writes the synthetic catalogs errcat's benchmarks use, so that the
// tools can be timed on them from the command line:
//
//	go run ./internal/tools/synthetic -o /tmp/big -codes 50000 -locales 5
//	/usr/bin/time -v go run ./cmd/errcat lint /tmp/big/big
//
// The catalog is catalogtest.SyntheticJSON's (or Synthetic's, with -yaml).
package main

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/errcat/errcat/catalog/catalogtest"
)

func main() {
	out := flag.String("o", "", "directory to write into (required)")
	codes := flag.Int("codes", 50000, "number of codes")
	locales := flag.Int("locales", 5, "number of translation locales, up to 5")
	yaml := flag.Bool("yaml", false, "write YAML rather than JSON")
	flag.Parse()
	if *out == "" || *codes < 1 || *locales < 0 {
		fmt.Fprintln(os.Stderr, "usage: synthetic -o DIR [-codes N] [-locales N] [-yaml]")
		os.Exit(2)
	}
	fsys := catalogtest.SyntheticJSON("big", *codes, *locales)
	if *yaml {
		fsys = catalogtest.Synthetic("big", *codes, *locales)
	}
	for _, name := range slices.Sorted(maps.Keys(fsys)) {
		p := filepath.Join(*out, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(p, fsys[name].Data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(p)
	}
}
