package seed

import "math/bits"

// permutation is a keyed bijection on [0, n): a 4-round balanced Feistel network on the
// smallest power of four ≥ n, restricted to [0, n) by cycle walking. It turns an ordinal (the
// k-th customer, the k-th account) into a random-looking number that no other ordinal gets,
// so mobile numbers and account numbers are unique without remembering the ones issued.
type permutation struct {
	n        uint64
	halfBits uint
	mask     uint64
	keys     [4]uint64
}

// newPermutation returns the permutation of [0, n) selected by key.
func newPermutation(n, key uint64) permutation {
	if n < 2 {
		n = 2
	}
	total := uint(bits.Len64(n - 1))
	if total%2 == 1 {
		total++
	}
	p := permutation{n: n, halfBits: total / 2, mask: 1<<(total/2) - 1}
	for i := range p.keys {
		p.keys[i] = mix64(key + uint64(i)*0x632BE59BD9B4E019)
	}
	return p
}

// at returns the image of i (i < n).
func (p permutation) at(i uint64) uint64 {
	if i >= p.n {
		panic("seed: permutation index out of range")
	}
	x := i
	for {
		x = p.encrypt(x)
		if x < p.n {
			return x
		}
	}
}

func (p permutation) encrypt(x uint64) uint64 {
	l, r := x>>p.halfBits, x&p.mask
	for _, k := range p.keys {
		l, r = r, l^(mix64(r^k)&p.mask)
	}
	return l<<p.halfBits | r
}
