package ner

// table is an open-addressing hash table from feature hash to weight row,
// about twice as fast as a Go map for this lookup-bound workload: one probe
// usually touches one cache line. Feature hashes are already well mixed, so
// their low bits index the table directly. Hash 0 marks an empty slot; the
// one feature in 2^64 that hashes to 0 is left out.
type table struct {
	slots []slot
	mask  uint64
}

type slot struct {
	key uint64
	row int32
}

// newTable makes a table for n keys at a load factor of at most 1/2.
func newTable(n int) table {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return table{slots: make([]slot, size), mask: uint64(size - 1)}
}

// put adds key with its row; the key must not be present.
func (t *table) put(key uint64, row int32) {
	if key == 0 {
		return
	}
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i].key == 0 {
			t.slots[i] = slot{key, row}
			return
		}
	}
}

// get returns the row of key, or -1.
func (t *table) get(key uint64) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == key {
			return s.row
		}
		if s.key == 0 {
			return -1
		}
	}
}

// rowTable is a table whose slots hold the weight rows themselves, so that
// a lookup reads one place in memory rather than a slot and then a row.
type rowTable struct {
	slots []rowSlot
	mask  uint64
}

type rowSlot struct {
	key uint64
	row [rowWidth]float32
}

// newRowTable makes a row table for n keys at a load factor of at most 1/2.
func newRowTable(n int) rowTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return rowTable{slots: make([]rowSlot, size), mask: uint64(size - 1)}
}

// put adds key and returns its row to fill; the key must not be present.
// Key 0 gets a row that is never found.
func (t *rowTable) put(key uint64) *[rowWidth]float32 {
	if key == 0 {
		return new([rowWidth]float32)
	}
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.key == 0 {
			s.key = key
			return &s.row
		}
	}
}

// get returns the row of key, or nil.
func (t *rowTable) get(key uint64) *[rowWidth]float32 {
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == 0 {
			return nil
		}
		if s.key == key {
			return &s.row
		}
	}
}
