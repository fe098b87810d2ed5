package match

import "unsafe"

// symTable maps the automaton's stems to their symbols. The stems are held
// as one string and the offset where each ends, found through an
// open-addressing table of FNV-1a hashes, not as a map and a list of
// strings: a server's garbage collector reads every pointer the playbook
// holds at every collection, and a map of the 3,300 stems of the
// playbook's automaton (and one of the fact sheet's) was about a million
// instructions of each.
type symTable struct {
	all   string
	end   []uint32 // stem i is all[end[i-1]:end[i]] (from 0 for stem 0)
	slots []int32  // symbol + 1; 0 is empty
	mask  uint64
	// dups counts stems given more than once (a corrupt automaton).
	dups int
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// newSymTable indexes stems; stem i is symbol i.
func newSymTable(stems []string) symTable {
	n := 0
	for _, s := range stems {
		n += len(s)
	}
	buf := make([]byte, n)
	t := symTable{end: make([]uint32, len(stems))}
	off := 0
	for i, s := range stems {
		off += copy(buf[off:], s)
		t.end[i] = uint32(off)
	}
	// buf is never written again: the string may share its bytes.
	t.all = unsafe.String(unsafe.SliceData(buf), len(buf))
	size := 16
	for size < 2*len(stems) {
		size <<= 1
	}
	t.slots, t.mask = make([]int32, size), uint64(size-1)
	for i, s := range stems {
		for h := fnv(s) & t.mask; ; h = (h + 1) & t.mask {
			if t.slots[h] == 0 {
				t.slots[h] = int32(i) + 1
				break
			}
			if stems[t.slots[h]-1] == s {
				t.slots[h] = int32(i) + 1 // the last wins, as a map would have it
				t.dups++
				break
			}
		}
	}
	return t
}

// len is the number of stems.
func (t *symTable) len() int { return len(t.end) }

// at returns stem i.
func (t *symTable) at(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.end[i-1]
	}
	return t.all[start:t.end[i]]
}

// lookup returns the symbol of stem s.
func (t *symTable) lookup(s string) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	for h := fnv(s) & t.mask; ; h = (h + 1) & t.mask {
		i := t.slots[h]
		if i == 0 {
			return 0, false
		}
		if t.at(int(i-1)) == s {
			return i - 1, true
		}
	}
}
