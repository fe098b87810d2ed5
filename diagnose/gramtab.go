package diagnose

import "math/bits"

// gramTable maps gram keys (never 0) to feature indexes: open addressing
// with linear probing over a power-of-two array. A diagnosis looks a gram
// up several times a word, and a Go map of uint64 spent most of its time
// hashing and probing groups; this spends a multiply and a load or two.
type gramTable struct {
	keys  []uint64 // 0: empty
	vals  []int32
	n     int
	shift uint8 // 64 - log2(len(keys))
}

func newGramTable(size int) gramTable {
	n := 16
	for n < 2*size {
		n <<= 1
	}
	return gramTable{keys: make([]uint64, n), vals: make([]int32, n), shift: uint8(64 - bits.TrailingZeros(uint(n)))}
}

func (t *gramTable) slot(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> t.shift
}

// get returns the value of key and whether it is there.
func (t *gramTable) get(key uint64) (int32, bool) {
	mask := uint64(len(t.keys) - 1)
	for s := t.slot(key); ; s = (s + 1) & mask {
		switch t.keys[s] {
		case key:
			return t.vals[s], true
		case 0:
			return 0, false
		}
	}
}

// put sets the value of a key that is not there yet.
func (t *gramTable) put(key uint64, v int32) {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := uint64(len(t.keys) - 1)
	s := t.slot(key)
	for t.keys[s] != 0 {
		s = (s + 1) & mask
	}
	t.keys[s], t.vals[s] = key, v
	t.n++
}

func (t *gramTable) grow() {
	old, oldv := t.keys, t.vals
	*t = newGramTable(len(old))
	for i, k := range old {
		if k != 0 {
			t.put(k, oldv[i])
		}
	}
}

// len is the number of keys.
func (t *gramTable) len() int { return t.n }

// reset empties the table, keeping its arrays.
func (t *gramTable) reset() {
	if t.n > 0 {
		clear(t.keys)
		t.n = 0
	}
}
