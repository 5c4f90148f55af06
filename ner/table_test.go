package ner

import "testing"

// TestTable checks that every stored row comes back under its key, that
// absent keys and key 0 find nothing, and that colliding keys (same low
// bits) are told apart.
func TestTable(t *testing.T) {
	keys := []uint64{1, 2, 1 << 40, 1<<40 | 1, 1<<41 | 1, 0xdeadbeef, 1<<63 | 5}
	rt := newTable[[rowWidth]float32](len(keys))
	for i, k := range keys {
		row := rt.put(k)
		row[0], row[rowWidth-1] = float32(i+1), -float32(i+1)
	}
	for i, k := range keys {
		row := rt.get(k)
		if row == nil || row[0] != float32(i+1) || row[rowWidth-1] != -float32(i+1) {
			t.Errorf("get(%#x) = %v, want the row put under it", k, row)
		}
	}
	for _, k := range []uint64{3, 1<<40 | 2, 1 << 42, 1<<63 | 6} {
		if row := rt.get(k); row != nil {
			t.Errorf("get(%#x) = %v for a key never put", k, row)
		}
	}
	zero := newTable[[rowWidth]float32](1)
	zero.put(0)[0] = 1
	if row := zero.get(0); row != nil {
		t.Errorf("get(0) = %v, want nil: 0 marks an empty slot", row)
	}
}
