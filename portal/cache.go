package portal

import (
	linked "container/list"
	"sync"
)

// pageCache keeps the most recently served files of a site up to a total size, so a
// server renders each page on demand and again only once it has been pushed out.
// It is safe for concurrent use.
type pageCache struct {
	mu       sync.Mutex
	limit    int
	size     int
	order    *linked.List // of *cached, most recent first
	items    map[string]*linked.Element
	inFlight map[string]*flight
}

// flight is a file being rendered; requests for it meanwhile wait for that render.
type flight struct {
	done chan struct{}
	data []byte
	ok   bool
}

type cached struct {
	name string
	data []byte
}

// newPageCache returns a cache of at most limit bytes of files.
func newPageCache(limit int) *pageCache {
	return &pageCache{limit: limit, order: linked.New(), items: map[string]*linked.Element{}, inFlight: map[string]*flight{}}
}

// load returns the file at name from the cache, or renders it with render and keeps
// it. Requests for one file at once share one render.
func (c *pageCache) load(name string, render func() ([]byte, bool)) ([]byte, bool) {
	if data, ok := c.get(name); ok {
		return data, true
	}
	c.mu.Lock()
	if f, ok := c.inFlight[name]; ok {
		c.mu.Unlock()
		<-f.done
		return f.data, f.ok
	}
	f := &flight{done: make(chan struct{})}
	c.inFlight[name] = f
	c.mu.Unlock()
	f.data, f.ok = render()
	if f.ok {
		c.put(name, f.data)
	}
	c.mu.Lock()
	delete(c.inFlight, name)
	c.mu.Unlock()
	close(f.done)
	return f.data, f.ok
}

// get returns the file at name and whether the cache holds it.
func (c *pageCache) get(name string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[name]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cached).data, true
}

// put keeps data as the file at name, pushing out the least recently used files
// while the cache is over its limit. A file larger than a quarter of the limit is
// not kept.
func (c *pageCache) put(name string, data []byte) {
	if len(data) > c.limit/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[name]; ok {
		c.size -= len(el.Value.(*cached).data)
		c.order.Remove(el)
	}
	c.items[name] = c.order.PushFront(&cached{name, data})
	c.size += len(data)
	for c.size > c.limit {
		el := c.order.Back()
		old := el.Value.(*cached)
		c.order.Remove(el)
		delete(c.items, old.name)
		c.size -= len(old.data)
	}
}
