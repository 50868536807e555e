//go:build race

package store_test

// raceOn: the race detector slows decoding tenfold, so the hostile files
// are smaller under it; the bound, a multiple of their size, is the same.
const raceOn = true
