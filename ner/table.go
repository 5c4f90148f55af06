package ner

// table is an open-addressing hash table from feature hash to a value kept
// in the slot itself (a row number, a count, a row of weights), about twice
// as fast as a Go map for this lookup-bound workload: a lookup usually reads
// one place in memory. Feature hashes are already well mixed, so their low
// bits index the table directly. Hash 0 marks an empty slot; the one
// feature in 2^64 that hashes to 0 is left out.
type table[V any] struct {
	slots []slot[V]
	mask  uint64
}

type slot[V any] struct {
	key uint64
	val V
}

// newTable makes a table for n keys at a load factor of at most 1/2.
func newTable[V any](n int) table[V] {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return table[V]{slots: make([]slot[V], size), mask: uint64(size - 1)}
}

// put adds key and returns its value to fill; the key must not be present.
// Key 0 gets a value that is never found.
func (t *table[V]) put(key uint64) *V {
	if key == 0 {
		return new(V)
	}
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.key == 0 {
			s.key = key
			return &s.val
		}
	}
}

// get returns the value of key, or nil.
func (t *table[V]) get(key uint64) *V {
	if len(t.slots) == 0 {
		return nil
	}
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == 0 {
			return nil
		}
		if s.key == key {
			return &s.val
		}
	}
}
