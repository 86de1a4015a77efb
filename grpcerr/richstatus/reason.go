package richstatus

import (
	"runtime"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/errcat/errcat"
)

// Reason returns the ErrorInfo reason of a code named name: the UpperCamelCase name in
// UPPER_SNAKE_CASE, as AIP-193 asks ("UnableToLocate" → "UNABLE_TO_LOCATE",
// "ProjectIDRequired" → "PROJECT_ID_REQUIRED"). A word boundary is an upper-case
// letter after a lower-case letter or digit, or the last upper-case letter of a run
// that a lower-case letter follows.
func Reason(name string) string {
	b := make([]byte, 0, len(name)+8)
	for i := 0; i < len(name); i++ {
		c := name[i]
		if isUpper(c) && i > 0 {
			prev := name[i-1]
			next := byte(0)
			if i+1 < len(name) {
				next = name[i+1]
			}
			if isLower(prev) || isDigit(prev) || isUpper(prev) && isLower(next) {
				b = append(b, '_')
			}
		}
		if isLower(c) {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// reasonOf returns the ErrorInfo reason of d: its name's, or its code when the
// definition has no name.
func reasonOf(d *errcat.Definition) string {
	if d.Name() == "" {
		return d.Code()
	}
	if r := reasons.of(d.Set()).reason[d.Code()]; r != "" {
		return r
	}
	return Reason(d.Name())
}

// reasonIndex maps a set's codes to their reasons and back.
type reasonIndex struct {
	reason map[string]string             // code → reason
	def    map[string]*errcat.Definition // reason → code
}

// reasonCache keeps one reasonIndex per set, keyed weakly so that a set the program
// drops is collected, and its entry with it. The index found last is kept beside
// the map with its set: a program answers with one or two sets, and the look-up then
// costs no weak pointer. That keeps at most that one set from being collected.
type reasonCache struct {
	m    sync.Map // weak.Pointer[errcat.Set] → *reasonIndex
	last atomic.Pointer[setIndex]
}

// setIndex is a set and its index.
type setIndex struct {
	set *errcat.Set
	x   *reasonIndex
}

var reasons reasonCache

func (c *reasonCache) of(s *errcat.Set) *reasonIndex {
	if s == nil {
		return &reasonIndex{}
	}
	if l := c.last.Load(); l != nil && l.set == s {
		return l.x
	}
	x := c.load(s)
	c.last.Store(&setIndex{set: s, x: x})
	return x
}

// load returns the index of s from the map, building it the first time.
func (c *reasonCache) load(s *errcat.Set) *reasonIndex {
	key := weak.Make(s)
	if v, ok := c.m.Load(key); ok {
		return v.(*reasonIndex)
	}
	defs := s.Definitions()
	x := &reasonIndex{reason: make(map[string]string, len(defs)), def: make(map[string]*errcat.Definition, len(defs))}
	for _, d := range defs {
		r := d.Code()
		if d.Name() != "" {
			r = Reason(d.Name())
		}
		x.reason[d.Code()] = r
		x.def[r] = d
	}
	v, loaded := c.m.LoadOrStore(key, x)
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[errcat.Set]) { c.m.Delete(k) }, key)
	}
	return v.(*reasonIndex)
}

// lookupReason returns the code of s whose reason is reason, or whose wire code is
// reason (as the Google JSON envelope writes it), or nil.
func lookupReason(s *errcat.Set, reason string) *errcat.Definition {
	if d := reasons.of(s).def[reason]; d != nil {
		return d
	}
	return s.Lookup(reason)
}
