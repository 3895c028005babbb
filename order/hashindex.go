package order

import "math/bits"

// hashIndex maps hashes to non-negative int32 values with open addressing
// and linear probing in one flat array of 8-byte slots, so that a look-up
// usually touches one cache line and a table for 100,000 orders takes
// about a megabyte. It holds no pointers, so the garbage collector does
// not scan it.
//
// A slot keeps a 32-bit tag of the hash, which also places it, so two
// different hashes may meet: the index names a candidate only, and the
// triage confirms every hit by comparing the strings it hashed.
type hashIndex struct {
	slots []uint64 // tag<<32 | value+1; 0 marks an empty slot
	mask  uint32
	n     int // entries stored
}

// newHashIndex returns an index sized for about n entries; it doubles when
// it is four-fifths full.
func newHashIndex(n int) hashIndex {
	size := 1 << min(bits.Len64(uint64(n+n/4+8)-1), 31)
	return hashIndex{slots: make([]uint64, size), mask: uint32(size - 1)}
}

// getOrPut returns the value stored for h's tag and true, or stores v
// (≥ 0) and returns v and false.
func (x *hashIndex) getOrPut(h uint64, v int32) (int32, bool) {
	tag := uint32(h ^ h>>32)
	for i := tag & x.mask; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s == 0 {
			x.slots[i] = uint64(tag)<<32 | uint64(uint32(v)+1)
			x.n++
			if 5*x.n >= 4*len(x.slots) && len(x.slots) < 1<<31 {
				x.grow()
			}
			return v, false
		}
		if uint32(s>>32) == tag {
			return int32(uint32(s) - 1), true
		}
	}
}

// grow doubles the table, re-placing every entry by its tag.
func (x *hashIndex) grow() {
	old := x.slots
	x.slots = make([]uint64, 2*len(old))
	x.mask = uint32(len(x.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := uint32(s>>32) & x.mask
		for x.slots[i] != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = s
	}
}
