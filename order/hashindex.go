package order

import "math/bits"

// hashIndex maps 64-bit hashes to int32 values with open addressing and
// linear probing in one flat array, so that a look-up usually costs one
// cache line. It holds no pointers, so the garbage collector does not scan
// it. The triage uses it to group orders; callers confirm every hit by
// comparing the hashed strings.
type hashIndex struct {
	slots []hashSlot
	mask  uint64
	n     int // entries stored
}

type hashSlot struct {
	h uint64
	v int32 // value + 1; 0 marks an empty slot
}

// newHashIndex returns an index sized for about n entries; it grows when
// it is two-thirds full.
func newHashIndex(n int) hashIndex {
	size := uint64(1) << bits.Len64(uint64(n+n/2+8))
	return hashIndex{slots: make([]hashSlot, size), mask: size - 1}
}

// getOrPut returns the value stored for h and true, or stores v for h and
// returns v and false.
func (x *hashIndex) getOrPut(h uint64, v int32) (int32, bool) {
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := &x.slots[i]
		if s.v == 0 {
			s.h, s.v = h, v+1
			x.n++
			if 3*uint64(x.n) >= 2*uint64(len(x.slots)) {
				x.grow()
			}
			return v, false
		}
		if s.h == h {
			return s.v - 1, true
		}
	}
}

// grow doubles the table.
func (x *hashIndex) grow() {
	old := x.slots
	x.slots = make([]hashSlot, 2*len(old))
	x.mask = uint64(len(x.slots)) - 1
	for _, s := range old {
		if s.v == 0 {
			continue
		}
		i := s.h & x.mask
		for x.slots[i].v != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = s
	}
}
