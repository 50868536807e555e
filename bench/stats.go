package main

import (
	"math"
	"slices"
)

// median and percentile of xs (nearest rank); NaN when empty.
func median(xs []float64) float64 { return percentile(xs, 50) }

func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[min(max(i, 0), len(s)-1)]
}

// mean of xs; NaN when empty. The parts of the countdown's updates are
// given as means: they add up to the mean of the whole, and each is a few
// tenths of a millisecond, the step of the page's clock, so their medians
// would say little.
func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}
