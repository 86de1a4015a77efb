package richstatus

import (
	"sync"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
)

// helpKey identifies a Help detail: the code it describes and its docs URL.
type helpKey struct{ code, url string }

// helps holds the Help detail of each code and docs URL sent so far, so that a call
// does not build the same three messages again. It stops growing at maxHelps
// entries; later codes get a Help of their own each time.
var helps struct {
	sync.RWMutex
	m map[helpKey]*errdetails.Help
}

const maxHelps = 4096

// help returns the Help detail that links the documentation of code at url. The
// message is shared between calls and must not be modified.
func help(code, url string) *errdetails.Help {
	k := helpKey{code, url}
	helps.RLock()
	h := helps.m[k]
	helps.RUnlock()
	if h != nil {
		return h
	}
	h = &errdetails.Help{Links: []*errdetails.Help_Link{{Description: "Error " + code, Url: url}}}
	helps.Lock()
	defer helps.Unlock()
	if helps.m == nil {
		helps.m = make(map[helpKey]*errdetails.Help)
	}
	if old := helps.m[k]; old != nil {
		return old
	}
	if len(helps.m) < maxHelps {
		helps.m[k] = h
	}
	return h
}
