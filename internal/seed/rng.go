package seed

import (
	"math/rand/v2"
	"sort"
)

// stream names an independent random sequence. Each phase draws the data of customer i from
// its own stream seeded by (Seed, stream, i), so a phase can replay what an earlier phase drew
// (a customer's subscriptions while writing its bills) without storing it, and adding a draw
// to one phase never shifts the data of another.
type stream uint64

const (
	streamWorld stream = iota + 1
	streamCustomer
	streamCustomerDetail
	streamHoldings
	streamBills
	streamContacts
	streamService
	streamLoyalty
	streamGroups
	streamCampaigns
)

// mix64 is the splitmix64 finaliser: a bijective 64-bit hash with good avalanche.
func mix64(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// rnd is a reseedable PCG generator with the helpers the generators need.
type rnd struct {
	src rand.PCG // reseeded in place: no allocation per customer
	*rand.Rand
}

func newRnd(seed int64, s stream, i uint64) *rnd {
	r := &rnd{}
	r.Rand = rand.New(&r.src)
	r.reseed(seed, s, i)
	return r
}

// reseed positions r at the start of sequence (seed, s, i).
func (r *rnd) reseed(seed int64, s stream, i uint64) {
	a := mix64(uint64(seed) ^ mix64(uint64(s)<<32))
	r.src.Seed(mix64(a^i), mix64(a+i*0x9E3779B97F4A7C15+1))
}

// chance reports true with probability p.
func (r *rnd) chance(p float64) bool { return r.Float64() < p }

// between returns an int in [lo, hi].
func (r *rnd) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// pick returns a uniformly chosen element of list.
func pick[T any](r *rnd, list []T) T { return list[r.IntN(len(list))] }

// weighted is a discrete distribution over items.
type weighted[T any] struct {
	items []T
	cum   []float64 // cumulative weights, last = total
}

// newWeighted builds a distribution from items and their (relative) weights.
func newWeighted[T any](items []T, weights []float64) weighted[T] {
	if len(items) != len(weights) || len(items) == 0 {
		panic("seed: weighted: items and weights differ in length or are empty")
	}
	w := weighted[T]{items: items, cum: make([]float64, len(weights))}
	total := 0.0
	for i, x := range weights {
		total += x
		w.cum[i] = total
	}
	return w
}

// pick draws one item.
func (w weighted[T]) pick(r *rnd) T {
	x := r.Float64() * w.cum[len(w.cum)-1]
	i := sort.SearchFloat64s(w.cum, x)
	if i >= len(w.items) {
		i = len(w.items) - 1
	}
	return w.items[i]
}

// choice pairs a value with its weight, for building weighted tables literally.
type choice[T any] struct {
	v T
	w float64
}

// fromChoices builds a distribution from literal (value, weight) pairs.
func fromChoices[T any](cs ...choice[T]) weighted[T] {
	items := make([]T, len(cs))
	ws := make([]float64, len(cs))
	for i, c := range cs {
		items[i], ws[i] = c.v, c.w
	}
	return newWeighted(items, ws)
}
