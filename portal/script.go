package portal

import (
	"bytes"
	"sync"
)

// searchScript is assets/search.js as the site serves it: without its comment lines
// and indentation, which are for its readers, not for browsers (it is about half
// the size). Only lines that hold nothing but a // comment are dropped, so no
// string, regular expression or code is touched.
var searchScript = sync.OnceValue(func() []byte {
	src, err := assetFS.ReadFile("assets/search.js")
	if err != nil {
		panic(err) // embedded
	}
	return stripScript(src)
})

// stripScript drops the lines of a script that are empty or hold only a // comment,
// and the leading white space of the others.
func stripScript(src []byte) []byte {
	var out bytes.Buffer
	for line := range bytes.Lines(src) {
		t := bytes.TrimLeft(line, " \t")
		if len(bytes.TrimSpace(t)) == 0 || bytes.HasPrefix(t, []byte("//")) {
			continue
		}
		out.Write(t)
	}
	return out.Bytes()
}
