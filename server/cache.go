package server

import (
	"net/http"
	"strconv"
	"sync"
)

// aggregateCache keeps the JSON of the aggregate endpoints (timeline,
// network, places), which scan every matching event, until the store
// changes: the key holds the store's generation.
type aggregateCache struct {
	mu      sync.Mutex
	entries map[string][]byte
}

// maxCached bounds the cache; when full it starts afresh, which is simple
// and enough for the handful of views an analyst moves between.
const maxCached = 256

func (c *aggregateCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.entries[key]
	return b, ok
}

func (c *aggregateCache) put(key string, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxCached {
		c.entries = map[string][]byte{}
	}
	c.entries[key] = b
}

// cached serves r from the cache, or computes the answer with fn, writes it
// and keeps it.
func (s *Server) cached(w http.ResponseWriter, r *http.Request, fn func() (any, error)) error {
	gen, err := s.st.Generation(r.Context())
	if err != nil {
		return err
	}
	key := strconv.FormatInt(gen, 10) + " " + r.URL.Path + "?" + r.URL.RawQuery
	if b, ok := s.cache.get(key); ok {
		writeRaw(w, b)
		return nil
	}
	v, err := fn()
	if err != nil {
		return err
	}
	b, err := marshal(v)
	if err != nil {
		return err
	}
	s.cache.put(key, b)
	writeRaw(w, b)
	return nil
}
