package errcat

import (
	"sync/atomic"
)

// maxMemos is how many Memos a program may make: envelopes make one each, at package
// initialization. Each definition and locale that uses a Memo keeps a slot for every
// Memo made.
const maxMemos = 16

// memos counts the Memos made; each takes the next slot.
var memos atomic.Int32

// memoSlots holds the values of every Memo for one definition, variant shown and
// locale, made the first time any Memo is used there: one slot per Memo made by then.
type memoSlots []atomic.Value

// A Memo keeps one value of type T for each code, variant shown and locale an error
// renders in, made the first time it is asked for and kept as long as the code's
// [Definition]: for what is worth working out once per code and locale rather than
// once per error, such as a response body compiled around the code's texts (package
// httperr keeps its envelopes' bodies in Memos). Two locales that fall back to the
// same texts share the value.
//
// Make Memos with [NewMemo] when the program starts, as package-level variables; a
// program may make at most 16. A Memo is safe for concurrent use.
type Memo[T any] struct{ slot int }

// NewMemo returns a new Memo. It panics when the program has made 16 already: Memos
// are made once, at package initialization, not per request.
func NewMemo[T any]() *Memo[T] {
	n := int(memos.Add(1)) - 1
	if n >= maxMemos {
		panic("errcat: NewMemo called more than 16 times; make Memos once, as package-level variables")
	}
	return &Memo[T]{slot: n}
}

// Get returns m's value for e's definition, variant shown and texts in locale, calling
// build(e, locale) to make it the first time. build must depend only on what the code,
// its variant shown and its texts in locale fix, not on e's values, since the value
// is shared by every error of the code. It may be called more than once for the same
// value (goroutines racing for the first one; rarely, a Memo made after others were
// used); one of the values built is kept.
func (m *Memo[T]) Get(e *Error, locale string, build func(e *Error, locale string) *T) *T {
	t := e.texts(locale)
	s := t.memo.Load()
	if s == nil || m.slot >= len(*s) {
		s = m.grow(&t.memo, s)
	}
	slot := &(*s)[m.slot]
	if v, ok := slot.Load().(*T); ok {
		return v
	}
	slot.CompareAndSwap(nil, build(e, locale))
	return slot.Load().(*T)
}

// grow returns slots with room for m, made or copied from old, which may have fewer
// slots when m was made after them. A value stored in old while it is copied may be
// lost; its Memo makes it again.
func (m *Memo[T]) grow(p *atomic.Pointer[memoSlots], old *memoSlots) *memoSlots {
	for {
		s := make(memoSlots, max(int(memos.Load()), m.slot+1))
		if old != nil {
			for i := range *old {
				if v := (*old)[i].Load(); v != nil {
					s[i].Store(v)
				}
			}
		}
		if p.CompareAndSwap(old, &s) {
			return &s
		}
		if old = p.Load(); m.slot < len(*old) {
			return old
		}
	}
}
