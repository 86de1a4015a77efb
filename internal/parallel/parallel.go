// Package parallel runs independent pieces of work on every core. The loader and the
// linter use it for files, parts of files, codes, locales and rules: work whose
// results are kept by index, so that the outcome is the same as in turn.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls f(i) for every i from 0 to n-1, at most GOMAXPROCS at a time, and returns
// when every call has returned. The calls must not depend on one another.
func Each(n int, f func(i int)) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(i)
		}()
	}
	wg.Wait()
}

// Chunks calls f(lo, hi) for consecutive ranges [lo, hi) of size indexes (the last
// may be shorter) that together cover 0 to n-1, as Each calls f: for work of many
// small pieces, which a goroutine each would cost more than they do.
func Chunks(n, size int, f func(lo, hi int)) {
	Each((n+size-1)/size, func(c int) { f(c*size, min(c*size+size, n)) })
}
